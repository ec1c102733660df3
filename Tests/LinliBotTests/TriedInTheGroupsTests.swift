import LinliProtocol
import LinliTesting
import Testing

// What people trying the demo community ran into (session 27), each as they said it.

/// A captain publishing an event in the building group, called by name, was asked the
/// day and then the time; the answers (`12月25日`, `周五`, `19:00`) were taken for chatter,
/// since the event's title (read before them) swallowed them as its own text.
@Suite struct AnEventsQuestionsAnsweredInAGroupTests {
    @Test func theDayAndTimeAnswerAmongNeighbours() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-16T09:00:00+08:00 u-li: 报修 噪音 楼上半夜装修")  // a private record in play
        let asked = try chat.say("@2026-12-16T10:03:00+08:00 [fudi-b3] u-zhou: @小邻 发布活动 圣诞联欢")
        #expect(asked.reply.code == "usage" && asked.reply.text.hasPrefix("哪天？"), "\(asked.reply.text)")
        #expect(try chat.say("@2026-12-16T10:03:30+08:00 [fudi-b3] u-zhang: 大家好，今晚谁有空一起打牌？").isEmpty)
        #expect(try chat.say("@2026-12-16T10:03:40+08:00 [fudi-b3] u-zhou: 谢谢").isEmpty)
        #expect(try chat.say("@2026-12-16T10:04:00+08:00 [fudi-b3] u-zhou: 12月25日").reply.text.hasPrefix("几点开始？"))
        #expect(try chat.say("@2026-12-16T10:04:30+08:00 [fudi-b3] u-zhou: 我晚点再看看大家的意见").isEmpty, "talk: the question stays open")
        let published = try chat.say("@2026-12-16T10:05:00+08:00 [fudi-b3] u-zhou: 19:00")
        #expect(published.reply.text.hasPrefix("已发布 E1：圣诞联欢"), "\(published.reply.text)")
        #expect(published.posts.contains { $0.text.contains("12月25日 周五 19:00") })
        #expect(!published.posts.contains { $0.text.contains("装修") })

        let en = try chat.say("@2026-12-16T10:10:00+08:00 [fudi-b3] u-zhou: @linli event film night")
        #expect(en.reply.text.hasPrefix("On which day?"), "\(en.reply.text)")
        #expect(try chat.say("@2026-12-16T10:11:00+08:00 [fudi-b3] u-zhou: fri").reply.text.hasPrefix("At what time?"))
        let film = try chat.say("@2026-12-16T10:12:00+08:00 [fudi-b3] u-zhou: 19:30").reply
        #expect(film.ok && film.refs == ["E2"], "\(film.text)")
    }
}

