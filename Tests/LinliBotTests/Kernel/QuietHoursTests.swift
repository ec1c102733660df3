import LinliProtocol
import LinliTesting
import Testing

/// Quiet hours hold every push below P0, not only a work order's: an answered suggestion,
/// points, a wish claimed. What answers whoever is writing is not held, and a reminder
/// that quiet hours would hold past what it reminds of comes the evening before.
@Suite struct QuietHoursForEveryPushTests {
    func at(_ day: Int, _ hhmm: String) -> String { "2026-11-\(day)T\(hhmm):00+08:00" }

    @Test func aNoticeWithNoPriorityOfItsOwnWaitsForTheMorning() throws {
        let bot = try FamilyHarness("suggestions", "points", "wishes")
        #expect(try bot.say("建议 晚上路灯太暗", from: "u-li", in: "t-b1", at: at(28, "21:30")).reply.refs == ["P1"])
        #expect(try bot.say("晚安", from: "u-bo", in: "t-b1", at: at(28, "22:10")).isEmpty)
        let answered = try bot.say("答复 P1 下周更换路灯", from: "u-office", at: at(28, "23:50"))
        #expect(answered.reply.ok && answered.notifications.isEmpty, "\(answered.notifications)")
        let awarded = try bot.say("award u-vol ontime night patrol", from: "u-office", at: at(29, "00:10"))
        #expect(awarded.reply.ok && awarded.notifications.isEmpty, "\(awarded.notifications)")
        // The sender's own answer, sent privately, is not held: they are awake.
        try bot.say("微心愿 想要一副老花镜，电话13912345678", from: "u-li", at: at(29, "00:20"))
        let claimed = try bot.say("认领 W1", from: "u-vol", in: "t-b2", at: at(29, "00:30"))
        #expect(claimed.notifications.map(\.to) == ["u-vol"], "the claimer reads the wish now, the wisher in the morning: \(claimed.notifications)")
        let morning = try bot.tick(at(29, "07:00")).notifications
        #expect(morning.contains { $0.to == "u-li" && $0.refs == ["P1"] } && morning.contains { $0.to == "u-vol" && $0.reason == "points" }, "\(morning)")
        #expect(morning.contains { $0.to == "u-li" && $0.text.contains("已由方志愿认领") }, "\(morning)")
    }

    @Test func anEarlyEventIsRemindedTheEveningBefore() throws {
        let bot = try FamilyHarness("events")
        #expect(try bot.say("发布活动 晨练 11月29日 06:30", from: "u-office", at: at(28, "10:00")).reply.refs == ["E1"])
        #expect(try bot.say("报名 E1", from: "u-li", in: "t-b1", at: at(28, "10:05")).reply.ok)
        #expect(try bot.say("report the event to your friends", from: "u-ann", in: "t-b1", at: at(28, "10:06")).isEmpty)
        let evening = try bot.tick(at(28, "21:00")).notifications
        #expect(evening.map(\.to) == ["u-li"] && evening[0].text.contains("11月29日") && evening[0].text.contains("06:30"), "\(evening)")
        #expect(try bot.tick(at(29, "07:00")).isEmpty, "nothing held for the morning, after the start")
    }

    @Test func aReplyPromisesOnlyTheReminderThatWillCome() throws {
        let bot = try FamilyHarness("bookings", "events")
        let late = try bot.say("预约 凉亭 明天 07:00-07:30 晨练", from: "u-li", at: at(28, "22:30")).reply
        #expect(late.ok && !late.text.contains("提醒您"), "the reminder would have been at 21:00: \(late.text)")
        let early = try bot.say("预约 凉亭 后天 07:00-07:30 晨练", from: "u-bo", at: at(28, "22:31")).reply
        #expect(early.text.contains("11月29日 周日 21:00提醒您"), "\(early.text)")
        #expect(try bot.say("发布活动 晨练 11月29日 07:30", from: "u-office", at: at(28, "22:32")).reply.refs == ["E1"])
        let joined = try bot.say("报名 E1", from: "u-li", at: at(28, "22:33")).reply
        #expect(joined.text.hasSuffix("请准时参加。") && !joined.text.contains("马上就开始了"), "\(joined.text)")
        #expect(try bot.tick(at(29, "07:00")).notifications.filter { $0.reason == "reminder" }.isEmpty, "none was promised")
    }

    @Test func aReplyWhosePushesWaitSaysWhenTheyGo() throws {
        let bot = try FamilyHarness("announcements", "alerts", "workorders")
        let notice = try bot.say("通知 明早8点停水", from: "u-office", at: at(28, "23:00"))
        #expect(notice.reply.text.hasSuffix("（夜间免打扰，通知于07:00发出）") && notice.count == 1, "\(notice)")
        let alert = try bot.say("紧急通知 燃气泄漏，请撤离", from: "u-office", at: at(28, "23:01"))
        #expect(!alert.reply.text.contains("免打扰") && !alert.notifications.isEmpty, "an alert goes at once: \(alert.reply.text)")
        let report = try bot.say("report other the corridor light is out", from: "u-ann", in: "t-b1", at: at(28, "23:02")).reply.text
        #expect(report.components(separatedBy: "07:00").count == 2, "said once: \(report)")
    }
}

