import Foundation
import LinliProtocol
import LinliTesting
import Testing

/// The five-step method after a dispute's intake, through the handlers: each party
/// hears only their own messages and never who complained, a group sees nothing
/// of the matter, both languages, who may run it, and the 3-day confirmation clock.
@Suite struct DisputesFamilyTests {
    func at(_ hhmm: String, day: Int = 28) -> String { "2026-11-\(day)T\(hhmm):00+08:00" }

    /// The harness community with a mediator, a third resident of building 1 (the
    /// other party, room 602), disputes, and the discussion kiosk for mediation.
    static let community = FamilyHarness.community
        .replacingOccurrences(
            of: "  - {id: u-vol,",
            with: "  - {id: u-med, name: 宋调解, roles: [mediator]}\n  - {id: u-wu, name: 吴大哥, home: b1-602}\n  - {id: u-vol,"
        )
        .replacingOccurrences(
            of: "  - {id: other,",
            with: "  - {id: dispute, names: [dispute, 纠纷], priority: P3, accept: 1d, resolve: 15d, private: true}\n  - {id: other,"
        )
        .replacingOccurrences(
            of: "  - {id: room,",
            with:
                "  - {id: kiosk, name: 商议亭, names: [kiosk, 商议亭], open: \"09:00-18:00\", min: 30m, max: 2h, horizon: 14d, weekly_quota: 2, approval: false, mediation: true}\n  - {id: room,"
        )
        .replacingOccurrences(of: "  - {id: ontime,", with: "  - {id: mediation, names: [mediation, 调解], points: 5}\n  - {id: ontime,")

    func harness() throws -> FamilyHarness { try FamilyHarness("disputes", "workorders", "bookings", "points", community: Self.community) }

    /// The wrong neighbour invited by mistake: naming the other party again moves the
    /// invitation, and the one first invited is told, in neutral words, not to come.
    @Test func aWrongOtherPartyCanBeNamedAgainUntilAnAgreement() throws {
        let bot = try harness()
        #expect(try bot.say("报修 纠纷 楼上602洗衣机半夜震动", from: "u-li", at: at("09:00")).reply.refs == ["R1"])
        #expect(try bot.say("邀请 R1 Ann Lee 明天 10:00-11:00", from: "u-med", at: at("09:01")).notifications.map(\.to).contains("u-ann"))
        let again = try bot.say("邀请 R1 602 明天 10:00-11:00", from: "u-med", at: at("09:02"))
        #expect(again.reply.ok, "\(again.reply.text)")
        let off = again.notifications.first { $0.to == "u-ann" }?.text ?? ""
        #expect(off.contains("is off; no need to come") && !off.contains("602") && !off.contains("李"), "\(off)")
        #expect(again.notifications.contains { $0.to == "u-wu" && $0.text.contains("【调解邀请") })
        #expect(try bot.say("attend R1", from: "u-ann", at: at("09:03")).reply.ok == false, "no longer a party")
        #expect(try bot.say("参加 R1", from: "u-wu", at: at("09:04")).reply.ok)
        let early = try bot.say("达成 R1 好的", from: "u-med", at: at("09:05"))
        #expect(early.reply.code == "invalid_state" && early.reply.text.contains("还没开始") && early.notifications.isEmpty, "\(early.reply.text)")
        #expect(try bot.say("达成 R1 晚十点后不用洗衣机", from: "u-med", at: at("10:50", day: 29)).reply.ok)
        #expect(try bot.say("邀请 R1 Ann Lee 后天 10:00-11:00", from: "u-med", at: at("11:00", day: 29)).reply.code == "invalid_state", "settled")
    }

    /// A dispute R1 from 李阿姨 (b1-502) about 吴大哥 (b1-602), invited and agreed.
    func agreed(_ bot: FamilyHarness) throws {
        try bot.say("报修 纠纷 楼上602洗衣机半夜震动", from: "u-li", at: at("09:00"))
        try bot.say("邀请 R1 602 明天 下午3点到4点", from: "u-med", at: at("09:10"))
        try bot.say("达成 R1 洗衣机周五前移离共用墙，晚十点后不用", from: "u-med", at: at("15:50", day: 29))
    }

