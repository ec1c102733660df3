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

    private let json = JSONDecoder()

    public init() {}

    /// The event on a line, nil for a blank or comment line, or a `LineError`.
    /// The line comes without its `\n`; a trailing `\r` is dropped here.
    public func decode(_ bytes: ArraySlice<UInt8>) throws(LineError) -> InboundEvent? {
        var line = bytes
        if line.last == 13 { line = line.dropLast() }
        guard let text = String(validating: line, as: UTF8.self) else {
            throw LineError(.invalidUTF8, "the line is not valid UTF-8")
        }
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard let first = trimmed.first, first != "#" else { return nil }
        let event = first == "{" ? try decodeJSON(line) : try decodeShorthand(trimmed)
        return try validated(event)
    }

    private struct Wire: Decodable {
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
        do {
            wire = try json.decode(Wire.self, from: Data(bytes))
        } catch DecodingError.typeMismatch(_, let context) {
            throw LineError(.badField, "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type")
        } catch {
            throw LineError(.badJSON, "the line is not a JSON object")
        }
        var event = InboundEvent()
        if let t = wire.type {
            guard let type = InboundType(rawValue: t) else { throw LineError(.badField, "unknown event type '\(t)' (message, tick, join, leave)") }
            event.type = type
        }
        if let ts = wire.ts {
            guard let instant = RFC3339.parse(ts) else { throw LineError(.badTimestamp, "'\(ts)' is not an RFC 3339 timestamp") }
            event.ts = instant
        }
        event.id = wire.id
        event.group = wire.group
        event.from = wire.from
        event.name = wire.name
        event.text = wire.text
        event.mentions = wire.mentions ?? []
        return event
    }

    /// `[@ts] [[group]] from [(name)]: text`, or `@ts` alone for a tick.
    private func decodeShorthand(_ line: Substring) throws(LineError) -> InboundEvent {
        var rest = line
        var event = InboundEvent()
        if rest.first == "@" {
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            let stamp = rest[rest.index(after: rest.startIndex)..<end]
            guard let ts = RFC3339.parse(String(stamp)) else { throw LineError(.badTimestamp, "'\(stamp)' is not an RFC 3339 timestamp") }
            event.ts = ts
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
