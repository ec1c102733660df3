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
    /// Mobile numbers the robot should @-mention (the recipient's).
    public var mentions: [String]

    public init(id: String, to: String, reason: String, text: String, refs: [String], event: [UInt8], mentions: [String] = []) {
        self.id = id
        self.to = to
        self.reason = reason
        self.text = text
        self.refs = refs
        self.event = event
        self.mentions = mentions
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
    public static func textLimit(_ format: WebhookFormat, markdown: Bool = false) -> Int {
        switch format {
        case .wecom: markdown ? 4_096 : 2_048
        case .dingtalk: 2_048
        case .feishu: 20_000
        case .generic: Int.max
        }
    }

    public static let truncationMarker = "…（内容过长，已截断）"

    /// Text a resident wrote cannot mention anyone, format, link or embed in a
    /// robot's message: bidirectional controls are dropped everywhere; for robots,
    /// `@` becomes `＠` (no `@all`, `@所有人`), `://` becomes `：//` (no links);
    /// Feishu's and WeCom's `<…>` tags (`<at user_id="all">`, `<a href>`) and, in markdown, every markdown
    /// mark become their full-width look-alikes. Linli's own mentions are added after.
    public static func neutralised(_ text: String, for format: WebhookFormat, markdown: Bool) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        // Feishu's text and WeCom's read tags, not markdown.
        let tagsOnly = format == .feishu || format == .wecom && !markdown
        for (i, c) in scalars.enumerated() {
            if bidiControls.contains(c.value) { continue }
            guard format != .generic else {
                out.append(c)
                continue
            }
            if c == "@" {
                out.append("＠")
            } else if c == ":", i + 2 < scalars.count, scalars[i + 1] == "/", scalars[i + 2] == "/" {
                out.append("：")
            } else if let wide = fullWidth[c], tagsOnly ? c == "<" || c == ">" : markdown {
                out.append(wide)
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    /// U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069: they reorder what a reader sees.
    public static let bidiControls: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    /// Marks that markdown (and Feishu's tags) read, and the full-width characters shown instead.
    static let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [
        "<": "＜", ">": "＞", "[": "［", "]": "］", "(": "（", ")": "）", "!": "！", "*": "＊", "_": "＿", "`": "｀", "#": "＃",
        "~": "～", "|": "｜", "\\": "＼",
    ]

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

    private struct TextContent: Encodable {
        var content: String
        var mentioned_mobile_list: [String]?
    }
    private struct WeCom: Encodable {
        var msgtype = "text"
        var text: TextContent?
        var markdown: TextContent?
    }
    private struct DingTalk: Encodable {
        struct At: Encodable {
            var atMobiles: [String] = []
            var isAtAll = false
        }
        struct Markdown: Encodable {
            var title: String
            var text: String
        }
        var msgtype = "text"
        var text: TextContent?
        var markdown: Markdown?
        var at = At()
    }
    private struct Feishu: Encodable {
        struct Content: Encodable {
            var text: String?
            var post: [String: Post]?
        }
        struct Post: Encodable {
            var title: String
            var content: [[Element]]
        }
        struct Element: Encodable {
            var tag = "text"
            var text: String
        }
        var msg_type = "text"
        var content: Content
        var timestamp: String?
        var sign: String?
    }

    /// The request for `message` to `endpoint`, signed as of `now`.
    public static func request(_ message: PushMessage, to endpoint: Webhook, now: Instant) -> HTTPRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = truncate(
            neutralised(message.text, for: endpoint.format, markdown: endpoint.markdown),
            maxBytes: textLimit(endpoint.format, markdown: endpoint.markdown))
        var url = endpoint.url
        var headers = [HTTPHeader("Content-Type", "application/json; charset=utf-8")]
        let body: [UInt8]
        let mobiles = message.mentions.isEmpty ? nil : message.mentions
        // What the chat list and a notification show of a markdown or post message: its first words.
        let firstLine = text.prefix { $0 != "\n" }.trimmingCharacters(in: CharacterSet(charactersIn: "#*> "))
        let title = firstLine.count > 30 ? firstLine.prefix(30) + "…" : firstLine
        switch endpoint.format {
        case .wecom:
            let w =
                endpoint.markdown
                ? WeCom(msgtype: "markdown", markdown: TextContent(content: text))
                : WeCom(text: TextContent(content: text, mentioned_mobile_list: mobiles))
            body = Array((try? encoder.encode(w)) ?? Data())
        case .dingtalk:
            // DingTalk highlights an @-mention only when the text carries "@<mobile>".
            let shown = text + message.mentions.map { " @\($0)" }.joined()
            var d =
                endpoint.markdown
                ? DingTalk(msgtype: "markdown", markdown: .init(title: title, text: shown))
                : DingTalk(text: TextContent(content: shown))
            d.at.atMobiles = message.mentions
            body = Array((try? encoder.encode(d)) ?? Data())
            if let secret = endpoint.secret {
                let ts = now.milliseconds
                let sign = Signatures.dingTalk(secret: secret, timestampMillis: ts)
                url += (url.contains("?") ? "&" : "?") + "timestamp=\(ts)&sign=\(percentEncode(sign))"
            }
        case .feishu:
            var f =
                endpoint.markdown
                ? Feishu(msg_type: "post", content: .init(post: ["zh_cn": .init(title: title, content: [[.init(text: text)]])]))
                : Feishu(content: .init(text: text))
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
        return PushMessage(
            id: id, to: messages.first?.to ?? "", reason: "digest", text: text,
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