    @Test func aWholeMediationInANoisyGroupKeepsEachPartyApart() throws {
        let bot = try harness()
        let intake = try bot.say("报修 纠纷 楼上602洗衣机半夜震动", from: "u-li", in: "t-b1", at: at("09:00"))
        #expect(intake.reply.ok && intake.reply.refs == ["R1"] && !intake.reply.text.contains("洗衣机"))
        #expect(try bot.say("大家早上好", from: "u-wu", in: "t-b1", at: at("09:01")).isEmpty)
        #expect(try bot.say("邀请大家周末来喝茶", from: "u-ann", in: "t-b1", at: at("09:02")).isEmpty, "chatter")
        #expect(try bot.say("确认一下明天停水吗？", from: "u-wu", in: "t-b1", at: at("09:03")).isEmpty, "chatter")

        // 邀邻里议事, typed in the group: the group reads the record's name only.
        let invited = try bot.say("邀请 R1 602 明天 下午3点到4点", from: "u-med", in: "t-b1", at: at("09:10"))
        #expect(invited.reply.ok && invited.reply.text.hasPrefix("R1 私密事项") && !invited.reply.text.contains("602"))
        #expect(invited.posts.isEmpty)
        let told = Dictionary(grouping: invited.notifications, by: { $0.to ?? "" })
        #expect(Set(told.keys) == ["u-med", "u-li", "u-wu"])
        #expect(told["u-med"]?.first?.reason == "private_reply" && told["u-med"]?.first?.text.contains("商议亭") == true)
        let toOther = try #require(told["u-wu"]?.first?.text)
        #expect(toOther.contains("11月29日") && toOther.contains("15:00-16:00") && toOther.contains("商议亭") && toOther.contains("参加 R1"))
        #expect(!toOther.contains("李阿姨") && !toOther.contains("502") && !toOther.contains("洗衣机"), "never who complained, nor the complaint")
        #expect(told["u-li"]?.first?.text.contains("参加 R1") == true)

        // Everyone else reads only 调解, in schedule and venues alike.
        let schedule = try bot.say("日程 商议亭 明天", from: "u-bo", in: "t-b1", at: at("09:20")).reply.text
        #expect(schedule.contains("15:00-16:00 B1 调解") && !schedule.contains("602") && !schedule.contains("李"), "\(schedule)")
        let venues = try bot.say("venues tomorrow", from: "u-ann", at: at("09:21")).reply.text
        #expect(venues.contains("free 09:00-15:00, 16:00-18:00") && !venues.contains("washing"))

        // Each party answers; the mediator hears it, the other party does not.
        let attending = try bot.say("参加 R1", from: "u-wu", at: at("10:00"))
        #expect(attending.reply.text.contains("已记下您会参加") && attending.notifications.map(\.to) == ["u-med"])
        #expect(try bot.say("参加 R1", from: "u-li", at: at("10:05")).notifications.map(\.to) == ["u-med"])
        #expect(try bot.say("参加 R1", from: "u-li", at: at("10:06")).reply.text.contains("已答复会参加"))

        // 帮邻里办事: the agreement, confirmed by each privately.
        let agreed = try bot.say("达成 R1 洗衣机周五前移离共用墙，晚十点后不用", from: "u-med", at: at("15:50", day: 29))
        #expect(agreed.notifications.compactMap(\.to).sorted() == ["u-li", "u-wu"] && agreed.notifications.allSatisfy { $0.text.contains("确认 R1") })
        let first = try bot.say("确认 R1", from: "u-wu", in: "t-b1", at: at("16:00", day: 29))
        #expect(first.reply.text.hasPrefix("R1 私密事项") && first.notifications.map(\.to) == ["u-wu", "u-med"])
        #expect(first.notifications.allSatisfy { !$0.text.contains("李阿姨") })
        let second = try bot.say("确认 R1", from: "u-li", at: at("16:05", day: 29))
        #expect(second.reply.text.contains("双方都已确认"))
        #expect(second.notifications.filter { $0.reason == "rating_request" }.map(\.to) == ["u-li", "u-wu"])
        let status = try bot.say("进度 R1", from: "u-li", at: at("16:06", day: 29)).reply.text
        #expect(status.contains("已办结"), "\(status)")
        #expect(try bot.say("积分 宋调解", from: "u-office", at: at("16:07", day: 29)).reply.text.contains("5"), "the mediator's points")

        // 请邻里评事 by both.
        #expect(try bot.say("评价 R1 5", from: "u-li", at: at("17:00", day: 29)).reply.text.contains("R1 5分"))
        let rated = try bot.say("评价 R1 4 调解员没有听我解释", from: "u-wu", at: at("17:01", day: 29))
        #expect(rated.reply.text.contains("R1 4分") && rated.notifications.map(\.to) == ["u-med"])
        #expect(rated.notifications.first?.text.contains("4分：调解员没有听我解释") == true, "the other party's comment is told (it was dropped)")
        #expect(try bot.say("评价 R1 5", from: "u-wu", at: at("17:02", day: 29)).reply.code == "invalid_state")

        // 向邻里晒事: refused until both consent, naming who has not (privately).
        try bot.say("同意公开 R1", from: "u-li", at: at("17:10", day: 29))
        let early = try bot.say("公开 R1", from: "u-med", at: at("17:11", day: 29)).reply
        #expect(early.code == "forbidden" && early.text.contains("吴大哥（对方）") && !early.text.contains("李阿姨"))
        let inGroup = try bot.say("公开 R1", from: "u-med", in: "t-b1", at: at("17:12", day: 29)).reply
        #expect(inGroup.code == "forbidden" && !inGroup.text.contains("吴大哥"), "a group never reads a party's name")
        try bot.say("同意公开 R1", from: "u-wu", at: at("17:20", day: 29))
        #expect(try bot.say("公开 R1 602和502", from: "u-med", at: at("17:21", day: 29)).reply.code == "usage", "no rooms")
        // Part of a party's name, another resident's name, a floor: each would tell the building who it was.
        for named in ["大哥家的洗衣机晚上不再用", "Ann Lee帮忙调解", "6楼的洗衣机移开了"] {
            #expect(try bot.say("公开 R1 \(named)", from: "u-med", at: at("17:21", day: 29)).reply.code == "usage", "\(named)")
        }
        let posted = try bot.say("公开 R1", from: "u-med", at: at("17:22", day: 29))
        #expect(posted.posts.map(\.group) == ["t-b1"] && posted.posts[0].reason == "publicised")
        let post = posted.posts[0].text
        #expect(post.contains("【晒事】1栋一起邻里纠纷已调解办结") && !post.contains("李阿姨") && !post.contains("吴大哥") && !post.contains("602"))

        let stats = try bot.say("统计", from: "u-office", at: at("18:00", day: 29)).reply.text
        #expect(stats.contains("纠纷 1 件：调解 1，达成协议 1，晒事 1"), "\(stats)")
        #expect(stats.contains("满意率 100.0%（2/2）"), "both parties' ratings count")
    }

