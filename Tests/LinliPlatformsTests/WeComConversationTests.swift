import Foundation
import LinliCore
import LinliPlatforms
import LinliTesting
import LinliWebhooks
import Testing

/// A WeCom self-built app and a WeCom 智能机器人 calling `linli serve`, with the fake WeCom on 127.0.0.1.
@Suite(.serialized) struct WeComConversationTests {
    static let corp = "wx5823bf96d3bd56c7"
    static let aesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
    static let platforms = """
          - id: wx
            kind: wecom
            corp_id: \(corp)
            agent_id: 218
            token: QDG6eK
            encoding_aes_key: \(aesKey)
            secret: wx-app-secret
            api_base: API
          - id: wxbot
            kind: wecom_bot
            token: QDG6eK
            encoding_aes_key: \(aesKey)
            groups: {wrkSFfCgAAxxxx: fudi-b3}
        """
    static let people = [
        ("{id: u-li, name: 李菊珍, home: b3-501, lang: zh}", "{id: u-li, name: 李菊珍, home: b3-501, lang: zh, accounts: {wx: LiJuZhen, wxbot: LiJuZhen}}"),
        ("webhook: wecom-b3, mobile: \"13800000301\"", "accounts: {wx: ZhouYL}, mobile: \"13800000301\""),
    ]

    /// `encrypted` sealed for `receiver`, and the query WeCom signs it with.
    static func signed(_ encrypted: String, skew: Int64 = 0, token: String = "QDG6eK") -> String {
        let stamp = String(nowMillis() / 1000 + skew)
        let signature = PlatformCrypto.weComSignature(token: token, timestamp: stamp, nonce: "1372623149", encrypted: encrypted)
        return "msg_signature=\(signature)&timestamp=\(stamp)&nonce=1372623149"
    }

    static func seal(_ text: String, receiver: String) -> String {
        PlatformCrypto.weComEncrypt(Array(text.utf8), encodingAESKey: aesKey, receiveID: receiver, random: Array("ABCDEFGHIJKLMNOP".utf8)) ?? ""
    }

