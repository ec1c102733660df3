import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// PROTOCOL.md §2.1: in a group the bot speaks only when spoken to.
@Suite struct GroupEtiquetteTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }

    func at(_ hhmm: String, _ line: String) -> String { "@2026-11-28T\(hhmm):00+08:00 \(line)" }

    /// What neighbours say to each other: no outbound event at all.
    static let chatter = [
        "大家早上好", "好的", "谢谢", "谢谢大家", "同意", "同意楼上", "订外卖", "建议大家早点休息", "报修了吗？", "报修", "还没修好",
        "hi everyone, I just moved in", "who is coming tonight?", "?", "thanks!", "help me carry this box please", "report it to the office",
        "取消", "通知一下大家明天停水", "小邻真好用", "进度怎么样了", "收到", "收到了", "收到，谢谢", "已收到！", "收到 R1", "ack",
        "应急通道别停车", "演练了吗", "LINLIAN said hi", "notice anything odd in the lift?", "建议 大家明天一起去吗？",
    ]

    @Test(arguments: chatter)
    func chatterGetsNothingAndItsRepeatNothingEither(_ text: String) throws {
        let line = #"{"id":"c1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"\#(text)"}"#
        #expect(try chat.say(line).isEmpty, "“\(text)”")
        #expect(try chat.say(line).isEmpty, "the repeat of “\(text)”")
    }

    @Test(arguments: [
        "@小邻 报修 漏水 厨房滴水", "小邻，报修 漏水 厨房滴水", "小邻: 报修 漏水 厨房滴水", "＠小邻　报修 漏水 厨房滴水", "linli: report leak kitchen",
        "LinLi, report leak kitchen", "@LINLI report leak kitchen", "报修 漏水 厨房滴水", "report leak kitchen dripping",
    ])
    func aMentionOrAWholeCommandIsAnswered(_ text: String) throws {
        let out = try chat.say(at("09:00", "[fudi-b3] u-li: \(text)"))
        #expect(out.first?.type == .reply && out.reply.ok && out.reply.refs == ["R1"], "“\(text)”: \(out)")
    }

    @Test func theBotsIDInMentionsAddressesIt() throws {
        let line = #"{"ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"进度","mentions":["linli"]}"#
        #expect(try chat.say(line).reply.ok)
        let other = #"{"ts":"2026-11-28T09:01:00+08:00","group":"fudi-b3","from":"u-li","text":"帮助一下","mentions":["u-zhou"]}"#
        #expect(try chat.say(other).isEmpty, "mentioning a neighbour is not mentioning the bot")
    }

    @Test func aPrivateChatIsAlwaysAnswered() throws {
        #expect(try chat.say(at("09:00", "u-li: 随便说说")).reply.code == "unknown_command")
        #expect(try chat.say(at("09:00", "u-li: 好的")).reply.text.hasPrefix("好的！"), "an OK is answered in kind")
        #expect(try chat.say(at("09:01", "u-li: @小邻")).reply.ok, "the name alone asks for help")
    }

    @Test func aQuestionIsAskedInAGroupOnlyAfterAMentionAndAWrongAnswerIsIgnored() throws {
        #expect(try chat.say(at("09:00", "[fudi-b3] u-zhang: 报修")).isEmpty)
        let asked = try chat.say(at("09:01", "[fudi-b3] u-zhang: 小邻，报修"))
        #expect(asked.reply.code == "usage" && asked.reply.text.contains("什么问题"))
        #expect(try chat.say(at("09:02", "[fudi-b3] u-chen-m: 电梯又坏了？")).isEmpty, "someone else's chatter")
        #expect(try chat.say(at("09:03", "[fudi-b3] u-zhang: 哈哈哈")).isEmpty, "not an answer: ignored, the question stays")
        let next = try chat.say(at("09:04", "[fudi-b3] u-zhang: 电梯"))
        #expect(next.reply.code == "usage" && next.reply.text.contains("描述"))
        let filed = try chat.say(at("09:05", "[fudi-b3] u-zhang: 按钮失灵，到不了8楼"))
        #expect(filed.reply.ok && filed.reply.refs == ["R1"] && filed.reply.text.contains("电梯"))
    }

    @Test func aMereOKDoesNotAnswerAQuestionAsked() throws {
        let asked = try chat.say(at("09:00", "u-zhang: 报修"))
        #expect(asked.reply.code == "usage")
        for ok in ["好的", "嗯嗯", "OK!"] {
            let again = try chat.say(at("09:01", "u-zhang: \(ok)"))
            #expect(again.count == 1 && again.reply.code == "usage" && again.reply.text == asked.reply.text, "“\(ok)” is asked again")
        }
        let filed = try chat.say(at("09:02", "u-zhang: 漏水 厨房滴水"))
        #expect(filed.reply.ok && filed.reply.refs == ["R1"], "the first report is the real one")
    }

    @Test func thanksSaidToTheBotIsAnsweredInKind() throws {
        let thanks = try chat.say(at("09:00", "[fudi-b3] u-zhang: 小邻，谢谢！"))
        #expect(thanks.count == 1 && thanks.reply.ok && thanks.reply.text.hasPrefix("不客气"))
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhang: 好的")).isEmpty, "no question was left open")
        #expect(try chat.say(at("09:02", "u-emma: thanks!")).reply.text.hasPrefix("You're welcome"))
    }

    @Test func onlyNewcomersAreWelcomed() throws {
        #expect(try chat.say(#"{"type":"join","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li"}"#).isEmpty)
        let welcome = try chat.say(#"{"type":"join","ts":"2026-11-28T09:01:00+08:00","group":"fudi-b3","from":"u-new","name":"小林"}"#)
        #expect(welcome.posts.count == 1 && welcome.posts[0].text.contains("小林"))
    }

    @Test func wordsThatMeanTwoThingsAreToldApartByTheRecord() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: 心愿 帮忙修收音机"))
        try chat.say(at("09:01", "[fudi-b3] u-wang: 认领 W1"))
        let fulfilled = try chat.say(at("10:00", "[fudi-b3] u-wang: 完成 W1"))
        #expect(fulfilled.reply.ok && fulfilled.notifications.map(\.to) == ["u-li"])
        try chat.say(at("10:01", "[fudi-b3] u-li: 报修 漏水 厨房"))
        #expect(try chat.say(at("10:02", "[fudi-b3] u-zhou: 完成 R1 换了水管")).reply.ok)
    }
}