    @Test func inEnglishTheSameStepsReadInEnglish() throws {
        let bot = try harness()
        try bot.say("report dispute the neighbour's dog barks all night", from: "u-ann", at: at("09:00"))
        let invited = try bot.say("invite R1 b1-602 tomorrow 10-11am", from: "u-grid", at: at("09:30"))
        #expect(invited.reply.text.contains("Mediation of R1 set for") && invited.reply.text.contains("10:00-11:00"))
        let toAnn = try #require(invited.notifications.first { $0.to == "u-ann" })
        #expect(toAnn.text.hasPrefix("[Mediation invitation]") && toAnn.text.contains("attend R1"))
        #expect(try bot.say("schedule kiosk tomorrow", from: "u-li", at: at("09:31")).reply.text.contains("B1 mediation"))
        #expect(try bot.say("attend R1", from: "u-ann", at: at("09:40")).reply.text.contains("you will attend"))
        try bot.say("agree R1 the dog sleeps indoors after 10pm", from: "u-grid", at: at("11:00", day: 29))
        #expect(try bot.say("confirm R1", from: "u-ann", at: at("11:05", day: 29)).reply.text.contains("Confirmed the agreement of R1"))
        let settled = try bot.say("确认 R1", from: "u-wu", at: at("11:06", day: 29))
        #expect(settled.notifications.first { $0.to == "u-ann" }?.text.contains("Please rate it 1-5: rate R1 5") == true, "in Ann's language")
        #expect(try bot.say("consent R1", from: "u-ann", at: at("11:10", day: 29)).reply.text.contains("without names or rooms"))
        let refused = try bot.say("publicise R1", from: "u-grid", at: at("11:11", day: 29)).reply
        #expect(refused.code == "forbidden" && refused.text.contains("not yet: 吴大哥 (the other party)"))
    }