/// A question still open swallowed the next command: `紧急通知` alone, while an event's
/// time was asked, was told `没看懂。几点开始？`, and the alert was never sent.
@Suite struct AnotherCommandDuringAQuestionTests {
    @Test func itStartsThatCommandInstead() throws {
        let chat = try Conversation()
        #expect(try chat.say("@2026-12-16T10:03:00+08:00 u-zhou: 发布活动 圣诞联欢 12月25日").reply.text.hasPrefix("几点开始？"))
        let alert = try chat.say("@2026-12-16T10:05:00+08:00 u-zhou: 紧急通知").reply
        #expect(alert.code == "usage" && alert.text.hasPrefix("请问紧急通知的内容是什么？"), "\(alert.text)")
        let sent = try chat.say("@2026-12-16T10:06:00+08:00 u-zhou: 煤气泄漏，请从东侧楼梯撤离")
        #expect(sent.reply.refs == ["A1"] && sent.posts.contains { $0.group == "fudi-b3" && $0.text.contains("煤气泄漏") }, "\(sent.reply.text)")
        // The event's question was replaced: a time now is no answer to it.
        #expect(try chat.say("@2026-12-16T10:07:00+08:00 u-zhou: 19:00").reply.refs != ["E1"])

        // In a group, called by name; and in English.
        #expect(try chat.say("@2026-12-16T11:00:00+08:00 [fudi-b3] u-zhou: @小邻 发布活动 元旦联欢").reply.text.hasPrefix("哪天？"))
        #expect(try chat.say("@2026-12-16T11:01:00+08:00 [fudi-b3] u-zhou: @小邻 报修 漏水").reply.text.hasPrefix("请描述一下情况"))
        #expect(try chat.say("@2026-12-16T11:02:00+08:00 [fudi-b3] u-zhou: 楼道水管在滴水").reply.refs == ["R1"])
        #expect(try chat.say("@2026-12-16T11:03:00+08:00 u-zhou: event film night").reply.text.hasPrefix("On which day?"))
        #expect(try chat.say("@2026-12-16T11:04:00+08:00 u-zhou: alert").reply.text.hasPrefix("What is the emergency?"))
        #expect(try chat.say("@2026-12-16T11:04:30+08:00 u-emma: alert").reply.code == "forbidden", "a resident: whose command it is")
        #expect(try chat.say("@2026-12-16T11:05:00+08:00 u-zhou: cancel").reply.text == "OK, cancelled.")
        // A word of the same command is no answer and no new command: the question is asked again.
        #expect(try chat.say("@2026-12-16T11:06:00+08:00 u-zhou: 发布活动 冬至包饺子").reply.text.hasPrefix("哪天？"))
        #expect(try chat.say("@2026-12-16T11:07:00+08:00 u-zhou: 发布活动").reply.text.hasPrefix("哪天？"))
        // An answer that is also a command's word answers: a points item the office is asked for (走访 is a visit's word).
        #expect(try chat.say("@2026-12-16T11:08:00+08:00 u-he: 加分 u-wang").reply.code == "usage")
        #expect(try chat.say("@2026-12-16T11:09:00+08:00 u-he: 走访").reply.text.hasPrefix("已记录：Wang Lei 走访 +2"))
        // In a group, called by name, an event's name that is a command's word is its name.
        try chat.say("@2026-12-16T11:10:00+08:00 [fudi-b3] u-zhou: @小邻 发布活动")
        #expect(try chat.say("@2026-12-16T11:11:00+08:00 [fudi-b3] u-zhou: 应急演练").reply.text.hasPrefix("哪天？"))
    }
}

/// `report water leak in the bathroom` was filed as a water outage (停水, an hour to accept)
/// and `report water outage` as a power cut (the longer name beside the first wins): the demo
/// community names both phrases. `report a leak …` in a group got no answer.
@Suite struct WaterLeaksAndArticlesTests {
    @Test(arguments: [
        ("report water leak in the bathroom", "leak"), ("report water leaks from the ceiling", "leak"), ("report water outage since 8am", "water"),
        ("report water leaking from the ceiling", "leak"), ("report garbage water everywhere by the bins", "garbage"),
        ("report power outage in the hallway", "power"), ("report a leak in the bathroom", "leak"), ("report an elevator problem, stuck on 8", "elevator"),
    ])
    func theCategoryMeantIsFiled(_ text: String, _ category: String) throws {
        let chat = try Conversation()
        try chat.say("@2026-12-01T09:00:00+08:00 u-li: 报修 噪音 楼上半夜装修")
        #expect(try chat.say("@2026-12-01T09:59:00+08:00 [fudi-b3] u-zhang: 楼上好像在漏水？").isEmpty)
        #expect(try chat.say("@2026-12-01T09:59:30+08:00 [fudi-b3] u-emma: thanks everyone!").isEmpty)
        let filed = try chat.say("@2026-12-01T10:00:00+08:00 [fudi-b3] u-emma: \(text)")
        #expect(filed.reply.ok && filed.reply.text.contains("(\(category) · "), "\(text): \(filed.reply.text)")
        #expect(!filed.reply.text.contains("装修"))
    }

