import LinliProtocol
import LinliTesting
import Testing

/// A report in a private category started in a group (`小邻 报修 噪音`): the details,
/// which name the neighbour, are asked for and answered in a private chat.
@Suite struct PrivateReportDetailsTests {
    @Test func aPrivateReportsDetailsAreAskedPrivately() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("楼下好吵啊", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty)
        let asked = try bot.say("小邻，报修 噪音", from: "u-li", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        #expect(asked.reply.text == "这涉及私密事项，我私信问您。", "\(asked.reply.text)")
        #expect(asked.notifications.first { $0.reason == "private_reply" && $0.to == "u-li" } != nil, "\(asked)")
        #expect(try bot.say("楼下801半夜放音乐", from: "u-li", in: "t-b1", at: "2026-11-28T09:02:00+08:00").isEmpty, "not answered in the group")
        let answered = try bot.say("楼下801半夜放音乐", from: "u-li", at: "2026-11-28T09:03:00+08:00")
        #expect(answered.reply.refs == ["R1"] && answered.reply.group == nil, "\(answered.reply.text)")

        // In English, the category given in answer to the group's question.
        let what = try bot.say("linli report", from: "u-ann", in: "t-b1", at: "2026-11-28T09:10:00+08:00").reply.text
        #expect(what.contains("What is the problem") || what.contains("problem"), "the category is no secret: asked in the group: \(what)")
        let then = try bot.say("noise", from: "u-ann", in: "t-b1", at: "2026-11-28T09:11:00+08:00")
        #expect(then.reply.text == "That is a private matter: I asked you privately.", "\(then.reply.text)")
        #expect(try bot.say("from 702, they party every night", from: "u-ann", at: "2026-11-28T09:12:00+08:00").reply.refs == ["R2"])

        // A leak is not private: its details are asked where the report began.
        let leak = try bot.say("小邻 报修 漏水", from: "u-li", in: "t-b1", at: "2026-11-28T09:20:00+08:00").reply
        #expect(leak.group == "t-b1" && leak.text.contains("直接回复即可"), "\(leak.text)")
    }
}

/// A refusal about a private record said in a group names the record only: that it is not
/// resolved yet, cancelled or not a dispute (so, noise), and its deadline, go privately.
@Suite struct PrivateRefusalsInAGroupTests {
    @Test func refusalsAboutAPrivateRecordSayWhyPrivately() throws {
        let bot = try FamilyHarness("workorders", "disputes")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("report noise 801 loud music every night", from: "u-ann", at: at).reply.refs == ["R1"])
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", in: "t-b1", at: at).reply.refs == ["R2"])
        #expect(try bot.say("morning all!", from: "u-ann", in: "t-b1", at: at).isEmpty)
        for (text, user) in [("rate R1 1", "u-ann"), ("reopen R1", "u-ann"), ("invite R1 801 tomorrow 10-11am", "u-cap1")] {
            let out = try bot.say(text, from: user, in: "t-b1", at: at)
            #expect(out.reply.text == "R1 private matter: not done\n(why is sent to you privately)", "\(text): \(out.reply.text)")
            let why = out.notifications.first { $0.reason == "private_reply" }
            #expect(why?.to == user && why?.group == nil && why?.text.contains("R1") == true, "\(text): \(out)")
        }
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at).reply.ok)
        let again = try bot.say("签收 R1", from: "u-cap1", in: "t-b1", at: at)
        #expect(again.reply.text == "R1 私密事项，没有办成\n（原因已私信发给您）" && again.notifications.first?.text.contains("已签收") == true, "\(again)")
        #expect(try bot.say("谢谢", from: "u-li", in: "t-b1", at: at).isEmpty)
        // Privately, and about a public record in the group, the refusal says why as before.
        #expect(try bot.say("rate R1 1", from: "u-ann", at: at).reply.text.contains("not resolved"))
        let plain = try bot.say("评价 R2 5", from: "u-li", in: "t-b1", at: at).reply
        #expect(plain.code == "invalid_state" && plain.text.contains("R2") && !plain.text.contains("私密"), "\(plain.text)")
    }
}