    @Test func bothPartiesRatingsCountInStatsAndInTheMonthlyFiguresAlike() throws {
        let bot = try FamilyHarness("disputes", "workorders", "bookings", "points", "accountability", community: Self.community)
        try agreed(bot)
        try bot.say("确认 R1", from: "u-li", at: at("16:00", day: 29))
        try bot.say("确认 R1", from: "u-wu", at: at("16:05", day: 29))
        try bot.say("评价 R1 5", from: "u-li", at: at("16:10", day: 29))
        try bot.say("评价 R1 2", from: "u-wu", at: at("16:11", day: 29))
        // One satisfied rating of two: 50%, in the reply to `stats` and in the posting.
        let stats = try bot.say("统计 本月", from: "u-office", at: at("17:00", day: 29)).reply.text
        #expect(stats.contains("满意率 50.0%（1/2）"), "\(stats)")
        let posted = try bot.say("晒数据 b1 2026-11", from: "u-office", at: at("17:01", day: 29)).posts
        #expect(!posted.isEmpty && posted.allSatisfy { $0.text.contains("满意率 50.0%（1/2 人评价）") }, "\(posted.map(\.text))")
    }

    @Test func onlyMediatorsAndThoseOverTheBuildingRunIt() throws {
        let bot = try harness()
        try bot.say("报修 纠纷 邻居占用楼道", from: "u-li", at: at("09:00"))
        #expect(try bot.say("邀请 R1 602 明天 10:00-11:00", from: "u-ann", at: at("09:01")).reply.code == "forbidden", "a resident")
        #expect(try bot.say("邀请 R1 602 明天 10:00-11:00", from: "u-cap2", at: at("09:02")).reply.code == "forbidden", "another building's captain")
        #expect(try bot.say("邀请 R1 602 明天 10:00-11:00", from: "u-cap1", at: at("09:03")).reply.ok, "the building's captain")
        #expect(try bot.say("邀请 R1 602 明天 14:00-15:00", from: "u-office", at: at("09:04")).reply.text.contains("14:00-15:00"), "staff, a new time")
        #expect(try bot.say("日程 商议亭 明天", from: "u-ann", at: at("09:05")).reply.text.contains("10:00") == false, "the old booking is freed")
        #expect(try bot.say("达成 R1 楼道杂物本周清走", from: "u-li", at: at("09:06")).reply.code == "forbidden", "a party cannot record it")
        #expect(try bot.say("attend R1", from: "u-bo", at: at("09:07")).reply.code == "forbidden", "not a party")
        #expect(try bot.say("确认 R1", from: "u-ann", at: at("09:08")).reply.code == "forbidden", "not a party")
    }