/// PROTOCOL.md §2.2: a group never reads a private record's details, whoever asks.
@Suite struct PrivacyInGroupsTests {
    let chat: Conversation
    init() throws {
        chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 u-zhang: 报修 噪音 楼上602家的狗每天晚上叫")
        try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房滴水")
    }

    @Test(arguments: ["u-zhou", "u-ma", "u-he"])
    func statusOfAPrivateRecordNamesItOnlyAndTellsTheAskerPrivately(_ asker: String) throws {
        let out = try chat.say("@2026-11-28T09:10:00+08:00 [fudi-b3] \(asker): 进度 R1")
        #expect(out.reply.ok && out.reply.text.contains("R1 私密事项"))
        #expect(!out.reply.text.contains("602") && !out.reply.text.contains("张伟") && !out.reply.text.contains("狗"))
        let told = out.notifications.filter { $0.reason == "private_reply" }
        #expect(told.map(\.to) == [asker] && told[0].text.contains("602"))
        #expect(out.posts.isEmpty)
    }

    @Test func theCaptainsQueueInAGroupNamesPrivateRecordsOnly() throws {
        let out = try chat.say("@2026-11-28T09:10:00+08:00 [fudi-b3] u-zhou: 待办")
        #expect(out.reply.text.contains("R1 私密事项") && out.reply.text.contains("R2 漏水"))
        #expect(!out.reply.text.contains("噪音"))
        #expect(out.notifications.map(\.reason) == ["private_reply"] && out.notifications[0].text.contains("噪音"))
        let privately = try chat.say("@2026-11-28T09:11:00+08:00 u-zhou: 待办")
        #expect(privately.reply.text.contains("噪音") && privately.notifications.isEmpty, "in a private chat the whole list")
    }

    @Test func theReportersOwnListInAGroupToo() throws {
        let out = try chat.say("@2026-11-28T09:10:00+08:00 [fudi-b3] u-zhang: 进度")
        #expect(out.reply.text.contains("R1 私密事项") && !out.reply.text.contains("噪音"))
        #expect(out.notifications.first?.reason == "private_reply")
    }
}

