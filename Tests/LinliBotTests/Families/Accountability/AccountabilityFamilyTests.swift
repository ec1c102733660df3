import LinliCore
import LinliProtocol
import LinliTesting
import Testing

/// Public accountability 晒事 (issue 16, item 2): last month's figures posted on the
/// first of the month at 09:00 to each building's groups (in each group's language)
/// and the community's to the office; `publish` by staff on demand.
@Suite struct AccountabilityFamilyTests {
    static let community = FamilyHarness.community.replacingOccurrences(of: "groups: [t-b2]}", with: "groups: [{id: t-b2, lang: en}]}")

    /// November: two leaks in 1栋 (one fixed and rated 5, one rated 2), a noise report in 2栋 still open.
    static func november() throws -> FamilyHarness {
        let bot = try FamilyHarness("accountability", "workorders", community: community)
        try bot.say("报修 漏水 厨房滴水", from: "u-li", at: "2026-11-10T10:00:00+08:00")
        try bot.say("签收 R1", from: "u-cap1", at: "2026-11-10T10:10:00+08:00")
        try bot.say("办结 R1 换了水管", from: "u-cap1", at: "2026-11-10T12:00:00+08:00")
        try bot.say("评价 R1 5", from: "u-li", at: "2026-11-10T13:00:00+08:00")
        try bot.say("report leak bathroom", from: "u-ann", at: "2026-11-11T10:00:00+08:00")
        try bot.say("签收 R2", from: "u-cap1", at: "2026-11-11T10:10:00+08:00")
        try bot.say("办结 R2 修好了", from: "u-cap1", at: "2026-11-11T14:00:00+08:00")
        try bot.say("rate R2 2", from: "u-ann", at: "2026-11-11T15:00:00+08:00")
        try bot.say("报修 噪音 楼上装修", from: "u-bo", at: "2026-11-20T10:00:00+08:00")
        return bot
    }

    @Test func onTheFirstOfTheMonthEachGroupGetsItsFigures() throws {
        let bot = try Self.november()
        #expect(try bot.tick("2026-11-30T09:00:30+08:00").posts.isEmpty, "not on other days")
        let posts = try bot.tick("2026-12-01T09:00:30+08:00").posts
        #expect(posts.map(\.group) == ["t-b1", "t-b2", "t-office"])
        #expect(posts[0].text == "【晒数据】1栋 2026年11月：报修 2 件，办结率 100.0%（2/2），满意率 50.0%（1/2 人评价），办结用时中位 2小时。")
        #expect(posts[1].text.hasPrefix("[Figures] 2栋, November 2026: 1 report; closure 0.0% (0/1); satisfaction —"), "in the group's language")
        #expect(posts[2].text.contains("测试社区 2026年11月：报修 3 件") && posts[2].text.contains("办结率 66.7%（2/3）"))
        #expect(!posts.contains { $0.text.contains("楼上装修") || $0.text.contains("张博") }, "figures, never a report's words or names")
        #expect(try bot.tick("2026-12-02T09:00:30+08:00").posts.isEmpty, "once a month")
    }

    /// The server was down over the night the month turned: the morning run it missed
    /// does not post at 02:00 (into every group), nor twice; the 1st's own run posts.
    @Test func aRunMissedOverTheTurnOfTheMonthPostsOnceAt0900() throws {
        let bot = try Self.november()
        #expect(try bot.tick("2026-12-01T02:00:00+08:00").posts.isEmpty, "not into every group at 02:00")
        #expect(try bot.tick("2026-12-01T07:00:00+08:00").posts.isEmpty)
        #expect(try bot.tick("2026-12-01T09:00:30+08:00").posts.map(\.group) == ["t-b1", "t-b2", "t-office"], "once, at 09:00")
    }

    /// Down over the whole 1st: the missed figures are posted at the restart, once.
    @Test func aFirstSleptThroughIsPostedOnceAfterwards() throws {
        let bot = try Self.november()
        let late = try bot.tick("2026-12-02T10:00:00+08:00").posts
        #expect(late.map(\.group) == ["t-b1", "t-b2", "t-office"] && late[0].text.contains("2026年11月"), "\(late)")
        #expect(try bot.tick("2026-12-03T09:00:30+08:00").posts.isEmpty)
    }

    @Test func staffPublishOnDemand() throws {
        let bot = try Self.november()
        let one = try bot.say("晒数据 1栋 2026-11", from: "u-office", at: "2026-11-30T10:00:00+08:00")
        #expect(one.reply.text == "已把2026年11月的数据发到1个群。" && one.posts.map(\.group) == ["t-b1"])
        let all = try bot.say("publish this-month", from: "u-office", at: "2026-11-30T10:01:00+08:00")
        #expect(all.reply.text == "Posted the figures for November 2026 to 3 groups." && all.posts.count == 3)
        let december = try bot.say("publish", from: "u-office", at: "2026-12-15T10:00:00+08:00")
        #expect(december.posts.first?.text.contains("2026年11月") == true, "last month unless named")
        #expect(try bot.say("晒数据", from: "u-cap1", at: "2026-11-30T10:02:00+08:00").reply.code == "forbidden")
        #expect(try bot.say("晒数据 九栋", from: "u-office", at: "2026-11-30T10:03:00+08:00").reply.code == "usage")
        let empty = try bot.say("publish b2 2026-10", from: "u-office", at: "2026-11-30T10:04:00+08:00")
        #expect(empty.posts.first?.text == "[Figures] 2栋, October 2026: no reports.")
    }

    @Test func inANoisyGroupTalkAboutFiguresStaysSilent() throws {
        let bot = try Self.november()
        try bot.tick("2026-11-30T09:59:00+08:00")  // the noise report's escalation, out of the way
        for text in ["晒数据了吗", "数据晒出来了吗", "did they publish the figures?", "大家好", "谢谢刘队长"] {
            let out = try bot.say(text, from: "u-office", in: "t-b1", at: "2026-11-30T10:00:00+08:00")
            #expect(out.isEmpty, "\(text): \(out.map(\.text))")
        }
        #expect(try bot.say("晒数据 1栋", from: "u-office", in: "t-b1", at: "2026-11-30T10:01:00+08:00").reply.ok)
    }
}