/// A captain's robot posts into a group: a push about a private record (a noise report's
/// text, who made it, their phone) reaches it as its number only, and so does a private
/// reply; the captain reads it privately. The signed generic JSON (a private endpoint)
/// and the push on stdout keep the whole text.
@Suite struct PrivateRecordsOffRobotsTests {
    static func community(_ format: String) -> String {
        FamilyHarness.community.replacingOccurrences(
            of: "{id: u-cap1, name: 刘队长, home: b1-101, roles: [captain]}",
            with: "{id: u-cap1, name: 刘队长, home: b1-101, roles: [captain], webhook: cap-robot}")
            + "\nwebhooks:\n  - {id: cap-robot, format: \(format), url: \"http://127.0.0.1:9/robot\"}\n"
    }

    @Test func aRobotGetsAPrivateRecordsNumberOnly() throws {
        let bot = try FamilyHarness("workorders", community: Self.community("wecom"))
        let at = "2026-11-28T09:00:00+08:00"
        let noise = try bot.say("报修 噪音 楼上每晚装修 我是李阿姨 电话13912345678", from: "u-li", at: at)
        #expect(noise.notifications.first { $0.to == "u-cap1" }?.text.contains("13912345678") == true, "the push itself is whole")
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", at: at).reply.refs == ["R2"])
        #expect(try bot.say("进度 R1", from: "u-cap1", in: "t-b1", at: at).reply.text.contains("私密事项"))
        let queued = try bot.store.read { try $0.outbox() }.filter { $0.webhook == "cap-robot" }
        let texts = queued.map(\.text)
        #expect(texts.count == 3, "\(texts)")
        #expect(texts.filter { $0.contains("R1") }.allSatisfy { $0 == "【R1 私密事项】详情请私聊小邻查看：进度 R1" }, "\(texts)")
        #expect(!texts.joined().contains("13912345678") && !texts.joined().contains("装修"), "\(texts)")
        #expect(texts.contains { $0.contains("R2") && $0.contains("楼道漏水") }, "a public report is pushed whole: \(texts)")
    }

    /// A private reply about no work order (a question asked privately) names none and
    /// points at no command that would fail.
    @Test func aPrivateReplyAboutNoOrderSaysOnlyThatOneWaits() throws {
        let bot = try FamilyHarness("workorders", "households", community: Self.community("wecom"))
        #expect(try bot.say("小邻 走访", from: "u-cap1", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.text.contains("私信"))
        let queued = try bot.store.read { try $0.outbox() }.filter { $0.webhook == "cap-robot" }
        #expect(queued.map(\.text) == ["【私密消息】请私聊小邻查看。"], "\(queued.map(\.text))")
    }

    @Test func aGenericEndpointKeepsTheWholeText() throws {
        let bot = try FamilyHarness("workorders", community: Self.community("generic"))
        _ = try bot.say("报修 噪音 楼上每晚装修", from: "u-li", at: "2026-11-28T09:00:00+08:00")
        let queued = try bot.store.read { try $0.outbox() }.filter { $0.webhook == "cap-robot" }
        #expect(queued.count == 1 && queued[0].text.contains("楼上每晚装修"), "\(queued.map(\.text))")
    }
}

/// 并单 of two private reports in a group: that two households complained of the same
/// matter (the same neighbour) is not said there; the captain reads it privately.
@Suite struct PrivateMergeInAGroupTests {
    @Test(arguments: [("并单 R2 R1", "R2、R1 私密事项，已办理\n（详情已私信发给您）", "已将 R2 并入 R1"),
                      ("merge R2 R1", "R2, R1: private matters, done\n(details sent to you privately)", "Merged R2 into R1")])
    func mergingPrivateReportsNamesThemOnly(command: String, shown: String, detail: String) throws {
        let bot = try FamilyHarness("workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("report noise 801 loud music every night", from: "u-ann", at: at).reply.refs == ["R1"])
        #expect(try bot.say("反映 噪音 801 每晚很吵", from: "u-li", at: at).reply.refs == ["R2"])
        #expect(try bot.say("大家早上好", from: "u-li", in: "t-b1", at: at).isEmpty)
        let out = try bot.say(command, from: "u-cap1", in: "t-b1", at: at)
        #expect(out.reply.ok && out.reply.text == shown, "\(out.reply.text)")
        #expect(!out.reply.text.contains("801") && !out.reply.text.contains("并入") && !out.reply.text.contains("Merged"))
        let privately = out.notifications.first { $0.reason == "private_reply" }
        #expect(privately?.to == "u-cap1" && privately?.text.contains(detail) == true, "\(out)")
        // Privately, the captain is told in full.
        #expect(try bot.say("status R2", from: "u-cap1", at: at).reply.text.contains("R1"))
    }
}