/// PROTOCOL.md §2.3: each person reads in their language; a group in its own.
@Suite struct LanguageTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }

    @Test func langConfirmsInTheLanguageJustChosen() throws {
        #expect(try chat.say("@2026-11-28T09:00:00+08:00 u-li: 语言 英文").reply.text.hasPrefix("OK, I will answer you in English"))
        #expect(try chat.say("@2026-11-28T09:01:00+08:00 u-emma: lang zh").reply.text.hasPrefix("好的，以后用中文回复您"))
    }

    @Test func someoneWhoWritesEnglishGetsPushesInEnglish() throws {
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-tom (Tom): register 905")
        try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-tom: report leak bathroom ceiling")
        let accepted = try chat.say("@2026-11-28T09:05:00+08:00 [fudi-b3] u-zhou: 签收 R1")
        #expect(accepted.notifications.map(\.to) == ["u-tom"])
        #expect(accepted.notifications[0].text.hasPrefix("Your report R1 was accepted"))
    }

    @Test func numbersAndRecordIDsAloneAreAnsweredInTheSendersLanguage() throws {
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b2] u-lin: 建议 小区门口加装减速带")
        try chat.say("@2026-11-28T09:00:30+08:00 [fudi-b2] u-guo: 大家早")
        let support = try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b2] u-guo: +1 P1")
        #expect(support.reply.ok && support.reply.text.hasPrefix("已附议 P1"), "\(support.reply.text)")
        try chat.say("@2026-11-28T09:02:00+08:00 [fudi-b3] u-tom (Tom): register 905")
        #expect(try chat.say("@2026-11-28T09:03:00+08:00 u-tom: +1 P1").reply.text.hasPrefix("You support P1"), "one who writes English")
        let answered = try chat.say("@2026-11-28T09:04:00+08:00 u-he: 答复 P1 已报交警部门")
        #expect(answered.notifications.first { $0.to == "u-guo" }?.text.hasPrefix("社区答复了建议 P1") == true, "her pushes stay Chinese")
        let none = try chat.say("@2026-11-28T09:05:00+08:00 [fudi-b3] u-zhang: @小邻 R1").reply
        #expect(none.code == "not_found" && none.text.hasPrefix("没有找到 R1"), "\(none.text)")
    }

    @Test func anEnglishReaderReadsTheBuildingsEnglishName() throws {
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-emma: report leak bathroom ceiling")
        let status = try chat.say("@2026-11-28T09:01:00+08:00 u-emma: status").reply.text
        #expect(status.contains("R1 leak · Building 3 801") && !status.contains("3栋"), "\(status)")
        #expect(try chat.say("@2026-11-28T09:02:00+08:00 u-zhou: stats week").reply.text.hasPrefix("Building 3 · this week"))
    }

    @Test func aPostIsInTheGroupsLanguageWhoeverCausedIt() throws {
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房滴水")
        let done = try chat.say("@2026-11-28T10:00:00+08:00 u-zhou: done R1 replaced the pipe")
        #expect(done.posts.map(\.group) == ["fudi-b3"] && done.posts[0].text.contains("已办结"))
        #expect(done.reply.text.hasPrefix("Resolved R1"), "the reply is in the command's language")
    }
}

/// SERVICES.md §5 `announce`, and who an event is announced to.
@Suite struct AnnouncementTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }

    @Test func eachRolePostsToTheGroupsItLooksAfter() throws {
        let captain = try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b4] u-gao: 通知 明天上午9点到11点停水检修")
        #expect(captain.posts.map(\.group) == ["fudi-b4", "fudi-b4-elders"])
        #expect(captain.posts.allSatisfy { $0.reason == "announcement" && $0.text.contains("停水检修") })
        #expect(captain.reply.text.contains("2 个群") && captain.reply.text.contains("fudi-b4-elders"))
        let leader = try chat.say("@2026-11-28T09:01:00+08:00 u-tang: announce pavilion closed on Sunday")
        #expect(leader.posts.map(\.group) == ["fudi-b4", "fudi-b4-elders"], "grid g2 is building 4 only")
        #expect(leader.posts[0].text.hasPrefix("【通知】"), "a Chinese group reads a Chinese notice")
        let staff = try chat.say("@2026-11-28T09:02:00+08:00 u-he: 通知：周六上午大扫除")
        #expect(staff.posts.map(\.group) == ["fudi-office", "fudi-b1", "fudi-b2", "fudi-b3", "fudi-b4", "fudi-b4-elders"])
        #expect(try chat.say("@2026-11-28T09:03:00+08:00 u-li: 通知 大家好").reply.code == "forbidden")
    }

    @Test func aCaptainsEventIsAnnouncedInEveryGroupOfTheirBuildingOnly() throws {
        let out = try chat.say("@2026-11-28T09:00:00+08:00 u-gao: 发布活动 电影之夜 明天 19:00 30")
        #expect(out.posts.map(\.group) == ["fudi-b4", "fudi-b4-elders"])
    }
}

