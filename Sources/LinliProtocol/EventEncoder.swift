import Foundation
import LinliCore

/// Writes outbound events as JSON lines or chat shorthand. Hand-written so that
/// key order and escaping never vary: the same events give the same bytes.
public struct EventEncoder: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case json, chat
    }

    public var format: Format
    /// Writes a timestamp in the community's offset.
    public var formatTime: @Sendable (Instant) -> String
    /// Write an event's `encoded` JSON when it has one: only for an encoder whose
    /// `formatTime` is the engine's (`linli run` and `linli serve`).
    public var reuseEncoded = false

    public init(format: Format = .json, formatTime: @escaping @Sendable (Instant) -> String = { RFC3339.format($0, offsetSeconds: 0) }) {
        self.format = format
        self.formatTime = formatTime
    }

    /// One event as one line, with its `\n`.
    public func encode(_ e: OutboundEvent) -> String {
        format == .json ? json(e) : chat(e)
    }

    /// One event as a JSON object (no newline).
    public func jsonObject(_ e: OutboundEvent) -> String {
        if reuseEncoded, let encoded = e.encoded { return encoded }
        var out = "{\"type\":\"\(e.type.rawValue)\",\"id\":"
        out.reserveCapacity(160 + e.text.utf8.count)
        JSON.appendString(e.id, to: &out)
        out += ",\"ts\":"
        JSON.appendString(formatTime(e.ts), to: &out)
        func field(_ name: String, _ value: String?) {
            guard let value else { return }
            out += ",\""
            out += name
            out += "\":"
            JSON.appendString(value, to: &out)
        }
        switch e.type {
        case .reply:
            field("in_reply_to", e.inReplyTo)
            field("group", e.group)
            field("to", e.to)
            field("text", e.text)
            out += e.ok ? ",\"ok\":true" : ",\"ok\":false"
            if !e.ok { field("code", e.code) }
        case .notify:
            field("to", e.to)
            field("reason", e.reason)
            field("text", e.text)
        case .post:
            field("group", e.group)
            field("reason", e.reason)
            field("text", e.text)
        case .error:
            out += ",\"line\":\(e.line ?? 0)"
            field("code", e.code)
            field("text", e.text)
        }
        out += ",\"refs\":["
        for (i, r) in e.refs.enumerated() {
            if i > 0 { out += "," }
            JSON.appendString(r, to: &out)
        }
        out += "]}"
        return out
    }

    private func json(_ e: OutboundEvent) -> String { jsonObject(e) + "\n" }

    private func chat(_ e: OutboundEvent) -> String {
        let text = e.text.replacingOccurrences(of: "\n", with: " | ")
        let refs = e.refs.isEmpty ? "" : " {\(e.refs.joined(separator: ","))}"
        switch e.type {
        case .reply:
            let group = e.group.map { "[\($0)] " } ?? ""
            let code = e.ok ? "" : "(\(e.code ?? "error")) "
            return "\(group)linli → \(e.to ?? "?"): \(code)\(text)\(refs)\n"
        case .notify:
            return "notify → \(e.to ?? "?") (\(e.reason ?? "")): \(text)\(refs)\n"
        case .post:
            return "[\(e.group ?? "?")] linli (\(e.reason ?? "")): \(text)\(refs)\n"
        case .error:
            return "error line \(e.line ?? 0) (\(e.code ?? "")): \(text)\n"
        }
    }
}

/// Minimal JSON string escaping.
public enum JSON {
    /// Appends `s` as a quoted JSON string. Runs of characters that need no escape
    /// are copied whole (replies are often several lines).
    public static func appendString(_ s: String, to out: inout String) {
        out.append("\"")
        let utf8 = s.utf8
        var run = utf8.startIndex
        var i = run
        while i != utf8.endIndex {
            let b = utf8[i]
            guard b < 0x20 || b == 0x22 || b == 0x5C else {
                i = utf8.index(after: i)
                continue
            }
            out.append(contentsOf: s[run..<i])
            switch b {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            default:
                let hex = String(b, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            }
            i = utf8.index(after: i)
            run = i
        }
        out.append(contentsOf: s[run..<utf8.endIndex])
        out.append("\"")
    }
}

extension OutboundEvent {
    /// An outbound event read back from `EventEncoder.jsonObject`'s form (what the
    /// store keeps so that a repeated inbound id gets the same events); nil for
    /// anything else.
    public init?(json: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let type = (object["type"] as? String).flatMap(OutboundType.init(rawValue:)), let id = object["id"] as? String,
            let ts = (object["ts"] as? String).flatMap(RFC3339.parse)
        else { return nil }
        self.init(
            type: type, id: id, ts: ts, inReplyTo: object["in_reply_to"] as? String, group: object["group"] as? String,
            to: object["to"] as? String, reason: object["reason"] as? String, text: object["text"] as? String ?? "",
            ok: object["ok"] as? Bool ?? (type != .error), code: object["code"] as? String, refs: object["refs"] as? [String] ?? [],
            line: object["line"] as? Int)
    }
}
