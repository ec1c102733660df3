import LinliProtocol
import LinliTesting
import Testing

/// A volunteer who wrote `fulfil` when done was asked “Which wish?”, though they had
/// claimed one only; `claim` with no wish open asked which too, and no answer could do.
@Suite struct WishSaidAloneTests {
    @Test func fulfilAloneIsTheOneWishClaimed() throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play
        let nothing = try chat.say("@2026-11-28T09:01:00+08:00 u-wang: fulfil").reply
        #expect(nothing.code == "not_found" && nothing.text.hasPrefix("You have no claimed wish"), "\(nothing.text)")
        #expect(try chat.say("@2026-11-28T09:02:00+08:00 u-wang: W1").reply.text == "There is no W1.", "no question open: its status")
        #expect(try chat.say("@2026-11-28T09:03:00+08:00 u-li: 心愿 想请人帮忙修一下收音机").reply.refs == ["W1"])
        #expect(try chat.say("@2026-11-28T09:04:00+08:00 u-li: 心愿 想学用智能手机").reply.refs == ["W2"])
        #expect(try chat.say("@2026-11-28T09:05:00+08:00 u-wang: claim W2").reply.ok)
        let done = try chat.say("@2026-11-28T09:30:00+08:00 u-wang: fulfil").reply
        #expect(done.ok && done.refs == ["W2"], "\(done.text)")
        // Two claimed: asked which.
        try chat.say("@2026-11-28T09:31:00+08:00 u-liu: 认领 W1")
        #expect(try chat.say("@2026-11-28T09:32:00+08:00 u-li: 心愿 想找人陪我去医院").reply.refs == ["W3"])
        try chat.say("@2026-11-28T09:33:00+08:00 u-liu: 认领 W3")
        let asked = try chat.say("@2026-11-28T09:34:00+08:00 u-liu: 完成").reply
        #expect(asked.code == "usage" && asked.text.hasPrefix("完成了哪个心愿？W1 想请人帮忙修一下收音机；W3 想找人陪我去医院"), "\(asked.text)")
        #expect(try chat.say("@2026-11-28T09:35:00+08:00 u-liu: W3").reply.refs == ["W3"])
    }

    @Test func doneAsPeopleSayItAndTheWisherPointedToThanks() throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 u-li: 心愿 想请人帮忙换个灯泡")
        try chat.say("@2026-11-28T09:01:00+08:00 u-fang: 认领 W1")
        let done = try chat.say("@2026-11-28T09:30:00+08:00 u-fang: 完成了").reply
        #expect(done.ok && done.refs == ["W1"], "\(done.text)")
        let confirm = try chat.say("@2026-11-28T09:31:00+08:00 u-li: 确认").reply
        #expect(confirm.code == "not_found" && confirm.text.hasSuffix("心愿 W1 已完成的话，请发送：谢谢 W1"), "\(confirm.text)")
        #expect(try chat.say("@2026-11-28T09:32:00+08:00 u-li: 谢谢 W1").reply.ok)
    }

    @Test func claimAloneWithNoWishOpenIsToldSo() throws {
        let chat = try Conversation()
        let none = try chat.say("@2026-11-28T09:00:00+08:00 u-liu: 认领").reply
        #expect(none.code == "not_found" && none.text == "现在没有待认领的心愿。", "\(none.text)")
        #expect(try chat.say("@2026-11-28T09:01:00+08:00 u-wang: claim").reply.text == "There is no open wish to claim now.")
        try chat.say("@2026-11-28T09:02:00+08:00 u-li: 心愿 想请人帮忙修一下收音机")
        // With one open, which is still asked: claiming is the volunteer's choice.
        #expect(try chat.say("@2026-11-28T09:03:00+08:00 u-wang: claim").reply.text.hasPrefix("Which wish?"))
        #expect(try chat.say("@2026-11-28T09:04:00+08:00 u-wang: W1").reply.ok)
    }

    @Test func inANoisyGroupOnlyWhenCalled() throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")
        try chat.say("@2026-11-28T09:01:00+08:00 u-li: 心愿 想请人帮忙修一下收音机")
        try chat.say("@2026-11-28T09:02:00+08:00 u-liu: 认领 W1")
        #expect(try chat.say("@2026-11-28T10:00:00+08:00 [fudi-b1] u-wu: 刘师傅辛苦了！").isEmpty)
        #expect(try chat.say("@2026-11-28T10:01:00+08:00 [fudi-b1] u-liu: 完成").isEmpty, "not said to the bot")
        #expect(try chat.say("@2026-11-28T10:02:00+08:00 [fudi-b1] u-wu: 收音机修好了吗？").isEmpty)
        let called = try chat.say("@2026-11-28T10:03:00+08:00 [fudi-b1] u-liu: 小邻 完成")
        #expect(called.reply.ok && called.reply.refs == ["W1"], "\(called.reply.text)")
        #expect(!(called.map(\.text).joined().contains("装修")), "the noise report stays out of it")
    }
}