    @Test func refusalsSayWhatIsWrong() throws {
        let bot = try harness()
        try bot.say("报修 纠纷 邻居占用楼道", from: "u-li", at: at("09:00"))
        try bot.say("报修 漏水 厨房滴水", from: "u-li", at: at("09:01"))
        let asked = try bot.say("邀请 R1", from: "u-med", at: at("09:02")).reply
        #expect(asked.code == "usage" && asked.text.contains("另一方是谁"), "a missing argument is asked for")
        try bot.say("取消", from: "u-med", at: at("09:02"))
        #expect(try bot.say("邀请 R9 602 明天 10:00-11:00", from: "u-med", at: at("09:03")).reply.code == "not_found")
        let leak = try bot.say("邀请 R2 602 明天 10:00-11:00", from: "u-med", at: at("09:04")).reply
        #expect(leak.code == "invalid_state" && leak.text.contains("不是纠纷"))
        #expect(try bot.say("邀请 R1 999 明天 10:00-11:00", from: "u-med", at: at("09:05")).reply.code == "not_found", "nobody lives there")
        #expect(try bot.say("邀请 R1 502 明天 10:00-11:00", from: "u-med", at: at("09:05")).reply.code == "usage", "the complainant's own room")
        #expect(try bot.say("邀请 R1 602 明天 20:00-21:00", from: "u-med", at: at("09:06")).reply.code == "usage", "the kiosk is closed")
        #expect(try bot.say("达成 R1 清走杂物", from: "u-med", at: at("09:07")).reply.code == "invalid_state", "no meeting yet")
        try bot.say("book kiosk tomorrow 10:00-11:00", from: "u-bo", at: at("09:08"))
        #expect(try bot.say("邀请 R1 602 明天 10:30-11:00", from: "u-med", at: at("09:09")).reply.code == "conflict")
        try bot.say("邀请 R1 602 明天 11:00-12:00", from: "u-med", at: at("09:10"))
        #expect(try bot.say("确认 R1", from: "u-li", at: at("09:11")).reply.code == "invalid_state", "nothing to confirm yet")
        #expect(try bot.say("同意公开 R1", from: "u-li", at: at("09:12")).reply.code == "invalid_state", "not settled")
        #expect(try bot.say("公开 R1", from: "u-med", at: at("09:13")).reply.code == "invalid_state", "not settled")
        #expect(try bot.say("rate R1 5", from: "u-wu", at: at("09:14")).reply.code == "invalid_state")
        #expect(try bot.say("confirm R2", from: "u-li", at: at("09:15")).reply.code == "invalid_state", "a leak has no agreement")
    }

    @Test func aWithdrawnDisputeCallsTheMeetingOffAndGoesNoFurther() throws {
        let bot = try harness()
        try bot.say("报修 纠纷 楼上602洗衣机半夜震动", from: "u-li", at: at("09:00"))
        try bot.say("邀请 R1 602 明天 下午3点到4点", from: "u-med", at: at("09:10"))
        let withdrawn = try bot.say("撤销 R1", from: "u-li", at: at("09:20"))
        #expect(withdrawn.reply.ok)
        let off = try #require(withdrawn.notifications.first { $0.to == "u-wu" }?.text)
        #expect(off.contains("调解取消") && off.contains("15:00-16:00") && !off.contains("李阿姨") && !off.contains("洗衣机"), "neutral words only")
        let schedule = try bot.say("日程 商议亭 明天", from: "u-bo", at: at("09:21")).reply.text
        #expect(!schedule.contains("15:00-16:00 B1"), "the kiosk is free again: \(schedule)")
        #expect(try bot.say("达成 R1 洗衣机移走", from: "u-med", at: at("09:22")).reply.code == "invalid_state")
        #expect(try bot.say("参加 R1", from: "u-wu", at: at("09:23")).reply.code == "invalid_state")
        #expect(try bot.say("confirm R1", from: "u-li", at: at("09:24")).reply.code == "invalid_state")
    }

