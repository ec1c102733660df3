import LinliProtocol
import LinliTesting
import Testing

@Suite struct ServicesFamilyTests {
    @Test func stockRunsOutAndALateLoanIsChasedThroughTheFamily() throws {
        let bot = try FamilyHarness("services")
        #expect(try bot.say("借 伞", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.refs == ["S1"])
        #expect(try bot.say("borrow umbrella", from: "u-ann", at: "2026-11-28T09:01:00+08:00").reply.refs == ["S2"])
        #expect(try bot.say("borrow umbrella", from: "u-bo", at: "2026-11-28T09:02:00+08:00").reply.code == "limit")
        #expect(try bot.say("return S2", from: "u-ann", at: "2026-11-28T10:00:00+08:00").reply.ok)
        #expect(try bot.say("return S2", from: "u-ann", at: "2026-11-28T10:01:00+08:00").reply.code == "invalid_state")
        let due = try bot.tick("2026-12-01T09:01:00+08:00")
        #expect(due.notifications.map(\.to) == ["u-li"], "only the loan still out is chased")
    }

    @Test func aHandledServiceTellsItsHandler() throws {
        let bot = try FamilyHarness("services")
        let out = try bot.say("申请 义剪 腿脚不便请上门", from: "u-li", at: "2026-11-28T09:00:00+08:00")
        #expect(out.reply.refs == ["S1"] && out.notifications.map(\.to) == ["u-vol"])
    }

    /// The handler asking for their own service would only be escalated, unanswered,
    /// to the captain and the office: it is refused, and nothing is numbered.
    @Test func aHandlerDoesNotAskThemself() throws {
        let bot = try FamilyHarness("services")
        #expect(try bot.say("大家好，谁会理发？", from: "u-vol", in: "t-b2", at: "2026-11-28T09:00:00+08:00").isEmpty)
        let own = try bot.say("@小邻 申请 义剪", from: "u-vol", in: "t-b2", mentions: ["linli"], at: "2026-11-28T09:01:00+08:00")
        #expect(own.reply.code == "invalid_state" && own.reply.text.contains("不用向自己申请") && own.notifications.isEmpty, "\(own.reply.text)")
        #expect(try bot.tick("2026-11-28T10:30:00+08:00").notifications.isEmpty, "nothing to escalate")
        let ann = try bot.say("request haircut", from: "u-ann", at: "2026-11-28T10:31:00+08:00")
        #expect(ann.reply.refs == ["S1"] && ann.notifications.map(\.to) == ["u-vol"], "the next request is S1")
    }
}
