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
        // A word of the same command is no answer and no new command: the question is asked again.
        #expect(try chat.say("@2026-12-16T11:05:00+08:00 u-zhou: 发布活动 冬至包饺子").reply.text.hasPrefix("哪天？"))
        #expect(try chat.say("@2026-12-16T11:06:00+08:00 u-zhou: 发布活动").reply.text.hasPrefix("哪天？"))
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
        for line in ["report a lot of people in the lobby lol", "report an issue? ask the captain", "report a"] {
            #expect(try chat.say("@2026-12-01T10:00:00+08:00 [fudi-b3] u-emma: \(line)").isEmpty, "\(line)")
        }
        let chinese = try chat.say("@2026-12-01T10:01:00+08:00 [fudi-b3] u-li: 报修 漏水 一楼大堂在滴水").reply
        #expect(chinese.ok && chinese.text.contains("（漏水 · "), "\(chinese.text)")
    }
}
