import LinliProtocol
import LinliTesting
import Testing

/// Replies a tester found awkward: “All the Umbrella are out”; `积分` in a group answered
/// “李菊珍 积分（详情已私信发给您）”.
@Suite struct PlainWordsTests {
    @Test func noUmbrellaLeftIsSaidPlainly() throws {
        let chat = try Conversation()
        #expect(try chat.say("@2026-11-28T09:00:00+08:00 u-li: 借十把雨伞 社区活动用").reply.ok)
        #expect(try chat.say("@2026-11-28T09:00:30+08:00 u-zhang: 借十把雨伞 社区活动用").reply.ok)  // all twenty out
        let none = try chat.say("@2026-11-28T09:01:00+08:00 u-emma: borrow umbrella").reply
        #expect(none.code == "limit" && none.text == "Umbrella: none free to lend right now; please try again later.", "\(none.text)")
        #expect(try chat.say("@2026-11-28T09:02:00+08:00 u-wu: 借 伞").reply.text == "爱心伞已经借完了，请稍后再试。")
    }

    @Test func pointsInAGroupAreNamedAsTheirs() throws {
        let chat = try Conversation()
        #expect(try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-zhang: 大家好").isEmpty)
        let group = try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-li: 小邻 积分")
        #expect(group.reply.text == "李菊珍的积分\n（详情已私信发给您）", "\(group.reply.text)")
        #expect(group.notifications.map(\.to) == ["u-li"])
    }
}

/// `不借了` while asked what to borrow was answered “没有“不借了”这项服务”; `不报了` while asked
/// what the problem is filed a report whose details were “不报了”.
@Suite struct SaidAwayTests {
    @Test(arguments: [("借", "不借了"), ("申请", "不用申请了"), ("报修", "不报了"), ("报修", "不用报修了"), ("预约", "不约了")])
    func theCommandsOwnWordSaidAwayDropsTheQuestion(command: String, away: String) throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T08:59:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play
        #expect(try chat.say("@2026-11-28T09:00:00+08:00 u-li: \(command)").reply.code == "usage")
        #expect(try chat.say("@2026-11-28T09:01:00+08:00 u-li: \(away)").reply.text == "好的，已取消。")
        #expect(try chat.say("@2026-11-28T09:02:00+08:00 u-li: 进度").reply.text == "您没有未办结的记录。", "nothing was filed")
    }
}
