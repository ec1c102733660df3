import Foundation
import LinliCore
import LinliPlatforms
import LinliTesting
import LinliWebhooks
import Testing

/// A OneBot v11 implementation (QQ groups) posting to `linli serve`, its HTTP API faked on 127.0.0.1.
@Suite(.serialized) struct OneBotConversationTests {
    static let platforms = """
          - id: qq
            kind: onebot
            secret: some-secret
            self_id: "10001000"
            api_base: API
            groups: {"123456": fudi-b3}
        """
    static let people = [
        ("{id: u-li, name: 李菊珍, home: b3-501, lang: zh}", "{id: u-li, name: 李菊珍, home: b3-501, lang: zh, accounts: {qq: \"12345678\"}}"),
        ("webhook: wecom-b3, mobile: \"13800000301\"", "accounts: {qq: \"20002000\"}, mobile: \"13800000301\""),
    ]

    static func message(_ id: Int, text: String, time: Int64 = nowMillis() / 1000, from user: Int = 12_345_678, group: Bool = true) -> String {
        """
        {"time":\(time),"self_id":10001000,"post_type":"message","message_type":"\(group ? "group" : "private")","sub_type":"normal",\
        "message_id":\(id),\(group ? "\"group_id\":123456," : "")"user_id":\(user),"message":\(literal(text)),"raw_message":\(literal(text)),\
        "font":456,"sender":{"user_id":\(user),"nickname":"李菊珍","card":"","role":"member"}}
        """
    }

