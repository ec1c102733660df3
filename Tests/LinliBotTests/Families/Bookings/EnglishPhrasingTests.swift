import LinliProtocol
import LinliTesting
import Testing

/// What an English speaker writes is read as its Chinese twin is: `5-6` as 三点到四点
/// is (the half of the day the venue's hours allow), `five` as 五, and the words around
/// the arguments (`the pavilion`, `on Saturday`, `from 5pm to 6pm`, `at 7pm`).
@Suite struct EnglishPhrasingTests {
    static let at = "2026-11-28T09:00:00+08:00"  // a Saturday

    @Test(arguments: [
        ("book pavilion tomorrow 5-6", "Sun 29 Nov 17:00-18:00"),
        ("book the pavilion on Tuesday 10am-11am", "Tue 1 Dec 10:00-11:00"),
        ("book pavilion tomorrow from 5pm to 6pm", "Sun 29 Nov 17:00-18:00"),
        ("book the pavilion tomorrow 10-11 chess club", "Sun 29 Nov 10:00-11:00"),
    ])
    func aBookingReadsAsItIsMeant(_ text: String, _ when: String) throws {
        let bot = try FamilyHarness("bookings")
        let reply = try bot.say(text, from: "u-ann", in: "t-b1", at: Self.at).reply
        #expect(reply.ok && reply.text.contains(when), "\(text): \(reply.text)")
    }

    @Test func aScoreInWordsAndAnEventOnADay() throws {
        let bot = try FamilyHarness("workorders", "events")
        #expect(try bot.say("report leak kitchen tap dripping", from: "u-ann", at: Self.at).reply.refs == ["R1"])
        #expect(try bot.say("签收 R1", from: "u-cap1", at: Self.at).reply.ok)
        #expect(try bot.say("办结 R1 换了垫圈", from: "u-cap1", at: Self.at).reply.ok)
        let rated = try bot.say("rate R1 five", from: "u-ann", at: Self.at).reply
        #expect(rated.ok && rated.text.contains("5/5"), "\(rated.text)")
        let event = try bot.say("event Film night on Saturday at 7pm 30", from: "u-office", at: Self.at).reply
        #expect(event.ok && event.text.contains("Film night") && !event.text.contains("Film night on"), "\(event.text)")
        #expect(try bot.say("sign up E1", from: "u-ann", in: "t-b1", at: Self.at).reply.text.hasPrefix("Signed up: E1"))
    }
}

/// A booking still waiting for approval when its reminder falls due chases the approver
/// and warns the booker that it lapses at the start (she learnt it at the door).
@Suite struct PendingBookingReminderTests {
    @Test func anUnapprovedBookingIsChasedBeforeItLapses() throws {
        let bot = try FamilyHarness("bookings")
        let asked = try bot.say("预约 活动室 12月1日 14:00-16:00 合唱排练", from: "u-li", at: "2026-11-28T09:00:00+08:00")
        #expect(asked.reply.ok && asked.reply.refs == ["B1"], "\(asked.reply.text)")
        let before = try bot.tick("2026-12-01T13:31:00+08:00").notifications
        #expect(before.contains { $0.to == "u-li" && $0.text.contains("还未获审批") }, "\(before)")
        #expect(before.contains { $0.to == "u-cap1" && $0.text.contains("快开始了，还未审批") }, "\(before)")
        let lapsed = try bot.tick("2026-12-01T14:00:00+08:00").notifications
        #expect(lapsed.contains { $0.to == "u-li" && $0.text.contains("失效") }, "\(lapsed)")
    }
}