    @Test func anArticleBeforeNoCategoryIsStillTalk() throws {
        let chat = try Conversation()
        for line in ["report a lot of people in the lobby lol", "report an issue? ask the captain", "report a", "repair a power bank for my son", "fix a lamp for my mum this evening", "fix the light bulb myself today"] {
            #expect(try chat.say("@2026-12-01T10:00:00+08:00 [fudi-b3] u-emma: \(line)").isEmpty, "\(line)")
        }
        let chinese = try chat.say("@2026-12-01T10:01:00+08:00 [fudi-b3] u-li: 报修 漏水 一楼大堂在滴水").reply
        #expect(chinese.ok && chinese.text.contains("（漏水 · "), "\(chinese.text)")
    }
}

/// Asked by an alert to reply `收到 A1`, captains answered `好的` or `got it` and were told
/// `好的！需要时随时找我`: they believed they had confirmed and were chased as unconfirmed. A
/// captain's `收到，马上去` to a new report's push was an OK too, and the report escalated.
@Suite struct AnOKWithSomethingAwaitingTests {
    @Test func theOKSaysWhatStillAwaitsAndHow() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-02T10:00:00+08:00 [fudi-office] u-he: 紧急通知 3栋燃气泄漏，请立即疏散")
        #expect(try chat.say("@2026-12-02T10:03:00+08:00 u-sun: 好的").reply.text == "好的！A1 还等您确认，请回复：收到 A1。")
        #expect(try chat.say("@2026-12-02T10:03:40+08:00 u-ma: got it").reply.text == "OK! A1 still awaits your acknowledgement: reply “ack A1”.")
        #expect(try chat.say("@2026-12-02T10:04:00+08:00 u-ma: ack A1").reply.refs == ["A1"])
        #expect(try chat.say("@2026-12-02T10:04:30+08:00 u-ma: OK").reply.text.hasPrefix("OK! Send “help”"), "nothing awaits now")
        #expect(try chat.say("@2026-12-02T10:05:00+08:00 u-li: 好的").reply.text.hasPrefix("好的！需要时随时找我"), "a resident: nothing asked of her")
        #expect(try chat.say("@2026-12-02T10:05:30+08:00 u-sun: 谢谢").reply.text == "不客气！", "thanks stay thanks")
    }

    @Test func aCaptainsReceiptOfANewReportPointsToAccepting() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-15T08:59:00+08:00 [fudi-b3] u-zhang: 早上好！")
        try chat.say("@2026-12-15T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房水管漏水")
        try chat.say("@2026-12-15T09:00:30+08:00 u-li: 报修 噪音 602半夜跺脚")  // private: named by its id alone
        let ok = try chat.say("@2026-12-15T09:01:00+08:00 u-zhou: 收到，马上去").reply.text
        #expect(ok == "好的！R1 等您签收，请发送：签收 R1；R2 等您签收，请发送：签收 R2。", "\(ok)")
        #expect(try chat.say("@2026-12-15T09:01:30+08:00 [fudi-b3] u-zhou: 好的").isEmpty, "among neighbours: talk")
        try chat.say("@2026-12-15T09:02:00+08:00 u-zhou: 签收 R1")
        let inGroup = try chat.say("@2026-12-15T09:03:00+08:00 [fudi-b3] u-zhou: @小邻 好的").reply.text
        #expect(inGroup == "好的！R2 等您签收，请发送：签收 R2。" && !inGroup.contains("跺脚"), "\(inGroup)")
        #expect(try chat.say("@2026-12-15T09:04:00+08:00 u-zhou: got it").reply.text.hasPrefix("OK! R2 awaits your acceptance: send “accept R2”"))
    }
}

