import LinliProtocol
import LinliTesting
import Testing

/// Duplicates merged into a report (并单) and neighbours with the same trouble (我也是):
/// they follow the report, hear of its changes and rate it.
@Suite struct FollowersTests {
    /// The small community with more of building 1: 赵叔 upstairs, and 李叔 of 李阿姨's household.
    static let community = FamilyHarness.community.replacingOccurrences(
        of: "  - {id: u-bo,", with: "  - {id: u-zhao, name: 赵叔, home: b1-601}\n  - {id: u-lishu, name: 李叔, home: b1-502}\n  - {id: u-bo,")

    @Test func aMergeAndTwoMeToosFollowOneLeakAndAreAskedToRateIt() throws {
        let bot = try FamilyHarness("workorders", community: Self.community)
        try bot.say("报修 漏水 楼道天花板漏水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("report leak water coming through the stairwell ceiling", from: "u-ann", in: "t-b1", at: "2026-11-28T09:02:00+08:00")
        let merged = try bot.say("并单 R2 R1", from: "u-cap1", in: "t-b1", at: "2026-11-28T09:05:00+08:00")
        #expect(merged.reply.ok && merged.reply.refs == ["R2", "R1"])
        #expect(merged.notifications.map(\.to) == ["u-ann"] && merged.notifications[0].text.contains("merged into it"))
        #expect(try bot.say("status R2", from: "u-ann", at: "2026-11-28T09:06:00+08:00").reply.text.contains("duplicate"))

        let zhao = try bot.say("我也是 R1", from: "u-zhao", in: "t-b1", at: "2026-11-28T09:10:00+08:00")
        #expect(zhao.reply.ok && zhao.reply.text.contains("3户受影响"), "李阿姨's, Ann's and 赵叔's")
        let lishu = try bot.say("me too R1", from: "u-lishu", in: "t-b1", at: "2026-11-28T09:11:00+08:00")
        #expect(lishu.reply.ok && lishu.reply.text.contains("3 households affected"), "李叔 is of 李阿姨's household")
        #expect(try bot.say("我也是 R1", from: "u-li", at: "2026-11-28T09:12:00+08:00").reply.code == "usage", "not one's own")

        #expect(try bot.say("待办", from: "u-cap1", at: "2026-11-28T09:15:00+08:00").reply.text.contains("R1 漏水 · 1栋 502：待签收（刘队长）（3户受影响）"))
        #expect(try bot.say("进度 R1", from: "u-cap1", at: "2026-11-28T09:16:00+08:00").reply.text.contains("（3户受影响）\n最近：11-28 09:11 李叔 也受影响：b1-502"))
        #expect(try bot.say("进度 R1", from: "u-zhao", at: "2026-11-28T09:17:00+08:00").reply.ok, "a follower may look")

        let accepted = try bot.say("签收 R1", from: "u-cap1", at: "2026-11-28T09:20:00+08:00")
        #expect(accepted.notifications.map(\.to) == ["u-li", "u-ann", "u-zhao", "u-lishu"])
        #expect(accepted.notifications[1].text == "A report you follow: R1 was accepted by 刘队长.")
        #expect(accepted.notifications[2].text == "您关注的报修 R1 已由刘队长签收。")

        let done = try bot.say("办结 R1 已修补楼顶防水层", from: "u-cap1", at: "2026-11-28T15:00:00+08:00")
        #expect(done.notifications.filter { $0.reason == "rating_request" }.map(\.to) == ["u-li", "u-ann", "u-zhao", "u-lishu"])
        #expect(
            done.notifications[2].text.contains("评价 R1 5") && !done.notifications[2].text.contains("没解决"), "a follower rates, the reporter reopens")

        let ann = try bot.say("rate R1 4 took a while", from: "u-ann", at: "2026-11-28T16:00:00+08:00")
        #expect(ann.reply.ok && ann.notifications.map(\.to) == ["u-cap1"])
        #expect(try bot.say("rate R1 5", from: "u-ann", at: "2026-11-28T16:01:00+08:00").reply.code == "invalid_state", "once")
        #expect(try bot.say("评价 R1 5", from: "u-li", at: "2026-11-28T16:02:00+08:00").reply.ok, "the reporter's rating closes it")
        #expect(try bot.say("评价 R1 5", from: "u-zhao", at: "2026-11-28T16:03:00+08:00").reply.ok, "a follower may still rate")
        #expect(try bot.say("我也是 R1", from: "u-zhao", at: "2026-11-28T16:04:00+08:00").reply.code == "invalid_state", "closed: report again")
    }

