import LinliProtocol
import LinliTesting
import Testing

/// The work-order family alone, in-process on the small community.
@Suite struct WorkOrdersFamilyTests {
    @Test func aReportReachesTheCaptainAndTheReplyIsInTheReportersLanguage() throws {
        let bot = try FamilyHarness("workorders")
        let en = try bot.say("report leak kitchen ceiling dripping", from: "u-ann", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(en.reply.ok && en.reply.refs == ["R1"])
        #expect(en.reply.text.hasPrefix("Got it: R1"))
        #expect(en.notifications.map(\.to) == ["u-cap1"] && en.notifications.first?.reason == "new_report")
        let zh = try bot.say("报修 漏水 卫生间墙面渗水", from: "u-li", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        #expect(zh.reply.refs == ["R2"] && zh.reply.text.hasPrefix("已受理 R2"))
    }

    @Test func onlyTheReporterHandlersAndManagersMayLookOrAct() throws {
        let bot = try FamilyHarness("workorders")
        try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(try bot.say("进度 R1", from: "u-bo", at: "2026-11-28T09:01:00+08:00").reply.code == "forbidden", "a neighbour of another building")
        #expect(try bot.say("签收 R1", from: "u-li", at: "2026-11-28T09:02:00+08:00").reply.code == "forbidden", "the reporter does not accept")
        let accepted = try bot.say("accept R1", from: "u-cap1", at: "2026-11-28T09:03:00+08:00")
        #expect(accepted.reply.ok && accepted.notifications.map(\.to) == ["u-li"])
        #expect(try bot.say("status R1", from: "u-grid", at: "2026-11-28T09:04:00+08:00").reply.ok, "the grid leader oversees it")
    }

    @Test func aPrivateReportKeepsItsDetailsOutOfTheGroup() throws {
        let bot = try FamilyHarness("workorders")
        let out = try bot.say("报修 噪音 楼上602每晚装修到十二点", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(out.reply.ok && !out.reply.text.contains("602") && !out.reply.text.contains("装修"))
        #expect(out.posts.isEmpty)
        #expect(out.notifications.first?.text.contains("装修") == true, "the captain is told privately")
    }

    /// Escalated to the office, then taken by the captain: when it runs past its
    /// resolve limit, the rung above the captain (the grid leader) is told, not nobody.
    @Test func anOverdueOrderIsChasedByTheRungAboveWhoeverHasIt() throws {
        let bot = try FamilyHarness("workorders")
        try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(try bot.tick("2026-11-28T09:31:00+08:00").notifications.map(\.to) == ["u-grid"])
        #expect(try bot.tick("2026-11-28T10:02:00+08:00").notifications.map(\.to) == ["u-office"])
        #expect(try bot.say("签收 R1", from: "u-cap1", at: "2026-11-28T10:05:00+08:00").reply.ok)
        let overdue = try bot.tick("2026-11-29T10:06:00+08:00").notifications.filter { $0.reason == "overdue" }
        #expect(Set(overdue.map { $0.to ?? "" }) == ["u-cap1", "u-grid"])
    }

    @Test func theWorkOrderClocksAreFiredThroughTheFamily() throws {
        let bot = try FamilyHarness("workorders")
        try bot.say("report leak dripping", from: "u-ann", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("accept R1", from: "u-cap1", at: "2026-11-28T09:10:00+08:00")
        let half = try bot.tick("2026-11-28T21:11:00+08:00")
        #expect(half.notifications.map(\.reason) == ["reminder"] && half.notifications.first?.text.contains("50%") == true)
        try bot.say("done R1 replaced the pipe", from: "u-cap1", at: "2026-11-28T21:30:00+08:00")
        let closed = try bot.tick("2026-12-01T21:31:00+08:00")
        #expect(closed.notifications.map(\.to) == ["u-ann"] && closed.notifications.first?.text.contains("closed as unconfirmed") == true)
        let late = try bot.say("rate R1 1", from: "u-ann", at: "2026-12-01T21:40:00+08:00").reply
        #expect(late.code == "invalid_state" && late.text.contains("time to rate it has passed") && late.text.contains("reopen R1"), "\(late.text)")
    }

    /// `stats 999999999999d` once overflowed the clock and stopped the bot.
    @Test func aPeriodLongerThanACenturyIsAskedAgainNotRun() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("统计 999999999999d", from: "u-office", at: "2026-11-28T09:00:00+08:00").reply.code == "usage")
        #expect(try bot.say("stats 106751991168d", from: "u-office", at: "2026-11-28T09:01:00+08:00").reply.code == "usage")
        #expect(try bot.say("stats 30d", from: "u-office", at: "2026-11-28T09:02:00+08:00").reply.ok, "the bot goes on")
    }

    @Test func otherFamiliesAreUnknownToAHarnessOfOne() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("wish help with a form", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.code == "unknown_command")
    }
}

/// 吹哨 is the office calling a department in; a captain passing an order up the ladder
/// escalates it (升级), in the reply and in the push.
@Suite struct EscalationWordsTests {
    @Test func upTheLadderIsAnEscalationAndADepartmentIsAWhistle() throws {
        let bot = try FamilyHarness("workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("报修 漏水 水管滴水", from: "u-li", in: "t-b1", at: at).reply.refs == ["R1"])
        let up = try bot.say("上报 R1 需要网格协调", from: "u-cap1", at: at)
        #expect(up.reply.text.hasPrefix("已升级：R1 交马网格处理") && up.notifications.contains { $0.to == "u-grid" && $0.text.hasPrefix("【升级】") }, "\(up)")
        let whistle = try bot.say("吹哨 R1 自来水公司", from: "u-office", at: at)
        #expect(whistle.reply.text.hasPrefix("已吹哨：R1 交自来水公司处理") && whistle.notifications.contains { $0.to == "u-pipe" && $0.text.hasPrefix("【吹哨】") }, "\(whistle)")
    }
}

/// Whoever had an order is told when it is passed to someone else or closed by someone
/// else, a department's robot too; an order resolved by someone else (the captain) is
/// theirs, and so is its rating.
@Suite struct FormerHandlersTests {
    func at(_ hhmm: String) -> String { "2026-11-28T\(hhmm):00+08:00" }