    @Test func aCaptainsNoticeIsPostedThroughSendGroupMsgAsPlainText() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: Self.people)
        try await rig.serve { qq in
            // CQ codes a resident types are text: escaped in the payload, and sent with auto_escape.
            let notice = Self.message(21, text: "通知 明天9点停水 &#91;CQ:at,qq=all&#93;", from: 20_002_000, group: false)
            let answer = await qq.post("/v1/platforms/qq", notice, headers: Self.signature(notice))
            #expect(answer.status == 200)
            let post = try #require(try rig.kept("qq:21", type: "post").first { $0["group"] as? String == "fudi-b3" })
            let text = try #require(post["text"] as? String)
            #expect(text.contains("[CQ:at,qq=all]"))
            let sent = try await rig.await("/send_group_msg", count: 1)
            #expect(sent.map(\.text) == [#"{"group_id":123456,"message":\#(literal(text)),"auto_escape":true}"#])
            // A private chat's quick reply does not @ the sender.
            #expect(answer.text.hasSuffix(#""auto_escape":true,"at_sender":false}"#))
        }
    }

    /// QQ's anonymous senders all share user_id 80000000: their messages are taken as no
    /// one's. One that calls the bot is told why; none registers or reports as anyone.
    @Test func anAnonymousMessageIsTakenAsNoOnes() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: Self.people)
        try await rig.serve { qq async throws in
            func anonymous(_ id: Int, _ text: String) -> String {
                Self.message(id, text: text, from: 80_000_000).replacingOccurrences(
                    of: #""sub_type":"normal""#, with: #""sub_type":"anonymous","anonymous":{"id":2437,"name":"匿名者","flag":"f1"}"#)
            }
            let register = anonymous(41, "[CQ:at,qq=10001000] 登记 502")
            let told = await qq.post("/v1/platforms/qq", register, headers: Self.signature(register))
            #expect(told.status == 200 && told.text.contains("匿名消息无法办理") && told.text.contains(#""at_sender":false"#), "\(told.text)")
            let english = anonymous(42, "[CQ:at,qq=10001000] report leak kitchen")
            #expect(await qq.post("/v1/platforms/qq", english, headers: Self.signature(english)).text.contains("anonymous message"))
            let chatter = anonymous(43, "报修 漏水 502 厨房漏水")
            #expect(await qq.post("/v1/platforms/qq", chatter, headers: Self.signature(chatter)).status == 204)
            #expect(try rig.workOrders().isEmpty)
            #expect(try rig.store.read { tx in try ["qq:41", "qq:42", "qq:43"].compactMap { try tx.outcome(ofEvent: $0) } }.isEmpty)
            // The same words from a resident who is not anonymous are handled.
            let named = Self.message(44, text: "[CQ:at,qq=10001000] 报修 漏水 501 厨房漏水")
            #expect(await qq.post("/v1/platforms/qq", named, headers: Self.signature(named)).status == 200)
            #expect(try rig.workOrders().count == 1)
        }
    }

    /// A building group that meets on QQ and on Feishu: a notice is posted to both chats.
    @Test func aGroupOnTwoPlatformsGetsThePostOnEach() async throws {
        let rig = try PlatformRig(
            platforms: Self.platforms + "\n" + FeishuConversationTests.platforms,
            people: [
                Self.people[0],
                ("webhook: wecom-b3, mobile: \"13800000301\"", "accounts: {qq: \"20002000\", fs: ou_zhou01}, mobile: \"13800000301\""),
            ])
        try await rig.serve { qq in
            let notice = Self.message(31, text: "通知 明天9点停水", from: 20_002_000, group: false)
            #expect(await qq.post("/v1/platforms/qq", notice, headers: Self.signature(notice)).status == 200)
            let post = try #require(try rig.kept("qq:31", type: "post").first { $0["group"] as? String == "fudi-b3" })
            let text = try #require(post["text"] as? String)
            let onQQ = try await rig.await("/send_group_msg", count: 1)
            let onFeishu = try await rig.await("/open-apis/im/v1/messages?receive_id_type=chat_id", count: 1)
            #expect(onQQ.map(\.text) == [#"{"group_id":123456,"message":\#(literal(text)),"auto_escape":true}"#])
            #expect(onFeishu.count == 1 && onFeishu[0].text.contains("oc_5ad11d72b830411d72b836c20") && onFeishu[0].text.contains("明天9点停水"))
        }
    }

    static func signature(_ body: String, secret: String = "some-secret") -> [HTTPHeader] {
        [HTTPHeader("X-Self-ID", "10001000"), HTTPHeader("X-Signature", PlatformCrypto.oneBotSignature(secret: secret, body: Array(body.utf8)))]
    }

    @Test func aMentionIsAnsweredByQuickReplyAndTheCaptainThroughSendPrivateMsg() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: Self.people)
        try await rig.serve { qq in
            let report = Self.message(12, text: "[CQ:at,qq=10001000] 报修 漏水 501 厨房滴水")
            let answer = await qq.post("/v1/platforms/qq", report, headers: Self.signature(report))
            let text = try #require(try rig.replyText("qq:12"))
            #expect(answer.status == 200)
            #expect(answer.text == #"{"reply":\#(literal(text)),"auto_escape":true,"at_sender":true}"#)
            #expect(try rig.workOrders().first.map { ($0.reporter, $0.building) } ?? ("", "") == ("u-li", "b3"))
            let notify = try #require(try rig.kept("qq:12", type: "notify").first { $0["to"] as? String == "u-zhou" })
            let sent = try await rig.await("/send_private_msg", count: 1)
            #expect(
                sent.map(\.text) == [#"{"user_id":20002000,"message":\#(literal(try #require(notify["text"] as? String))),"auto_escape":true}"#])

            // A retry of message 12: the same answer, nothing new; chatter gets 204.
            let again = await qq.post("/v1/platforms/qq", report, headers: Self.signature(report))
            #expect(again.text == answer.text)
            #expect(try rig.workOrders().count == 1)
            let chatter = Self.message(13, text: "大家好")
            #expect(await qq.post("/v1/platforms/qq", chatter, headers: Self.signature(chatter)).status == 204)

            // Forged, stale and unsigned posts: 401, nothing kept.
            let stale = Self.message(14, text: "[CQ:at,qq=10001000] 报修 漏水 501 厨房滴水", time: nowMillis() / 1000 - 3_700)
            let refused = [
                await qq.post("/v1/platforms/qq", report.replacingOccurrences(of: ":12,", with: ":15,"), headers: Self.signature(report)),
                await qq.post("/v1/platforms/qq", stale, headers: Self.signature(stale)),
                await qq.post("/v1/platforms/qq", report, headers: Self.signature(report, secret: "other")),
                await qq.post("/v1/platforms/qq", report),
            ]
            #expect(refused.map(\.status) == [401, 401, 401, 401])
            #expect(try rig.store.read { tx in try ["qq:14", "qq:15"].compactMap { try tx.outcome(ofEvent: $0) } }.isEmpty)
            #expect(try rig.workOrders().count == 1)
        }
    }
}
