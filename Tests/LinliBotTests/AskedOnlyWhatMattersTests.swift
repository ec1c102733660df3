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

/// `评价 R9` asked for a score and then said there is no R9; `rate R1` of a report rated
/// already asked for the stars before saying so.
@Suite struct ScoreNotAskedInVainTests {
    @Test func aRatingThatCannotBeIsRefusedAtOnce() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-09T08:00:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play
        try chat.say("@2026-12-09T09:00:00+08:00 u-emma: report leak bathroom ceiling dripping")
        try chat.say("@2026-12-09T09:10:00+08:00 u-zhou: accept R2")
        try chat.say("@2026-12-09T09:20:00+08:00 u-zhou: done R2 new seal fitted")
        let none = try chat.say("@2026-12-09T09:30:00+08:00 u-li: 评价 R9").reply
        #expect(none.code == "not_found" && none.text.contains("R9"), "\(none.text)")
        #expect(try chat.say("@2026-12-09T09:31:00+08:00 u-li: 5").reply.code == "unknown_command", "nothing was asked")
        // Her own report: the stars asked, and taken.
        #expect(try chat.say("@2026-12-09T09:32:00+08:00 [fudi-b3] u-zhang: morning all, thanks for fixing the leak!").isEmpty)
        #expect(try chat.say("@2026-12-09T09:33:00+08:00 [fudi-b3] u-emma: @linli rate R2").reply.text.hasPrefix("How many stars"))
        #expect(try chat.say("@2026-12-09T09:34:00+08:00 [fudi-b3] u-emma: 5").reply.ok)
        let again = try chat.say("@2026-12-09T09:35:00+08:00 u-emma: rate R2").reply
        #expect(again.code == "invalid_state" && again.text.contains("R2"), "\(again.text)")
        // Another's private report: forbidden at once, and nothing of it said in the group.
        let theirs = try chat.say("@2026-12-09T09:36:00+08:00 [fudi-b3] u-li: 小邻 评价 R1").reply
        #expect(!theirs.ok && !theirs.text.contains("装修"), "\(theirs.text)")
        #expect(try chat.say("@2026-12-09T09:37:00+08:00 [fudi-b3] u-li: 5").isEmpty)
    }
}

/// `report leak water dripping from the ceiling` was filed as a water outage, and `report
/// noise parking lot, 602 plays music at midnight` as parking: not private, shown to the group.
@Suite struct TheFirstCategorySaidTests {
    @Test func theFirstNameStandsUnlessTheNextQualifiesIt() throws {
        let chat = try Conversation()
        let leak = try chat.say("@2026-12-09T09:00:00+08:00 u-emma: report leak water dripping from the ceiling")
        #expect(leak.notifications.first { $0.to == "u-zhou" }?.text.contains("R1 漏水") == true, "\(leak.notifications.map(\.text))")
        #expect(try chat.say("@2026-12-09T09:00:30+08:00 [fudi-b3] u-zhang: anyone else hear that at midnight?").isEmpty)
        let noise = try chat.say("@2026-12-09T09:01:00+08:00 [fudi-b3] u-emma: @linli report noise parking lot, 602 plays car music at midnight")
        #expect(noise.reply.ok && noise.reply.text.hasPrefix("Got it: R2, passed privately"), "\(noise.reply.text)")
        #expect(!noise.reply.text.contains("602") && !noise.posts.contains { $0.text.contains("602") })
        let garbage = try chat.say("@2026-12-09T09:02:00+08:00 u-emma: report noise garbage truck at 5am").reply
        #expect(garbage.ok && garbage.text.contains("R3 (noise"), "\(garbage.text)")
        // A name that qualifies the next still gives way to it: water leaking is a leak.
        let leaking = try chat.say("@2026-12-09T09:03:00+08:00 u-li: report water leaking from the ceiling")
        #expect(leaking.notifications.first { $0.to == "u-zhou" }?.text.contains("R4 漏水") == true, "\(leaking.notifications.map(\.text))")
    }
}

