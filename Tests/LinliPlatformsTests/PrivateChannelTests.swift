import Foundation
import LinliCore
import LinliPlatforms
import LinliTesting
import Testing

/// A private record asked about in a platform group (PROTOCOL.md §2.2): the group is
/// told the details went privately only when a private channel reaches the asker. A
/// DingTalk robot answers in chats only: someone with no webhook of their own is told
/// to ask the bot in a private chat, and nothing is promised or queued for them.
@Suite(.serialized) struct PrivateChannelTests {
    @Test(arguments: [Lang.zh, .en])
    func onDingTalkWithNoPrivateChannelTheGroupIsToldWhereToAsk(_ lang: Lang) async throws {
        let (plain, withAccount) = DingTalkConversationTests.li
        let rig = try PlatformRig(
            platforms: DingTalkConversationTests.platforms,
            people: [
                (plain, withAccount.replacingOccurrences(of: "lang: zh", with: "lang: \(lang)")),
                ("{id: u-he, name: 何书记, roles: [staff], lang: zh}", "{id: u-he, name: 何书记, roles: [staff], lang: \(lang), accounts: {dd: he01}}"),
                ("  name: 福地社区\n", "  name: 福地社区\n  public_url: https://linli.example.org\n"),
            ])
        try await rig.serve { dd in
            func say(_ id: String, _ text: String, group: Bool = true, staff: String = "manager4721", session: String) async throws -> String {
                let (body, headers) = DingTalkConversationTests.callback(rig, id: id, staff: staff, text: text, group: group, session: session)
                #expect(await dd.post("/v1/platforms/dd", body, headers: headers).status == 200)
                _ = try await rig.await(session, count: 1)
                return try #require(try rig.replyText("dd:\(id)"))
            }
            _ = try await say("n1", " 反映 噪音 楼上半夜装修电钻声", session: "/session/n1")
            let id = try #require(try rig.workOrders().first?.id)
            let shown = try await say("n2", " 进度 \(id)", session: "/session/n2")
            #expect(shown.contains("\(id)") && !shown.contains("电钻"), "\(shown)")
            #expect(shown.contains(lang == .zh ? "请私聊小邻" : "ask linli in a private chat"), "\(shown)")
            #expect(!shown.contains(lang == .zh ? "已私信" : "sent to you privately"), "\(shown)")
            #expect(try rig.kept("dd:n2", type: "notify").isEmpty, "nothing is sent where nothing reaches her")
            // Why she cannot rate it yet is kept from the group the same way.
            let refused = try await say("n4", " 评价 \(id) 5", session: "/session/n4")
            #expect(refused.contains(lang == .zh ? "原因请私聊小邻" : "ask linli in a private chat why"), "\(refused)")
            // A private report's details are not asked for in the group: she is told where to send it.
            let asked = try await say("n5", " 反映 噪音", session: "/session/n5")
            #expect(asked.contains(lang == .zh ? "请私聊小邻发送" : "to linli in a private chat"), "\(asked)")
            let followUp = try await say("n6", "楼上半夜电钻声", group: false, session: "/session/n6")
            #expect(try rig.workOrders().count == 1, "no question was left open to take her next private message: \(followUp)")
            // A sign-in link is made only where it can be sent to its person alone.
            let link = try await say("n7", " 后台", staff: "he01", session: "/session/n7")
            #expect(link.contains(lang == .zh ? "登录链接只私信发送" : "sent privately only") && !link.contains("token="), "\(link)")
            #expect(try ["dd:n4", "dd:n5", "dd:n7"].allSatisfy { try rig.kept($0, type: "notify").isEmpty })
            // Asked in a private chat, as told: the details.
            let told = try await say("n3", "进度 \(id)", group: false, session: "/session/n3")
            #expect(told.contains("电钻"), "\(told)")
            // Nothing private waits in the outbox for a channel she does not have.
            #expect(try rig.store.read { try $0.outbox() }.allSatisfy { $0.reason != "private_reply" })
        }
    }

    /// A mediation set up on DingTalk: parties the bot cannot write to are not said to be
    /// invited privately without more; the captain is told to tell them himself.
    @Test func aMediatorIsToldWhichPartyNoPrivateMessageReaches() async throws {
        let rig = try PlatformRig(
            platforms: DingTalkConversationTests.platforms,
            people: [
                DingTalkConversationTests.li,
                ("webhook: wecom-b3, mobile: \"13800000301\"", "accounts: {dd: zhou01}, mobile: \"13800000301\""),
            ])
        try await rig.serve { dd in
            func say(_ id: String, _ text: String, staff: String, group: Bool) async throws -> String {
                let (body, headers) = DingTalkConversationTests.callback(rig, id: id, staff: staff, text: text, group: group, session: "/session/\(id)")
                #expect(await dd.post("/v1/platforms/dd", body, headers: headers).status == 200)
                _ = try await rig.await("/session/\(id)", count: 1)
                return try #require(try rig.replyText("dd:\(id)"))
            }
            _ = try await say("m1", "反映 纠纷 楼上702每晚很吵，沟通过没用", staff: "manager4721", group: false)
            let set = try await say("m2", "邀请 R1 702 明天 10:00-11:00", staff: "zhou01", group: false)
            #expect(set.contains("收不到私信") && set.contains("李菊珍") && set.contains("陈美玲"), "\(set)")
        }
    }

