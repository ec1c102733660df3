import LinliCore

extension StoreTransaction {
    /// Queues a chat platform's reply unless a row for the same endpoint and
    /// outbound id is there already. The row as queued (with its id) when it was
    /// queued now; nil when it was there.
    @discardableResult
    public func enqueueOnce(_ row: OutboxRow) throws -> OutboxRow? {
        let (insert, values) = (Self.insertOutboxOnce, Self.values(of: row))
        let id: Int64?
        if let db {
            // SQLite's RETURNING doubled the insert's cost (a platform callback's costliest
            // statement): the row it added, if it added one, is the connection's last.
            id = try execute(insert, values) == 1 ? db.lastInsertedRowID : nil
        } else {
            id = try first(insert + " RETURNING id", values) { $0.int(0) }
        }
        guard let id else { return nil }
        var queued = row
        queued.id = id
        return queued
    }

    private static let insertOutboxOnce = insertOutbox + " ON CONFLICT DO NOTHING"

    /// The message a platform's signature was taken with, if it was.
    public func signatureTaken(platform: String, sign: String) throws -> String? {
        try first("SELECT event_id FROM platform_signatures WHERE platform = ? AND sign = ?", [platform, sign]) { $0.text(0) }
    }

    /// The signatures taken since `since`: (platform, signature, message, when).
    public func signaturesTaken(since: Instant) throws -> [(platform: String, sign: String, eventID: String, at: Instant)] {
        try many(
            "SELECT platform, sign, event_id, at FROM platform_signatures WHERE at >= ?", values: [.int(since.milliseconds)],
            decode: { ($0.text(0), $0.text(1), $0.text(2), Instant(milliseconds: $0.int(3))) })
    }

    /// Keeps that `sign` came with `eventID` (the first message it came with stays), and
    /// forgets signatures taken before `forgetting`.
    public func takeSignature(platform: String, sign: String, eventID: String, at: Instant, forgetting: Instant) throws {
        _ = try execute(
            "INSERT INTO platform_signatures(platform, sign, event_id, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [platform, sign, eventID, at.milliseconds])
        _ = try execute("DELETE FROM platform_signatures WHERE at < ?", [forgetting.milliseconds])
    }
}
