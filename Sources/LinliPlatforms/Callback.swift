import Foundation
import LinliCore
import LinliProtocol

/// A message a platform delivered, read and verified, before it becomes LLP/1.
public struct PlatformMessage: Sendable, Equatable {
    /// The platform's id of the event (its retries carry the same one).
    public var eventID: String
    /// The sender's account on the platform.
    public var account: String
    public var name: String?
    /// The platform's chat id; nil for a one-to-one chat.
    public var chat: String?
    /// The text with the bot's mention removed, trimmed.
    public var text: String
    /// Whether it @-mentions the bot.
    public var mentioned: Bool
    /// How the platform takes the answer.
    public var route: ReplyRoute
}

/// How a platform takes the answer to a message (PLATFORMS.md §3).
public enum ReplyRoute: Sendable, Equatable {
    /// DingTalk: the message's session webhook until it expires (ms since 1970).
    case session(url: String, expiresMillis: Int64)
    /// Feishu: the reply API for this message.
    case feishuReply(messageID: String)
    /// WeCom app: an encrypted passive reply in the callback's response.
    case weComPassive(toUser: String)
    /// WeCom 智能机器人: one POST to the message's response URL.
    case responseURL(String)
    /// OneBot: a quick reply in the callback's response.
    case oneBotQuick
}

/// What a callback comes to.
public enum CallbackResult: Sendable, Equatable {
    /// 401: the signature, token or encryption does not check out; nothing is processed.
    case refused(code: String, text: String)
    /// 400: verified, but not something the platform sends.
    case bad(code: String, text: String)
    /// An answer of its own (a URL check, an event that is not a message).
    case answer(status: Int, contentType: String, body: String)
    case message(PlatformMessage)

    static func ignored(_ kind: PlatformKind) -> CallbackResult {
        switch kind {
        case .onebot: .answer(status: 204, contentType: "text/plain", body: "")
        case .wecom: .answer(status: 200, contentType: "text/plain", body: "success")
        default: .answer(status: 200, contentType: "application/json", body: "{}")
        }
    }
}

/// The parts of an HTTP request a callback is checked on.
public struct CallbackRequest: Sendable {
    public var method: String
    public var query: [String: String]
    /// Lower-case names.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: String, query: [String: String] = [:], headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.query = query
        self.headers = headers
        self.body = body
    }
}

/// Reads callbacks: verify first, on the raw body, then parse (PLATFORMS.md §2).
public enum Callback {
    /// How far a callback's timestamp may be from now.
    public static let window = Span.hours(1)

    /// `botNames`: what the community calls the bot (a Feishu app with no `bot_open_id`
    /// knows its own mention by its name; a WeCom robot's name may hold a space).
    public static func read(_ request: CallbackRequest, platform: Platform, now: Instant, botNames: [String] = []) -> CallbackResult {
        switch platform.kind {
        case .dingtalk: dingTalk(request, platform, now)
        case .feishu: feishu(request, platform, now, botNames: botNames)
        case .wecom, .wecomBot: weCom(request, platform, now, botNames: botNames)
        case .onebot: oneBot(request, platform, now)
        }
    }

    /// The JSON object in `bytes`; nil for anything else.
    static func json(_ bytes: [UInt8]) -> JSONValue? {
        JSONValue.parse(bytes).flatMap { $0.isObject ? $0 : nil }
    }

    /// Whether a timestamp, in units of `each` milliseconds (1000: seconds), is within
    /// the window of now. A number no clock gives (`-9223372036854775808`) is not.
    static func fresh(_ stamp: Int64?, each: Int64, _ now: Instant) -> Bool {
        guard let stamp else { return false }
        let (millis, over) = stamp.multipliedReportingOverflow(by: each)
        let (gap, under) = now.milliseconds.subtractingReportingOverflow(millis)
        return !over && !under && gap.magnitude <= window.milliseconds.magnitude
    }

    static let stale = CallbackResult.refused(code: "stale_timestamp", text: "the timestamp is more than an hour from now")
    static let forged = CallbackResult.refused(code: "bad_signature", text: "the signature does not match")

