import LinliProtocol
import LinliTesting
import Testing

/// A report made in quiet hours: the captain's ask to accept it waits for the morning.
/// If he accepts it from the group first, the ask is dropped; what the reporter is told
/// still comes.
@Suite struct HeldAsksTests {
    @Test func anAskToAcceptThatWasAnsweredInTheNightIsNotSent() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", in: "t-b1", at: "2026-11-28T22:50:00+08:00").notifications.isEmpty, "held")
        #expect(try bot.say("报修 漏水 水管滴水", from: "u-ann", in: "t-b1", at: "2026-11-28T22:51:00+08:00").reply.refs == ["R2"])
        #expect(try bot.say("晚安各位", from: "u-cap1", in: "t-b1", at: "2026-11-28T22:55:00+08:00").isEmpty)
        #expect(try bot.say("签收 R1", from: "u-cap1", in: "t-b1", at: "2026-11-28T23:00:00+08:00").reply.ok)
        let morning = try bot.tick("2026-11-29T07:00:00+08:00").notifications
        let toCaptain = morning.filter { $0.to == "u-cap1" }
        #expect(toCaptain.count == 1 && toCaptain[0].refs == ["R2"] && toCaptain[0].reason == "new_report", "only R2 still waits: \(toCaptain)")
        #expect(morning.contains { $0.to == "u-li" && $0.refs == ["R1"] }, "the reporter still hears it was accepted")
    }
}

/// A reminder that waits out quiet hours gives the deadline as a time, which is still
/// true when it is read in the morning (it said "还剩2小时24分钟" at 07:00, an hour off).
@Suite struct HeldReminderTests {
    @Test func aHeldReminderGivesItsDeadlineAsATime() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", in: "t-b1", at: "2026-11-28T08:00:00+08:00").reply.refs == ["R1"])
        #expect(try bot.say("签收 R1", from: "u-cap1", at: "2026-11-28T08:02:00+08:00").reply.ok)
        let half = try bot.tick("2026-11-28T20:03:00+08:00").notifications
        #expect(half.count == 1 && half[0].text.contains("已过50%，请在11月29日 周日 08:02前办结"), "\(half)")
        #expect(try bot.tick("2026-11-29T05:40:00+08:00").isEmpty, "the 90% reminder (05:38) waits for 07:00")
        let morning = try bot.tick("2026-11-29T07:00:00+08:00").notifications.filter { $0.to == "u-cap1" && $0.reason == "reminder" }
        #expect(morning.count == 1 && morning[0].text.contains("请在11月29日 周日 08:02前办结"), "\(morning)")
    }
}

/// Routine notices (a loan's return reminder, a booking to approve) wait out quiet
/// hours like a work order below P0; the reply to whoever is writing at night does not.
@Suite struct RoutineNoticesAtNightTests {
    @Test func aReturnReminderAndABookingToApproveWaitForTheMorning() throws {
        let bot = try FamilyHarness("services", "bookings")
        #expect(try bot.say("借 伞", from: "u-li", at: "2026-11-28T23:30:00+08:00").reply.ok, "the borrower is answered at once")
        let asked = try bot.say("预约 活动室 后天 09:00-10:00 排练", from: "u-li", at: "2026-11-28T23:31:00+08:00")
        #expect(asked.reply.ok && asked.notifications.isEmpty, "the captain is not woken: \(asked.notifications)")
        let morning = try bot.tick("2026-11-29T07:00:00+08:00").notifications
        #expect(morning.map(\.to) == ["u-cap1"] && morning[0].text.contains("【预约待审批】"), "\(morning)")
        #expect(try bot.tick("2026-12-01T23:31:00+08:00").isEmpty, "the loan fell due at 23:30: its reminder waits")
        // (The unapproved booking lapsed on the 30th; the clock jumped past it, so its notice waited too.)
        let due = try bot.tick("2026-12-02T07:00:00+08:00").notifications.filter { $0.reason == "reminder" }
        #expect(due.map(\.to) == ["u-li"] && due[0].text.contains("【归还提醒】"), "\(due)")
    }
}

