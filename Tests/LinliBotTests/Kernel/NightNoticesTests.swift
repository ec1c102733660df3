import LinliProtocol
import LinliTesting
import Testing

/// What the morning brings of a night's changes: the newest status of a record, not
/// each step the night passed; no ask to confirm a registration already decided.
@Suite struct NightNoticesTests {
    func at(_ day: Int, _ hhmm: String) -> String { "2026-11-\(day)T\(hhmm):00+08:00" }

    @Test func theReporterReadsWhereTheOrderStandsNotEachStepOfTheNight() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 水管滴水", from: "u-li", in: "t-b1", at: at(28, "21:50")).reply.refs == ["R1"])
        #expect(try bot.say("交办 R1 自来水公司", from: "u-cap1", at: at(28, "22:25")).reply.ok)
        #expect(try bot.say("签收 R1", from: "u-pipe", at: at(28, "22:40")).reply.ok)
        #expect(try bot.say("办结 R1 换了阀门", from: "u-pipe", at: at(28, "23:10")).reply.ok)
        let toReporter = try bot.tick(at(29, "07:00")).notifications.filter { $0.to == "u-li" }
        #expect(toReporter.map(\.reason) == ["rating_request"] && toReporter[0].text.contains("换了阀门"), "only the newest: \(toReporter)")
    }

    @Test func eachRecordKeepsItsOwnNoticeAndSoDoesEachPerson() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 水管滴水", from: "u-li", in: "t-b1", at: at(28, "21:50")).reply.refs == ["R1"])
        #expect(try bot.say("报修 其他 楼道灯不亮", from: "u-li", in: "t-b1", at: at(28, "21:51")).reply.refs == ["R2"])
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at(28, "22:30")).reply.ok)
        #expect(try bot.say("签收 R2", from: "u-cap1", at: at(28, "22:31")).reply.ok)
        let status = try bot.tick(at(29, "07:00")).notifications.filter { $0.to == "u-li" && $0.reason == "status_changed" }
        #expect(status.map(\.refs.first) == ["R1", "R2"], "\(status)")
    }

    @Test func aRegistrationDecidedInTheNightIsNotAskedInTheMorning() throws {
        let bot = try FamilyHarness("people", community: RegistrationTests.approving)
        let asked = try bot.say("登记 302", from: "u-new", in: "t-b2", at: at(28, "23:00"))
        #expect(asked.reply.ok && asked.notifications.isEmpty, "the captain's ask waits for the morning")
        #expect(try bot.say("登记 303", from: "u-other", in: "t-b2", at: at(28, "23:05")).reply.ok)
        #expect(try bot.say("通过 u-new", from: "u-cap2", at: at(28, "23:30")).reply.ok)
        let morning = try bot.tick(at(29, "07:00")).notifications.filter { $0.to == "u-cap2" }
        #expect(morning.count == 1 && morning[0].text.contains("通过 u-other"), "u-other still waits: \(morning)")
    }

    @Test func aRegistrationAskedAgainInTheNightIsAskedOnce() throws {
        let bot = try FamilyHarness("people", community: RegistrationTests.approving)
        #expect(try bot.say("登记 302", from: "u-new", in: "t-b2", at: at(28, "23:00")).reply.ok)
        #expect(try bot.say("登记 402", from: "u-new", in: "t-b2", at: at(28, "23:02")).reply.ok)
        let morning = try bot.tick(at(29, "07:00")).notifications.filter { $0.reason == "registration_request" }
        #expect(morning.count == 1 && morning[0].text.contains("402"), "\(morning)")
    }
}

/// A captain who reports from his own home, takes and resolves it does not rate it:
/// 满意率 counts what neighbours say (his 5 made it 100%).
@Suite struct NoSelfRatingTests {
    @Test func whoeverResolvedTheirOwnReportDoesNotRateIt() throws {
        let bot = try FamilyHarness("workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("报修 其他 楼道堆物", from: "u-cap1", at: at).reply.refs == ["R1"])
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at).reply.ok)
        #expect(try bot.say("办结 R1 清走了", from: "u-cap1", at: at).reply.ok)
        let rated = try bot.say("评价 R1 5", from: "u-cap1", at: at).reply
        #expect(rated.code == "forbidden" && rated.text.contains("自己办结"), "\(rated.text)")
        // A neighbour's report he resolved is rated by the neighbour as before.
        #expect(try bot.say("报修 其他 楼道灯不亮", from: "u-li", at: at).reply.refs == ["R2"])
        #expect(try bot.say("签收 R2", from: "u-cap1", at: at).reply.ok)
        #expect(try bot.say("办结 R2 换了灯泡", from: "u-cap1", at: at).reply.ok)
        #expect(try bot.say("评价 R2 4", from: "u-li", at: at).reply.ok)
    }
}
