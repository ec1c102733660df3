import Foundation
import LinliCore
import LinliPlatforms
import LinliTesting
import LinliWebhooks
import Synchronization
import Testing

/// A Feishu app with an encrypt key calling `linli serve`, with the fake Feishu on 127.0.0.1.
@Suite(.serialized) struct FeishuConversationTests {
    static let platforms = """
          - id: fs
            kind: feishu
            app_id: cli_a1b2c3
            app_secret: fs-app-secret
            verification_token: CAkCxxxxk5J
            encrypt_key: test key
            bot_open_id: ou_bot0001
            api_base: API
            groups: {oc_5ad11d72b830411d72b836c20: fudi-b3}
        """
    static let people = [
        ("{id: u-li, name: 李菊珍, home: b3-501, lang: zh}", "{id: u-li, name: 李菊珍, home: b3-501, lang: zh, accounts: {fs: ou_8c5e0d0f6f2b4c1e9a}}"),
        ("webhook: wecom-b3, mobile: \"13800000301\"", "accounts: {fs: ou_zhou01}, mobile: \"13800000301\""),
    ]

    static func event(
        id: String, message: String, text: String, token: String = "CAkCxxxxk5J", sender: String = "ou_8c5e0d0f6f2b4c1e9a", chatType: String = "group"
    ) -> String {
        let content = #"{"text":\#(literal(text))}"#
        return """
            {"schema":"2.0","header":{"event_id":\(literal(id)),"token":\(literal(token)),"create_time":"1708399533117",\
            "event_type":"im.message.receive_v1","tenant_key":"tenant_key","app_id":"cli_a1b2c3"},\
            "event":{"message":{"chat_id":"oc_5ad11d72b830411d72b836c20","chat_type":\(literal(chatType)),"content":\(literal(content)),\
            "mentions":[{"id":{"open_id":"ou_bot0001","union_id":"on_x","user_id":"u_x"},"key":"@_user_1","name":"小邻","tenant_key":"tenant_key"}],\
            "message_id":\(literal(message)),"message_type":"text"},\
            "sender":{"sender_id":{"open_id":\(literal(sender)),"union_id":"on_y","user_id":"u_y"},"sender_type":"user","tenant_key":"tenant_key"}}}
            """
    }

    /// The body as Feishu sends it with an encrypt key, and its signature headers.
    static func sealed(
        _ plain: String, key: String = "test key", signKey: String = "test key", skew: Int64 = 0, signed: Bool = true
    )
        -> (String, [HTTPHeader])
    {
        let iv = (0..<16).map { _ in UInt8.random(in: 0...255) }
        let body = #"{"encrypt":\#(literal(PlatformCrypto.feishuEncrypt(Array(plain.utf8), encryptKey: key, iv: iv) ?? ""))}"#
        guard signed else { return (body, []) }
        let stamp = String(nowMillis() / 1000 + skew)
        let signature = PlatformCrypto.feishuSignature(timestamp: stamp, nonce: "n0nce", encryptKey: signKey, body: Array(body.utf8))
        return (
            body,
            [HTTPHeader("X-Lark-Request-Timestamp", stamp), HTTPHeader("X-Lark-Request-Nonce", "n0nce"), HTTPHeader("X-Lark-Signature", signature)]
        )
    }

