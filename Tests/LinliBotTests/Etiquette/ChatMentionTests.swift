import LinliProtocol
import LinliTesting
import Testing

/// How chats write an @-mention: WeChat and WeCom end `@小邻` with U+2005, others with
/// a no-break, thin or zero-width space; several @-names may come before the words.
@Suite struct ChatMentionTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }

    func line(_ text: String, from user: String = "u-li", mentions: [String] = [], id: String) -> String {
        let mentioned = mentions.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"id":"\#(id)","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"\#(user)","text":"\#(text)","mentions":[\#(mentioned)]}"#
    }

    @Test(arguments: ["\\u2005", "\\u00a0", "\\u2009", "\\u200b", "\\u3000", " "])
    func theNameEndedByAnySpaceCallsTheBot(_ space: String) throws {
        let out = try chat.say(line("@小邻\(space)报修 漏水 厨房滴水", id: "m1"))
        #expect(out.first?.type == .reply && out.reply.ok && out.reply.refs == ["R1"], "\(out)")
        let en = try chat.say(line("@linli\(space)status", from: "u-emma", id: "m2"))
        #expect(en.reply.ok && en.reply.text.hasPrefix("You"), "\(en)")
    }

    @Test func theNamesBeforeTheWordsGoWhenTheBotIsCalled() throws {
        let all = try chat.say(line("@所有人\\u2005@小邻\\u2005报修 漏水 厨房滴水", mentions: ["all", "linli"], id: "m1"))
        #expect(all.reply.ok && all.reply.refs == ["R1"] && !all.reply.text.contains("@"), "\(all)")
        let byID = try chat.say(line("@周永林 进度", mentions: ["u-zhou", "linli"], id: "m2"))
        #expect(byID.reply.ok && byID.reply.refs == ["R1"], "\(byID)")
        #expect(try chat.say(line("@周永林\\u2005进度怎么样", mentions: ["u-zhou"], id: "m3")).isEmpty, "a neighbour called, not the bot")
        #expect(try chat.say(line("@小邻居们\\u2005大家好", id: "m4")).isEmpty, "“小邻居们” is not the bot's name")
        let after = try chat.say(line("@小邻 @周永林 进度", id: "m5"))
        #expect(after.reply.ok && after.reply.refs == ["R1"], "\(after)")
    }

    /// `@Emma Brown @小邻 进度`: a neighbour's name of two words goes whole (it read “没听懂“Brown””).
    @Test func aNameOfTwoWordsBeforeTheBotsGoesWhole() throws {
        #expect(try chat.say(line("报修 漏水 厨房滴水", id: "m1")).reply.refs == ["R1"])
        let zh = try chat.say(line("@Emma Brown @小邻 进度", mentions: ["u-emma", "linli"], id: "m2"))
        #expect(zh.reply.ok && zh.reply.refs == ["R1"], "\(zh)")
        let en = try chat.say(line("@Emma Brown\\u2005@linli status", from: "u-emma", mentions: ["u-emma", "linli"], id: "m3"))
        #expect(en.reply.ok && en.reply.text.hasPrefix("You"), "\(en)")
        #expect(try chat.say(line("@Emma Brown 你好", mentions: ["u-emma"], id: "m4")).isEmpty, "a neighbour called, not the bot")
    }

    /// `大家好 @小邻 在吗`, `报修 漏水 … @小邻`: the bot's @-name within the words calls it,
    /// and is not read as part of the command; an address (`a@小邻.com`) does not.
    @Test func theBotsNameWithinTheWordsCallsIt() throws {
        let hello = try chat.say(line("大家好 @小邻 在吗", id: "m1"))
        #expect(hello.reply.text.hasPrefix("您好！我是小邻"), "\(hello)")
        let report = try chat.say(line("报修 漏水 厨房滴水 @小邻", id: "m2"))
        #expect(report.reply.refs == ["R1"] && !report.reply.text.contains("@"), "\(report)")
        #expect(try chat.say(line("大家好 在吗", id: "m3")).isEmpty)
        #expect(try chat.say(line("邮件发到 a@小邻.com", id: "m4")).isEmpty)
    }

    @Test func aPrivateRecordCalledForInAGroupStaysPrivate() throws {
        #expect(try chat.say(line("@小邻\\u2005报修 噪音 楼上半夜装修", id: "m1")).reply.ok)
        let asked = try chat.say(line("@小邻\\u2005进度", id: "m2"))
        #expect(!asked.reply.text.contains("噪音") && asked.notifications.contains { $0.to == "u-li" && $0.text.contains("噪音") }, "\(asked)")
    }
}
