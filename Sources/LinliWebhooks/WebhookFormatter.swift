import Foundation
import LinliCore

/// A push to deliver: the text for the robots, the whole outbound event for
/// generic receivers, and a stable id that stays the same across retries.
public struct PushMessage: Sendable, Equatable {
    public var id: String
    public var to: String
    public var reason: String
    public var text: String
    public var refs: [String]
    /// The outbound event as JSON: the body a generic receiver gets.
    public var event: [UInt8]

    public init(id: String, to: String, reason: String, text: String, refs: [String], event: [UInt8]) {
        self.id = id
        self.to = to
        self.reason = reason
        self.text = text
        self.refs = refs
        self.event = event
    }
}

extension Webhook {
    /// A fingerprint of the configuration: a disabled endpoint comes back when it changes.
    public var configuration: String { "\(format.rawValue) \(url) \(secret ?? "")" }

    /// The sending limits that apply to this endpoint.
    public var windows: [RateLimiter.Window] { RateLimiter.windows(format, genericPerMinute: perMinute) }
}

/// Builds the HTTP request each format expects.
public enum WebhookFormatter {
    /// The largest text each robot takes, in UTF-8 bytes.
    public static func textLimit(_ format: WebhookFormat) -> Int {
        switch format {
        case .wecom, .dingtalk: 2_048
        case .feishu: 20_000
        case .generic: Int.max
        }
    }

    public static let truncationMarker = "…（内容过长，已截断）"

    /// Cuts `text` to at most `maxBytes` UTF-8 bytes at a character boundary, with a marker.
    public static func truncate(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let room = maxBytes - truncationMarker.utf8.count
        var out = ""
        var used = 0
        for c in text {
            let n = c.utf8.count
            if used + n > room { break }
            out.append(c)
            used += n
        }
        return out + truncationMarker
    }

    private struct TextContent: Encodable { var content: String }
    private struct WeCom: Encodable {
        var msgtype = "text"
        var text: TextContent
    }
    private struct DingTalk: Encodable {
        struct At: Encodable {
            var atMobiles: [String] = []
            var isAtAll = false
        }
        var msgtype = "text"
        var text: TextContent
        var at = At()
    }
    private struct Feishu: Encodable {
        struct Content: Encodable { var text: String }
        var msg_type = "text"
        var content: Content
        var timestamp: String?
        var sign: String?
    }

    /// The request for `message` to `endpoint`, signed as of `now`.
    public static func request(_ message: PushMessage, to endpoint: Webhook, now: Instant) -> HTTPRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = truncate(message.text, maxBytes: textLimit(endpoint.format))
        var url = endpoint.url
        var headers = [HTTPHeader("Content-Type", "application/json; charset=utf-8")]
        let body: [UInt8]
        switch endpoint.format {
        case .wecom:
            body = Array((try? encoder.encode(WeCom(text: TextContent(content: text)))) ?? Data())
        case .dingtalk:
            body = Array((try? encoder.encode(DingTalk(text: TextContent(content: text)))) ?? Data())
            if let secret = endpoint.secret {
                let ts = now.milliseconds
                let sign = Signatures.dingTalk(secret: secret, timestampMillis: ts)
                url += (url.contains("?") ? "&" : "?") + "timestamp=\(ts)&sign=\(percentEncode(sign))"
            }
        case .feishu:
            var f = Feishu(content: .init(text: text))
            if let secret = endpoint.secret {
                let ts = now.milliseconds / 1000
                f.timestamp = String(ts)
                f.sign = Signatures.feishu(secret: secret, timestampSeconds: ts)
            }
            body = Array((try? encoder.encode(f)) ?? Data())
        case .generic:
            body = message.event
            let ts = now.milliseconds / 1000
            headers += [HTTPHeader("webhook-id", message.id), HTTPHeader("webhook-timestamp", String(ts))]
            if let secret = endpoint.secret, let signature = Signatures.standardWebhooks(secret: secret, id: message.id, timestamp: ts, body: body) {
                headers.append(HTTPHeader("webhook-signature", signature))
            }
        }
        return HTTPRequest(url: url, headers: headers, body: body)
    }

    /// As many of the queued pushes for one endpoint as fit in `maxBytes`, as one
    /// digest message (at least one push, cut if it alone is too long), and how many it took.
    public static func digest(_ messages: [PushMessage], id: String, maxBytes: Int) -> (PushMessage, taken: Int) {
        var taken = 1
        while taken < messages.count, digestText(Array(messages.prefix(taken + 1))).utf8.count <= maxBytes { taken += 1 }
        return (digest(Array(messages.prefix(taken)), id: id), taken)
    }

    private static func digestText(_ messages: [PushMessage]) -> String {
        let lines = messages.enumerated().map { "\($0.offset + 1). \($0.element.text)" }
        return "【汇总 \(messages.count) 条通知 · \(messages.count) notifications】\n" + lines.joined(separator: "\n")
    }

    /// Several queued pushes for one endpoint as one digest message.
    public static func digest(_ messages: [PushMessage], id: String) -> PushMessage {
        let text = digestText(messages)
        let events = "[" + messages.map { String(decoding: $0.event, as: UTF8.self) }.joined(separator: ",") + "]"
        return PushMessage(id: id, to: messages.first?.to ?? "", reason: "digest", text: text,
                           refs: Array(Set(messages.flatMap(\.refs))).sorted(), event: Array(events.utf8))
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986), once.
    public static func percentEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += String(format: "%%%02X", b)
            }
        }
        return out
    }
}