/// Asked to describe her leak, 李菊珍 thanked a neighbour in the group (`好的，谢谢小张`),
/// and the captain's order read “好的，谢谢小张”. `我家`, answering “谁家有塑料袋？”, was
/// answered with the household file.
@Suite struct NeighboursTalkInAGroupTests {
    @Test func thanksToANeighbourIsNoAnswer() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-09T08:00:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play
        #expect(try chat.say("@2026-12-09T09:00:00+08:00 [fudi-b3] u-li: 小邻 报修 漏水").reply.code == "usage")
        #expect(try chat.say("@2026-12-09T09:01:00+08:00 [fudi-b3] u-zhang: 李姨，要不要我上来帮你看看？").isEmpty)
        #expect(try chat.say("@2026-12-09T09:02:00+08:00 [fudi-b3] u-li: 好的，谢谢小张").isEmpty)
        #expect(try chat.say("@2026-12-09T09:02:30+08:00 [fudi-b3] u-li: thanks Zhang!").isEmpty)
        let filed = try chat.say("@2026-12-09T09:03:00+08:00 [fudi-b3] u-li: 厨房水管滴水")
        #expect(filed.reply.ok && filed.reply.text.contains("厨房水管滴水"), "\(filed.reply.text)")
        #expect(!filed.notifications.contains { $0.text.contains("谢谢小张") })
    }

    @Test func myHomeIsTalkUnlessTheBotIsCalled() throws {
        let chat = try Conversation()
        #expect(try chat.say("@2026-12-09T09:00:00+08:00 [fudi-b3] u-zhang: 谁家有塑料袋？").isEmpty)
        #expect(try chat.say("@2026-12-09T09:01:00+08:00 [fudi-b3] u-li: 我家").isEmpty)
        #expect(try chat.say("@2026-12-09T09:02:00+08:00 [fudi-b3] u-emma: my home").isEmpty)
        let called = try chat.say("@2026-12-09T09:03:00+08:00 [fudi-b3] u-li: 小邻 我家")
        #expect(called.reply.ok && called.notifications.contains { $0.to == "u-li" && $0.reason == "private_reply" })
        #expect(try chat.say("@2026-12-09T09:04:00+08:00 u-emma: my home").reply.ok)
    }
}

/// `@linli R1` was told `I don't know "R1"`, though `@linli R1?` gave its status.
@Suite struct ARecordIDAloneTests {
    @Test func saidToTheBotItIsAskedAfter() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-09T08:00:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play: R1
        try chat.say("@2026-12-09T09:00:00+08:00 u-emma: report leak bathroom ceiling dripping")
        #expect(try chat.say("@2026-12-09T09:01:00+08:00 [fudi-b3] u-li: R2").isEmpty, "among neighbours: talk")
        let called = try chat.say("@2026-12-09T09:02:00+08:00 [fudi-b3] u-emma: @linli R2").reply
        #expect(called.ok && called.text.hasPrefix("R2 leak"), "\(called.text)")
        #expect(try chat.say("@2026-12-09T09:03:00+08:00 u-zhang: #r1").reply.text.hasPrefix("R1 噪音"))
        // Another's private record: not shown, in the group least of all.
        let hidden = try chat.say("@2026-12-09T09:04:00+08:00 [fudi-b3] u-li: 小邻 R1").reply
        #expect(!hidden.ok && !hidden.text.contains("装修"), "\(hidden.text)")
        // A question open for a record: the id answers it.
        try chat.say("@2026-12-09T09:05:00+08:00 u-emma: book pavilion Saturday 14:00-16:00 book club")
        try chat.say("@2026-12-09T09:06:00+08:00 u-emma: book station Sunday 09:00-10:00 reading")
        #expect(try chat.say("@2026-12-09T09:07:00+08:00 u-emma: cancel my booking").reply.text.hasPrefix("Which booking? B1 Culture pavilion"))
        #expect(try chat.say("@2026-12-09T09:08:00+08:00 u-emma: B2").reply.text.hasPrefix("Cancelled B2"))
    }
}

/// Emma, registered, wrote `@linli sign up` to join the dumpling party and was asked which
/// room she lives in; her next words were read as a room.
@Suite struct SignUpWhenRegisteredTests {
    @Test func itJoinsAnEventAndAsksNoRoom() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-09T08:00:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play
        #expect(try chat.say("@2026-12-09T08:30:00+08:00 u-zhou: 发布活动 包饺子 12月12日 10:00").reply.refs == ["E1"])
        #expect(try chat.say("@2026-12-09T09:00:00+08:00 [fudi-b3] u-zhang: who's making dumplings on Saturday?").isEmpty)
        let asked = try chat.say("@2026-12-09T09:01:00+08:00 [fudi-b3] u-emma: @linli sign up").reply
        #expect(asked.code == "usage" && !asked.text.contains("room"), "\(asked.text)")
        #expect(try chat.say("@2026-12-09T09:02:00+08:00 [fudi-b3] u-emma: the lift is broken again").isEmpty, "talk: the question stays open")
        let joined = try chat.say("@2026-12-09T09:03:00+08:00 [fudi-b3] u-emma: E1").reply
        #expect(joined.ok && joined.text.hasPrefix("Signed up: E1"), "\(joined.text)")
        // `登记` alone from one registered: where she is, and how to move; nothing asked.
        let 登记 = try chat.say("@2026-12-09T09:04:00+08:00 u-li: 登记").reply
        #expect(登记.code == "invalid_state" && 登记.text.hasPrefix("您已登记在3栋 501"), "\(登记.text)")
        #expect(try chat.say("@2026-12-09T09:05:00+08:00 u-li: 601").reply.code == "unknown_command", "nothing was asked")
        // Someone not registered is still asked for the room.
        let newcomer = try chat.say("@2026-12-09T09:06:00+08:00 [fudi-b3] u-sam (Sam Lee): @linli sign up").reply
        #expect(newcomer.code == "usage" && newcomer.text.contains("room"), "\(newcomer.text)")
        #expect(try chat.say("@2026-12-09T09:07:00+08:00 [fudi-b3] u-sam: 1203").reply.ok)
    }
}

