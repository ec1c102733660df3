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
        try one("SELECT ok, code, text, refs FROM inbound WHERE event_id = ?", .text(id)) { row in
            let refs = row.text(3)
            return StoredOutcome(
                ok: row.int(0) != 0, code: row.optionalText(1), text: row.text(2),
                refs: refs.isEmpty ? [] : refs.split(separator: ",").map(String.init))
        }
    }

    /// Records that event `id` was handled, and how.
    public func saveOutcome(_ outcome: StoredOutcome, ofEvent id: String, at: Int64) throws {
        try run(
            "INSERT INTO inbound(event_id, ok, code, text, refs, handled_at) VALUES (?, ?, ?, ?, ?, ?)",
            .text(id), .int(outcome.ok ? 1 : 0), .text(outcome.code), .text(outcome.text), .text(outcome.refs.joined(separator: ",")), .int(at))
    }
}