    static func appMessage(_ id: String, from: String, text: String) -> String {
        "<xml><ToUserName><![CDATA[\(corp)]]></ToUserName><FromUserName><![CDATA[\(from)]]></FromUserName><CreateTime>1409659813</CreateTime>"
            + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[\(text)]]></Content><MsgId>\(id)</MsgId><AgentID>218</AgentID></xml>"
    }

    static func envelope(_ encrypted: String) -> String {
        "<xml><ToUserName><![CDATA[\(corp)]]></ToUserName><Encrypt><![CDATA[\(encrypted)]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>"
    }

    /// The text of `<name>` in a flat XML message (the test's own reader).
    static func field(_ name: String, _ xml: String) -> String? {
        guard let a = xml.range(of: "<\(name)>"), let b = xml.range(of: "</\(name)>") else { return nil }
        let inner = String(xml[a.upperBound..<b.lowerBound])
        return inner.hasPrefix("<![CDATA[") ? String(inner.dropFirst(9).dropLast(3)) : inner
    }

    @Test func appURLCheckPassiveReplyAndAPushThroughMessageSend() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: Self.people)
        try await rig.serve { wx in
            let echo = Self.seal("echo-4711", receiver: Self.corp)
            let checked = await wx.get("/v1/platforms/wx?\(Self.signed(echo))&echostr=\(WebhookFormatter.percentEncode(echo))")
            #expect(checked.status == 200 && checked.text == "echo-4711")

            let sealed = Self.seal(Self.appMessage("4561255354251345929", from: "LiJuZhen", text: "报修 漏水 501 厨房滴水"), receiver: Self.corp)
            let answer = await wx.post("/v1/platforms/wx?\(Self.signed(sealed))", Self.envelope(sealed))
            #expect(answer.status == 200)
            // The passive reply: signed over its own encrypted text, for the corp, to the sender.
            let encrypted = try #require(Self.field("Encrypt", answer.text))
            let (stamp, nonce) = (try #require(Self.field("TimeStamp", answer.text)), try #require(Self.field("Nonce", answer.text)))
            #expect(
                Self.field("MsgSignature", answer.text)
                    == PlatformCrypto.weComSignature(token: "QDG6eK", timestamp: stamp, nonce: nonce, encrypted: encrypted))
            let plain = String(
                decoding: try #require(PlatformCrypto.weComDecrypt(encrypted, encodingAESKey: Self.aesKey, receiveID: Self.corp)), as: UTF8.self)
            let text = try #require(try rig.replyText("wx:4561255354251345929"))
            #expect(!text.contains("@") && !text.contains("]]>"))
            #expect(Self.field("ToUserName", plain) == "LiJuZhen" && Self.field("FromUserName", plain) == Self.corp)
            #expect(Self.field("MsgType", plain) == "text" && Self.field("Content", plain) == text)
            #expect(try rig.workOrders().first?.reporter == "u-li")

            // The captain is told through message/send, with a token fetched once.
            let notify = try #require(try rig.kept("wx:4561255354251345929", type: "notify").first { $0["to"] as? String == "u-zhou" })
            let sent = try await rig.await("/cgi-bin/message/send", count: 1)
            #expect(sent.first?.path == "/cgi-bin/message/send?access_token=AT1")
            let content = try #require(notify["text"] as? String)
            #expect(sent.map(\.text) == [#"{"touser":"ZhouYL","msgtype":"text","agentid":218,"text":{"content":\#(literal(content))}}"#])
            #expect(rig.received("/cgi-bin/gettoken").map(\.path) == ["/cgi-bin/gettoken?corpid=\(Self.corp)&corpsecret=wx-app-secret"])

            // The same message again: the same answer, nothing new.
            let again = await wx.post("/v1/platforms/wx?\(Self.signed(sealed))", Self.envelope(sealed))
            #expect(again.status == 200)
            #expect(try rig.workOrders().count == 1)
        }
    }

    @Test func forgedStaleAndMisEncryptedAppCallbacksAreRefused() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: Self.people)
        try await rig.serve { wx in
            let message = Self.appMessage("77", from: "LiJuZhen", text: "报修 漏水 501 厨房滴水")
            let right = Self.seal(message, receiver: Self.corp)
            let otherCorp = Self.seal(message, receiver: "wx0000000000000000")
            let cases = [
                (Self.signed(right, token: "forged"), right), (Self.signed(right, skew: -3_700), right), (Self.signed(otherCorp), otherCorp),
            ]
            for (query, sealed) in cases {
                let answer = await wx.post("/v1/platforms/wx?\(query)", Self.envelope(sealed))
                #expect(answer.status == 401, "\(answer.text)")
            }
            let forgedCheck = await wx.get("/v1/platforms/wx?\(Self.signed(right, token: "forged"))&echostr=\(WebhookFormatter.percentEncode(right))")
            #expect(forgedCheck.status == 401)
            let orders = try rig.workOrders()
            #expect(orders.isEmpty)
            #expect(rig.platform.requests.isEmpty)
        }
    }

    /// What WeCom's markdown shows of resident text: markdown marks and `@` as their full-width forms.
    static func markdownSafe(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { c in "<>[]()!*_`#~|\\@".unicodeScalars.contains(c) ? Unicode.Scalar(c.value + 0xFEE0)! : c }))
    }

    @Test func aBotMessageIsAnsweredOnItsResponseURL() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: Self.people)
        try await rig.serve { wx in
            let message = """
                {"msgid":"CAIQ16HMjQYY\\/NGagIOAgAMgq4KM0AI=","aibotid":"AIBOTID","chatid":"wrkSFfCgAAxxxx","chattype":"group",\
                "from":{"userid":"LiJuZhen"},"response_url":\(literal(rig.platform.url("/cgi-bin/aibot/response?response_code=RC1"))),\
                "msgtype":"text","text":{"content":"@小邻 报修 漏水 501 厨房滴水"}}
                """
            // The bot's URL check: the echostr sealed with an empty receive id.
            let echo = Self.seal("echo-99", receiver: "")
            let checked = await wx.get("/v1/platforms/wxbot?\(Self.signed(echo))&echostr=\(WebhookFormatter.percentEncode(echo))")
            #expect(checked.status == 200 && checked.text == "echo-99")
            let sealed = Self.seal(message, receiver: "")
            let body = #"{"encrypt":\#(literal(sealed))}"#
            #expect(await wx.post("/v1/platforms/wxbot?\(Self.signed(sealed))", body).status == 200)
            let answers = try await rig.await("/cgi-bin/aibot/response", count: 1)
            let text = try #require(try rig.replyText("wxbot:CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI="))
            #expect(answers.map(\.text) == [#"{"msgtype":"markdown","markdown":{"content":\#(literal(Self.markdownSafe(text)))}}"#])
            #expect(try rig.workOrders().first.map { ($0.reporter, $0.building) } ?? ("", "") == ("u-li", "b3"))
            // Sealed for the corp instead of the bot (receive id empty): refused.
            let wrong = Self.seal(message, receiver: Self.corp)
            #expect(await wx.post("/v1/platforms/wxbot?\(Self.signed(wrong))", #"{"encrypt":\#(literal(wrong))}"#).status == 401)
            try await Task.sleep(for: .milliseconds(300))
            #expect(rig.received("/cgi-bin/aibot/response").count == 1)
        }
    }
}