/// A neighbour asking the bot whether the building's lift report was fixed was told
/// `您无权查看 R1。` and no more: she may follow it with `我也是 R1`.
@Suite struct ANeighbourAsksAfterAReportTests {
    @Test func sheIsToldHowToFollowIt() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-08T09:00:00+08:00 [fudi-b3] u-zhang: 报修 电梯 3号梯按钮失灵")
        try chat.say("@2026-12-08T09:01:00+08:00 u-li: 报修 噪音 602半夜跺脚")
        #expect(try chat.say("@2026-12-08T09:06:00+08:00 [fudi-b3] u-chen-m: 电梯又坏了？谢谢张伟报修").isEmpty)
        let asked = try chat.say("@2026-12-08T09:07:00+08:00 [fudi-b3] u-chen-m: 小邻 R1修好了吗？").reply
        #expect(asked.code == "forbidden" && asked.text.contains("我也是 R1"), "\(asked.text)")
        let en = try chat.say("@2026-12-08T09:08:00+08:00 u-emma: any update on R1?").reply
        #expect(en.code == "forbidden" && en.text.contains("me too R1"), "\(en.text)")
        #expect(try chat.say("@2026-12-08T09:09:00+08:00 u-chen-m: R2 怎么样了").reply.code == "not_found", "a private one is not there for her")
        // Another building's resident is not pointed to following it.
        let other = try chat.say("@2026-12-08T09:10:00+08:00 u-wu: R1 怎么样了").reply
        #expect(other.code == "forbidden" && !other.text.contains("我也是"), "\(other.text)")
        #expect(try chat.say("@2026-12-08T09:11:00+08:00 [fudi-b3] u-chen-m: 我也是 R1").reply.ok)
        #expect(try chat.say("@2026-12-08T09:12:00+08:00 u-chen-m: R1 怎么样了").reply.ok, "followed: she sees it")
    }
}

/// A newcomer copied the bot's own English (`Registered: Building 3 1203`) and was told to
/// name the building: a building's English name (any case) and a room are one place.
@Suite struct ABuildingsEnglishNameTests {
    @Test func registerAndHouseholdTakeIt() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-02T08:59:00+08:00 u-li: 报修 噪音 楼上半夜装修")
        let welcome = try chat.say("@2026-12-02T09:00:00+08:00 [fudi-b3] u-zhang: welcome to the building!")
        #expect(welcome.isEmpty, "\(welcome)")
        let sam = try chat.say("@2026-12-02T09:01:00+08:00 u-sam (Sam Lee): register Building 3 1203").reply
        #expect(sam.ok && sam.text.hasPrefix("Registered: Building 3 1203"), "\(sam.text)")
        let tom = try chat.say("@2026-12-02T09:02:00+08:00 [fudi-b2] u-tom (Tom Baker): register building 3 1204").reply
        #expect(tom.ok && tom.text.hasPrefix("Registered: Building 3 1204"), "named, the building is not the group's: \(tom.text)")
        #expect(try chat.say("@2026-12-02T09:03:00+08:00 u-ann (安娜): 登记 3栋 1205").reply.text.hasPrefix("登记成功：3栋 1205"))
        let file = try chat.say("@2026-12-02T09:04:00+08:00 u-zhou: household Building 3 1203").reply
        #expect(file.ok && file.text.hasPrefix("Household b3-1203") && file.text.contains("Sam Lee"), "\(file.text)")
        #expect(try chat.say("@2026-12-02T09:05:00+08:00 u-zhou: stats Building 3 week").reply.text.hasPrefix("Building 3 · this week"))
        #expect(try chat.say("@2026-12-02T09:06:00+08:00 u-sam: register Building 9 101").reply.code == "usage")
    }
}