/// `水管爆了，水漫到客厅了！` was echoed `水漫到客厅了！。`.
@Suite struct AReportsOwnMarkTests {
    @Test func noFullStopAfterOne() throws {
        let chat = try Conversation()
        let zh = try chat.say("@2026-12-09T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 水管爆了，水漫到客厅了！").reply.text
        #expect(zh.contains("水漫到客厅了！已转") && !zh.contains("！。"), "\(zh)")
        let night = try chat.say("@2026-12-09T23:30:00+08:00 u-emma: report leak the bathroom is flooding!").reply.text
        #expect(night.contains("flooding! It is quiet hours") && !night.contains("!."), "\(night)")
        let plain = try chat.say("@2026-12-10T09:00:00+08:00 u-zhang: 报修 路灯 楼道灯不亮").reply.text
        #expect(plain.contains("楼道灯不亮。已转"), "\(plain)")
    }
}

/// `status R1` of a neighbour's noise report said “There is no R1”, and `cancel R1` then said
/// “You may not do that to R1”: the second answer showed the first was not so.
@Suite struct AnotherPrivateRecordIsNotThereTests {
    @Test func everyCommandSaysWhatStatusSays() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-09T08:00:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")
        #expect(try chat.say("@2026-12-09T08:01:00+08:00 u-emma: status R1").reply.text == "There is no R1.")
        #expect(try chat.say("@2026-12-09T08:02:00+08:00 u-emma: cancel R1").reply.text == "There is no R1.")
        #expect(try chat.say("@2026-12-09T08:03:00+08:00 [fudi-b3] u-li: 大家早上好").isEmpty)
        let gao = try chat.say("@2026-12-09T08:04:00+08:00 u-gao: 签收 R1").reply
        #expect(gao.code == "not_found" && gao.text == "没有找到 R1。", "\(gao.text)")
        // Its reporter and its captain are refused or served as before.
        #expect(try chat.say("@2026-12-09T08:05:00+08:00 u-zhang: 签收 R1").reply.code == "forbidden")
        #expect(try chat.say("@2026-12-09T08:06:00+08:00 [fudi-b3] u-zhou: 小邻 签收 R1").reply.ok)
    }
}

/// `return` with nothing borrowed asked “Which loan?”, and `umbrella` then said there was none.
@Suite struct ReturnAloneTests {
    @Test func theOneLoanOutIsReturnedAndNoneIsSaid() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-09T08:00:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play
        let none = try chat.say("@2026-12-09T09:00:00+08:00 u-emma: return").reply
        #expect(none.code == "not_found" && none.text == "You have nothing out on loan.", "\(none.text)")
        #expect(try chat.say("@2026-12-09T09:00:30+08:00 u-emma: umbrella").reply.code == "unknown_command", "nothing was asked")
        #expect(try chat.say("@2026-12-09T09:01:00+08:00 u-li: 借 伞").reply.refs == ["S1"])
        #expect(try chat.say("@2026-12-09T09:01:30+08:00 [fudi-b3] u-zhang: 下雨了，大家记得带伞").isEmpty)
        let back = try chat.say("@2026-12-09T18:00:00+08:00 [fudi-b3] u-li: 小邻 归还").reply
        #expect(back.ok && back.refs == ["S1"], "\(back.text)")
        // Two out: asked which.
        try chat.say("@2026-12-10T09:00:00+08:00 u-li: 借 伞")
        try chat.say("@2026-12-10T09:01:00+08:00 u-li: 借 充电宝")
        #expect(try chat.say("@2026-12-10T09:02:00+08:00 u-li: 归还").reply.text.hasPrefix("归还哪一件？"))
    }
}
