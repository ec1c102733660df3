import LinliProtocol
import LinliTesting
import Testing

/// A dispute's meeting is a private booking of the kiosk: cancelled alone (as the
/// booking's reminder suggested), both parties still walked to it and the slot was free
/// for anyone. It goes with its dispute; before it, each party is reminded, not only
/// the mediator.
@Suite struct MeetingBookingTests {
    func at(_ hhmm: String, day: Int = 28) -> String { "2026-11-\(day)T\(hhmm):00+08:00" }

    @Test func theMeetingIsNotCancelledAloneAndRemindsEveryone() throws {
        let bot = try FamilyHarness("disputes", "workorders", "bookings", "points", community: DisputesFamilyTests.community)
        #expect(try bot.say("报修 纠纷 楼上602洗衣机半夜震动", from: "u-li", at: at("09:00")).reply.refs == ["R1"])
        let invited = try bot.say("邀请 R1 602 明天 10:00-11:00", from: "u-med", at: at("09:01"))
        #expect(invited.reply.ok && invited.reply.text.contains("B1"), "\(invited.reply.text)")
        let cancel = try bot.say("取消 B1", from: "u-med", at: at("09:02"))
        #expect(cancel.reply.code == "invalid_state" && cancel.reply.text.contains("邀请 R1"), "\(cancel.reply.text)")
        #expect(cancel.notifications.isEmpty)
        let inGroup = try bot.say("取消 B1", from: "u-med", in: "t-b1", at: at("09:02"))
        #expect(inGroup.reply.text.hasPrefix("B1 私密事项") && !inGroup.reply.text.contains("R1"), "the group is not told it is R1's meeting: \(inGroup.reply.text)")
        #expect(try bot.say("参加 R1", from: "u-wu", at: at("09:03")).reply.ok)
        let reminded = try bot.tick(at("09:30", day: 29)).notifications.filter { $0.reason == "reminder" }
        #expect(Set(reminded.map(\.to)) == ["u-li", "u-wu", "u-med"], "\(reminded)")
        #expect(reminded.allSatisfy { $0.text.contains("【议事提醒】") && !$0.text.contains("取消") && !$0.text.contains("602") }, "\(reminded)")
    }
}

/// A resident is not pointed at the mediator's command: before a meeting is set she is
/// told she will hear of it; and a noise report is not a dispute, to her as to a captain.
@Suite struct StepsBeforeAMeetingTests {
    @Test func aResidentIsToldWhatSheCanDo() throws {
        let bot = try FamilyHarness("disputes", "workorders", "bookings", "points", community: DisputesFamilyTests.community)
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("报修 纠纷 楼上602洗衣机半夜震动", from: "u-li", at: at).reply.refs == ["R1"])
        let early = try bot.say("同意公开 R1", from: "u-li", at: at).reply
        #expect(early.code == "invalid_state" && early.text.contains("调解员约好后会通知您") && !early.text.contains("邀请"), "\(early.text)")
        #expect(try bot.say("同意公开 R1", from: "u-med", at: at).reply.text.contains("邀请 R1"), "the mediator is told how")
        #expect(try bot.say("report noise 801 music every night", from: "u-ann", at: at).reply.refs == ["R2"])
        let noise = try bot.say("consent R2", from: "u-ann", at: at).reply
        #expect(noise.code == "invalid_state" && noise.text.contains("not a dispute"), "\(noise.text)")
    }
}