/// `cancel my booking please` was told `"please" is not a record id`, and `cancel my
/// booking` asked which record, though she had one booking.
@Suite struct CancelMyBookingTests {
    @Test func theOneBookingToComeIsCancelled() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-02T08:59:00+08:00 u-li: 报修 噪音 楼上半夜装修")
        #expect(try chat.say("@2026-12-02T09:00:00+08:00 u-emma: book pavilion Saturday 14:00-16:00 book club").reply.refs == ["B1"])
        #expect(try chat.say("@2026-12-02T09:00:30+08:00 [fudi-b3] u-zhang: anyone coming to book club? thanks!").isEmpty)
        let cancelled = try chat.say("@2026-12-02T09:01:00+08:00 [fudi-b3] u-emma: @linli cancel my booking please").reply
        #expect(cancelled.ok && cancelled.text.hasPrefix("Cancelled B1"), "\(cancelled.text)")
        // None left: told so (nothing to ask), in her language; a report is not taken for a booking.
        let none = try chat.say("@2026-12-02T09:02:00+08:00 u-emma: cancel my booking").reply
        #expect(none.code == "not_found" && none.text.hasPrefix("You have no booking to come"), "\(none.text)")
        let 没有 = try chat.say("@2026-12-02T09:02:30+08:00 [fudi-b3] u-zhang: 小邻 取消预约").reply
        #expect(没有.code == "not_found" && 没有.text.hasPrefix("您没有待进行的预约"), "\(没有.text)")
        #expect(try chat.say("@2026-12-02T09:02:40+08:00 u-zhang: B1").reply.code == "unknown_command", "nothing was asked")
        // Two to come: asked which; a report is not taken for a booking.
        try chat.say("@2026-12-02T09:03:00+08:00 u-li: 预约 凉亭 周六 9:00-10:00 跳舞")
        try chat.say("@2026-12-02T09:04:00+08:00 u-li: 预约 驿站 周日 9:00-10:00 读书")
        #expect(try chat.say("@2026-12-02T09:05:00+08:00 u-li: 取消预约").reply.text.hasPrefix("撤销哪一个预约？B2 文化凉亭"))
        #expect(try chat.say("@2026-12-02T09:06:00+08:00 u-li: B3").reply.refs.contains("B3"))
        let one = try chat.say("@2026-12-02T09:07:00+08:00 [fudi-b3] u-li: 小邻 取消预约").reply
        #expect(one.ok && one.refs == ["B2"] && !one.text.contains("装修"), "\(one.text)")
        #expect(try chat.say("@2026-12-02T09:08:00+08:00 [fudi-b3] u-li: 取消预约了吗").isEmpty, "among neighbours: talk")
    }
}

/// `@Tom Baker @linli status` (a plain space, as bridges send) was answered
/// `I don't know "Baker"`: an @-name the community file does not know, of a newcomer
/// registered in chat, ran into the command.
@Suite struct AnUnknownAtNameBeforeTheBotsTests {
    @Test func itGoesWithTheBotsName() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-02T08:59:00+08:00 u-li: 报修 噪音 楼上半夜装修")
        try chat.say("@2026-12-02T09:00:00+08:00 [fudi-b3] u-tom (Tom Baker): register 1203")
        #expect(try chat.say("@2026-12-02T09:00:30+08:00 [fudi-b3] u-emma: @Tom Baker welcome!").isEmpty)
        for line in ["@Tom Baker @linli status", "@Zhou Yonglin @linli status", "@Tom @linli status", "@Tom Baker ＠linli：status"] {
            let said = try chat.say("@2026-12-02T09:01:00+08:00 [fudi-b3] u-emma: \(line)").reply
            #expect(said.ok && said.text == "You have no open records.", "\(line): \(said.text)")
        }
        let zh = try chat.say("@2026-12-02T09:02:00+08:00 [fudi-b3] u-li: @张 伟 @小邻 进度").reply
        #expect(zh.ok && zh.text.hasPrefix("您未办结的记录：\nR1 私密事项") && !zh.text.contains("装修"), "\(zh.text)")
    }
}

/// A week after an alert he never acknowledged, a captain's `收到` to a neighbour was taken
/// as its acknowledgement, and said so in the group: uncalled, only within the hour.
@Suite struct AnOldAlertsReceiptTests {
    @Test func aReceiptLongAfterIsTalk() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-02T09:00:00+08:00 [fudi-office] u-he: 紧急通知: 停水 到下午3点")
        try chat.say("@2026-12-02T10:00:00+08:00")  // its reminders
        #expect(try chat.say("@2026-12-02T10:01:00+08:00 [fudi-b3] u-li: 周师傅，明天下午我家要装空调，先跟您说一声").isEmpty)
        #expect(try chat.say("@2026-12-02T10:01:30+08:00 [fudi-b3] u-zhou: 收到").isEmpty)
        #expect(try chat.say("@2026-12-02T10:02:00+08:00 [fudi-b3] u-zhou: 小邻 收到").reply.text.contains("已确认收到 A1"), "called: still his to acknowledge")
    }
}
