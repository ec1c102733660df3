import LinliProtocol
import LinliTesting
import Testing

/// A department the community file gives no members and no robot would hear of no
/// order and could accept none: routing one to it is refused, and nothing changes.
/// Passing an order again to whoever it already waits on is refused too.
@Suite struct UnansweredDepartmentTests {
    static let community = FamilyHarness.community.replacingOccurrences(
        of: "  - {id: water, name: 自来水公司, members: [u-pipe]}\n",
        with: "  - {id: water, name: 自来水公司, members: [u-pipe]}\n  - {id: power, name: 供电所}\n")

    @Test func routingToADepartmentNoOneAnswersForIsRefused() throws {
        #expect(Self.community != FamilyHarness.community)
        let bot = try FamilyHarness("workorders", community: Self.community)
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
        let whistled = try bot.say("吹哨 R1 供电所", from: "u-office", at: "2026-11-28T09:02:00+08:00")
        #expect(whistled.reply.code == "invalid_state" && whistled.reply.text.contains("供电所在社区文件里没有成员，也没有 webhook"), "\(whistled.reply.text)")
        #expect(whistled.notifications.isEmpty, "the reporter is not told it moved")
        let assigned = try bot.say("assign R1 power", from: "u-office", at: "2026-11-28T09:03:00+08:00").reply
        #expect(assigned.code == "invalid_state" && assigned.text.contains("no members and no webhook"), "\(assigned.text)")
        let answered = try bot.say("assign R1 water", from: "u-office", at: "2026-11-28T09:04:00+08:00")
        #expect(answered.reply.ok && answered.notifications.map(\.to).contains("u-pipe"), "\(answered.reply.text)")
        let again = try bot.say("交办 R1 自来水公司", from: "u-office", at: "2026-11-28T09:05:00+08:00")
        #expect(again.reply.code == "invalid_state" && again.reply.text.contains("已经交给这一方"), "\(again.reply.text)")
        #expect(again.notifications.isEmpty, "no one is told twice")
        #expect(try bot.say("签收 R1", from: "u-pipe", at: "2026-11-28T09:06:00+08:00").reply.ok)
    }
}

/// An order passed up to the grid leader that the building's captain then accepts:
/// the grid leader hears that it is taken, in a private notice, not from the group.
@Suite struct TakenBackTests {
    @Test func whomAnOrderWasPassedToHearsWhenSomeoneElseAcceptsIt() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("早上好，楼道有点滑", from: "u-li", in: "t-b1", at: "2026-11-28T08:59:00+08:00").isEmpty)
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
        let up = try bot.say("吹哨 R1 需要网格协调", from: "u-cap1", at: "2026-11-28T09:01:00+08:00")
        #expect(up.reply.ok && up.notifications.map(\.to).contains("u-grid"), "\(up.reply.text)")
        let taken = try bot.say("签收 R1", from: "u-cap1", in: "t-b1", at: "2026-11-28T09:05:00+08:00")
        #expect(taken.reply.ok, "\(taken.reply.text)")
        let told = taken.notifications.filter { $0.to == "u-grid" }
        #expect(told.count == 1 && told[0].text.contains("已由刘队长签收，您无需再处理"), "\(taken.notifications)")
        #expect(taken.posts.isEmpty, "nothing about it is posted to the group")
        let again = try bot.say("报修 漏水 水管滴水", from: "u-ann", in: "t-b1", at: "2026-11-28T09:06:00+08:00").reply.refs
        #expect(again == ["R2"])
        #expect(try bot.say("accept R2", from: "u-cap1", at: "2026-11-28T09:07:00+08:00").notifications.allSatisfy { $0.to != "u-grid" },
                "an order the captain had all along tells no one else")
    }

    /// An order given to a department that the captain then accepts himself is his: the
    /// department's members are told, and it leaves their queue.
    @Test func aCaptainWhoTakesBackADepartmentsOrderHoldsIt() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
        #expect(try bot.say("交办 R1 自来水公司", from: "u-cap1", at: "2026-11-28T09:01:00+08:00").notifications.map(\.to).contains("u-pipe"))
        let taken = try bot.say("签收 R1", from: "u-cap1", at: "2026-11-28T09:02:00+08:00")
        #expect(taken.reply.ok, "\(taken.reply.text)")
        #expect(taken.notifications.first { $0.to == "u-pipe" }?.text.contains("已由刘队长签收，您无需再处理") == true, "\(taken.notifications)")
        let status = try bot.say("进度 R1", from: "u-li", at: "2026-11-28T09:03:00+08:00").reply.text
        #expect(status.contains("刘队长") && !status.contains("自来水公司"), "\(status)")
        #expect(try bot.say("签收 R1", from: "u-pipe", at: "2026-11-28T09:04:00+08:00").reply.ok == false)
        let queue = try bot.say("待办", from: "u-cap1", at: "2026-11-28T09:05:00+08:00").reply
        #expect(queue.refs.contains("R1"), "\(queue.text)")
    }
}

/// 及时签收 is earned once per order: reopened and accepted again, it earns nothing more.
@Suite struct OnTimePointsOnceTests {
    @Test func acceptingAReopenedOrderAgainEarnsNoMorePoints() throws {
        let bot = try FamilyHarness("workorders", "points")
        #expect(try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
        for minute in [1, 4, 7] {
            #expect(try bot.say("签收 R1", from: "u-cap1", in: "t-b1", at: "2026-11-28T09:0\(minute):00+08:00").reply.ok)
            #expect(try bot.say("办结 R1 换了接头", from: "u-cap1", in: "t-b1", at: "2026-11-28T09:0\(minute + 1):00+08:00").reply.ok)
            if minute < 7 { #expect(try bot.say("没解决 R1 还在滴", from: "u-li", in: "t-b1", at: "2026-11-28T09:0\(minute + 2):00+08:00").reply.ok) }
        }
        let points = try bot.say("积分", from: "u-cap1", at: "2026-11-28T09:30:00+08:00").reply.text
        #expect(points.components(separatedBy: "R1").count - 1 == 1, "one line for R1: \(points)")
    }
}
