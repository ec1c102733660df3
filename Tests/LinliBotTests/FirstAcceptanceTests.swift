import LinliCore
import LinliTesting
import Testing

/// 响应率 counts a report as answered when it was first accepted (SERVICES.md: accepted
/// within the accept limit ÷ reports). Reopening it, or escalating it, waits on a new
/// acceptance for its resolve clock, and no longer rewrites when it was answered.
@Suite struct FirstAcceptanceTests {
    func at(_ hhmm: String) -> String { "2026-11-28T\(hhmm):00+08:00" }

    @Test func aReportAcceptedInTimeThenReopenedStaysAnsweredInTime() throws {
        let bot = try FamilyHarness("workorders")
        // In the building's group, among neighbours' talk: a leak (accept limit 30 minutes).
        #expect(try bot.say("大家早上好", from: "u-bo", in: "t-b1", at: at("08:59")).isEmpty)
        #expect(try bot.say("报修 漏水 501 厨房滴水", from: "u-li", in: "t-b1", at: at("09:00")).reply.refs == ["R1"])
        #expect(try bot.say("谢谢", from: "u-li", in: "t-b1", at: at("09:01")).isEmpty)
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at("09:10")).reply.ok)
        #expect(try bot.say("办结 R1 换了水管", from: "u-cap1", at: at("09:40")).reply.ok)
        // The reporter says it still drips; the captain takes it again hours later.
        #expect(try bot.say("没解决 R1 还在滴", from: "u-li", at: at("10:00")).reply.ok)
        let before = try bot.say("统计 全部", from: "u-office", at: at("10:05")).reply.text
        #expect(before.contains("响应率 100.0%（1/1），按时签收率 100.0%（1/1）"), "\(before)")
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at("13:00")).reply.ok)
        let stats = try bot.say("统计 全部", from: "u-office", at: at("13:05")).reply.text
        #expect(stats.contains("响应率 100.0%（1/1），按时签收率 100.0%（1/1）"), "\(stats)")
        let english = try bot.say("stats all", from: "u-office", at: at("13:06")).reply.text
        #expect(english.contains("Response rate 100.0% (1/1), accepted on time 100.0% (1/1)"), "\(english)")
        // Its resolve clock runs from the new acceptance: the order's current one.
        let order = try #require(try bot.store.read { try $0.workOrder(1) })
        #expect(order.acceptedAt?.milliseconds != order.firstAcceptedAt?.milliseconds)
    }

    /// Called in to a city department after the captain took it in time: the
    /// department's later acceptance does not make the report answered late.
    @Test func aReportEscalatedAfterItsCaptainTookItStaysAnsweredInTime() throws {
        let bot = try FamilyHarness("workorders")
        try bot.say("report leak 501 kitchen dripping", from: "u-li", in: "t-b1", at: at("09:00"))
        #expect(try bot.say("accept R1", from: "u-cap1", at: at("09:20")).reply.ok)
        #expect(try bot.say("吹哨 R1 自来水 管道在墙里", from: "u-office", at: at("09:40")).reply.ok)
        #expect(try bot.say("签收 R1", from: "u-pipe", at: at("11:00")).reply.ok)
        let stats = try bot.say("stats all", from: "u-office", at: at("11:05")).reply.text
        #expect(stats.contains("Response rate 100.0% (1/1), accepted on time 100.0% (1/1)"), "\(stats)")
    }
}