    @Test func anOrderPassedOnAfterItWasAcceptedTellsWhoAcceptedIt() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 水管滴水", from: "u-li", in: "t-b1", at: at("09:00")).reply.refs == ["R1"])
        #expect(try bot.say("交办 R1 自来水公司", from: "u-cap1", in: "t-b1", at: at("09:01")).reply.ok)
        #expect(try bot.say("签收 R1", from: "u-pipe", at: at("09:02")).reply.ok)
        #expect(try bot.say("谁家漏水了？", from: "u-bo", in: "t-b1", at: at("09:02")).isEmpty)
        let moved = try bot.say("交办 R1 刘队长", from: "u-grid", at: at("09:03")).notifications.filter { $0.to == "u-pipe" || $0.to == "water" }
        #expect(moved.count == 1 && moved[0].to == "u-pipe" && moved[0].text.contains("已改交刘队长处理，您无需再处理"), "\(moved)")
    }

    @Test func anOrderResolvedByTheCaptainIsHisAndSoIsItsRating() throws {
        let community = FamilyHarness.community.replacingOccurrences(
            of: "{id: water, name: 自来水公司, members: [u-pipe]}", with: "{id: water, name: 自来水公司, members: [u-pipe], webhook: water-robot}")
            + "\nwebhooks:\n  - {id: water-robot, format: generic, url: \"http://127.0.0.1:9/hook\"}\n"
        let bot = try FamilyHarness(families: ["workorders"], community: community)
        #expect(try bot.say("report leak the pipe under the sink", from: "u-ann", in: "t-b1", at: at("09:00")).reply.refs == ["R1"])
        #expect(try bot.say("交办 R1 自来水公司", from: "u-cap1", at: at("09:01")).reply.ok)
        #expect(try bot.say("签收 R1", from: "u-pipe", at: at("09:02")).reply.ok)
        let done = try bot.say("办结 R1 楼里自己修好了", from: "u-cap1", at: at("09:30")).notifications
        #expect(Set(done.filter { $0.text.contains("您无需再处理") }.map(\.to)) == ["u-pipe", "water"], "\(done)")
        let rated = try bot.say("rate R1 3 slow", from: "u-ann", in: "t-b1", at: at("09:31")).notifications
        #expect(rated.map(\.to) == ["u-cap1"], "\(rated)")
    }
}
