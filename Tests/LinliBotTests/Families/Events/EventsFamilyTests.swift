import LinliProtocol
import LinliTesting
import Testing

@Suite struct EventsFamilyTests {
    @Test func aCaptainPostsAnEventResidentsJoinAndAreReminded() throws {
        let bot = try FamilyHarness("events")
        #expect(try bot.say("发布活动 包饺子 明天 18:00 10", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.code == "forbidden")
        let posted = try bot.say("发布活动 包饺子 明天 18:00 10", from: "u-cap1", at: "2026-11-28T09:01:00+08:00")
        #expect(posted.reply.refs == ["E1"] && posted.posts.map(\.group) == ["t-b1"])
        #expect(posted.reply.text == "已发布 E1：包饺子，已通知 1 个群。", "the captain's one group, counted")
        let office = try bot.say("event film night 12-05 19:00", from: "u-office", at: "2026-11-28T09:02:00+08:00")
        #expect(office.reply.text == "Posted E2: film night, announced in \(office.posts.count) groups." && office.posts.count > 1)
        #expect(try bot.say("join E1", from: "u-ann", at: "2026-11-28T10:00:00+08:00").reply.ok)
        #expect(try bot.say("报名 E1", from: "u-li", at: "2026-11-28T10:01:00+08:00").reply.ok)
        #expect(try bot.say("取消报名 E1", from: "u-li", at: "2026-11-28T10:02:00+08:00").reply.ok)
        let reminded = try bot.tick("2026-11-29T17:01:00+08:00")
        #expect(reminded.notifications.map(\.to) == ["u-ann"])
    }

    /// A day just past is past (not next year's); a sign-up within the last hour is
    /// not promised a reminder that cannot come; once an event has begun it is no
    /// longer listed as upcoming and cannot be left. In a noisy group, both languages.
    @Test func timeThatHasPassedIsSaidSo() throws {
        let bot = try FamilyHarness("events")
        let past = try bot.say("发布活动 电影之夜 11月27日 晚上7点 50", from: "u-cap1", at: "2026-11-28T09:00:00+08:00").reply
        #expect(past.code == "usage" && past.text.contains("已经过去"), "\(past.text)")
        #expect(try bot.say("发布活动 新年联欢 1月2日 晚上7点", from: "u-cap1", at: "2026-11-28T09:00:30+08:00").reply.ok, "January is next year's")
        #expect(try bot.say("发布活动 邻里节 今天 上午10点 100", from: "u-cap1", at: "2026-11-28T09:01:00+08:00").reply.refs == ["E2"])
        #expect(try bot.say("大家好，邻里节几点开始？", from: "u-ann", in: "t-b1", at: "2026-11-28T09:02:00+08:00").isEmpty)
        let late = try bot.say("@小邻 报名 E2", from: "u-ann", in: "t-b1", mentions: ["linli"], at: "2026-11-28T09:10:00+08:00").reply
        #expect(late.ok && !late.text.contains("remind") && late.text.contains("starts soon"), "Ann reads English: \(late.text)")
        let chinese = try bot.say("报名 E2", from: "u-bo", at: "2026-11-28T09:11:00+08:00").reply
        #expect(chinese.ok && !chinese.text.contains("提醒") && chinese.text.contains("马上就开始"), "\(chinese.text)")
        #expect(try bot.tick("2026-11-28T10:00:00+08:00").notifications.isEmpty, "no reminder was promised")
        let listed = try bot.say("活动", from: "u-li", at: "2026-11-28T10:30:00+08:00").reply
        #expect(listed.refs == ["E1"], "E2 has begun: \(listed.text)")
        let leave = try bot.say("取消报名 E2", from: "u-bo", at: "2026-11-28T10:31:00+08:00").reply
        #expect(leave.code == "invalid_state" && leave.text.contains("已经开始"), "\(leave.text)")
        #expect(try bot.say("leave E2", from: "u-ann", at: "2026-11-28T10:31:30+08:00").reply.text.contains("has started"))
        #expect(try bot.say("谢谢", from: "u-ann", in: "t-b1", at: "2026-11-28T10:32:00+08:00").isEmpty)
    }
}