    static func replyBody(_ text: String, uuid: String, receiver: String? = nil) -> String {
        let content = #"{"text":\#(literal(text))}"#
        let to = receiver.map { #""receive_id":\#(literal($0)),"# } ?? ""
        return #"{\#(to)"msg_type":"text","content":\#(literal(content)),"uuid":\#(literal(uuid))}"#
    }

    @Test func challengeReportPushAndATokenRefreshedOnce() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: Self.people)
        try await rig.serve { fs in
            // The URL check comes encrypted and unsigned.
            let (check, _) = Self.sealed(#"{"challenge":"ajls384kdjx98XX","token":"CAkCxxxxk5J","type":"url_verification"}"#, signed: false)
            let challenged = await fs.post("/v1/platforms/fs", check)
            #expect(challenged.status == 200 && challenged.text == #"{"challenge":"ajls384kdjx98XX"}"#)

            let (report, headers) = Self.sealed(Self.event(id: "ev1", message: "om_1", text: "@_user_1 报修 漏水 501 厨房滴水"))
            #expect(await fs.post("/v1/platforms/fs", report, headers: headers).status == 200)
            let replies = try await rig.await("/open-apis/im/v1/messages/om_1/reply", count: 1)
            let reply = try #require(try rig.kept("fs:ev1", type: "reply").first)
            let (text, id) = (try #require(reply["text"] as? String), try #require(reply["id"] as? String))
            #expect(!text.contains("@") && !text.contains("://") && !text.contains("<"))
            #expect(replies.map(\.text) == [Self.replyBody(text, uuid: "fudi-\(id)")])
            #expect(replies.first?.headers["authorization"] == "Bearer t-1")
            let tokens = rig.received("/open-apis/auth/v3/tenant_access_token/internal")
            #expect(tokens.count == 1, "the reply and the captain's push, sent at once, share one fetch")
            #expect(tokens.first?.text == #"{"app_id":"cli_a1b2c3","app_secret":"fs-app-secret"}"#)
            #expect(try rig.workOrders().first?.reporter == "u-li")

            // The captain, who has no webhook, is told through Feishu's message API.
            let notify = try #require(try rig.kept("fs:ev1", type: "notify").first { $0["to"] as? String == "u-zhou" })
            let pushes = try await rig.await("/open-apis/im/v1/messages?receive_id_type=open_id", count: 1)
            #expect(
                pushes.map(\.text)
                    == [
                        Self.replyBody(
                            try #require(notify["text"] as? String), uuid: "fudi-\(try #require(notify["id"] as? String))", receiver: "ou_zhou01")
                    ])

            // The same event again (Feishu's retry): nothing new.
            #expect(await fs.post("/v1/platforms/fs", report, headers: headers).status == 200)

            // Feishu now calls the first token invalid: one new token, the reply sent once more.
            try await rig.settled()
            rig.flags.firstTokenRevoked.store(true, ordering: .relaxed)
            let (status, statusHeaders) = Self.sealed(Self.event(id: "ev2", message: "om_2", text: "@_user_1 进度"))
            #expect(await fs.post("/v1/platforms/fs", status, headers: statusHeaders).status == 200)
            let second = try await rig.await("/open-apis/im/v1/messages/om_2/reply", count: 2)
            #expect(second.map { $0.headers["authorization"] ?? "" } == ["Bearer t-1", "Bearer t-2"])
            #expect(second.count == 2 && second[0].text == second[1].text)
            #expect(rig.received("/open-apis/auth/v3/tenant_access_token/internal").count == 2)
            #expect(rig.received("/open-apis/im/v1/messages/om_1/reply").count == 1)
        }
    }

    /// What Feishu shows of resident text: its tags, `@` and links as look-alikes (the test's own table).
    static func feishuSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { c in "<>@".unicodeScalars.contains(c) ? Unicode.Scalar(c.value + 0xFEE0)! : c }))
            .replacingOccurrences(of: "://", with: "：//")
    }

    @Test func aCaptainsNoticeIsPostedToTheMappedChatWithItsTagsAsText() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: Self.people)
        try await rig.serve { fs in
            let text = #"通知 明天停水 <at user_id="all">所有人</at> 详见 https://x.example"#
            let (notice, headers) = Self.sealed(Self.event(id: "ev9", message: "om_9", text: text, sender: "ou_zhou01", chatType: "p2p"))
            #expect(await fs.post("/v1/platforms/fs", notice, headers: headers).status == 200)
            let post = try #require(try rig.kept("fs:ev9", type: "post").first { $0["group"] as? String == "fudi-b3" })
            let (posted, id) = (try #require(post["text"] as? String), try #require(post["id"] as? String))
            #expect(posted.contains(#"<at user_id="all">"#))
            let sent = try await rig.await("/open-apis/im/v1/messages?receive_id_type=chat_id", count: 1)
            #expect(sent.map(\.text) == [Self.replyBody(Self.feishuSafe(posted), uuid: "fudi-\(id)", receiver: "oc_5ad11d72b830411d72b836c20")])
            #expect(sent.first?.text.contains("<at") == false)
            // The private chat's answer goes back on the reply API.
            _ = try await rig.await("/open-apis/im/v1/messages/om_9/reply", count: 1)
        }
    }

    @Test func forgedStaleMisEncryptedAndWrongTokenCallbacksAreRefused() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: Self.people)
        try await rig.serve { fs in
            let report = Self.event(id: "bad", message: "om_bad", text: "@_user_1 报修 漏水 501 厨房滴水")
            let cases: [(String, (String, [HTTPHeader]))] = [
                ("bad_signature", Self.sealed(report, signKey: "other key")),
                ("stale_timestamp", Self.sealed(report, skew: -4_000)),
                ("bad_encryption", Self.sealed(report, key: "other key")),
                ("bad_token", Self.sealed(Self.event(id: "bad", message: "om_bad", text: "@_user_1 进度", token: "forged"))),
                ("missing_signature", Self.sealed(report, signed: false)),
            ]
            for (code, (body, headers)) in cases {
                let answer = await fs.post("/v1/platforms/fs", body, headers: headers)
                #expect(answer.status == 401 && answer.text.contains(code), "\(code): \(answer.text)")
            }
            // A body in the clear while an encrypt key is set.
            #expect(await fs.post("/v1/platforms/fs", report).status == 401)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try rig.workOrders().isEmpty)
            #expect(rig.platform.requests.isEmpty)
            #expect(try rig.store.read { try $0.outcome(ofEvent: "fs:bad") } == nil)
        }
    }
}