    @Test func aReportOthersFollowIsNotWithdrawnByItsReporter() throws {
        let bot = try FamilyHarness("workorders", community: Self.community)
        try bot.say("报修 漏水 楼道天花板漏水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("report leak stairwell ceiling dripping", from: "u-ann", in: "t-b1", at: "2026-11-28T09:02:00+08:00")
        try bot.say("并单 R2 R1", from: "u-cap1", in: "t-b1", at: "2026-11-28T09:05:00+08:00")
        let refused = try bot.say("撤销 R1", from: "u-li", in: "t-b1", at: "2026-11-28T09:06:00+08:00")
        #expect(refused.reply.code == "invalid_state" && refused.reply.text.contains("另外 1 户") && refused.notifications.isEmpty)
        #expect(try bot.say("status", from: "u-ann", at: "2026-11-28T09:07:00+08:00").reply.text.contains("R1"), "Ann still follows R1")
        #expect(try bot.say("待办", from: "u-cap1", at: "2026-11-28T09:08:00+08:00").reply.text.contains("R1"), "and the captain still has it")
        // A neighbour's “me too” holds a report just as well; one nobody follows is withdrawn.
        try bot.say("报修 漏水 卫生间滴水", from: "u-ann", at: "2026-11-28T09:10:00+08:00")
        try bot.say("我也是 R3", from: "u-zhao", at: "2026-11-28T09:11:00+08:00")
        #expect(try bot.say("cancel R3", from: "u-ann", at: "2026-11-28T09:12:00+08:00").reply.text.contains("1 other household"))
        try bot.say("报修 其他 门口灯不亮", from: "u-zhao", at: "2026-11-28T09:13:00+08:00")
        #expect(try bot.say("撤销 R4", from: "u-zhao", at: "2026-11-28T09:14:00+08:00").reply.text == "已撤销 R4。")
    }

    @Test func onlyWhoManagesTheBuildingMergesAndOnlyItsResidentsFollow() throws {
        let bot = try FamilyHarness("workorders", community: Self.community)
        try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("报修 漏水 厨房也滴水", from: "u-zhao", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        #expect(try bot.say("并单 R2 R1", from: "u-li", at: "2026-11-28T09:02:00+08:00").reply.code == "forbidden")
        #expect(try bot.say("并单 R2 R1", from: "u-cap2", at: "2026-11-28T09:02:00+08:00").reply.code == "forbidden", "another building's captain")
        #expect(try bot.say("merge R2 R2", from: "u-cap1", at: "2026-11-28T09:03:00+08:00").reply.code == "usage")
        #expect(try bot.say("merge R2 R1", from: "u-grid", at: "2026-11-28T09:04:00+08:00").reply.ok, "the grid leader manages it")
        #expect(try bot.say("merge R2 R1", from: "u-grid", at: "2026-11-28T09:05:00+08:00").reply.code == "invalid_state")
        #expect(try bot.say("me too R1", from: "u-bo", at: "2026-11-28T09:06:00+08:00").reply.code == "forbidden", "building 2")
        try bot.say("报修 漏水 楼道漏水", from: "u-bo", in: "t-b2", at: "2026-11-28T09:07:00+08:00")
        #expect(try bot.say("并单 R3 R1", from: "u-cap2", at: "2026-11-28T09:08:00+08:00").reply.code == "forbidden", "R1 is not 孙队长's")
    }

    @Test func aPrivateReportIsNotRevealedToMeToo() throws {
        let bot = try FamilyHarness("workorders", community: Self.community)
        try bot.say("报修 噪音 楼上602每晚装修到十二点", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        let hidden = try bot.say("我也是 R1", from: "u-zhao", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        let missing = try bot.say("我也是 R9", from: "u-zhao", in: "t-b1", at: "2026-11-28T09:02:00+08:00")
        #expect(hidden.reply.code == "not_found" && hidden.reply.text == missing.reply.text.replacingOccurrences(of: "R9", with: "R1"))
        #expect(hidden.notifications.isEmpty)
    }

    @Test func talkInAGroupStaysTalk() throws {
        let bot = try FamilyHarness("workorders", community: Self.community)
        try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        for chatter in ["我也是这么想的", "我也是", "me too!", "merge lanes carefully", "合并一下吧"] {
            #expect(try bot.say(chatter, from: "u-zhao", in: "t-b1", at: "2026-11-28T09:01:00+08:00").isEmpty, "\(chatter)")
        }
    }
}

/// A private report and a public one are never merged: the public one's reporter would
/// follow a neighbour dispute, and withdrawing the private one would close both.
@Suite struct MergeAcrossPrivacyTests {
    @Test func aPublicReportIsNotMergedIntoAPrivateOne() throws {
        let bot = try FamilyHarness("workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("report noise drilling every night in 601", from: "u-ann", at: at).reply.refs == ["R1"])
        #expect(try bot.say("报修 其他 楼道灯不亮", from: "u-li", in: "t-b1", at: at).reply.refs == ["R2"])
        let refused = try bot.say("并单 R2 R1", from: "u-cap1", in: "t-b1", at: at)
        #expect(refused.reply.code == "invalid_state" && !refused.reply.text.contains("私密"), "\(refused)")
        #expect(refused.notifications.map(\.to) == ["u-cap1"] && refused.notifications[0].text.contains("私密事项"), "why, privately: \(refused)")
        #expect(try bot.say("并单 R1 R2", from: "u-cap1", at: at).reply.code == "invalid_state", "nor the other way")
        #expect(try bot.say("report other the corridor light is out", from: "u-ann", in: "t-b1", at: at).reply.refs == ["R3"])
        #expect(try bot.say("并单 R3 R2", from: "u-cap1", in: "t-b1", at: at).reply.ok, "two public reports still merge")
    }
}