    /// A captain whose webhook is a group robot, with a Feishu account: what a robot may not
    /// carry (a private report's text) goes whole to his account; his group, which has a
    /// robot and a Feishu chat, gets a notice on both.
    @Test func aRobotsOwnerGetsPrivateMattersThroughHisAccountAndItsGroupPostsOnBoth() async throws {
        let rig = try PlatformRig(
            platforms: FeishuConversationTests.platforms,
            people: [
                FeishuConversationTests.people[0],
                ("webhook: wecom-b3, mobile: \"13800000301\"", "webhook: wecom-b3, accounts: {fs: ou_zhou01}, mobile: \"13800000301\""),
                ("    groups: [fudi-b3]\n", "    groups: [{id: fudi-b3, webhook: wecom-b3}]\n"),
            ])
        try await rig.serve { fs in
            let (report, headers) = FeishuConversationTests.sealed(
                FeishuConversationTests.event(id: "ev1", message: "om_1", text: "@_user_1 反映 噪音 楼上半夜装修电钻声"))
            #expect(await fs.post("/v1/platforms/fs", report, headers: headers).status == 200)
            let told = try await rig.await("/open-apis/im/v1/messages?receive_id_type=open_id", count: 1)
            #expect(told[0].text.contains("ou_zhou01") && told[0].text.contains("电钻"), "\(told.map(\.text))")
            let (status, statusHeaders) = FeishuConversationTests.sealed(
                FeishuConversationTests.event(id: "ev2", message: "om_2", text: "@_user_1 进度 R1", sender: "ou_zhou01"))
            #expect(await fs.post("/v1/platforms/fs", status, headers: statusHeaders).status == 200)
            _ = try await rig.await("/open-apis/im/v1/messages/om_2/reply", count: 1)
            #expect(try rig.replyText("fs:ev2")?.contains("已私信") == true)
            #expect(try await rig.await("/open-apis/im/v1/messages?receive_id_type=open_id", count: 2).count == 2)
            let (notice, noticeHeaders) = FeishuConversationTests.sealed(
                FeishuConversationTests.event(id: "ev3", message: "om_3", text: "通知 明天9点停水", sender: "ou_zhou01", chatType: "p2p"))
            #expect(await fs.post("/v1/platforms/fs", notice, headers: noticeHeaders).status == 200)
            let onFeishu = try await rig.await("/open-apis/im/v1/messages?receive_id_type=chat_id", count: 1)
            #expect(onFeishu[0].text.contains("明天9点停水"))
            try await rig.settled()
            let robot = rig.received("/hooks/wecom-b3").map(\.text)
            #expect(robot.contains { $0.contains("明天9点停水") }, "\(robot)")
            #expect(!robot.contains { $0.contains("电钻") }, "the robot never carries the private report: \(robot)")
        }
    }

    /// Feishu sends to a person's account: there the details go privately, as promised.
    @Test func onFeishuTheDetailsGoToTheAskersAccount() async throws {
        let rig = try PlatformRig(platforms: FeishuConversationTests.platforms, people: FeishuConversationTests.people)
        try await rig.serve { fs in
            let (report, headers) = FeishuConversationTests.sealed(
                FeishuConversationTests.event(id: "ev1", message: "om_1", text: "@_user_1 反映 噪音 楼上半夜装修电钻声"))
            #expect(await fs.post("/v1/platforms/fs", report, headers: headers).status == 200)
            _ = try await rig.await("/open-apis/im/v1/messages/om_1/reply", count: 1)
            let id = try #require(try rig.workOrders().first?.id)
            let (status, statusHeaders) = FeishuConversationTests.sealed(
                FeishuConversationTests.event(id: "ev2", message: "om_2", text: "@_user_1 进度 \(id)"))
            #expect(await fs.post("/v1/platforms/fs", status, headers: statusHeaders).status == 200)
            _ = try await rig.await("/open-apis/im/v1/messages/om_2/reply", count: 1)
            let shown = try #require(try rig.replyText("fs:ev2"))
            #expect(shown.contains("已私信") && !shown.contains("电钻"), "\(shown)")
            // The captain's push of the report, then hers of the details.
            let pushes = try await rig.await("/open-apis/im/v1/messages?receive_id_type=open_id", count: 2)
            let hers = pushes.filter { $0.text.contains("ou_8c5e0d0f6f2b4c1e9a") }
            #expect(hers.count == 1 && hers[0].text.contains("电钻"), "\(pushes.map(\.text))")
        }
    }
}
