import LinliCore

/// The kinds of inbound event (PROTOCOL.md §2).
public enum InboundType: String, Sendable, Codable {
    case message, tick, join, leave
}

/// One inbound event: a chat message, a clock tick, a member joining or leaving.
public struct InboundEvent: Sendable, Equatable {
    public var type: InboundType
    /// The bridge's own id; an event with an id takes effect at most once.
    public var id: String?
    public var ts: Instant?
    /// The chat group; nil for a private chat with the bot.
    public var group: String?
    public var from: String?
    public var name: String?
    public var text: String?
    public var mentions: [String]
    /// What a repeat is known by when the event has no `id`: set by the server from a
    /// signed request's `webhook-id` (PROTOCOL.md §4), never read from the input.
    public var key: String?
    /// The chat platform (its id in the community file) the message came through, set
    /// by the server; never read from the input. Nil for LLP/1, whose reader (a bridge, a
    /// tester) is handed every outbound event, private ones included.
    public var via: String?
    /// The event's id, else its key: an event with either takes effect at most once.
    public var dedupeKey: String? { id ?? key }

    public init(
        type: InboundType = .message, id: String? = nil, ts: Instant? = nil, group: String? = nil,
        from: String? = nil, name: String? = nil, text: String? = nil, mentions: [String] = []
    ) {
        self.type = type
        self.id = id
        self.ts = ts
        self.group = group
        self.from = from
        self.name = name
        self.text = text
        self.mentions = mentions
    }
}

/// The kinds of outbound event (PROTOCOL.md §3).
public enum OutboundType: String, Sendable {
    case reply, notify, post, error
}

/// One outbound event. Which fields are set depends on `type`; the encoders
/// write exactly the fields PROTOCOL.md lists for it.
public struct OutboundEvent: Sendable, Equatable {
    public var type: OutboundType
    public var id: String
    public var ts: Instant
    public var inReplyTo: String?
    public var group: String?
    public var to: String?
    public var reason: String?
    public var text: String
    public var ok: Bool
    public var code: String?
    public var refs: [String]
    /// The 1-based input line, for `error` events.
    public var line: Int?
    /// The event as `EventEncoder.jsonObject` wrote it, when the engine already did
    /// (to keep it): an encoder with `reuseEncoded` writes this instead of encoding again.
    public var encoded: String?

    public init(
        type: OutboundType, id: String, ts: Instant, inReplyTo: String? = nil, group: String? = nil, to: String? = nil,
        reason: String? = nil, text: String, ok: Bool = true, code: String? = nil, refs: [String] = [], line: Int? = nil
    ) {
        self.type = type
        self.id = id
        self.ts = ts
        self.inReplyTo = inReplyTo
        self.group = group
        self.to = to
        self.reason = reason
        self.text = text
        self.ok = ok
        self.code = code
        self.refs = refs
        self.line = line
    }
}

/// Why a line could not be read as an event (the `code` of an `error` event).
public enum LineErrorCode: String, Sendable {
    case badJSON = "bad_json"
    case invalidUTF8 = "invalid_utf8"
    case lineTooLong = "line_too_long"
    case missingField = "missing_field"
    case badTimestamp = "bad_timestamp"
    case badField = "bad_field"
}

/// A refused line: its code and an explanation.
public struct LineError: Error, Sendable, Equatable {
    public var code: LineErrorCode
    public var text: String
    public init(_ code: LineErrorCode, _ text: String) {
        self.code = code
        self.text = text
    }
}
