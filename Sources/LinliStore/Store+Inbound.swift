import GRDB

/// What a handled event came to: kept so that a repeat of its id gets the same answer.
public struct StoredOutcome: Sendable, Equatable {
    public var ok: Bool
    public var code: String?
    public var text: String
    public var refs: [String]

    public init(ok: Bool, code: String?, text: String, refs: [String]) {
        self.ok = ok
        self.code = code
        self.text = text
        self.refs = refs
    }
}

extension StoreTransaction {
    /// The outcome of an event id already handled, if any.
    public func outcome(ofEvent id: String) throws -> StoredOutcome? {
        try first("SELECT ok, code, text, refs FROM inbound WHERE event_id = ?", [id]) { row in
            let refs: String = row[3]
            return StoredOutcome(ok: row[0], code: row[1], text: row[2], refs: refs.isEmpty ? [] : refs.split(separator: ",").map(String.init))
        }
    }

    /// Records that event `id` was handled, and how.
    public func saveOutcome(_ outcome: StoredOutcome, ofEvent id: String, at: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO inbound(event_id, ok, code, text, refs, handled_at) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [id, outcome.ok, outcome.code, outcome.text, outcome.refs.joined(separator: ","), at])
    }
}
