import Foundation
import LinliCore
import LinliProtocol

/// WeCom's callbacks: a self-built app's encrypted XML and a 智能机器人's encrypted JSON.
extension Callback {
    static func weCom(_ r: CallbackRequest, _ p: Platform, _ now: Instant, botNames: [String] = []) -> CallbackResult {
        let receiveID = p.kind == .wecom ? p["corp_id"] ?? "" : ""
        guard let signature = r.query["msg_signature"], let stamp = r.query["timestamp"], let nonce = r.query["nonce"] else {
            return .refused(code: "missing_signature", text: "msg_signature, timestamp and nonce are required")
        }
        guard fresh(Int64(stamp), each: 1000, now) else { return stale }
        let encrypted: String?
        if r.method == "GET" {
            encrypted = r.query["echostr"]
        } else if p.kind == .wecom {
            encrypted = fields(String(decoding: r.body, as: UTF8.self))["Encrypt"]
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
        return p.kind == .wecom ? appMessage(String(decoding: plain, as: UTF8.self)) : botMessage(plain, botNames: botNames)
    }

    /// A self-built app's message: a private chat with the app.
    static func appMessage(_ xml: String) -> CallbackResult {
        let f = fields(xml)
        guard f["MsgType"] == "text", let from = f["FromUserName"], let id = f["MsgId"] else {
            return .ignored(.wecom)
        }
        return .message(
            PlatformMessage(
                eventID: id, account: from, name: nil, chat: nil, text: trimmed(f["Content"] ?? ""), mentioned: false,
                route: .weComPassive(toUser: from)))
    }

    /// A 智能机器人's message: the group ones are @-mentions of it; the mention is taken off:
    /// one of the bot's `botNames` whole (`@Linli Bot`), else up to the first space.
    static func botMessage(_ plain: [UInt8], botNames: [String] = []) -> CallbackResult {
        guard let o = json(plain) else { return .bad(code: "bad_json", text: "the decrypted text is not a JSON object") }
        guard o["msgtype"]?.string == "text", let id = o["msgid"]?.text, let from = o["from"]?["userid"]?.text else {
            return .ignored(.wecomBot)
        }
        let group = o["chattype"]?.string != "single"
        var content = trimmed(o["text"]?["content"]?.string ?? "")
        if group, content.hasPrefix("@") {
            let after = content.dropFirst()
            let name = botNames.sorted { $0.count > $1.count }.first { name in
                after.lowercased().hasPrefix(name.lowercased()) && after.dropFirst(name.count).first.map(\.isWhitespace) ?? true
            }
            // Any space: WeChat ends an @-name with U+2005.
            content = trimmed(name.map { after.dropFirst($0.count) } ?? content.drop { !$0.isWhitespace })
        }
        return .message(
            PlatformMessage(
                eventID: id, account: from, name: nil, chat: group ? o["chatid"]?.text : nil, text: content, mentioned: group,
                route: .responseURL(o["response_url"]?.string ?? "")))
    }

    /// The children of a flat XML message (`<xml><Name>…</Name>…</xml>`), each with its
    /// text: CDATA sections joined (WeCom splits a `]]>` in the text across two), entities
    /// decoded. Read in order, so a tag written inside another's text is text, not a
    /// field (`<MsgId>` in a message's content does not set its id). The first of a name wins.
    static func fields(_ xml: String) -> [String: String] {
        // Read as bytes: a CDATA section starting with a combining mark is still one (as Characters, `[` and the mark are one).
        let b = Array(xml.utf8)
        func find(_ s: String, from: Int) -> Int? {
            let n = Array(s.utf8)
            guard n.count <= b.count else { return nil }
            return (from..<max(from, b.count - n.count + 1)).first { b[$0..<$0 + n.count].elementsEqual(n) }
        }
        func starts(_ s: String, at i: Int) -> Bool { b[i...].starts(with: s.utf8) }
        func text(_ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
        var out: [String: String] = [:]
        guard var i = find("<xml>", from: 0).map({ $0 + 5 }) else { return out }
        while true {
            while i < b.count, [32, 9, 10, 13].contains(b[i]) { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "<"), !starts("</", at: i), let gt = find(">", from: i) else { return out }
            let name = text(i + 1..<gt)
            i = gt + 1
            var value = ""
            while !starts("</", at: i) {
                if starts("<![CDATA[", at: i) {
                    guard let end = find("]]>", from: i + 9) else { return out }
                    value += text(i + 9..<end)
                    i = end + 3
                } else {
                    // Plain text up to the next tag; a nested element is no flat message.
                    guard let lt = find("<", from: i), lt > i else { return out }
                    value += entitiesDecoded(Substring(text(i..<lt)))
                    i = lt
                }
            }
            guard starts("</\(name)>", at: i) else { return out }
            i += name.utf8.count + 3
            if out[name] == nil { out[name] = value }
        }
    }

    static func entitiesDecoded(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var s = String(text)
        for (entity, plain) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: entity, with: plain)
        }
        return s
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
