import Foundation
import LinliCore
import LinliProtocol

/// WeCom's callbacks: a self-built app's encrypted XML and a 智能机器人's encrypted JSON.
extension Callback {
    static func weCom(_ r: CallbackRequest, _ p: Platform, _ now: Instant) -> CallbackResult {
        let receiveID = p.kind == .wecom ? p["corp_id"] ?? "" : ""
        guard let signature = r.query["msg_signature"], let stamp = r.query["timestamp"], let nonce = r.query["nonce"] else {
            return .refused(code: "missing_signature", text: "msg_signature, timestamp and nonce are required")
        }
        guard fresh(Int64(stamp), each: 1000, now) else { return stale }
        let encrypted: String?
        if r.method == "GET" {
            encrypted = r.query["echostr"]
        } else if p.kind == .wecom {
            encrypted = element("Encrypt", in: String(decoding: r.body, as: UTF8.self))
        } else {
            encrypted = json(r.body)?["encrypt"]?.string
        }
        guard let encrypted else { return .bad(code: "missing_field", text: "no encrypted text in the request") }
        let token = p["token"] ?? ""
        guard
            PlatformCrypto.same(
                signature.lowercased(), PlatformCrypto.weComSignature(token: token, timestamp: stamp, nonce: nonce, encrypted: encrypted))
        else { return forged }
        guard let plain = PlatformCrypto.weComDecrypt(encrypted, encodingAESKey: p["encoding_aes_key"] ?? "", receiveID: receiveID) else {
            return .refused(code: "bad_encryption", text: "the text does not decrypt with the EncodingAESKey for this receiver")
        }
        if r.method == "GET" { return .answer(status: 200, contentType: "text/plain", body: String(decoding: plain, as: UTF8.self)) }
        return p.kind == .wecom ? appMessage(String(decoding: plain, as: UTF8.self)) : botMessage(plain)
    }

    /// A self-built app's message: a private chat with the app.
    static func appMessage(_ xml: String) -> CallbackResult {
        guard element("MsgType", in: xml) == "text", let from = element("FromUserName", in: xml), let id = element("MsgId", in: xml) else {
            return .ignored(.wecom)
        }
        return .message(
            PlatformMessage(
                eventID: id, account: from, name: nil, chat: nil, text: trimmed(element("Content", in: xml) ?? ""), mentioned: false,
                route: .weComPassive(toUser: from)))
    }

    /// A 智能机器人's message: the group ones are @-mentions of it; the mention is taken off.
    static func botMessage(_ plain: [UInt8]) -> CallbackResult {
        guard let o = json(plain) else { return .bad(code: "bad_json", text: "the decrypted text is not a JSON object") }
        guard o["msgtype"]?.string == "text", let id = o["msgid"]?.text, let from = o["from"]?["userid"]?.text else {
            return .ignored(.wecomBot)
        }
        let group = o["chattype"]?.string == "group"
        var content = trimmed(o["text"]?["content"]?.string ?? "")
        if group, content.hasPrefix("@") {
            content = trimmed(content.drop { $0 != " " && $0 != "\u{3000}" })
        }
        return .message(
            PlatformMessage(
                eventID: id, account: from, name: nil, chat: group ? o["chatid"]?.text : nil, text: content, mentioned: group,
                route: .responseURL(o["response_url"]?.string ?? "")))
    }

    /// The text of `<name>…</name>` (CDATA or not) in a flat XML message.
    static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else {
            return nil
        }
        var inner = xml[open.upperBound..<close.lowerBound]
        if inner.hasPrefix("<![CDATA["), inner.hasSuffix("]]>") { inner = inner.dropFirst(9).dropLast(3) }
        return String(inner)
    }

    /// `text` as CDATA: a `]]>` inside is split across two sections.
    static func cdata(_ text: String) -> String {
        "<![CDATA[" + text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// The encrypted passive reply to `toUser`: a text message, signed as WeCom signs.
    public static func weComPassiveReply(
        _ text: String, toUser: String, platform p: Platform, timestamp: Int64, nonce: String, random: [UInt8]
    ) -> String? {
        let corp = p["corp_id"] ?? ""
        let plain =
            "<xml><ToUserName>\(cdata(toUser))</ToUserName><FromUserName>\(cdata(corp))</FromUserName>"
            + "<CreateTime>\(timestamp)</CreateTime><MsgType>\(cdata("text"))</MsgType><Content>\(cdata(text))</Content></xml>"
        guard
            let encrypted = PlatformCrypto.weComEncrypt(
                Array(plain.utf8), encodingAESKey: p["encoding_aes_key"] ?? "", receiveID: corp, random: random)
        else { return nil }
        let signature = PlatformCrypto.weComSignature(token: p["token"] ?? "", timestamp: String(timestamp), nonce: nonce, encrypted: encrypted)
        return "<xml><Encrypt>\(cdata(encrypted))</Encrypt><MsgSignature>\(cdata(signature))</MsgSignature>"
            + "<TimeStamp>\(timestamp)</TimeStamp><Nonce>\(cdata(nonce))</Nonce></xml>"
    }
}
