import LinliProtocol
import LinliTesting
import Testing

/// A department the community file gives no members and no robot can be routed an
/// order, but no one there can accept it: whoever routes it is told so.
@Suite struct UnansweredDepartmentTests {
    static let community = FamilyHarness.community.replacingOccurrences(
        of: "  - {id: water, name: 自来水公司, members: [u-pipe]}\n",
        with: "  - {id: water, name: 自来水公司, members: [u-pipe]}\n  - {id: power, name: 供电所}\n")

    @Test func routingToADepartmentNoOneAnswersForWarns() throws {
        #expect(Self.community != FamilyHarness.community)
        let bot = try FamilyHarness("workorders", community: Self.community)
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
        #expect(try bot.say("报修 漏水 水管滴水", from: "u-ann", in: "t-b1", at: "2026-11-28T09:01:00+08:00").reply.refs == ["R2"])
        let whistled = try bot.say("吹哨 R1 供电所", from: "u-office", at: "2026-11-28T09:02:00+08:00").reply
        #expect(whistled.ok && whistled.text.contains("供电所在社区文件里没有成员，也没有 webhook"), "\(whistled.text)")
        let assigned = try bot.say("assign R2 power", from: "u-office", at: "2026-11-28T09:03:00+08:00").reply
        #expect(assigned.ok && assigned.text.contains("no members and no webhook"), "\(assigned.text)")
        let answered = try bot.say("assign R2 water", from: "u-office", at: "2026-11-28T09:04:00+08:00").reply
        #expect(answered.ok && !answered.text.contains("webhook"), "a department with members is not warned of: \(answered.text)")
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
}
