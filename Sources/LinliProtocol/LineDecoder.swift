import Foundation
import LinliCore

/// Reads one LLP/1 line: a JSON object or chat shorthand (PROTOCOL.md §1–2).
///
/// ```swift
/// let decoder = LineDecoder()
/// try decoder.decode(Array("[fudi-b3] u-li: status".utf8)[...])  // .message from u-li in fudi-b3
/// ```
public struct LineDecoder: Sendable {
    /// The longest id the bridge may give an event.
    public static let maxIDLength = 128

    /// Whether JSON lines may take `FlatJSON`'s fast road (tests compare both roads).
    let fastRoad: Bool

    public init() { fastRoad = true }

    init(fastRoad: Bool) { self.fastRoad = fastRoad }

    /// The event on a line, nil for a blank or comment line, or a `LineError`.
    /// The line comes without its `\n`; a trailing `\r` is dropped here.
    public func decode(_ bytes: ArraySlice<UInt8>) throws(LineError) -> InboundEvent? {
        var line = bytes
        if line.last == 13 { line = line.dropLast() }
        // A byte-order mark (an editor's, at the start of a file) is not part of the event.
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        guard let text = String(validating: line, as: UTF8.self) else {
            throw LineError(.invalidUTF8, "the line is not valid UTF-8")
        }
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = trimmed.first, first != "#" else { return nil }
        let event = first == "{" ? try decodeJSON(line) : try decodeShorthand(trimmed)
        return try validated(event)
    }

    /// An event's fields as JSON has them.
    struct Wire {
        var type: String?
        var id: String?
        var ts: String?
        var group: String?
        var from: String?
        var name: String?
        var text: String?
        var mentions: [String]?
    }

    private func decodeJSON(_ bytes: ArraySlice<UInt8>) throws(LineError) -> InboundEvent {
        let wire: Wire
        if fastRoad, let flat = FlatJSON.read(bytes) {
            wire = flat
        } else {
            wire = try Self.wire(bytes)
        }
        var event = InboundEvent()
        if let t = wire.type {
            guard let type = InboundType(rawValue: t) else { throw LineError(.badField, "unknown event type '\(t)' (message, tick, join, leave)") }
            event.type = type
        }
        if let ts = wire.ts { event.ts = try Self.timestamp(ts) }
        event.id = wire.id
        event.group = wire.group
        event.from = wire.from
        event.name = wire.name
        event.text = wire.text
        event.mentions = wire.mentions ?? []
        return event
    }

    /// A `ts` as written: RFC 3339, in the years 2000–2099 of its own offset
    /// (`2000-01-01T00:00:00+08:00` is in, though 1999 in UTC).
    static func timestamp(_ ts: String) throws(LineError) -> Instant {
        guard let instant = RFC3339.parse(ts) else { throw LineError(.badTimestamp, "'\(ts)' is not an RFC 3339 timestamp") }
        guard let year = Int(ts.prefix(4)), (2000...2099).contains(year) else { throw LineError(.badTimestamp, "'\(ts)' is outside the years 2000-2099") }
        return instant
    }

    /// `[@ts] [[group]] from [(name)]: text`, or `@ts` alone for a tick.
    private func decodeShorthand(_ line: Substring) throws(LineError) -> InboundEvent {
        var rest = line
        var event = InboundEvent()
        if rest.first == "@" {
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            let stamp = rest[rest.index(after: rest.startIndex)..<end]
            event.ts = try Self.timestamp(String(stamp))
            rest = rest[end...].drop { $0 == " " }
            if rest.isEmpty {
                event.type = .tick
                return event
            }
        }
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { throw LineError(.badField, "a group is written [group]") }
            event.group = String(rest[rest.index(after: rest.startIndex)..<close]).trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        guard let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }) else {
            throw LineError(.missingField, "shorthand is 'user: text' (from is missing)")
        }
        var who = rest[..<colon].trimmingCharacters(in: .whitespaces)[...]
        if let open = who.firstIndex(where: { $0 == "(" || $0 == "（" }) {
            var name = who[who.index(after: open)...]
            if name.last == ")" || name.last == "）" { name = name.dropLast() }
            event.name = String(name).trimmingCharacters(in: .whitespaces)
            who = who[..<open]
        }
        let from = who.trimmingCharacters(in: .whitespaces)
        guard !from.isEmpty, !from.contains(" ") else { throw LineError(.missingField, "shorthand is 'user: text' (from is missing)") }
        event.from = from
        event.text = String(rest[rest.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        return event
    }

    /// The slow road: the line as strict JSON (a trailing comma, or a second object after
    /// the first, is not), then its fields, each a string or null (`mentions` a list of strings).
    static func wire(_ bytes: ArraySlice<UInt8>) throws(LineError) -> Wire {
        // JSON leaves it to the reader which of a key written twice wins: such an event is refused, not guessed at.
        guard let (document, repeated) = JSONValue.read(bytes), case .object(let o) = document else {
            throw LineError(.badJSON, "the line is not a JSON object")
        }
        if let key = repeated { throw LineError(.badJSON, "the key '\(key)' appears twice") }
        func string(_ key: String) throws(LineError) -> String? {
            switch o[key] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            default: throw LineError(.badField, "field '\(key)' has the wrong type")
            }
        }
        var wire = Wire()
        (wire.type, wire.id, wire.ts, wire.group) = (try string("type"), try string("id"), try string("ts"), try string("group"))
        (wire.from, wire.name, wire.text) = (try string("from"), try string("name"), try string("text"))
        switch o["mentions"] {
        case nil, .null?: break
        case .array(let list)?:
            wire.mentions = list.compactMap(\.string)
            guard wire.mentions?.count == list.count else { throw LineError(.badField, "field 'mentions' has the wrong type") }
        default: throw LineError(.badField, "field 'mentions' has the wrong type")
        }
        return wire
    }

    private func validated(_ event: InboundEvent) throws(LineError) -> InboundEvent {
        if let id = event.id, id.isEmpty || id.count > Self.maxIDLength {
            throw LineError(.badField, "id must be 1 to \(Self.maxIDLength) characters")
        }
        switch event.type {
        case .message:
            guard event.from?.isEmpty == false else { throw LineError(.missingField, "a message needs 'from'") }
            guard let text = event.text, !text.isEmpty else { throw LineError(.missingField, "a message needs 'text'") }
        case .join, .leave:
            guard event.from?.isEmpty == false else { throw LineError(.missingField, "a \(event.type.rawValue) event needs 'from'") }
        case .tick:
            guard event.ts != nil else { throw LineError(.missingField, "a tick needs 'ts'") }
        }
        return event
    }
}
