import LinliProtocol
import LinliTesting
import Testing

/// A report in a private category started in a group (`小邻 报修 噪音`): the details,
/// which name the neighbour, are asked for and answered in a private chat.
@Suite struct PrivateReportDetailsTests {
    @Test func aPrivateReportsDetailsAreAskedPrivately() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("楼下好吵啊", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty)
        let asked = try bot.say("小邻，报修 噪音", from: "u-li", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        #expect(asked.reply.text == "这涉及私密事项，我私信问您。", "\(asked.reply.text)")
        #expect(asked.notifications.first { $0.reason == "private_reply" && $0.to == "u-li" } != nil, "\(asked)")
        #expect(try bot.say("楼下801半夜放音乐", from: "u-li", in: "t-b1", at: "2026-11-28T09:02:00+08:00").isEmpty, "not answered in the group")
        let answered = try bot.say("楼下801半夜放音乐", from: "u-li", at: "2026-11-28T09:03:00+08:00")
        #expect(answered.reply.refs == ["R1"] && answered.reply.group == nil, "\(answered.reply.text)")

        // In English, the category given in answer to the group's question.
        let what = try bot.say("linli report", from: "u-ann", in: "t-b1", at: "2026-11-28T09:10:00+08:00").reply.text
        #expect(what.contains("What is the problem") || what.contains("problem"), "the category is no secret: asked in the group: \(what)")
        let then = try bot.say("noise", from: "u-ann", in: "t-b1", at: "2026-11-28T09:11:00+08:00")
        #expect(then.reply.text == "That is a private matter: I asked you privately.", "\(then.reply.text)")
        #expect(try bot.say("from 702, they party every night", from: "u-ann", at: "2026-11-28T09:12:00+08:00").reply.refs == ["R2"])

        // A leak is not private: its details are asked where the report began.
        let leak = try bot.say("小邻 报修 漏水", from: "u-li", in: "t-b1", at: "2026-11-28T09:20:00+08:00").reply
        #expect(leak.group == "t-b1" && leak.text.contains("直接回复即可"), "\(leak.text)")
    }
}
