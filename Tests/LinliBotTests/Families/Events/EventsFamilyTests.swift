import LinliProtocol
import LinliTesting
import Testing

@Suite struct EventsFamilyTests {
    @Test func aCaptainPostsAnEventResidentsJoinAndAreReminded() throws {
        let bot = try FamilyHarness("events")
        #expect(try bot.say("发布活动 包饺子 明天 18:00 10", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.code == "forbidden")
        let posted = try bot.say("发布活动 包饺子 明天 18:00 10", from: "u-cap1", at: "2026-11-28T09:01:00+08:00")
        #expect(posted.reply.refs == ["E1"] && !posted.posts.isEmpty)
        #expect(try bot.say("join E1", from: "u-ann", at: "2026-11-28T10:00:00+08:00").reply.ok)
        #expect(try bot.say("报名 E1", from: "u-li", at: "2026-11-28T10:01:00+08:00").reply.ok)
        #expect(try bot.say("取消报名 E1", from: "u-li", at: "2026-11-28T10:02:00+08:00").reply.ok)
        let reminded = try bot.tick("2026-11-29T17:01:00+08:00")
        #expect(reminded.notifications.map(\.to) == ["u-ann"])
    }
}
