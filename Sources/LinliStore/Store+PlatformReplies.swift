import LinliCore

extension StoreTransaction {
    /// Queues a chat platform's reply unless a row for the same endpoint and
    /// outbound id is there already. True when it was queued now.
    @discardableResult
    public func enqueueOnce(_ row: OutboxRow) throws -> Bool {
        try execute(
            """
            INSERT INTO outbox(event_id, webhook, recipient, reason, text, refs, event, created_at, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """,
            [
                row.eventID, row.webhook, row.recipient, row.reason, row.text, row.refs.joined(separator: ","),
                row.event, row.createdAt.milliseconds, row.dueAt.milliseconds,
            ]) > 0
    }

}
