import LinliProtocol
import LinliTesting
import Testing

@Suite struct BookingsFamilyTests {
    @Test func aBookingIsMadeRemindedAndCancelledThroughTheSharedWord() throws {
        let bot = try FamilyHarness("bookings", "workorders")
        let booked = try bot.say("book pavilion tomorrow 10:00-11:00 tai chi", from: "u-ann", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(booked.reply.ok && booked.reply.refs == ["B1"])
        let reminded = try bot.tick("2026-11-29T09:31:00+08:00")
        #expect(reminded.notifications.map(\.to) == ["u-ann"] && reminded.notifications.first?.reason == "reminder")
        let again = try bot.say("预约 凉亭 明天 15:00-16:00", from: "u-li", in: "t-b1", at: "2026-11-29T09:40:00+08:00")
        #expect(again.reply.refs == ["B2"])
        let cancelled = try bot.say("取消 B2", from: "u-li", at: "2026-11-29T09:41:00+08:00")
        #expect(cancelled.reply.ok && cancelled.reply.text.hasPrefix("已取消 B2"))
        #expect(try bot.tick("2026-11-30T15:00:00+08:00").isEmpty, "a cancelled booking is not reminded")
        let twice = try bot.say("取消 B2", from: "u-li", at: "2026-11-30T15:01:00+08:00").reply
        #expect(twice.code == "invalid_state" && twice.text.contains("B2 已取消，不能再撤销"), "not 已已取消: \(twice.text)")
    }

    @Test func aVenueThatNeedsApprovalWaitsForTheCaptain() throws {
        let bot = try FamilyHarness("bookings")
        let asked = try bot.say("预约 活动室 明天 14:00-16:00 生日会", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(asked.notifications.map(\.to) == ["u-cap1"])
        #expect(try bot.say("approve B1", from: "u-ann", at: "2026-11-28T09:01:00+08:00").reply.code == "forbidden")
        let approved = try bot.say("批准 B1", from: "u-cap1", at: "2026-11-28T09:02:00+08:00")
        #expect(approved.reply.ok && approved.notifications.map(\.to) == ["u-li"])
        #expect(try bot.say("批准 B1", from: "u-cap1", at: "2026-11-28T09:03:00+08:00").reply.code == "invalid_state")
    }

    /// A request no one decided on lapses when its time comes, and the booker is told
    /// in their language; one approved in time does not.
    @Test func aRequestNoOneDecidedLapsesAtItsStart() throws {
        let bot = try FamilyHarness("bookings")
        #expect(try bot.say("预约 活动室 明天 14:00-16:00 生日会", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["B1"])
        #expect(try bot.say("book room tomorrow 17:00-18:00 choir", from: "u-ann", at: "2026-11-28T09:01:00+08:00").reply.refs == ["B2"])
        #expect(try bot.say("approve B2", from: "u-cap1", at: "2026-11-28T09:02:00+08:00").reply.ok)
        let chased = try bot.tick("2026-11-29T13:59:00+08:00").notifications
        #expect(Set(chased.map(\.to)) == ["u-li", "u-cap1"] && !chased.contains { $0.text.contains("已失效") }, "chased, not lapsed, before its start: \(chased)")
        let lapsed = try bot.tick("2026-11-29T14:00:00+08:00")
        #expect(lapsed.notifications.map(\.to) == ["u-cap1", "u-li"], "the one asked to approve, and the booker: \(lapsed)")
        #expect(lapsed.notifications.last?.text.contains("仍未获审批，已失效") == true, "\(lapsed)")
        #expect(try bot.tick("2026-11-29T17:00:00+08:00").notifications.allSatisfy { $0.reason != "booking" }, "an approved booking does not lapse")
        let late = try bot.say("批准 B1", from: "u-cap1", at: "2026-11-29T14:05:00+08:00").reply
        #expect(late.code == "invalid_state" && late.text.contains("未获审批，已失效"), "\(late.text)")
        #expect(try bot.say("我的预约", from: "u-li", at: "2026-11-29T14:06:00+08:00").reply.refs.isEmpty)
    }

    /// A request its booker withdraws tells whoever was asked to approve it; a confirmed
    /// booking cancelled tells no approver.
    @Test func aWithdrawnRequestTellsTheApprover() throws {
        let bot = try FamilyHarness("bookings", "workorders")  // `cancel` is the work orders' word too
        #expect(try bot.say("预约 活动室 明天 14:00-16:00 生日会", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").notifications.map(\.to) == ["u-cap1"])
        #expect(try bot.say("明天谁去？", from: "u-ann", in: "t-b1", at: "2026-11-28T09:00:30+08:00").isEmpty)
        let withdrawn = try bot.say("取消 B1", from: "u-li", at: "2026-11-28T09:01:00+08:00")
        #expect(withdrawn.reply.ok && withdrawn.notifications.map(\.to) == ["u-cap1"], "\(withdrawn)")
        #expect(withdrawn.notifications.first?.text.contains("已撤销，无需审批") == true)
        #expect(try bot.say("book pavilion tomorrow 10:00-11:00", from: "u-ann", at: "2026-11-28T09:02:00+08:00").reply.refs == ["B2"])
        #expect(try bot.say("cancel B2", from: "u-ann", at: "2026-11-28T09:03:00+08:00").notifications.isEmpty)
        #expect(try bot.tick("2026-11-29T14:00:00+08:00").isEmpty, "a withdrawn request does not lapse")
    }
}

/// Issue 14, 2: dates and times as people say them.
@Suite struct BookingPhrasesTests {
    @Test func aStartAloneAnAfternoonHourAndAPastDate() throws {
        let bot = try FamilyHarness("bookings")
        let start = try bot.say("预约 凉亭 明天 下午3点 跳舞", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply
        #expect(start.ok && start.text.contains("15:00-15:30"), "the venue's minimum length: \(start.text)")
        let afternoon = try bot.say("预定 凉亭 后天 3点到4点", from: "u-li", at: "2026-11-28T09:01:00+08:00").reply
        #expect(afternoon.ok && afternoon.text.contains("15:00-16:00"), "3 to 4 at a venue open 07:00-21:00 is the afternoon: \(afternoon.text)")
        let english = try bot.say("book room dec 5 7pm", from: "u-ann", at: "2026-11-28T09:02:00+08:00").reply
        #expect(english.ok && english.text.contains("19:00-20:00"), "\(english.text)")
        let past = try bot.say("预约 凉亭 昨天 下午3点到4点", from: "u-li", at: "2026-11-28T09:03:00+08:00").reply
        #expect(past.code == "usage" && past.text.contains("已经过去了，请选今天或以后的日子"), "\(past.text)")
        let early = try bot.say("预约 凉亭 明天 上午5点到6点", from: "u-bo", at: "2026-11-28T09:04:00+08:00").reply
        #expect(early.code == "usage" && early.text.contains("开放时间"), "a morning hour that does not fit in the afternoon either is refused")
    }
}

/// Issue 14, 6: `venues` offers only times still to come.
@Suite struct VenuesOfferTheFutureTests {
    @Test func todayFromTheNextHalfHourAndNothingOnAPastDay() throws {
        let bot = try FamilyHarness("bookings")
        let today = try bot.say("场地", from: "u-li", at: "2026-11-28T15:10:00+08:00").reply.text
        #expect(today.contains("凉亭（pavilion）：空闲 15:30-21:00"), "\(today)")
        let tomorrow = try bot.say("场地 明天", from: "u-li", at: "2026-11-28T15:11:00+08:00").reply.text
        #expect(tomorrow.contains("凉亭（pavilion）：空闲 07:00-21:00"), "\(tomorrow)")
        let late = try bot.say("venues", from: "u-ann", at: "2026-11-28T21:40:00+08:00").reply.text
        #expect(late.contains("(pavilion): no free time left"), "\(late)")
    }

    /// The one who would approve a booking (the captain of the booker's building, the
    /// office) books at once, instead of being sent their own request to approve.
    @Test func whoeverWouldApproveBooksAtOnce() throws {
        let bot = try FamilyHarness("bookings")
        #expect(try bot.say("晚上活动室有人用吗？", from: "u-cap1", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty)
        let own = try bot.say("@小邻 预约 活动室 明天 晚上7点到9点 楼组会", from: "u-cap1", in: "t-b1", mentions: ["linli"], at: "2026-11-28T09:01:00+08:00")
        #expect(own.reply.ok && own.reply.text.contains("已直接批准") && own.notifications.isEmpty, "\(own.reply.text)")
        #expect(try bot.say("批准 B1", from: "u-cap1", at: "2026-11-28T09:02:00+08:00").reply.code == "invalid_state", "confirmed already")
        let resident = try bot.say("book room 2026-12-01 10:00-11:00", from: "u-ann", at: "2026-11-28T09:03:00+08:00")
        #expect(resident.reply.ok && resident.reply.text.contains("needs approval") && resident.notifications.map(\.to) == ["u-cap1"])
    }

    /// A booking whose time has begun is used: no longer listed as upcoming, cancelled
    /// (which would free the week's quota) or approved.
    @Test func aBookingThatHasBegunStaysAsItWas() throws {
        let bot = try FamilyHarness("bookings", "workorders")
        #expect(try bot.say("预约 凉亭 明天 09:00-10:00", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.refs == ["B1"])
        #expect(try bot.say("book room tomorrow 10:00-11:00 party", from: "u-ann", at: "2026-11-28T09:01:00+08:00").reply.refs == ["B2"])
        let mine = try bot.say("我的预约", from: "u-li", at: "2026-11-29T10:30:00+08:00").reply
        #expect(!mine.refs.contains("B1"), "\(mine.text)")
        let cancel = try bot.say("取消 B1", from: "u-li", at: "2026-11-29T10:31:00+08:00").reply
        #expect(cancel.code == "invalid_state" && cancel.text.contains("已经开始"), "\(cancel.text)")
        let late = try bot.say("approve B2", from: "u-cap1", at: "2026-11-29T11:30:00+08:00").reply
        #expect(late.code == "invalid_state" && late.text.contains("lapsed (never approved)"), "a pending booking lapsed at its start: \(late.text)")
    }
}
