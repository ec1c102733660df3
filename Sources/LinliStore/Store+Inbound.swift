/// What a handled event came to: kept so that a repeat of its id gets the same answer.
public struct StoredOutcome: Sendable, Equatable {
    public var ok: Bool
    public var code: String?
    public var text: String
    public var refs: [String]
    /// Every outbound event the event caused, one JSON object a line (nil for an
    /// event handled before v10 kept them).
    public var events: String?

    public init(ok: Bool, code: String?, text: String, refs: [String], events: String? = nil) {
        self.ok = ok
        self.code = code
        self.text = text
        self.refs = refs
        self.events = events
    }
}

extension StoreTransaction {
    /// The outcome of an event id already handled, if any.
    public func outcome(ofEvent id: String) throws -> StoredOutcome? {
        try one("SELECT ok, code, text, refs, events FROM inbound WHERE event_id = ?", .text(id)) { row in
            let refs = row.text(3)
            return StoredOutcome(
                ok: row.int(0) != 0, code: row.optionalText(1), text: row.text(2),
                refs: refs.isEmpty ? [] : refs.split(separator: ",").map(String.init), events: row.optionalText(4))
        }
    }

    /// Which of `ids` were handled already: one statement for a batch's ids (most
    /// are new) instead of a lookup each.
    public func handled(_ ids: [String]) throws -> Set<String> {
        var found = Set<String>()
        let width = Self.lookupWidth
        for start in stride(from: 0, to: ids.count, by: width) {
            let chunk = ids[start..<min(start + width, ids.count)]
            // Always `width` parameters, so that one cached statement serves; NULL matches nothing.
            let values = chunk.map { SQLValue.text($0) } + Array(repeating: .null, count: width - chunk.count)
            for id in try many(Self.lookupSQL, values: values, decode: { $0.text(0) }) { found.insert(id) }
        }
        return found
    }

    static let lookupWidth = 128
    static let lookupSQL = "SELECT event_id FROM inbound WHERE event_id IN (" + Array(repeating: "?", count: lookupWidth).joined(separator: ",") + ")"

    /// Records that event `id` was handled, and how.
    public func saveOutcome(_ outcome: StoredOutcome, ofEvent id: String, at: Int64) throws {
        try run(
            "INSERT INTO inbound(event_id, ok, code, text, refs, handled_at, events) VALUES (?, ?, ?, ?, ?, ?, ?)",
            .text(id), .int(outcome.ok ? 1 : 0), .text(outcome.code), .text(outcome.text), .text(outcome.refs.joined(separator: ",")), .int(at),
            .text(outcome.events))
    }
}