/// Right rungs, right names, honest clocks at night.
@Suite struct LadderAndNightTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }

    @Test func aGridLeaderEscalatesToTheOfficeNotToHimself() throws {
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 垃圾 楼道垃圾没人收")
        let out = try chat.say("@2026-11-28T09:10:00+08:00 u-ma: escalate R1")
        #expect(out.reply.ok && !out.reply.text.contains("马贤江"))
        #expect(out.notifications.contains { $0.to == "u-he" && $0.reason == "escalated" })
    }

    @Test func aReportNotYetTakenAwaitsAcceptance() throws {
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 垃圾 楼道垃圾没人收")
        #expect(try chat.say("@2026-11-28T09:01:00+08:00 u-li: 进度 R1").reply.text.contains("待签收"))
        #expect(try chat.say("@2026-11-28T09:02:00+08:00 u-emma: status").reply.text.contains("You have no open records"))
    }

    @Test func aNightReportSaysWhenTheCaptainWillBeToldAndTheClockCountsFromThen() throws {
        let out = try chat.say("@2026-11-28T23:12:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房滴水")
        #expect(out.reply.text.contains("07:00通知楼栋长周永林") && out.notifications.isEmpty)
        let morning = try chat.say("@2026-11-29T07:00:00+08:00")
        #expect(morning.notifications.map(\.to) == ["u-zhou"])
        #expect(try chat.say("@2026-11-29T07:29:00+08:00").isEmpty, "30 minutes from 07:00, not from 23:12")
        #expect(try chat.say("@2026-11-29T07:31:00+08:00").notifications.map(\.reason) == ["escalated"])
    }
}

/// COMMUNITY.md group objects: a group's language and its robot.
@Suite struct GroupObjectTests {
    static let community =
        FamilyHarness.community
        .replacingOccurrences(of: "groups: [t-b2]", with: "groups: [t-b2, {id: t-b2-en, lang: en, webhook: robot-b2}]")
            + """

            webhooks:
              - {id: robot-b2, format: wecom, url: "http://127.0.0.1:9/robot"}
            """

    @Test func aGroupReadsItsOwnLanguageAndItsRobotGetsEveryPost() throws {
        let bot = try FamilyHarness("announcements", community: Self.community)
        let out = try bot.say("通知 明天停电", from: "u-cap2", in: "t-b2", at: "2026-11-28T09:00:00+08:00")
        #expect(out.posts.map(\.group) == ["t-b2", "t-b2-en"])
        #expect(out.posts[0].text.hasPrefix("【通知】") && out.posts[1].text.hasPrefix("[Notice]"))
        let queued = try bot.store.read { try $0.outbox() }
        #expect(queued.map(\.recipient) == ["t-b2-en"] && queued.map(\.webhook) == ["robot-b2"])
        #expect(queued.first?.eventID == out.posts[1].id)
    }

    @Test func aGroupRobotNamingNoWebhookIsRefused() throws {
        let bad = FamilyHarness.community.replacingOccurrences(of: "groups: [t-b2]", with: "groups: [{id: t-b2, webhook: nowhere}]")
        #expect(throws: (any Error).self) { try FamilyHarness("announcements", community: bad) }
    }
}

/// Reminders that come too late are dropped; handlers are named by their role.
@Suite struct LateAndNamedTests {
    @Test func anEventReminderAfterTheStartIsDropped() throws {
        let bot = try FamilyHarness("events")
        try bot.say("发布活动 包饺子 明天 18:00", from: "u-cap1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("报名 E1", from: "u-li", at: "2026-11-28T09:01:00+08:00")
        #expect(try bot.tick("2026-11-29T18:30:00+08:00").isEmpty, "the bot was down through the reminder: none after the start")
    }

    @Test func aVolunteerIsNamedAsAVolunteerWhenTheLadderClimbs() throws {
        let bot = try FamilyHarness("workorders")
        try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("交办 R1 方志愿", from: "u-cap1", at: "2026-11-28T09:01:00+08:00")
        let climbed = try bot.tick("2026-11-28T09:32:00+08:00").notifications.first { $0.reason == "escalated" }
        #expect(climbed?.text.contains("志愿者方志愿已等待") == true, "\(climbed?.text ?? "")")
        #expect(climbed?.text.contains("楼栋长方志愿") == false)
    }
}
