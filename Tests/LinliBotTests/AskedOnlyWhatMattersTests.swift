import LinliProtocol
import LinliTesting
import Testing

// What people trying the demo community ran into (session 28), each as they said it.

/// A mediator who wrote `达成 R1` before the meeting was asked what both sides agreed,
/// typed it out, and only then heard that the meeting had not begun; a captain asked for
/// the result of `办结 R9` learnt after answering that there is no R9.
@Suite struct RefusedBeforeAskedTests {
    /// A dispute with its meeting at 15:00 on 2026-11-29 (R1, private), and a leak (R2, public).
    func community() throws -> Conversation {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 纠纷 楼上702每晚十一点后拖椅子")
        try chat.say("@2026-11-28T09:05:00+08:00 u-he: 任命 郑秀英 调解员")
        try chat.say("@2026-11-28T09:10:00+08:00 u-zheng: 邀请 R1 702 明天 下午3点到4点")
        #expect(try chat.say("@2026-11-28T09:20:00+08:00 u-li: 报修 漏水 厨房水管滴水").reply.refs == ["R2"])
        return chat
    }

    @Test func theAgreementBeforeTheMeetingIsRefusedAtOnce() throws {
        let chat = try community()
        // (The night's timers fire before the greeting: the bot answers nothing.)
        #expect(try chat.say("@2026-11-29T09:00:00+08:00 [fudi-b3] u-zhang: 大家早上好").filter { $0.type == .reply }.isEmpty)
        // In the group: the dispute named only, why privately; nothing asked.
        let group = try chat.say("@2026-11-29T09:01:00+08:00 [fudi-b3] u-zheng: 小邻 达成 R1")
        #expect(group.reply.code == "invalid_state" && group.reply.text.hasPrefix("R1 私密事项"), "\(group.reply.text)")
        #expect(!group.reply.text.contains("15:00") && !group.reply.text.contains("702"))
        #expect(group.notifications.map(\.to) == ["u-zheng"] && group.notifications[0].text.contains("还没开始"))
        #expect(try chat.say("@2026-11-29T09:02:00+08:00 [fudi-b3] u-zhang: 谢谢大家").isEmpty)
        let alone = try chat.say("@2026-11-29T09:03:00+08:00 u-zheng: 达成 R1").reply
        #expect(alone.code == "invalid_state" && alone.text.contains("还没开始"), "\(alone.text)")
        // No question was left open: an answer to it is no command.
        #expect(try chat.say("@2026-11-29T09:04:00+08:00 u-zheng: 晚十点后不拖动桌椅").reply.code == "unknown_command")
        // Once the meeting has begun the terms are asked, and taken.
        #expect(try chat.say("@2026-11-29T15:30:00+08:00 u-zheng: 达成 R1").reply.text.hasPrefix("双方达成了什么协议？"))
        let agreed = try chat.say("@2026-11-29T15:31:00+08:00 u-zheng: 晚十点后不拖动桌椅").reply
        #expect(agreed.ok && agreed.text.hasPrefix("已记录 R1 的协议"), "\(agreed.text)")
    }

    @Test(arguments: [
        ("u-zhou", "备注 R9", "not_found", "没有找到 R9"),  // the captain: no such record
        ("u-gao", "办结 R2", "forbidden", ""),  // another building's captain
        ("u-wang", "done R2", "forbidden", ""),  // a volunteer (English) on a report not theirs
        ("u-zhou", "note R9", "not_found", "no R9"),
    ])
    func aRecordThatCannotBeActedOnIsSaidAtOnce(who: String, said: String, code: String, says: String) throws {
        let chat = try community()
        let reply = try chat.say("@2026-11-28T09:30:00+08:00 \(who): \(said)").reply
        #expect(reply.code == code && (says.isEmpty || reply.text.contains(says)), "\(reply.text)")
        #expect(try chat.say("@2026-11-28T09:31:00+08:00 \(who): 已修好").reply.code == "unknown_command", "nothing was asked")
    }

    @Test func whatCanBeDoneIsStillAskedInEitherLanguage() throws {
        let chat = try community()
        #expect(try chat.say("@2026-11-28T09:30:00+08:00 [fudi-b3] u-zhang: 水管谁修的？").isEmpty)
        let asked = try chat.say("@2026-11-28T09:31:00+08:00 [fudi-b3] u-zhou: @小邻 办结 R2").reply
        #expect(asked.code == "usage" && asked.text.hasPrefix("怎么处理的？"), "\(asked.text)")
        let done = try chat.say("@2026-11-28T09:32:00+08:00 [fudi-b3] u-zhou: 换了新水管")
        #expect(done.reply.ok && done.reply.text.hasPrefix("已办结 R2"), "\(done.reply.text)")
        #expect(!done.posts.contains { $0.text.contains("拖椅子") })
        // A resolved report takes no note: said before the note is asked for, in English too.
        let note = try chat.say("@2026-11-28T09:40:00+08:00 u-zhou: note R2").reply
        #expect(note.code == "invalid_state" && note.text.contains("R2"), "\(note.text)")
        // Nothing written by the try: the next report is R3, and R2 has no note.
        #expect(try chat.say("@2026-11-28T09:41:00+08:00 u-emma: report leak bathroom ceiling").reply.refs == ["R3"])
    }
}
