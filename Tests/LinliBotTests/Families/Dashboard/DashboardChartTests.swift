import LinliBot
import LinliCore
import LinliTesting
import Testing

/// The overview's 30-day chart (issue 18, item 2): reports opened and resolved on each
/// local day, in the viewer's scope.
@Suite struct DashboardChartTests {
    /// R1 (1栋) reported in October and resolved just after midnight on 11-3 (still
    /// 11-2 in UTC); R2 (1栋) reported just after midnight on 11-1 (10-31 in UTC);
    /// R3 (3栋) reported on 11-30, today.
    static func bot() throws -> FamilyHarness {
        let bot = try DashboardFamilyTests.bot()
        try bot.say("报修 漏水 厨房滴水", from: "u-li", at: "2026-10-20T10:00:00+08:00")
        try bot.say("签收 R1", from: "u-cap1", at: "2026-10-20T10:10:00+08:00")
        try bot.say("report leak bathroom", from: "u-ann", at: "2026-11-01T00:10:00+08:00")
        try bot.say("办结 R1 换了水管", from: "u-cap1", at: "2026-11-03T00:30:00+08:00")
        try bot.say("报修 漏水 楼道水管", from: "u-cap3", at: "2026-11-30T09:00:00+08:00")
        return bot
    }

    static func chart(_ bot: FamilyHarness, for user: String) throws -> [DashboardOverview.Day] {
        let link = try bot.say("后台", from: user, at: "2026-11-30T10:00:00+08:00").reply.text
        let token = try #require(DashboardFamilyTests.token(link))
        return try bot.engine.withDashboard { d in
            let session = try #require(try d.signIn(token: token))
            let viewer = try #require(try d.viewer(session: session))
            return try d.overview(viewer, DashboardQuery(), lang: .zh).days
        }
    }

    @Test func eachReportCountsOnItsLocalDay() throws {
        let days = try Self.chart(try Self.bot(), for: "u-office")
        #expect(days.map(\.label) == (1...30).map { "11-\($0)" })
        #expect(days.map(\.opened) == [1] + Array(repeating: 0, count: 28) + [1], "R2 on 11-1, R3 today; R1 before the chart")
        #expect(days.map(\.resolved) == [0, 0, 1] + Array(repeating: 0, count: 27), "R1 on 11-3")
    }

    @Test func aCaptainSeesTheirBuildingsOnly() throws {
        let days = try Self.chart(try Self.bot(), for: "u-cap1")
        #expect(days.map(\.opened) == [1] + Array(repeating: 0, count: 29), "not R3 of 3栋")
        #expect(days.map(\.resolved).reduce(0, +) == 1 && days[2].resolved == 1)
    }
}