    @Test func aRefusalInAGroupNamesTheDisputeOnlyAndSaysWhyPrivately() throws {
        let bot = try harness()
        try agreed(bot)
        try bot.say("确认 R1", from: "u-li", at: at("16:00", day: 29))
        try bot.say("确认 R1", from: "u-wu", at: at("16:01", day: 29))
        try bot.say("同意公开 R1", from: "u-li", at: at("16:02", day: 29))
        try bot.say("大家好，今天天气不错", from: "u-ann", in: "t-b1", at: at("16:03", day: 29))
        let refused = try bot.say("公开 R1", from: "u-med", in: "t-b1", at: at("16:04", day: 29))
        #expect(refused.reply.code == "forbidden" && refused.reply.text.hasPrefix("R1 私密事项"))
        #expect(!refused.reply.text.contains("吴大哥") && refused.posts.isEmpty, "the group reads no party")
        let why = try #require(refused.notifications.first)
        #expect(refused.notifications.count == 1 && why.to == "u-med" && why.reason == "private_reply" && why.text.contains("吴大哥（对方）"))
        // A report that is not private is refused as itself, in the group, without a claim that it is private.
        try bot.say("报修 漏水 厨房滴水", from: "u-ann", in: "t-b1", at: at("16:05", day: 29))
        let leak = try bot.say("agree R2 fix it", from: "u-med", in: "t-b1", at: at("16:06", day: 29))
        #expect(leak.reply.code == "invalid_state" && leak.reply.text.contains("not a dispute") && leak.notifications.isEmpty)
        // With both consents the outcome is posted, the mediator's words ending as a sentence.
        try bot.say("同意公开 R1", from: "u-wu", at: at("16:07", day: 29))
        let posted = try bot.say("公开 R1 邻居达成协议", from: "u-med", in: "t-b1", at: at("16:08", day: 29))
        #expect(posted.posts.map(\.text) == ["【晒事】1栋一起邻里纠纷已调解办结：邻居达成协议。感谢两位邻居的理解。"])
    }

    @Test func theMediatorIsToldAfterThreeDaysWhoHasNotConfirmed() throws {
        let bot = try harness()
        try agreed(bot)
        try bot.say("确认 R1", from: "u-li", at: at("16:00", day: 29))
        #expect(try bot.tick("2026-12-02T15:49:00+08:00").isEmpty, "not before 3 days")
        let reminded = try bot.tick("2026-12-02T15:51:00+08:00")
        #expect(reminded.notifications.map(\.to) == ["u-med"] && reminded.notifications[0].reason == "reminder")
        #expect(reminded.notifications[0].text.contains("还没有确认：吴大哥（对方）") && !reminded.notifications[0].text.contains("李阿姨（反映方）"))
    }

    @Test func nothingIsToldWhenBothConfirmedInTime() throws {
        let bot = try harness()
        try agreed(bot)
        try bot.say("确认 R1", from: "u-li", at: at("16:00", day: 29))
        try bot.say("confirm R1", from: "u-wu", at: at("16:01", day: 29))
        #expect(try bot.tick("2026-12-02T16:00:00+08:00").notifications.allSatisfy { $0.to != "u-med" || $0.reason != "reminder" })
    }

    @Test func withoutAnAgreementPastItsResolveLimitADisputeGoesUpTheLadder() throws {
        let bot = try harness()
        try bot.say("报修 纠纷 邻居占用楼道", from: "u-li", at: at("09:00"))
        try bot.say("邀请 R1 602 明天 10:00-11:00", from: "u-med", at: at("09:10"))
        var pushes: [OutboundEvent] = []
        for day in ["2026-12-06T12:00:00+08:00", "2026-12-11T20:00:00+08:00", "2026-12-13T09:09:00+08:00"] {
            pushes += try bot.tick(day).notifications
        }
        #expect(!pushes.contains { $0.reason == "overdue" }, "not before 15 days")
        let overdue = try bot.tick("2026-12-13T09:11:00+08:00").notifications.filter { $0.reason == "overdue" }
        #expect(overdue.compactMap(\.to) == ["u-med", "u-grid"], "the mediator, and the grid leader above the building's captain")
        #expect(overdue.allSatisfy { $0.text.contains("R1") && !$0.text.contains("占用楼道") }, "pushes name the dispute, not its matter")
        #expect(pushes.contains { $0.reason == "reminder" && $0.to == "u-med" }, "reminders on the way, to the mediator")
    }
}