    /// Without the white space around it: Unicode's White_Space (also the ideographic
    /// space U+3000 that Chinese input puts after an @-mention) and the zero-width
    /// space, as Foundation's `whitespacesAndNewlines` here. Read scalar by scalar:
    /// building a `CharacterSet` for `trimmingCharacters` took a quarter of reading a
    /// DingTalk callback.
    static func trimmed(_ s: some StringProtocol) -> String {
        let space: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0 == "\u{200B}" }
        let scalars = Substring(s).unicodeScalars
        guard let first = scalars.firstIndex(where: { !space($0) }), let last = scalars.lastIndex(where: { !space($0) }) else { return "" }
        return String(scalars[first...last])
    }

    // MARK: DingTalk

    static func dingTalk(_ r: CallbackRequest, _ p: Platform, _ now: Instant) -> CallbackResult {
        guard let stamp = r.headers["timestamp"], let sign = r.headers["sign"], let millis = Int64(stamp) else {
            return .refused(code: "missing_signature", text: "timestamp and sign headers are required")
        }
        guard fresh(millis, each: 1, now) else { return stale }
        guard PlatformCrypto.dingTalkValid(sign: sign, timestampMillis: millis, appSecret: p["app_secret"] ?? "") else { return forged }
        guard let o = json(r.body) else { return .bad(code: "bad_json", text: "the body is not a JSON object") }
        guard o["msgtype"]?.string == "text", let id = o["msgId"]?.text,
            let account = o["senderStaffId"]?.text.flatMap({ $0.isEmpty ? nil : $0 }) ?? o["senderId"]?.text
        else { return .ignored(.dingtalk) }
        let group = o["conversationType"]?.text == "2"
        let content = o["text"]?["content"]?.string ?? ""
        let session = o["sessionWebhook"]?.string ?? ""
        let expires = o["sessionWebhookExpiredTime"]?.int64 ?? 0
        return .message(
            PlatformMessage(
                eventID: id, account: account, name: o["senderNick"]?.string, chat: group ? o["conversationId"]?.text : nil,
                text: trimmed(content), mentioned: group && (o["isInAtList"]?.bool ?? true),
                route: .session(url: session, expiresMillis: expires)))
    }

    // MARK: Feishu

    static func feishu(_ r: CallbackRequest, _ p: Platform, _ now: Instant, botNames: [String]) -> CallbackResult {
        var body = r.body
        if let key = p["encrypt_key"] {
            let signed = r.headers["x-lark-signature"]
            if let signed {
                guard let stamp = r.headers["x-lark-request-timestamp"], let nonce = r.headers["x-lark-request-nonce"] else {
                    return .refused(code: "missing_signature", text: "X-Lark-Request-Timestamp and X-Lark-Request-Nonce are required")
                }
                guard fresh(Int64(stamp), each: 1000, now) else { return stale }
                let expected = PlatformCrypto.feishuSignature(timestamp: stamp, nonce: nonce, encryptKey: key, body: r.body)
                guard PlatformCrypto.same(signed.lowercased(), expected) else { return forged }
            }
            guard let encrypted = json(r.body)?["encrypt"]?.string else {
                return .refused(code: "not_encrypted", text: "an encrypt key is set: the body must be {\"encrypt\": …}")
            }
            guard let plain = PlatformCrypto.feishuDecrypt(encrypted, encryptKey: key) else {
                return .refused(code: "bad_encryption", text: "the body does not decrypt with the encrypt key")
            }
            body = plain
            // Only the URL check comes unsigned (its token and the encryption vouch for it).
            if signed == nil, json(body)?["type"]?.string != "url_verification" {
                return .refused(code: "missing_signature", text: "X-Lark-Signature is required with an encrypt key")
            }
        }
        guard let o = json(body) else { return .bad(code: "bad_json", text: "the body is not a JSON object") }
        let token = p["verification_token"] ?? ""
        if o["type"]?.string == "url_verification" {
            guard PlatformCrypto.same(o["token"]?.string ?? "", token) else {
                return .refused(code: "bad_token", text: "wrong verification token")
            }
            var answer = "{\"challenge\":"
            JSON.appendString(o["challenge"]?.string ?? "", to: &answer)
            return .answer(status: 200, contentType: "application/json", body: answer + "}")
        }
        let header = o["header"]
        guard PlatformCrypto.same(header?["token"]?.string ?? "", token) else {
            return .refused(code: "bad_token", text: "wrong verification token")
        }
        guard header?["event_type"]?.string == "im.message.receive_v1", let id = header?["event_id"]?.string,
            let message = o["event"]?["message"], message["message_type"]?.string == "text", let messageID = message["message_id"]?.string,
            let sender = o["event"]?["sender"]?["sender_id"]?["open_id"]?.string
        else { return .ignored(.feishu) }
        let content = json(Array((message["content"]?.string ?? "").utf8))?["text"]?.string ?? ""
        var text = content
        var mentioned = false
        let bot = p["bot_open_id"]
        // Longest key first: taking `@_user_1` out must not cut the front off `@_user_10`.
        let mentions = (message["mentions"]?.array ?? []).sorted { ($0["key"]?.string?.count ?? 0) > ($1["key"]?.string?.count ?? 0) }
        for m in mentions {
            guard let key = m["key"]?.string else { continue }
            let openID = m["id"]?["open_id"]?.string
            // With no bot_open_id: a mention at the very start, of no one else by name, and not @所有人 (`@_all`).
            let named = m["name"]?.string.map { botNames.isEmpty || botNames.contains($0) } ?? true
            if openID == bot || (bot == nil && key != "@_all" && named && trimmed(text).hasPrefix(key)) {
                mentioned = mentioned || text.contains(key)
                text = text.replacingOccurrences(of: key, with: "")
            } else {
                text = text.replacingOccurrences(of: key, with: "@" + (m["name"]?.string ?? ""))
            }
        }
        // Any chat but a one-to-one (`p2p`) is public: `group`, and a topic group (`topic_group`).
        let group = message["chat_type"]?.string != "p2p"
        return .message(
            PlatformMessage(
                eventID: id, account: sender, name: nil, chat: group ? message["chat_id"]?.string : nil, text: trimmed(text),
                mentioned: group && mentioned, route: .feishuReply(messageID: messageID)))
    }

    // MARK: OneBot

    static func oneBot(_ r: CallbackRequest, _ p: Platform, _ now: Instant) -> CallbackResult {
        guard let signature = r.headers["x-signature"] else {
            return .refused(code: "missing_signature", text: "X-Signature is required")
        }
        guard PlatformCrypto.same(signature.lowercased(), PlatformCrypto.oneBotSignature(secret: p["secret"] ?? "", body: r.body)) else {
            return forged
        }
        guard let o = json(r.body) else { return .bad(code: "bad_json", text: "the body is not a JSON object") }
        guard fresh(o["time"]?.int64, each: 1000, now) else { return stale }
        guard o["post_type"]?.string == "message", let id = o["message_id"]?.text, let user = o["user_id"]?.text else {
            return .ignored(.onebot)
        }
        // Any message but a private one is public: a group's, and a QQ channel's (`guild`).
        let group = o["message_type"]?.string != "private"
        let (raw, mentioned) = cqText(o["raw_message"]?.string ?? "", selfID: p["self_id"] ?? "")
        let chat = o["group_id"]?.text ?? [o["guild_id"]?.text, o["channel_id"]?.text].compactMap { $0 }.joined(separator: "/")
        // A public message that names no chat cannot be answered where it was said.
        if group, chat.isEmpty { return .ignored(.onebot) }
        // QQ's anonymous senders all come as one user_id: such a message names no one, and is
        // taken as no one's (it would act as whoever registered that id). Told why, if it calls the bot.
        if o["sub_type"]?.string == "anonymous" || o["anonymous"]?.isObject == true {
            guard group && mentioned else { return .ignored(.onebot) }
            let chinese = raw.unicodeScalars.contains { $0.properties.isIdeographic }
            let why = chinese ? "匿名消息无法办理：请关闭匿名后再发。" : "I cannot act on an anonymous message: turn anonymity off and send it again."
            return .answer(status: 200, contentType: "application/json", body: #"{"reply":"\#(why)","auto_escape":true,"at_sender":false}"#)
        }
        return .message(
            PlatformMessage(
                eventID: id, account: user, name: o["sender"]?["nickname"]?.string, chat: group ? chat : nil, text: trimmed(raw),
                mentioned: group && mentioned, route: .oneBotQuick))
    }

    /// A OneBot message's text and whether it @-mentions the bot: its CQ codes read. The
    /// bot's `[CQ:at,qq=<self_id>…]` goes; another's becomes `@name` (or `@qq`), as chats
    /// write a mention; an image is `[图片]` (never its URL); a reply's quote, a face and
    /// the rest go. The text between codes is unescaped (`&#91;` is `[`).
    static func cqText(_ raw: String, selfID: String) -> (String, Bool) {
        var text = ""
        var mentioned = false
        var rest = Substring(raw)
        func unescaped(_ s: Substring) -> String {
            var s = String(s)
            for (escaped, plain) in [("&#91;", "["), ("&#93;", "]"), ("&#44;", ","), ("&amp;", "&")] { s = s.replacingOccurrences(of: escaped, with: plain) }
            return s
        }
        while let open = rest.range(of: "[CQ:") {
            text += unescaped(rest[..<open.lowerBound])
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else {
                rest = rest[open.lowerBound...]
                break
            }
            let parts = rest[open.upperBound..<close].split(separator: ",", omittingEmptySubsequences: false)
            var fields: [Substring: String] = [:]
            for part in parts.dropFirst() {
                guard let eq = part.firstIndex(of: "=") else { continue }
                fields[part[..<eq]] = unescaped(part[part.index(after: eq)...])
            }
            switch parts.first {
            case "at" where fields["qq"] == selfID: mentioned = true
            case "at": text += "@" + (fields["name"] ?? fields["qq"] ?? "") + " "
            case "image": text += "[图片]"
            default: break
            }
            rest = rest[rest.index(after: close)...]
        }
        return (text + unescaped(rest), mentioned)
    }
}