/// What the night settled is not asked in the morning: a service request taken and done,
/// an order passed to someone else, a report rated. Whoever was never asked is not told
/// that they need not act.
@Suite struct SettledInTheNightTests {
    func at(_ day: Int, _ hhmm: String) -> String { "2026-11-\(day)T\(hhmm):00+08:00" }

    @Test func aServiceRequestTakenAndDoneInTheNightAsksNoCaptain() throws {
        let bot = try FamilyHarness("services", "workorders")
        #expect(try bot.say("申请 义剪 想剪个头", from: "u-li", at: at(28, "21:50")).reply.ok)
        #expect(try bot.tick(at(28, "22:30")).isEmpty, "the captain's escalation waits for the morning")
        #expect(try bot.say("签收 S1", from: "u-vol", at: at(28, "22:40")).reply.ok)
        #expect(try bot.say("办结 S1 剪好了", from: "u-vol", at: at(28, "22:50")).reply.ok)
        let morning = try bot.tick(at(29, "07:00")).notifications
        #expect(!morning.contains { $0.to == "u-cap1" }, "\(morning)")
        #expect(morning.contains { $0.to == "u-li" && $0.text.contains("已办结") }, "the requester still hears of it")
    }

    @Test func anOrderPassedOnInTheNightIsAskedOfItsNewHandlerOnly() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 水管滴水", from: "u-li", in: "t-b1", at: at(28, "21:50")).reply.refs == ["R1"])
        #expect(try bot.say("晚安", from: "u-li", in: "t-b1", at: at(28, "22:10")).isEmpty)
        #expect(try bot.tick(at(28, "22:21")).isEmpty, "escalated to the grid leader, told in the morning")
        #expect(try bot.say("交办 R1 自来水公司", from: "u-cap1", at: at(28, "22:25")).reply.ok)
        let morning = try bot.tick(at(29, "07:00")).notifications
        #expect(!morning.contains { $0.to == "u-grid" }, "\(morning)")
        #expect(morning.contains { $0.to == "u-pipe" && $0.reason == "assigned" }, "\(morning)")
    }

    @Test func aReportRatedInTheNightIsNotAskedToBeRated() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 水管爆了", from: "u-li", in: "t-b1", at: at(28, "21:50")).reply.refs == ["R1"])
        #expect(try bot.tick(at(28, "22:21")).isEmpty)
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at(28, "22:25")).reply.ok)
        #expect(try bot.say("办结 R1 已换管", from: "u-cap1", at: at(28, "23:30")).reply.ok)
        #expect(try bot.say("评价 R1 5 半夜来修，辛苦了", from: "u-li", in: "t-b1", at: at(28, "23:35")).reply.ok)
        let morning = try bot.tick(at(29, "07:00")).notifications
        #expect(!morning.contains { $0.reason == "rating_request" }, "\(morning)")
        #expect(!morning.contains { $0.to == "u-grid" }, "the grid leader was never asked: \(morning)")
    }

    @Test func aChaseAndAResolveReminderAreDroppedOnceTheOrderIsResolved() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 水管滴水", from: "u-li", in: "t-b1", at: at(28, "09:00")).reply.refs == ["R1"])
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at(28, "09:05")).reply.ok)
        #expect(try bot.say("催办 R1", from: "u-li", in: "t-b1", at: at(28, "22:30")).reply.ok)
        #expect(try bot.say("办结 R1 换了阀门", from: "u-cap1", at: at(28, "23:00")).reply.ok)
        let morning = try bot.tick(at(29, "07:00")).notifications
        #expect(!morning.contains { $0.to == "u-cap1" }, "the chase and the 50% reminder are moot: \(morning)")
    }

    @Test func aReopenedOrderAcceptedAgainInTheNightIsNotAskedAgain() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 水管滴水", from: "u-li", in: "t-b1", at: at(28, "09:00")).reply.refs == ["R1"])
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at(28, "09:05")).reply.ok)
        #expect(try bot.say("办结 R1 换了阀门", from: "u-cap1", at: at(28, "10:00")).reply.ok)
        let reopened = try bot.say("没解决 R1 还在滴", from: "u-li", in: "t-b1", at: at(28, "22:30"))
        #expect(reopened.reply.ok && reopened.notifications.isEmpty, "\(reopened.notifications)")
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at(28, "22:40")).reply.ok)
        let morning = try bot.tick(at(29, "07:00")).notifications
        #expect(!morning.contains { $0.to == "u-cap1" && $0.text.contains("请重新签收") }, "\(morning)")
    }

    @Test func aReportWithdrawnInTheNightTellsNoOneWhoWasNeverAsked() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 其他 楼道灯不亮", from: "u-li", in: "t-b1", at: at(28, "22:30")).reply.refs == ["R1"])
        #expect(try bot.say("撤销 R1", from: "u-li", in: "t-b1", at: at(28, "22:40")).reply.ok)
        #expect(try bot.tick(at(29, "07:00")).notifications.isEmpty, "the captain never heard of R1")
    }

    @Test func aBookingDecidedAndAWishClaimedInTheNightAskNoOneInTheMorning() throws {
        let bot = try FamilyHarness("bookings", "wishes", "workorders")
        #expect(try bot.say("预约 活动室 后天 09:00-10:00 排练", from: "u-li", at: at(28, "22:30")).reply.refs == ["B1"])
        #expect(try bot.say("预约 活动室 后天 15:00-16:00 排练", from: "u-bo", at: at(28, "22:31")).reply.refs == ["B2"])
        #expect(try bot.say("批准 B1", from: "u-cap1", at: at(28, "22:40")).reply.ok)
        #expect(try bot.say("取消 B2", from: "u-bo", at: at(28, "22:41")).reply.ok)
        #expect(try bot.say("微心愿 想要一副老花镜", from: "u-li", at: at(28, "22:50")).reply.refs == ["W1"])
        #expect(try bot.say("认领 W1", from: "u-vol", at: at(28, "22:55")).reply.ok)
        let morning = try bot.tick(at(29, "07:00")).notifications
        #expect(!morning.contains { ["u-cap1", "u-cap2", "u-vol"].contains($0.to) && !$0.text.contains("积分") }, "\(morning)")
        #expect(morning.contains { $0.to == "u-li" && $0.text.contains("已通过") }, "the booker still hears: \(morning)")
    }

    @Test func anUrgentRequestTakenByTheCaptainTellsWhoWasOnDuty() throws {
        let community = FamilyHarness.community.replacingOccurrences(
            of: "{id: haircut, name: 义剪, names: [haircut, 义剪], handler: u-vol}",
            with: "{id: haircut, name: 义剪, names: [haircut, 义剪], handler: u-vol}\n  - {id: butler, name: 红色管家, names: [butler, 红色管家], handler: u-vol, urgent: true}")
        let bot = try FamilyHarness(families: ["services", "workorders"], community: community)
        let asked = try bot.say("申请 红色管家 老人摔倒了", from: "u-li", at: at(28, "23:30"))
        #expect(Set(asked.notifications.map(\.to)) == ["u-vol", "u-cap1"], "urgent: both at once: \(asked.notifications)")
        let taken = try bot.say("签收 S1", from: "u-cap1", at: at(28, "23:32")).notifications
        #expect(taken.contains { $0.to == "u-vol" && $0.text.contains("已由刘队长签收，您无需再处理") }, "\(taken)")
    }

    @Test func anAskHeldForACaptainReplacedInTheNightGoesToTheNewCaptain() throws {
        let bot = try FamilyHarness("workorders", "roles")
        #expect(try bot.say("报修 噪音 楼上半夜装修", from: "u-li", in: "t-b1", at: at(28, "22:30")).reply.refs == ["R1"])
        #expect(try bot.say("任命 u-ann 楼栋长 b1", from: "u-office", at: at(28, "23:00")).reply.ok)
        let morning = try bot.tick(at(29, "07:00")).notifications
        #expect(!morning.contains { $0.to == "u-cap1" && $0.text.contains("装修") }, "the private report does not go to the old captain: \(morning)")
        #expect(morning.contains { $0.to == "u-ann" && $0.reason == "new_report" && $0.refs == ["R1"] }, "\(morning)")
    }
}

