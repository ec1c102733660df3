import LinliCore

extension StoreTransaction {
    /// Queues a chat platform's reply unless a row for the same endpoint and
    /// outbound id is there already. The row as queued (with its id) when it was
    /// queued now; nil when it was there.
    @discardableResult
    public func enqueueOnce(_ row: OutboxRow) throws -> OutboxRow? {
        let id = try first(
            """
            INSERT INTO outbox(event_id, webhook, recipient, reason, text, refs, event, created_at, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
            """,
            [
                row.eventID, row.webhook, row.recipient, row.reason, row.text, row.refs.joined(separator: ","),
                row.event, row.createdAt.milliseconds, row.dueAt.milliseconds,
            ]) { $0.int(0) }
        guard let id else { return nil }
        var queued = row
        queued.id = id
        return queued
    }

}
