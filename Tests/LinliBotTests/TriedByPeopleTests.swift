import LinliCommands
import LinliCore
import LinliProtocol
import LinliTesting
import Testing

/// What residents, captains, the office and a tester ran into trying the bot, each
/// in a group or a private chat as they met it, in both languages.
@Suite struct TriedByPeopleTests {
    func at(_ hhmm: String, day: Int = 28) -> String { "2026-11-\(day)T\(hhmm):00+08:00" }

    /// `15:00～16:00`: the tilde Chinese input writes full-width is a range, not a
    /// start with the rest taken for the purpose.
    @Test(arguments: ["预约 凉亭 明天 15:00～16:00 打球", "预约 凉亭 明天 下午3点〜4点 打球", "book pavilion tomorrow 15:00～16:00"])
    func aFullWidthTildeIsARange(_ text: String) throws {
        let bot = try FamilyHarness("bookings")
        let reply = try bot.say(text, from: "u-li", in: "t-b1", at: at("09:00")).reply
        #expect(reply.ok && reply.text.contains("15:00-16:00") && !reply.text.contains("～"), "\(reply.text)")
    }

    /// `borrow umbrella x2`, `借伞×2`: a count written as a multiplication.
    @Test(arguments: ["borrow umbrella x2", "借伞×2", "借 伞 X2", "borrow 2 umbrellas"])
    func aCountWrittenAsTimes(_ text: String) throws {
        let bot = try FamilyHarness("services")
        let reply = try bot.say(text, from: "u-li", at: at("09:00")).reply
        #expect(reply.ok && (reply.text.contains("× 2") || reply.text.contains("爱心伞2件")), "\(text): \(reply.text)")
    }

    /// `借把伞`: a measure word with no count before the item is one of it (as `借一把伞`).
    @Test func aMeasureWordAloneIsOne() throws {
        let bot = try FamilyHarness("services")
        let lent = try bot.say("借把伞", from: "u-li", at: at("09:00")).reply
        #expect(lent.ok && lent.refs == ["S1"] && lent.text.contains("爱心伞"), "\(lent.text)")
        let back = try bot.say("还把伞", from: "u-li", at: at("09:05")).reply
        #expect(back.ok && back.refs == lent.refs, "\(back.text)")
        // 把 that is no count: `我要把伞还了` lends nothing; `借把伞给你` among neighbours is talk.
        #expect(try bot.say("我要把伞还了", from: "u-li", at: at("09:06")).reply.refs != ["S2"])
        #expect(try bot.say("借把伞给你", from: "u-ann", in: "t-b1", at: at("09:07")).isEmpty)
    }

    /// `2026年12月5日`: a date as forms and notices write it.
    @Test func aDateWithItsYearInChinese() throws {
        let bot = try FamilyHarness("bookings")
        let reply = try bot.say("@小邻 预约 凉亭 2026年12月5日 下午3点到4点", from: "u-li", in: "t-b1", at: at("09:00")).reply
        #expect(reply.ok && reply.text.contains("12月5日") && reply.text.contains("15:00-16:00"), "\(reply.text)")
    }

    /// A command that takes nothing, followed by a sentence, is not that command
    /// (PROTOCOL.md §2.1 names `who is coming tonight?`); a polite word after it is.
    @Test func aSentenceAfterACommandThatTakesNothingIsNotIt() throws {
        let bot = try FamilyHarness("people", "services", "workorders")
        for text in ["who is coming tonight?", "services are great", "联系人是谁"] {
            let reply = try bot.say(text, from: "u-ann", at: at("09:00")).reply
            #expect(reply.code == "unknown_command", "\(text): \(reply.text)")
        }
        #expect(try bot.say("@linli who is coming tonight?", from: "u-ann", in: "t-b1", at: at("09:01")).reply.code == "unknown_command")
        #expect(try bot.say("who is coming tonight?", from: "u-ann", in: "t-b1", at: at("09:01")).isEmpty, "chatter in a group")
        for text in ["contacts please", "contacts?", "联系人 谢谢", "services pls", "服务。"] {
            #expect(try bot.say(text, from: "u-li", at: at("09:02")).reply.ok, "\(text)")
        }
    }

    /// `催一下 R1`, `麻烦催办一下R1`: 一下 softens the command, it is no record.
    @Test(arguments: ["催一下 R1", "麻烦催办一下R1", "催办 一下 R1"])
    func yixiaSoftensACommand(_ text: String) throws {
        guard case .command(.workOrders(.urge(let id, _)), _) = try Fixtures.parser().parse(text) else {
            Issue.record("\(text) is not urge R1")
            return
        }
        #expect(id.description == "R1")
    }

    /// `help me`, `帮助我一下`: the menu.
    @Test(arguments: [("help me", "help"), ("帮助我", "帮助"), ("帮助我一下", "帮助"), ("help me please", "help")])
    func helpMeIsTheMenu(_ text: String, _ menu: String) throws {
        let bot = try FamilyHarness("people", "workorders")
        let reply = try bot.say(text, from: "u-li", at: at("09:00")).reply
        let expected = try bot.say(menu, from: "u-li", at: at("09:01")).reply
        #expect(reply.ok && reply.text == expected.text, "\(text): \(reply.text)")
    }

    /// In a private chat a wrong answer to a question is told why, and the question
    /// stays open: the corrected answer still answers it.
    @Test func aWrongAnswerInAPrivateChatLeavesTheQuestionOpen() throws {
        let bot = try FamilyHarness("bookings")
        #expect(try bot.say("预约 凉亭 明天", from: "u-li", at: at("09:00")).reply.text.contains("几点"))
        let wrong = try bot.say("25:00-26:00", from: "u-li", at: at("09:01")).reply
        #expect(!wrong.ok, "\(wrong.text)")
        let booked = try bot.say("15:00-16:00", from: "u-li", at: at("09:02")).reply
        #expect(booked.ok && booked.refs == ["B1"], "\(booked.text)")
        // A wrong answer, then `cancel`, drops the question; a whole command goes as itself.
        #expect(try bot.say("book pavilion tomorrow", from: "u-ann", at: at("09:03")).reply.code != nil)
        #expect(try !bot.say("at noon-ish", from: "u-ann", at: at("09:04")).reply.ok)
        #expect(try bot.say("cancel", from: "u-ann", at: at("09:05")).reply.text == "OK, cancelled.")
        #expect(try bot.say("book pavilion tomorrow", from: "u-ann", at: at("09:06")).reply.code != nil)
        #expect(try bot.say("bookings", from: "u-ann", at: at("09:07")).reply.ok)
        #expect(try bot.say("16:00-17:00", from: "u-ann", at: at("09:08")).reply.code == "unknown_command", "the question went with the command")
    }

    /// `物业` is 红色物业; a department not found is named as the reader calls it.
    @Test func aDepartmentByPartOfItsName() throws {
        let community = try FamilyHarness.community(
            replacing: "  - {id: water, name: 自来水公司, members: [u-pipe]}",
            with: "  - {id: water, name: 自来水公司, members: [u-pipe]}\n  - {id: property, name: 红色物业, members: [u-pipe]}")
        let bot = try FamilyHarness("workorders", community: community)
        #expect(try bot.say("报修 漏水 501 厨房滴水", from: "u-li", in: "t-b1", at: at("09:00")).reply.refs == ["R1"])
        let unknown = try bot.say("交办 R1 房管所", from: "u-office", at: at("09:01")).reply
        #expect(unknown.code == "not_found" && unknown.text.contains("自来水公司、红色物业") && !unknown.text.contains("property"), "\(unknown.text)")
        let handed = try bot.say("交办 R1 物业", from: "u-office", at: at("09:02"))
        #expect(handed.reply.ok && handed.notifications.contains { $0.to == "u-pipe" }, "\(handed.reply.text)")
        let whistled = try bot.say("吹哨 R1 自来水 管道在墙里", from: "u-office", at: at("09:03"))
        #expect(whistled.reply.ok, "\(whistled.reply.text)")
        #expect(whistled.notifications.contains { $0.text.contains("管道在墙里") && !$0.text.contains("自来水 管道") }, "the reason, not the department's word")
    }

    /// 响应率 is accepted in time ÷ reports (SERVICES.md §5): one nobody accepted counts against it.
    @Test func theResponseRateCountsReportsNobodyAccepted() throws {
        let bot = try FamilyHarness("workorders")
        try bot.say("报修 漏水 501 厨房滴水", from: "u-li", in: "t-b1", at: at("09:00"))
        try bot.say("报修 漏水 302 阳台滴水", from: "u-bo", in: "t-b2", at: at("09:00"))
        try bot.say("签收 R1", from: "u-cap1", at: at("09:10"))
        try bot.tick(at("12:00"))
        let stats = try bot.say("统计 全部", from: "u-office", at: at("12:01")).reply.text
        #expect(stats.contains("响应率 50.0%（1/2），按时签收率 100.0%（1/1）"), "\(stats)")
        let english = try bot.say("stats all", from: "u-office", at: at("12:02")).reply.text
        #expect(english.contains("Response rate 50.0% (1/2), accepted on time 100.0% (1/1)"), "\(english)")
    }

    /// An English escalation names the office without a stray colon; a report's reply
    /// names who holds it as a reader would.
    @Test func theOfficeIsNamedPlainly() throws {
        let community = try FamilyHarness.community(
            replacing: "{id: u-office, name: 王主任, roles: [staff]}",
            with: "{id: u-office, name: 王主任, roles: [staff], lang: en}")
        let bot = try FamilyHarness("workorders", community: community)
        #expect(try bot.say("report leak 501 kitchen dripping", from: "u-ann", in: "t-b1", at: at("09:00")).reply.text.contains("Sent to captain 刘队长,"))
        try bot.tick(at("09:31"))
        let escalated = try bot.tick(at("10:02")).filter { $0.reason == "escalated" && $0.to == "u-office" }
        #expect(escalated.count == 1 && escalated.allSatisfy { $0.text.contains("(the office)") }, "\(escalated.map(\.text))")
    }

    /// An overdue chase in Chinese says the limit, not "a day late".
    @Test func anOverdueChaseSaysTheLimit() throws {
        let bot = try FamilyHarness("workorders")
        try bot.say("报修 漏水 501 厨房滴水", from: "u-li", in: "t-b1", at: at("09:00"))
        try bot.say("签收 R1", from: "u-cap1", at: at("09:10"))
        let overdue = try bot.tick(at("09:11", day: 29)).filter { $0.reason == "overdue" }
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0.text.contains("时限（1天）") }, "\(overdue.map(\.text))")
    }

    /// `晒数据 1栋 2栋`: both buildings' figures, each to its groups, not the last alone.
    @Test func publishingSeveralBuildingsPostsEach() throws {
        let bot = try FamilyHarness("accountability", "workorders")
        let out = try bot.say("晒数据 1栋 2栋 本月", from: "u-office", at: at("09:00"))
        #expect(out.reply.ok && Set(out.posts.compactMap(\.group)) == ["t-b1", "t-b2"], "\(out.reply.text)")
    }
}

/// The protocol as a tester reads it.
@Suite struct ProtocolLetterTests {
    /// Two ids that are the same text in two Unicode forms are two events (PROTOCOL.md
    /// §2), in one batch as in two: `==` on Swift strings took them for one.
    @Test func idsAreComparedAsTheirBytes() throws {
        let bot = try FamilyHarness("workorders")
        let composed = InboundEvent(
            type: .message, id: "caf\u{E9}", ts: RFC3339.parse("2026-11-28T09:00:00+08:00"), group: "t-b1", from: "u-li", text: "报修 漏水 501 厨房滴水")
        var decomposed = composed
        decomposed.id = "cafe\u{301}"
        decomposed.from = "u-bo"
        decomposed.group = "t-b2"
        decomposed.text = "报修 漏水 302 阳台滴水"
        #expect(composed.id == decomposed.id, "Swift takes them for one string")
        let out = try bot.engine.process([.event(composed, line: 1), .event(decomposed, line: 2)])
        #expect(out.filter { $0.type == .reply }.map(\.refs) == [["R1"], ["R2"]], "\(out.map(\.text))")
        #expect(out.filter { $0.type == .reply }.map(\.inReplyTo) == ["caf\u{E9}", "cafe\u{301}"])
    }

    /// The years 2000–2099 are those of the `ts` as written, not of its UTC.
    @Test func theYearsAreThoseWritten() throws {
        let decoder = LineDecoder()
        #expect(try decoder.decode(Array(#"{"type":"tick","ts":"2000-01-01T00:00:00+08:00"}"#.utf8)[...])?.ts != nil)
        for ts in ["2100-01-01T07:59:59+08:00", "1999-12-31T23:59:59-08:00"] {
            #expect(throws: LineError.self) { try decoder.decode(Array(#"{"type":"tick","ts":"\#(ts)"}"#.utf8)[...]) }
        }
        #expect(throws: LineError.self) { try decoder.decode(Array("@2100-01-01T07:59:59+08:00".utf8)[...]) }
        let bot = try FamilyHarness("workorders")
        let reply = try bot.say("报修 漏水 501 厨房滴水", from: "u-li", in: "t-b1", at: "2000-01-01T00:00:00+08:00").reply
        #expect(reply.ok, "\(reply.text)")
        #expect(try bot.tick("2000-01-01T00:00:00+23:00").allSatisfy { $0.type != .error }, "the widest offset RFC 3339 reads")
    }

    /// The month's figures are posted after a clock jump of a year less a month:
    /// the month is compared with its year.
    @Test func theMonthlyFiguresAfterAJumpOfElevenMonths() throws {
        let bot = try FamilyHarness("accountability", "workorders")
        try bot.tick("2026-11-28T09:30:00+08:00")
        let posted = try bot.tick("2027-11-02T10:00:00+08:00").filter { $0.reason == "monthly_figures" }
        #expect(!posted.isEmpty, "October's figures")
    }
}

/// A second round: what a group reads, and what the night keeps.
@Suite struct TriedByPeopleAgainTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }
    func at(_ time: String, _ line: String, day: String = "11-30") -> String { "@2026-\(day)T\(time):00+08:00 \(line)" }

    /// `积分 怎么换东西`, `points taken`: a word that names no one is no valid argument,
    /// so among neighbours it is talk (PROTOCOL.md §2.1); said to the bot it is refused.
    @Test func aWordThatNamesNoOneIsTalkInAGroup() throws {
        for text in ["[fudi-b3] u-zhang: 积分 怎么换东西", "[fudi-b3] u-li: 积分 老王有多少", "[fudi-b3] u-emma: points taken"] {
            #expect(try chat.say(at("09:00", text)).isEmpty, "\(text)")
        }
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhang: @小邻 积分 怎么换东西")).reply.code == "not_found")
        // No room, no pending registration, no period: no valid argument either.
        for text in ["u-zhang: 登记 一下明天来的人数", "u-emma: register today, it closes at 5", "u-zhou: 通过 考试了", "u-zhou: 拒绝 他了", "u-zhou: 统计 一下人数"] {
            #expect(try chat.say(at("09:01", "[fudi-b3] \(text)")).isEmpty, "\(text)")
        }
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhang: @小邻 登记 一下明天来的人数")).reply.code == "usage")
        #expect(try chat.say(at("09:02", "[fudi-b3] u-zhang: 积分")).reply.ok, "the sender's own points are still a command")
    }

    /// WeChat ends each @-name with U+2005, and a group nickname may hold a space.
    @Test func weChatMentionsEndAtTheirOwnSpace() throws {
        let out = try chat.say(at("09:00", "[fudi-b3] u-zhang: @3栋502 张伟\u{2005}@小邻\u{2005}借伞"))
        #expect(out.reply.ok && out.reply.refs == ["S1"], "\(out.reply.text)")
        let english = try chat.say(at("09:01", "[fudi-b3] u-emma: @Zhang Wei\u{2005}@linli\u{2005}venues tomorrow"))
        #expect(english.reply.ok, "\(english.reply.text)")
    }

    /// `alert: gas smell on floor 7`: the colon says it is the command, as the Chinese
    /// word does; `drill noise from 602 again` stays talk.
    @Test func anEnglishAlertWithAColonInAGroup() throws {
        let alert = try chat.say(at("09:00", "[fudi-b3] u-zhou: alert: gas smell on floor 7, open your windows"))
        #expect(alert.reply.ok && alert.reply.refs == ["A1"] && !alert.posts.isEmpty, "\(alert.reply.text)")
        #expect(!alert.posts.contains { $0.text.contains(": gas") }, "the colon is not part of the alert")
        #expect(try chat.say(at("09:01", "[fudi-b3] u-emma: drill noise from 602 again, so annoying")).isEmpty)
    }

    /// A booking approved and then cancelled in the night: the morning says it was
    /// cancelled, not that it is approved.
    @Test func theMorningSaysWhereABookingStands() throws {
        try chat.say(at("20:00", "[fudi-b3] u-emma: book room 12-02 7-9pm book club"))
        try chat.say(at("23:10", "[fudi-b3] u-zhou: 批准 B1"))
        try chat.say(at("23:20", "u-he: 取消 B1"))
        let morning = try chat.say(at("07:00", "", day: "12-01"))
        let told = morning.notifications.filter { $0.to == "u-emma" }
        #expect(told.count == 1 && told[0].text.contains("cancelled"), "\(told.map(\.text))")
    }

    /// A captain's own request is not escalated to him; and a captain asked to take an
    /// urgent one is told when it is taken, after the office was asked too.
    @Test func requestsGoToOthersAndEveryoneAskedHearsItIsTaken() throws {
        try chat.say(at("09:00", "[fudi-b3] u-zhou: 申请 义剪 明天上午"))
        let escalated = try chat.say(at("09:31", "")).notifications.filter { $0.reason == "escalated" }
        #expect(!escalated.contains { $0.to == "u-zhou" }, "\(escalated.map(\.to))")
        #expect(escalated.contains { $0.to == "u-he" }, "straight to the office")
        try chat.say(at("23:00", "[fudi-b4] u-huang: 申请 红色管家 楼上老人摔倒了，门锁着"))
        try chat.say(at("23:11", ""))
        let taken = try chat.say(at("23:25", "u-fang: 签收 S2"))
        #expect(Set(taken.notifications.filter { $0.text.contains("无需再处理") }.map(\.to)) == ["u-gao", "u-he"], "\(taken.notifications.map(\.to))")
    }

    /// A notice written in quiet hours goes out in the morning saying when it was written.
    @Test func aNightNoticeSaysWhenItWasWritten() throws {
        try chat.say(at("23:02", "u-zhou: 通知 明天上午9点到11点停水"))
        let morning = try chat.say(at("07:00", "", day: "12-01")).posts.filter { $0.reason == "announcement" }
        #expect(!morning.isEmpty && morning.allSatisfy { $0.text.contains("11月30日 周一 23:02发") }, "\(morning.map(\.text))")
        let day = try chat.say(at("10:00", "u-zhou: 通知 下午3点开会", day: "12-01")).posts.filter { $0.reason == "announcement" }
        #expect(!day.isEmpty && day.allSatisfy { $0.text.hasSuffix("（周永林）") }, "\(day.map(\.text))")
    }

    /// A report filed from a visit carries the problem, not the household's story.
    @Test func aVisitReportCarriesTheProblemOnly() throws {
        let out = try chat.say(at("09:00", "u-zhou: 走访 501 老人独居，儿子欠债很久没回家，情绪低落；厨房水管漏水 报修 漏水"))
        #expect(out.reply.refs.contains("R1") && out.reply.text.contains("漏水：厨房水管漏水"), "\(out.reply.text)")
        let status = try chat.say(at("09:01", "u-li: 进度 R1")).reply.text
        #expect(status.contains("厨房水管漏水") && !status.contains("欠债"), "\(status)")
    }

    /// `好的，谢谢` is written in Chinese: later pushes are in Chinese too (PROTOCOL.md §2.3).
    @Test func anAcknowledgementSetsTheLanguageToo() throws {
        try chat.say(at("09:00", "u-zhang: report leak 502 bathroom ceiling"))
        #expect(try chat.say(at("09:01", "u-zhang: 好的，谢谢")).reply.text.contains("不客气"))
        let accepted = try chat.say(at("09:02", "u-zhou: 进展 R1 下午四点上门")).notifications.filter { $0.to == "u-zhang" }
        #expect(accepted.map(\.text) == ["您的报修 R1 有新进展：下午四点上门"], "\(accepted.map(\.text))")
    }

    /// `办结 R1 无法解决 …`: the reporter, the group and `进度` read that it could not be
    /// solved, in their language, not only that it is resolved.
    @Test func anOutcomeThatCouldNotBeSolvedSaysSo() throws {
        try chat.say(at("09:20", "[fudi-b4] u-yang: 报修 电梯 电梯不动了"))
        try chat.say(at("09:23", "u-gao: 签收 R1"))
        let done = try chat.say(at("09:24", "u-gao: 办结 R1 无法解决 需要厂家来修"))
        #expect(done.notifications.contains { $0.to == "u-yang" && $0.text.hasPrefix("您的报修 R1 已办结（无法解决）：需要厂家来修") })
        #expect(!done.posts.isEmpty && done.posts.allSatisfy { $0.text.contains("已办结（无法解决）：需要厂家来修") }, "\(done.posts.map(\.text))")
        #expect(done.reply.text == "已办结 R1（无法解决），已请报修人评价。", "the handler is told which outcome was kept")
        let status = try chat.say(at("09:25", "u-yang: 进度 R1")).reply.text
        #expect(status.contains("办结：（无法解决）需要厂家来修") && !status.contains("unable"), "\(status)")
        // `unable to …` in English is a sentence, kept whole; `unable:` is the outcome.
        try chat.say(at("09:30", "[fudi-b3] u-li: 报修 漏水 501 厨房滴水"))
        try chat.say(at("09:31", "u-zhou: accept R2"))
        let sentence = try chat.say(at("09:32", "u-zhou: done R2 unable to fix today, the owner upstairs is away"))
        #expect(sentence.notifications.contains { $0.to == "u-li" && $0.text.hasPrefix("您的报修 R2 已办结：unable to fix today") })
    }

    /// `进度 S1`: a request as its requester and its handler see it; in a group without
    /// what was asked; refused to a neighbour.
    @Test func aRequestHasItsOwnStatus() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: 申请 义诊 最近头晕，想请医生上门"))
        let mine = try chat.say(at("09:01", "u-li: 进度 S1")).reply
        #expect(mine.ok && mine.text.contains("待签收（何书记）") && mine.text.contains("头晕"), "\(mine.text)")
        let handler = try chat.say(at("09:02", "u-he: status S1")).reply
        #expect(handler.ok && handler.text.contains("李菊珍 b3-501"), "\(handler.text)")
        let inGroup = try chat.say(at("09:03", "[fudi-b3] u-li: 进度 S1")).reply
        #expect(inGroup.ok && !inGroup.text.contains("头晕") && !inGroup.text.contains("b3-501"), "\(inGroup.text)")
        #expect(try chat.say(at("09:04", "u-zhang: 进度 S1")).reply.code == "forbidden")
        try chat.say(at("09:05", "[fudi-b3] u-zhang: 借伞"))
        #expect(try chat.say(at("09:06", "u-zhang: 进度 S2")).reply.text.contains("借用中"))
    }

    /// The households that followed a report were asked to rate it: 满意率 and 参评率 count them.
    @Test func followersRatingsCountInTheFigures() throws {
        let day = "11-05"
        try chat.say(at("09:00", "[fudi-b2] u-xu: 报修 停车 消防通道有车乱停", day: day))
        try chat.say(at("09:20", "[fudi-b2] u-guo: 报修 停车 消防通道被堵了", day: day))
        try chat.say(at("09:25", "[fudi-b2] u-lin: 我也是 R1", day: day))
        try chat.say(at("09:30", "[fudi-b2] u-sun: 签收 R1", day: day))
        try chat.say(at("09:31", "[fudi-b2] u-sun: 并单 R2 R1", day: day))
        try chat.say(at("12:00", "u-sun: 办结 R1 已联系车主挪车", day: day))
        for (who, score) in [("u-xu", 4), ("u-guo", 1), ("u-lin", 2)] {
            #expect(try chat.say(at("12:10", "[fudi-b2] \(who): 评价 R1 \(score)", day: day)).reply.ok)
        }
        let stats = try chat.say(at("12:20", "u-he: 统计 2栋", day: day)).reply.text
        #expect(stats.contains("满意率 33.3%（1/3），参评率 100.0%（3/3）"), "\(stats)")
    }

    /// A captain replaced while an alert waits on him: his successor is asked at once and
    /// chased after; he is chased no more.
    @Test func anAlertAsksTheNewCaptain() throws {
        let day = "12-05"
        try chat.say(at("10:05", "u-ma: 紧急通知 暴雨橙色预警，请各楼栋检查地下室", day: day))
        let handed = try chat.say(at("10:07", "u-he: 任命 张伟 楼栋长 3栋", day: day))
        #expect(handed.notifications.contains { $0.to == "u-zhang" && $0.reason == "alert" && $0.text.contains("收到 A1") })
        let chased = try chat.say(at("10:16", "", day: day)).notifications.filter { $0.reason == "alert" }.map(\.to)
        #expect(chased.contains("u-zhang") && !chased.contains("u-zhou"), "\(chased)")
        #expect(try chat.say(at("10:18", "u-zhang: 收到 A1", day: day)).reply.ok)
    }

    /// Talk that reads past an open question in a group leaves it open and the language as it was.
    @Test func talkLeavesAQuestionAndTheLanguageAlone() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: 报修 漏水 501 厨房滴水"))
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhou: @小邻 交办 R1")).reply.text.contains("交给谁"))
        #expect(try chat.say(at("09:02", "[fudi-b3] u-zhou: 老王")).isEmpty, "no one is called 老王: talk")
        let handed = try chat.say(at("09:03", "[fudi-b3] u-zhou: 陈师傅"))
        #expect(handed.reply.ok && handed.notifications.contains { $0.to == "u-chen" }, "the question was still open: \(handed.reply.text)")
        try chat.say(at("09:04", "u-emma: status"))
        #expect(try chat.say(at("09:05", "[fudi-b3] u-emma: 积分 怎么换东西")).isEmpty)
        try chat.say(at("09:06", "[fudi-b3] u-emma: report leak 801 bathroom ceiling"))
        let accepted = try chat.say(at("09:07", "u-zhou: 签收 R2")).notifications.filter { $0.to == "u-emma" }
        #expect(accepted.first?.text.hasPrefix("Your report R2") == true, "English still: \(accepted.map(\.text))")
    }

    /// `pair of shoes left in the lobby`, `stats homework done`: a command only others may
    /// give, typed by a resident among neighbours, is talk.
    @Test func aCommandOnlyOthersMayGiveIsTalk() throws {
        for text in ["pair of shoes left in the lobby", "stats homework done, finally", "unpair socks everywhere lol", "统计 一下明天谁去", "晒数据 好看"] {
            #expect(try chat.say(at("09:00", "[fudi-b3] u-zhang: \(text)")).isEmpty, "\(text)")
        }
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhang: @小邻 统计")).reply.code == "forbidden", "said to the bot, it is refused")
        #expect(try chat.say(at("09:02", "[fudi-b3] u-stranger: 报修 漏水 901 滴水")).reply.code == "not_registered", "a resident's command still answers")
    }

    /// A captain's `升级 R1 物业一直不来` goes up the ladder; staff call a department in by part of its name.
    @Test func partOfADepartmentsNameIsForStaff() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: 报修 漏水 501 厨房滴水"))
        try chat.say(at("09:01", "u-zhou: 签收 R1"))
        let up = try chat.say(at("09:02", "u-zhou: 升级 R1 物业 一直不来修"))
        #expect(up.reply.ok && up.notifications.contains { $0.reason == "escalated" && $0.text.contains("物业 一直不来修") }, "\(up.reply.text)")
        #expect(try chat.say(at("09:03", "u-he: 吹哨 R1 物业")).notifications.contains { $0.to == "u-chen" })
        // Names written in Traditional characters, as commands may be.
        let toMember = try chat.say(at("09:04", "[fudi-b3] u-he: 交辦 R1 陳師傅"))
        #expect(toMember.reply.ok && toMember.notifications.filter { $0.to == "u-chen" }.count == 1, "\(toMember.notifications.map(\.text))")
        #expect(try chat.say(at("09:05", "[fudi-b3] u-he: 交辦 R1 自來水公司")).notifications.contains { $0.to == "u-qian" })
    }

    /// A progress note that begins `referred:` is a note, not an outcome.
    @Test func aNoteIsNotRelabelled() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: 报修 漏水 501 厨房滴水"))
        try chat.say(at("09:01", "u-zhou: 签收 R1"))
        try chat.say(at("09:02", "u-zhou: note R1 referred: waiting on the housing office"))
        let status = try chat.say(at("09:03", "u-li: 进度 R1")).reply.text
        #expect(status.contains("referred: waiting on the housing office") && !status.contains("已转办"), "\(status)")
    }

    /// A captain replaced mid-dispute by one of its parties: the dispute goes to the rung
    /// above, never to the party, who would learn who complained.
    @Test func aDisputeIsNotHandedToItsParty() throws {
        try chat.say(at("09:00", "u-li: 报修 纠纷 隔壁502电动车在楼道充电"))
        try chat.say(at("09:01", "u-zhou: 签收 R1"))
        #expect(try chat.say(at("09:02", "u-zhou: 邀请 R1 502 明天 15:00-16:00")).reply.ok)
        let handed = try chat.say(at("09:10", "u-he: 任命 张伟 楼栋长 3栋"))
        #expect(!handed.reply.text.contains("交接给张伟") && !handed.notifications.contains { $0.to == "u-zhang" && $0.text.contains("R1") }, "\(handed.reply.text)")
        #expect(try chat.say(at("09:11", "u-zhang: 进度 R1")).reply.code == "forbidden")
        let file = try chat.say(at("09:12", "u-zhang: 户档 501")).reply
        #expect(file.ok && !file.text.contains("R1"), "the complainant's household file, read by the other party: \(file.text)")
    }

    /// `publish this month`, as `晒数据 3栋 本月`.
    @Test func publishThisMonth() throws {
        let out = try chat.say(at("09:00", "u-he: publish b3 this month"))
        #expect(out.reply.ok && out.reply.text.contains("2026年11月"), "\(out.reply.text)")
    }

    /// A visit's report names the problem, whichever clause it is in: the last that names
    /// the category as a word (`other` is not in `mother`, 吵 in 吵架 is not the problem).
    @Test(arguments: [
        ("走访 501 卫生间漏水严重，老人腿脚不便 报修 漏水", "漏水：卫生间漏水严重）", "腿脚"),
        ("走访 502 老人独居，血压高 报修 其他", "其他：其他（走访时发现）", "血压"),
        ("visit 501 her mother has dementia and lives alone, the stairwell handrail is loose report other", "other (found on a visit)", "dementia"),
        ("走访 502 老人和儿子吵架了，心情不好；楼上装修太吵 报修 噪音", "噪音：楼上装修太吵）", "儿子"),
    ])
    func aVisitReportFindsTheProblemClause(_ visit: String, _ filed: String, _ kept: String) throws {
        let out = try chat.say(at("09:00", "u-zhou: \(visit)"))
        #expect(out.reply.text.contains(filed) && !out.reply.text.contains(kept), "\(out.reply.text)")
    }

    /// A dispute settled, then reopened, is no settled matter to post until it is resolved again.
    @Test func aReopenedDisputeIsNotPublicised() throws {
        let day = "12-01"
        try chat.say(at("08:40", "u-li: 报修 纠纷 隔壁502电动车在楼道充电", day: day))
        try chat.say(at("08:41", "u-zhou: 签收 R1", day: day))
        try chat.say(at("09:05", "u-zhou: 邀请 R1 502 明天 15:00-16:00", day: day))
        try chat.say(at("16:00", "u-zhou: 达成 R1 电动车推到车棚充电", day: "12-02"))
        try chat.say(at("16:01", "u-li: 确认 R1", day: "12-02"))
        try chat.say(at("16:02", "u-zhang: 确认 R1", day: "12-02"))
        #expect(try chat.say(at("09:00", "u-li: 没解决 R1 他每晚还在充", day: "12-03")).reply.ok)
        try chat.say(at("09:01", "u-li: 同意公开 R1", day: "12-03"))
        try chat.say(at("09:02", "u-zhang: 同意公开 R1", day: "12-03"))
        let refused = try chat.say(at("09:03", "u-zhou: 晒事 R1", day: "12-03"))
        #expect(refused.reply.code == "invalid_state" && refused.posts.isEmpty, "\(refused.reply.text)")
    }

    /// A message to the bot it did not understand is still written in a language: later pushes follow it.
    @Test func anUnderstoodOrNotMessageSetsTheLanguage() throws {
        try chat.say(at("09:00", "u-zhang: 报修 漏水 502 厨房滴水"))
        #expect(try chat.say(at("09:01", "u-zhang: hi, what do I do here? I only read English")).reply.code == "unknown_command")
        let told = try chat.say(at("09:02", "u-zhou: 签收 R1")).notifications.filter { $0.to == "u-zhang" }
        #expect(told.first?.text.hasPrefix("Your report R1") == true, "\(told.map(\.text))")
    }

    /// A party member whose role is taken back keeps no household: its visit notes,
    /// reminders and coverage are no longer theirs.
    @Test func aFormerPartyMemberKeepsNoHouseholds() throws {
        #expect(try chat.say(at("09:00", "u-fang: 走访 201 老人说最近心情不好，和儿子吵架了")).reply.ok)
        #expect(try chat.say(at("09:01", "u-fang: 户档 201")).reply.text.contains("心情不好"))
        #expect(try chat.say(at("09:02", "u-he: 免去 方阿姨 党员")).reply.ok)
        let file = try chat.say(at("09:03", "u-fang: 户档 201")).reply
        #expect(!file.text.contains("心情不好"), "\(file.text)")
    }

    /// A meeting set by a Chinese-speaking mediator reads in English to an English reader.
    @Test func aMeetingInTheHistoryIsSaidInTheReadersLanguage() throws {
        try chat.say(at("09:00", "u-emma: report dispute the flat above drips water on my balcony"))
        try chat.say(at("09:01", "u-zhou: 签收 R1"))
        #expect(try chat.say(at("09:02", "u-zhou: 邀请 R1 502 12-02 15:00-16:00")).reply.ok)
        let english = try chat.say(at("09:03", "u-emma: status R1")).reply.text
        #expect(english.contains("set a mediation meeting: B1 Wed 2 Dec 15:00-16:00 at") && !english.contains("周三"), "\(english)")
        let chinese = try chat.say(at("09:04", "u-zhou: 进度 R1")).reply.text
        #expect(chinese.contains("约调解议事：B1 12月2日 周三 15:00-16:00，"), "\(chinese)")
    }

    /// Those of no grid (staff, a mediator without a home here) have a place on the board.
    @Test func theLeaderboardHasAPlaceForThoseOfNoGrid() throws {
        try chat.say(at("09:00", "u-ma: 加分 何书记 巡楼"))
        try chat.say(at("09:01", "u-ma: 加分 周永林 巡楼"))
        let board = try chat.say(at("09:02", "u-li: 积分榜")).reply.text
        #expect(board.contains("第一网格：1. 周永林 2") && board.contains("社区：1. 何书记 2"), "\(board)")
    }

    /// Whoever records a dispute's agreement carries it from there: the confirmations are told to them.
    @Test func whoeverRecordsTheAgreementHearsTheConfirmations() throws {
        try chat.say(at("08:40", "u-li: 报修 纠纷 隔壁502电动车在楼道充电", day: "12-01"))
        try chat.say(at("09:05", "u-zhou: 邀请 R1 502 明天 15:00-16:00", day: "12-01"))
        #expect(try chat.say(at("16:00", "u-ma: 达成 R1 电动车推到车棚充电", day: "12-02")).reply.ok)
        try chat.say(at("16:01", "u-li: 确认 R1", day: "12-02"))
        let settled = try chat.say(at("16:02", "u-zhang: 确认 R1", day: "12-02")).notifications.map(\.to)
        #expect(settled.contains("u-ma") && !settled.contains("u-zhou"), "\(settled)")
    }

    /// A command only others may give, typed among neighbours while a question waits, is
    /// talk: the question stays open for the answer that follows.
    @Test func talkByRoleLeavesAQuestionOpen() throws {
        #expect(try chat.say(at("09:00", "[fudi-b3] u-li: @小邻 报修 漏水")).reply.code != nil)
        #expect(try chat.say(at("09:01", "[fudi-b3] u-li: 任命 张博 志愿者")).isEmpty)
        let filed = try chat.say(at("09:02", "[fudi-b3] u-li: 501 厨房滴水")).reply
        #expect(filed.ok && filed.refs == ["R1"], "\(filed.text)")
    }

    /// A dispute whose other party is the grid leader climbs past them to the office.
    @Test func aDisputeClimbsPastItsParty() throws {
        try chat.say(at("09:00", "u-huang: 报修 纠纷 楼下301晚上唱歌太吵"))
        try chat.say(at("09:01", "u-gao: 签收 R1"))
        #expect(try chat.say(at("09:02", "u-gao: 邀请 R1 301 明天 15:00-16:00")).reply.ok)
        let up = try chat.say(at("09:03", "u-gao: 升级 R1 需要社区出面"))
        #expect(up.reply.ok && !up.notifications.contains { $0.to == "u-tang" }, "\(up.notifications.map(\.to))")
        #expect(up.notifications.contains { $0.reason == "escalated" && $0.to != "u-tang" })
    }

    /// A captain replaced: the requests that went up to them and the building's bookings
    /// awaiting approval are the successor's, who is told so.
    @Test func aNewCaptainTakesOverRequestsAndApprovals() throws {
        let day = "12-01"
        try chat.say(at("09:00", "[fudi-b3] u-li: 预约 活动室 12-04 15:00-17:00 合唱排练", day: day))
        try chat.say(at("09:01", "[fudi-b3] u-zhang: 申请 义剪 腿脚不便，想上门理发", day: day))
        #expect(try chat.say(at("09:40", "", day: day)).notifications.contains { $0.to == "u-zhou" && $0.reason == "escalated" })
        let told = try chat.say(at("09:50", "u-he: 任命 u-wang 楼栋长 3栋", day: day)).notifications.first { $0.to == "u-wang" }?.text ?? ""
        #expect(told.contains("Requests for you to accept: S1") && told.contains("Bookings for you to approve: B1"), "\(told)")
        #expect(try chat.say(at("09:51", "u-wang: queue", day: day)).reply.text.contains("S1"))
        #expect(!(try chat.say(at("09:52", "u-zhou: 待办", day: day)).reply.text.contains("S1")))
        #expect(try chat.say(at("09:53", "u-wang: approve B1", day: day)).reply.ok)
    }

    /// An urgent request taken by the office after it climbed: whoever was on duty when it
    /// came in hears it is taken, and their queue no longer lists it.
    @Test func theVolunteerOnDutyHearsTheRequestIsTaken() throws {
        let day = "12-01"
        try chat.say(at("22:30", "[fudi-b3] u-li: 申请 红色管家 老伴摔倒了起不来", day: day))
        try chat.say(at("22:45", "", day: day))
        let taken = try chat.say(at("22:50", "u-he: 签收 S1", day: day)).notifications.filter { $0.text.contains("无需再处理") }.map(\.to)
        #expect(Set(taken) == ["u-zhou", "u-fang"], "\(taken)")
        #expect(!(try chat.say(at("22:51", "u-fang: 待办", day: day)).reply.text.contains("S1")))
    }

    /// A report made in quiet hours is on time when accepted within its limit from their end,
    /// as its accept clock runs.
    @Test func aNightReportIsOnTimeFromTheMorning() throws {
        try chat.say(at("23:00", "[fudi-b3] u-li: 报修 漏水 501 厨房水管漏水"))
        try chat.say(at("07:10", "[fudi-b3] u-zhou: 签收 R1", day: "12-01"))
        let stats = try chat.say(at("07:20", "u-zhou: 统计", day: "12-01")).reply.text
        #expect(stats.contains("响应率 100.0%（1/1），按时签收率 100.0%（1/1）"), "\(stats)")
    }
}

/// A captain handing a report to someone who handles none: a neighbour with no role (in a
/// noise complaint, perhaps the very neighbour it is about: she would read who complained
/// and could close it), or its own reporter. Refused; a volunteer or a department's member is not.
@Suite struct HandedOnlyToHandlersTests {
    @Test func aReportIsNotHandedToAResidentOrItsOwnReporter() throws {
        let bot = try FamilyHarness("workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("反映 噪音 楼下502每晚打麻将", from: "u-ann", at: at).reply.refs == ["R1"])
        #expect(try bot.say("大家早", from: "u-li", in: "t-b1", at: at).isEmpty)
        for (text, who) in [("交办 R1 李阿姨", "李阿姨"), ("assign R1 u-li", "李阿姨"), ("交办 R1 Ann Lee", "Ann Lee"), ("assign R1 u-bo", "张博")] {
            let out = try bot.say(text, from: "u-cap1", at: at)
            #expect(!out.reply.ok && out.reply.code == "forbidden" && out.reply.text.contains(who), "\(text): \(out.reply.text)")
            #expect(!out.reply.text.contains("有关") && !out.reply.text.contains("concerns"), "why is not said: \(out.reply.text)")
            #expect(out.notifications.isEmpty, "\(text): nobody is told of R1")
        }
        #expect(try bot.say("status R1", from: "u-li", at: at).reply.ok == false, "she may not read it")
        // To the one who handles such things it goes, as before.
        #expect(try bot.say("交办 R1 方志愿", from: "u-cap1", at: at).reply.ok)
        #expect(try bot.say("assign R1 u-pipe", from: "u-cap1", at: at).reply.ok)
    }
}

/// Withdrawing a resolved report that a neighbour follows: refused because it is resolved,
/// not because of the neighbour (the old answer asked to have it closed, which it was).
@Suite struct WithdrawAResolvedFollowedReportTests {
    @Test func theStateIsTheReason() throws {
        let bot = try FamilyHarness("workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", in: "t-b1", at: at).reply.refs == ["R1"])
        #expect(try bot.say("me too R1", from: "u-ann", in: "t-b1", at: at).reply.ok)
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at).reply.ok)
        #expect(try bot.say("办结 R1 已修好", from: "u-cap1", at: at).reply.ok)
        let refused = try bot.say("撤销 R1", from: "u-li", at: at).reply
        #expect(refused.code == "invalid_state" && refused.text.contains("已办结") && !refused.text.contains("另外"), "\(refused.text)")
    }
}

/// `登记 0501`: the household 501, not one of its own beside it.
@Suite struct LeadingZeroRoomTests {
    @Test(arguments: ["登记 0501", "register b1-0501", "登记 1栋0501"])
    func aRoomWithALeadingZeroIsTheRoom(_ text: String) throws {
        let bot = try FamilyHarness("people")
        let reply = try bot.say(text, from: "u-new", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply
        #expect(reply.ok && reply.text.contains("501") && !reply.text.contains("0501"), "\(text): \(reply.text)")
    }

    /// A building whose rooms are written with the zero keeps it.
    @Test func aBuildingThatWritesTheZeroKeepsIt() throws {
        let community = FamilyHarness.community.replacingOccurrences(
            of: "{id: b2, name: 2栋, grid: g1, captain: u-cap2, groups: [t-b2]}",
            with: #"{id: b2, name: 2栋, grid: g1, captain: u-cap2, groups: [t-b2], rooms: ["101", "302", "402", "0501"]}"#)
        #expect(community.contains("0501"))
        let bot = try FamilyHarness("people", community: community)
        let reply = try bot.say("登记 b2-0501", from: "u-new", at: "2026-11-28T09:00:00+08:00").reply
        #expect(reply.ok && reply.text.contains("0501"), "\(reply.text)")
    }
}

/// `发布活动 邻里节 12-31 下午2点 100人` typed in a group is a whole command: the places
/// with their unit (`100人`, `30 people`) were left over, and the captain got no answer.
@Suite struct PlacesWithTheirUnitTests {
    @Test(arguments: [("发布活动 邻里节 12-31 下午2点 100人", "100"), ("event Movie night 12-31 7pm 30 people", "30"), ("发布活动 包饺子 12-30 10:00 20位", "20")])
    func anEventsPlacesWithTheirUnit(_ text: String, places: String) throws {
        let bot = try FamilyHarness("events")
        let out = try bot.say(text, from: "u-cap1", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(out.reply.ok && out.reply.refs == ["E1"], "\(text): \(out.reply.text)")
        #expect(out.posts.contains { $0.text.contains(places) }, "\(out.posts.map(\.text))")
    }
}

/// A volunteer who sends `认领 W1` again is told the wish is hers already, not that it is taken.
@Suite struct ClaimingOnesOwnWishAgainTests {
    @Test(arguments: [("认领 W1", "已由您认领"), ("claim W1", "already")])
    func itIsHersAlready(_ text: String, _ said: String) throws {
        let bot = try FamilyHarness("wishes")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("微心愿 想请人帮忙修收音机", from: "u-li", at: at).reply.refs == ["W1"])
        #expect(try bot.say(text, from: "u-vol", at: at).reply.ok)
        let again = try bot.say(text, from: "u-vol", at: at)
        #expect(again.reply.ok && again.reply.text.contains(said) && again.notifications.isEmpty, "\(again.reply.text)")
        #expect(try bot.say("认领 W1", from: "u-cap1", at: at).reply.code == "conflict", "another is still told it is taken")
    }
}

/// Equal points share a rank on the leaderboard: `1. 李阿姨 5，1. Ann Lee 5，3. 张博 1`.
@Suite struct LeaderboardTiesTests {
    @Test func equalPointsShareARank() throws {
        let bot = try FamilyHarness("points")
        let at = "2026-11-28T09:00:00+08:00"
        for (who, item) in [("u-li", "wish"), ("u-ann", "wish"), ("u-cap1", "ontime")] {
            #expect(try bot.say("award \(who) \(item)", from: "u-office", at: at).reply.ok, "\(who)")
        }
        let board = try bot.say("leaderboard", from: "u-li", at: at).reply.text
        #expect(board.contains("1. Ann Lee 5") && board.contains("1. 李阿姨 5") && board.contains("3. 刘队长 1"), "\(board)")
    }
}

/// Two volunteers both called 方志愿: a name two people share is not guessed between (the
/// first was taken: a report handed, points given, a role named to the wrong one); their
/// ids are given to write instead, and an id still names one.
@Suite struct SameNameTests {
    static let community = FamilyHarness.community.replacingOccurrences(
        of: "  - {id: u-vol, name: 方志愿, home: b2-402, roles: [volunteer]}",
        with: "  - {id: u-vol, name: 方志愿, home: b2-402, roles: [volunteer]}\n  - {id: u-vol2, name: 方志愿, home: b1-302, roles: [volunteer]}")

    @Test func aSharedNameIsNotGuessed() throws {
        #expect(Self.community.contains("u-vol2"))
        let bot = try FamilyHarness("workorders", "points", "roles", community: Self.community)
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", in: "t-b1", at: at).reply.refs == ["R1"])
        for (text, from) in [("交办 R1 方志愿", "u-cap1"), ("加分 方志愿 wish", "u-office"), ("任命 方志愿 调解员", "u-office")] {
            let out = try bot.say(text, from: from, at: at)
            #expect(out.reply.code == "conflict" && out.reply.text.contains("u-vol") && out.reply.text.contains("u-vol2"), "\(text): \(out.reply.text)")
            #expect(!out.reply.text.contains("b2-402") && !out.reply.text.contains("b1-302"), "no one's home: \(out.reply.text)")
            #expect(out.notifications.isEmpty, "\(text)")
        }
        #expect(try bot.say("交办 R1 u-vol2", from: "u-cap1", at: at).reply.ok)
        // Tagged in the chat, the one meant is known.
        let tagged = try bot.say("加分 @方志愿 wish", from: "u-office", mentions: ["u-vol2"], at: at).reply
        #expect(tagged.ok && !tagged.text.contains("u-vol,"), "\(tagged.text)")
        #expect(try bot.say("award 方志愿 wish", from: "u-office", at: at).reply.text.contains("u-vol2"), "in English too")
    }
}

/// A loan the office records as returned: the borrower is told (she was not), and
/// withdrawing it then says it is back, not how to give it back.
@Suite struct ReturnRecordedByTheOfficeTests {
    @Test func theBorrowerHearsAndIsNotAskedToReturnIt() throws {
        let bot = try FamilyHarness("services", "workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("借伞", from: "u-ann", in: "t-b1", at: at).reply.refs == ["S1"])
        let back = try bot.say("归还 S1", from: "u-office", at: at)
        let told = back.notifications.first { $0.to == "u-ann" }
        #expect(back.reply.ok && told?.text.contains("S1") == true && told?.text.contains("王主任") == true, "\(back)")
        #expect(told?.text.contains("returned") == true, "in her language: \(told?.text ?? "")")
        let withdrawn = try bot.say("cancel S1", from: "u-ann", at: at).reply
        #expect(withdrawn.code == "invalid_state" && withdrawn.text.contains("returned already"), "\(withdrawn.code ?? "") \(withdrawn.text)")
        #expect(try bot.say("还伞", from: "u-li", at: at).notifications.allSatisfy { $0.to != "u-ann" }, "her own return tells no one")
    }
}

/// With open registration anyone may say they live at a room: the household's members hear
/// who joined it (a member reads the household's records), and whom to tell if they do not
/// know them; nobody else hears of it.
@Suite struct NewHouseholdMemberTests {
    @Test func theMembersAreTold() throws {
        let bot = try FamilyHarness("people")
        let at = "2026-11-28T09:00:00+08:00"
        let joined = try bot.say("@小邻 登记 502", from: "u-new", named: "小王", in: "t-b1", at: at)
        #expect(joined.reply.ok, "\(joined.reply.text)")
        #expect(joined.notifications.map(\.to) == ["u-li"], "\(joined.notifications)")
        #expect(joined.notifications.first?.text.contains("小王") == true && joined.notifications.first?.text.contains("刘队长") == true)
        let english = try bot.say("register b1-501", from: "u-new2", at: at).notifications
        #expect(english.map(\.to) == ["u-ann"] && english.first?.text.contains("has just registered") == true, "\(english)")
        #expect(try bot.say("登记 b1-601", from: "u-new3", at: at).notifications.isEmpty, "an empty room tells no one")
    }
}

/// A withdrawn record's status names no handler: `已撤销（刘队长）` read as if the captain withdrew it.
@Suite struct WithdrawnNamesNoHandlerTests {
    @Test func theStatusOfAWithdrawnRecordNamesNoOne() throws {
        let bot = try FamilyHarness("workorders", "services")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("报修 漏水 楼道漏水", from: "u-li", at: at).reply.refs == ["R1"])
        #expect(try bot.say("申请 义剪", from: "u-li", at: at).reply.refs == ["S1"])
        for id in ["R1", "S1"] {
            #expect(try bot.say("撤销 \(id)", from: "u-li", at: at).reply.ok, "\(id)")
            let shown = try bot.say("进度 \(id)", from: "u-li", at: at).reply.text
            #expect(shown.contains("已撤销") && !shown.contains("已撤销（") && !shown.contains("刘队长") && !shown.contains("方志愿"), "\(shown)")
        }
    }
}

/// Words read past for one command only: `to` before whom a record goes (not `register to
/// vote`, which is talk among neighbours), and `people` after an event's places (not a
/// rating's comment, `5 people were rude`).
@Suite struct WordsReadPastInTheirPlaceTests {
    @Test func registerToVoteIsTalk() throws {
        let bot = try FamilyHarness("people")
        #expect(try bot.say("register to vote", from: "u-new", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty)
    }

    @Test func aRatingsCommentKeepsItsFirstWord() throws {
        let bot = try FamilyHarness("workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("report leak hallway pipe", from: "u-ann", at: at).reply.refs == ["R1"])
        #expect(try bot.say("签收 R1", from: "u-cap1", at: at).reply.ok)
        #expect(try bot.say("办结 R1 换了水管", from: "u-cap1", at: at).reply.ok)
        #expect(try bot.say("rate R1 2 people came, nothing fixed", from: "u-ann", at: at).reply.ok)
        let shown = try bot.say("status R1", from: "u-cap1", at: at).reply.text
        #expect(shown.contains("people came"), "\(shown)")
    }
}

/// An event set for a date of another year is announced with its year: `12月1日 周三`
/// read as this week's.
@Suite struct AnEventsYearTests {
    @Test func aDateOfAnotherYearCarriesIt() throws {
        let bot = try FamilyHarness("events")
        let at = "2026-12-01T09:00:00+08:00"
        let far = try bot.say("发布活动 包饺子 2027-12-01 10:00", from: "u-cap1", at: at)
        #expect(far.posts.contains { $0.text.contains("2027年12月1日") }, "\(far.posts.map(\.text))")
        let near = try bot.say("发布活动 邻里节 12-31 14:00", from: "u-cap1", at: at)
        #expect(near.posts.contains { $0.text.contains("12月31日") && !$0.text.contains("2026年") }, "\(near.posts.map(\.text))")
        #expect(try bot.say("join E1", from: "u-ann", at: at).reply.text.contains("1 Dec 2027"))
    }
}

/// A captain's own report (a leak at home) goes to the grid leader: no one is handed
/// their own report, as `交办` never hands one to its reporter.
@Suite struct ACaptainsOwnReportTests {
    @Test(arguments: [("报修 漏水 101 卫生间漏水", "马网格"), ("report leak 101 bathroom leaking", "马网格")])
    func goesToTheGridLeader(_ text: String, _ leader: String) throws {
        let bot = try FamilyHarness("workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("大家早上好", from: "u-li", in: "t-b1", at: at).isEmpty)
        let out = try bot.say("@小邻 \(text)", from: "u-cap1", in: "t-b1", at: at)
        #expect(out.reply.ok && out.reply.text.contains(leader) && !out.reply.text.contains("刘队长"), "\(out.reply.text)")
        #expect(out.notifications.map(\.to) == ["u-grid"], "the grid leader is told, not the captain himself")
        #expect(try bot.say("谢谢", from: "u-li", in: "t-b1", at: at).isEmpty)
        // A resident's report still goes to the captain.
        let resident = try bot.say("@小邻 报修 路灯 楼道灯不亮", from: "u-li", in: "t-b1", at: at)
        #expect(resident.notifications.map(\.to) == ["u-cap1"], "\(resident.reply.text)")
        // The grid leader accepts it; the captain follows it as its reporter.
        #expect(try bot.say("签收 R1", from: "u-grid", at: at).reply.ok)
        #expect(try bot.say("进度 R1", from: "u-cap1", at: at).reply.text.contains("马网格"))
    }
}

/// A private report (noise, a dispute) in a household file is its reporter's and its
/// handlers' to read: not a member who joined the household since (open registration
/// lets anyone join, the other party too), not a party member paired with it.
@Suite struct APrivateReportInAHouseholdFileTests {
    @Test func onlyItsReporterAndHandlersSeeIt() throws {
        let community = try FamilyHarness.community(replacing: "roles: [volunteer]}", with: "roles: [volunteer, party_member]}")
        let bot = try FamilyHarness(families: ["households", "workorders", "people"], community: community)
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("报修 噪音 楼上半夜跺脚", from: "u-li", at: at).reply.refs == ["R1"])
        #expect(try bot.say("包户 方志愿 1-502", from: "u-office", at: at).reply.ok)
        #expect(try bot.say("登记 1-502", from: "u-new", at: at).reply.ok)
        for (who, sees) in [("u-li", true), ("u-cap1", true), ("u-office", true), ("u-new", false), ("u-vol", false)] {
            let file = try bot.say(who == "u-li" || who == "u-new" ? "我家" : "户档 1-502", from: who, at: at).reply
            #expect(file.ok, "\(who): \(file.text)")
            #expect(file.text.contains("R1 噪音") == sees && file.refs.contains("R1") == sees, "\(who): \(file.text)")
        }
        // Asked in a group, the file itself goes privately; the group reads nothing of it.
        let inGroup = try bot.say("@小邻 我家", from: "u-new", in: "t-b1", at: at)
        #expect(inGroup.reply.ok && !inGroup.contains { $0.text.contains("R1") }, "\(inGroup.map(\.text))")
    }
}

/// `积分` asked in a group: the ledger's lines (what for, a note about a complaint)
/// go to the asker privately; the group reads only whose points they are.
@Suite struct PointsAskedInAGroupTests {
    @Test(arguments: [("u-li", "积分", "李阿姨的积分"), ("u-ann", "points", "Ann Lee's points")])
    func theLedgerGoesPrivately(_ who: String, _ text: String, _ named: String) throws {
        let bot = try FamilyHarness("points")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("加分 \(who) ontime 楼下投诉噪音属实", from: "u-office", at: at).reply.ok)
        #expect(try bot.say("大家好", from: "u-bo", in: "t-b1", at: at).isEmpty)
        let out = try bot.say("@小邻 \(text)", from: who, in: "t-b1", at: at)
        #expect(out.reply.ok && out.reply.text.hasPrefix(named) && !out.reply.text.contains("投诉") && !out.reply.text.contains("+1"), "\(out.reply.text)")
        let ledger = try #require(out.notifications.first { $0.to == who && $0.reason == "private_reply" })
        #expect(ledger.text.contains("楼下投诉噪音属实") && ledger.text.contains("+1"), "\(ledger.text)")
        // Asked privately, the ledger is the answer itself.
        #expect(try bot.say(text, from: who, at: at).reply.text.contains("楼下投诉噪音属实"))
    }
}

/// What residents typed in a fortnight of groups and private chats, understood now.
@Suite struct EverydayWordingTests {
    static func bot(_ families: String...) throws -> FamilyHarness {
        var community = try FamilyHarness.community(
            replacing: "  - {id: haircut,", with: "  - {id: powerbank, name: 充电宝, names: [powerbank, \"power bank\", 充电宝], stock: 2, loan: 1d}\n  - {id: haircut,")
        community = community.replacingOccurrences(
            of: "  - {id: other, names: [other, 其他]", with: "  - {id: power, names: [power, 停电, 没电], priority: P1, accept: 1h, resolve: 24h}\n  - {id: other, names: [other, 其他]")
        return try FamilyHarness(families: families, community: community)
    }

    /// A power bank is an item to borrow, not a power cut: `充电宝没电了` files no outage,
    /// `can I borrow a power bank?` borrows one.
    @Test func aPowerBankIsNoPowerCut() throws {
        let bot = try Self.bot("workorders", "services")
        let at = "2026-11-28T09:00:00+08:00"
        let lent = try bot.say("@linli can I borrow a power bank?", from: "u-ann", in: "t-b1", at: at).reply
        #expect(lent.ok && lent.refs == ["S1"] && lent.text.contains("充电宝"), "\(lent.text)")
        let report = try bot.say("报修 充电宝没电了", from: "u-li", at: at)
        #expect(report.reply.ok && !report.reply.text.contains("停电"), "\(report.reply.text)")
        #expect(try bot.say("报修 停电 楼道没电了", from: "u-li", at: at).reply.text.contains("停电"), "an outage is still one")
        #expect(try bot.say("报修 充电宝没电了", from: "u-bo", in: "t-b2", at: at).isEmpty, "in a group, no category: talk")
    }

    /// An item's name in a report is read past, not taken for the report's subject:
    /// `充电桩冒烟有安全隐患` is about safety (P0), `遮阳伞旁的路灯不亮` about a light.
    @Test(arguments: [("报修 充电桩冒烟有安全隐患", "安全隐患"), ("报修 遮阳伞旁的路灯不亮", "路灯"), ("报修 管家说电梯坏了", "电梯")])
    func anItemsNameLeavesTheCategory(_ text: String, _ category: String) throws {
        let chat = try Conversation()
        let filed = try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: \(text)")
        #expect(filed.reply.ok && filed.reply.text.contains("（\(category) · 3栋"), "\(filed.reply.text)")
    }

    /// `取消预约 B1`, `cancel my booking B1`: the thing cancelled named before its id.
    @Test(arguments: [("u-li", "取消预约", "已取消"), ("u-ann", "cancel my booking", "Cancelled")])
    func cancellingABookingByName(_ who: String, _ words: String, _ said: String) throws {
        let bot = try Self.bot("bookings", "workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("book pavilion tomorrow 15:00-16:00", from: who, at: at).reply.refs == ["B1"])
        #expect(try bot.say("早", from: "u-bo", in: "t-b1", at: at).isEmpty)
        let cancelled = try bot.say("@小邻 \(words) B1", from: who, in: "t-b1", at: at).reply
        #expect(cancelled.ok && cancelled.refs == ["B1"] && cancelled.text.contains(said), "\(cancelled.text)")
    }

    @Test(arguments: ["我的积分", "my points", "排行榜", "积分排行榜"])
    func pointsAsPeopleAskForThem(_ text: String) throws {
        let bot = try Self.bot("points")
        let reply = try bot.say(text, from: "u-li", at: "2026-11-28T09:00:00+08:00").reply
        #expect(reply.ok, "\(text): \(reply.text)")
    }
}

/// A Chinese captain who types `accept R2` reads his pushes in Chinese still: once he
/// has a language, a command's word with ids alone is no sentence in English (PROTOCOL.md §2.3).
@Suite struct ACommandWordAloneKeepsTheLanguageTests {
    @Test func pushesStayInTheLanguageOfSentences() throws {
        let bot = try FamilyHarness("workorders")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("报修 照明 楼道灯不亮了", from: "u-cap1", at: at).reply.refs == ["R1"])
        #expect(try bot.say("报修 漏水 厨房滴水", from: "u-li", at: at).notifications.first?.to == "u-cap1")
        let accepted = try bot.say("@小邻 accept R2", from: "u-cap1", in: "t-b1", at: at).reply
        #expect(accepted.ok && accepted.text.hasPrefix("Accepted"), "the reply in the command's language: \(accepted.text)")
        let next = try bot.say("报修 漏水 卫生间漏水", from: "u-li", at: at).notifications.first { $0.to == "u-cap1" }
        #expect(next?.text.hasPrefix("【新报修】") == true, "\(next?.text ?? "")")
        #expect(try bot.say("merge R3 R2", from: "u-cap1", at: at).reply.ok)
        let merged = try bot.say("报修 漏水 阳台滴水", from: "u-li", at: at).notifications.first { $0.to == "u-cap1" }
        #expect(merged?.text.hasPrefix("【新报修】") == true, "several ids are no sentence either: \(merged?.text ?? "")")
        // A sentence in English does change it, as it did.
        #expect(try bot.say("done R2 replaced the kitchen pipe", from: "u-cap1", at: at).reply.ok)
        let third = try bot.say("报修 漏水 阳台漏水", from: "u-li", at: at).notifications.first { $0.to == "u-cap1" }
        #expect(third?.text.hasPrefix("[New report]") == true, "\(third?.text ?? "")")
    }
}

/// `预约凉亭明天下午`: a half of the day with no clock time asks for the times, and the
/// answer is read in that half (`3点到5点` is 15:00–17:00), privately and when the bot was
/// called in a noisy group; unaddressed in a group it stays talk.
@Suite struct AHalfOfTheDayAsksForTheTimesTests {
    @Test func theAnswerIsReadInThatHalf() throws {
        let chat = try Conversation()
        let asked = try chat.say("@2026-11-28T09:00:00+08:00 u-li: 预约凉亭明天下午")
        #expect(asked.reply.code == "usage" && asked.reply.text.hasPrefix("几点到几点？"), "\(asked.reply.text)")
        let booked = try chat.say("@2026-11-28T09:01:00+08:00 u-li: 3点到5点").reply
        #expect(booked.ok && booked.text.contains("15:00-17:00"), "\(booked.text)")
        #expect(try chat.say("@2026-11-28T09:02:00+08:00 u-emma: book pavilion sunday in the afternoon").reply.text.hasPrefix("From when to when?"))
        let english = try chat.say("@2026-11-28T09:03:00+08:00 u-emma: 1-2").reply
        #expect(english.ok && english.text.contains("13:00-14:00"), "\(english.text)")
    }

    @Test func inANoisyGroupOnlyWhenCalled() throws {
        let chat = try Conversation()
        #expect(try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-zhang: 预约 活动室 周日 晚上").isEmpty, "talk when not called")
        let asked = try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-zhang: @小邻 预约 活动室 周日 晚上")
        #expect(asked.reply.text.hasPrefix("几点到几点？"), "\(asked.reply.text)")
        #expect(try chat.say("@2026-11-28T09:01:30+08:00 [fudi-b3] u-chen-m: 大家早，今天降温了").isEmpty)
        #expect(try chat.say("@2026-11-28T09:01:40+08:00 [fudi-b3] u-li: 谢谢提醒").isEmpty)
        let booked = try chat.say("@2026-11-28T09:02:00+08:00 [fudi-b3] u-zhang: 7点到9点")
        #expect(booked.reply.ok && booked.reply.text.contains("19:00-21:00"), "\(booked.reply.text)")
        #expect(booked.notifications.contains { $0.reason == "booking_request" && $0.text.contains("19:00-21:00") })
    }

    /// The question's own example, the half said again, a 24-hour clock: each answers it.
    @Test(arguments: ["下午3点到5点", "下午三点到五点", "15:00-17:00", "3点到5点吧"])
    func theAnswersPeopleGive(_ answer: String) throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 u-li: 预约凉亭明天下午")
        let booked = try chat.say("@2026-11-28T09:01:00+08:00 u-li: \(answer)").reply
        #expect(booked.ok && booked.text.contains("15:00-17:00") && !booked.text.contains("（吧）"), "\(answer): \(booked.text)")
    }

    /// `算了不约了`, `never mind`: the question is dropped; in a group a later time said among
    /// neighbours books nothing, nor does an answer that runs on into talk.
    @Test func givingUpAndTalkBookNothing() throws {
        let chat = try Conversation()
        for (who, giveUp, reply) in [("u-li", "算了不约了", "好的，已取消。"), ("u-emma", "never mind!", "OK, cancelled.")] {
            try chat.say("@2026-11-28T09:00:00+08:00 \(who): 预约凉亭明天下午")
            #expect(try chat.say("@2026-11-28T09:00:30+08:00 \(who): \(giveUp)").reply.text == reply)
            #expect(try chat.say("@2026-11-28T09:01:00+08:00 \(who): 3点到5点").reply.code == "unknown_command")
        }
        try chat.say("@2026-11-28T09:02:00+08:00 [fudi-b3] u-zhang: @小邻 预约 活动室 周日 晚上")
        #expect(try chat.say("@2026-11-28T09:02:30+08:00 [fudi-b3] u-zhang: 算了不约了").reply.text == "好的，已取消。")
        #expect(try chat.say("@2026-11-28T09:03:00+08:00 [fudi-b3] u-zhang: 7点到9点我要去接孩子").isEmpty)
        try chat.say("@2026-11-28T09:04:00+08:00 [fudi-b3] u-zhang: @小邻 预约 活动室 周日 晚上")
        #expect(try chat.say("@2026-11-28T09:05:00+08:00 [fudi-b3] u-zhang: 7点到9点我要去接孩子").isEmpty, "talk: the question stays open")
        let booked = try chat.say("@2026-11-28T09:06:00+08:00 [fudi-b3] u-zhang: 7点到9点")
        #expect(booked.reply.ok && booked.reply.text.contains("19:00-21:00") && !booked.reply.text.contains("孩子"), "\(booked.reply.text)")
        // The day with the times answers too; `no` said to a neighbour drops nothing.
        try chat.say("@2026-11-28T09:07:00+08:00 [fudi-b3] u-li: @小邻 预约 凉亭")
        #expect(try chat.say("@2026-11-28T09:07:30+08:00 [fudi-b3] u-li: no").isEmpty)
        let withTheDay = try chat.say("@2026-11-28T09:08:00+08:00 [fudi-b3] u-li: 后天 下午3点到4点").reply
        #expect(withTheDay.ok && withTheDay.text.contains("11月30日") && withTheDay.text.contains("15:00-16:00"), "\(withTheDay.text)")
    }
}

/// `统计 昨天`, `上周`, `近7天`, `11月`, `stats last 7 days`, `晒数据 11月`: the periods the
/// office asks for, each counting its own reports.
@Suite struct StatsPeriodsTests {
    @Test func eachPeriodCountsItsReports() throws {
        let chat = try Conversation()
        // Sat 2026-11-28 is “today”; Mon 11-23 starts this week.
        for (day, text) in [("10-30", "漏水 厨房滴水"), ("11-14", "照明 楼道灯坏了"), ("11-22", "漏水 阳台渗水"), ("11-27", "电梯 按钮失灵"), ("11-28", "噪音 楼上装修")] {
            #expect(try chat.say("@2026-\(day)T09:00:00+08:00 [fudi-b3] u-li: 报修 \(text)").reply.ok)
        }
        let at = "@2026-11-28T12:00:00+08:00"
        for (asked, heading) in [
            ("统计 昨天", "福地社区 · 昨天 工单统计（共 1 件）"), ("统计 上周", "福地社区 · 上周 工单统计（共 1 件）"),
            ("统计 近7天", "福地社区 · 近7天 工单统计（共 3 件）"), ("统计 3栋 11月", "3栋 · 2026年11月 工单统计（共 4 件）"),
            ("统计 10月", "福地社区 · 2026年10月 工单统计（共 1 件）"), ("统计 2026年10月", "福地社区 · 2026年10月 工单统计（共 1 件）"),
            ("统计 11月份", "福地社区 · 2026年11月 工单统计（共 4 件）"), ("统计 近一周", "福地社区 · 近7天 工单统计（共 3 件）"),
            ("统计 最近三十天", "福地社区 · 近30天 工单统计（共 5 件）"), ("统计 前天", "福地社区 · 前天 工单统计（共 0 件）"),
            ("统计 近两周", "福地社区 · 近14天 工单统计（共 3 件）"), ("统计 最近一个星期", "福地社区 · 近7天 工单统计（共 3 件）"),
        ] {
            let reply = try chat.say("\(at) u-he: \(asked)").reply
            #expect(reply.ok && reply.text.hasPrefix(heading), "\(asked): \(reply.text)")
        }
        let english = try chat.say("\(at) u-ma: stats last 7 days").reply.text
        #expect(english.contains(" · the last 7 days: 3 work orders"), "\(english)")
        #expect(try chat.say("\(at) u-ma: stats last week").reply.text.contains("last week: 1 work order"))
        #expect(try chat.say("\(at) u-ma: stats 7 days").reply.text.contains(" · the last 7 days: 3 work orders"))
        #expect(try chat.say("\(at) u-ma: stats november").reply.text.contains(" · 2026-11: 4 work orders"))
        #expect(try chat.say("\(at) u-ma: stats oct").reply.text.contains(" · 2026-10: 1 work order"))
        // October's figures went out on 1 November: asked again, the office is told so.
        let told = try chat.say("\(at) u-he: 晒数据 3栋 10月").reply
        #expect(told.code == "conflict" && told.text.hasSuffix("请发送：晒数据 3栋 10月 重发"), "\(told.text)")
        let posted = try chat.say("\(at) u-he: 晒数据 3栋 10月 重发")
        #expect(posted.posts.contains { $0.group == "fudi-b3" && $0.text.hasPrefix("【晒数据】3栋 2026年10月：报修 1 件") }, "\(posted.posts)")
        #expect(try chat.say("\(at) u-he: 统计 13月").reply.code == "usage")
    }
}

/// 督办: the office, the grid leader and the captain press whoever handles a report (a
/// resident's 督办 of their own is a chase), in a noisy group with a private record in play,
/// in both languages.
@Suite struct SupervisionTests {
    @Test func eachRolePressesTheHandler() throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房滴水")
        try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-emma: report noise drilling upstairs after 11pm")
        try chat.say("@2026-11-28T09:02:00+08:00 [fudi-b3] u-zhou: 交办 R1 红色物业")
        #expect(try chat.say("@2026-11-28T09:03:00+08:00 [fudi-b3] u-zhang: 大家早，物业什么时候来？").isEmpty)
        // The captain, in the group, with a note.
        let captain = try chat.say("@2026-11-28T09:04:00+08:00 [fudi-b3] u-zhou: 督办 R1 今天必须修好")
        #expect(captain.reply.ok && captain.reply.text == "已督办 R1，已提醒处理人，并告知报修人。", "\(captain.reply.text)")
        let pressed = captain.notifications.first { $0.to == "u-chen" }
        #expect(pressed?.reason == "reminder" && pressed?.text == "【督办】R1 漏水：厨房滴水。楼栋长（周永林）督办，请尽快处理：今天必须修好", "\(captain)")
        let told = captain.notifications.first { $0.to == "u-li" }
        #expect(told?.reason == "supervised" && told?.text == "您的报修 R1 已由楼栋长督办，处理人已收到提醒。")
        // The note is the handler's alone: the group reads no trace of it.
        let progress = try chat.say("@2026-11-28T09:04:30+08:00 [fudi-b3] u-li: @小邻 进度 R1").reply.text
        #expect(progress.contains("督办") && !progress.contains("今天必须修好"), "\(progress)")
        // Once an hour from each: a second press is not sent.
        let again = try chat.say("@2026-11-28T09:04:40+08:00 [fudi-b3] u-zhou: @小邻 督办 R1 抓紧")
        #expect(again.reply.code == "rate_limited" && again.reply.text == "您在09:04已督办过 R1，处理人已收到提醒。" && again.notifications.isEmpty, "\(again)")
        // The office, privately; and 催办 from the office is 督办 too.
        let office = try chat.say("@2026-11-28T09:05:00+08:00 u-he: 催办 R1")
        #expect(office.notifications.first { $0.to == "u-chen" }?.text.contains("社区（何书记）督办") == true, "\(office)")
        // The grid leader, in English, about the private noise report: the group reads no details.
        let leader = try chat.say("@2026-11-28T09:06:00+08:00 [fudi-b3] u-ma: @linli supervise R2 please call her today")
        #expect(leader.reply.ok && !leader.reply.text.contains("drilling") && !leader.reply.text.contains("Emma"), "\(leader.reply.text)")
        #expect(leader.notifications.first { $0.to == "u-zhou" }?.text.contains("网格长（马贤江）督办，请尽快处理：please call her today") == true, "\(leader)")
        #expect(leader.notifications.first { $0.to == "u-emma" }?.text == "Your report R2 was pressed by the grid leader; its handler has been reminded.")
        #expect(leader.posts.isEmpty)
        // Its handler presses no one; a neighbour may not; its reporter chases (once a day).
        #expect(try chat.say("@2026-11-28T09:07:00+08:00 u-chen: 督办 R1").reply.code == "invalid_state")
        let neighbour = try chat.say("@2026-11-28T09:08:00+08:00 u-zhang: 督办 R1").reply
        #expect(neighbour.code == "forbidden" && neighbour.text == "只有报修人可以催办 R1。您家也有这个问题，请发送：我也是 R1", "\(neighbour.text)")
        let elsewhere = try chat.say("@2026-11-28T09:08:30+08:00 u-gao: supervise R1").reply
        #expect(elsewhere.code == "forbidden" && elsewhere.text.hasPrefix("R1 is not in a building or grid you look after"), "\(elsewhere.text)")
        let chased = try chat.say("@2026-11-28T09:09:00+08:00 u-li: 督办 R1 漏了两天了")
        #expect(chased.notifications.first { $0.to == "u-chen" }?.text.hasPrefix("【催办】R1") == true, "\(chased)")
        #expect(try chat.say("@2026-11-28T09:10:00+08:00 u-li: 催办 R1").reply.code == "rate_limited")
        // Resolved: nothing to press.
        try chat.say("@2026-11-28T10:00:00+08:00 u-chen: 办结 R1 已换水管")
        #expect(try chat.say("@2026-11-28T10:01:00+08:00 u-he: 督办 R1").reply.code == "invalid_state")
    }
}

/// `报名名单 E1` / `signups E1`: whoever posted an event, and the office, see who signed up
/// and where they live; in a group the names go privately; no one else sees them.
@Suite struct EventSignupsTests {
    @Test func theOrganiserSeesWhoIsComing() throws {
        let chat = try Conversation()
        #expect(try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-zhou: 发布活动 电影之夜 12月5日 晚上7点 30").reply.refs == ["E1"])
        #expect(try chat.say("@2026-11-28T09:00:30+08:00 [fudi-b3] u-zhou: 报名名单 E1").reply.text.hasSuffix("已报名 0/30，还没有人报名。"))
        try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-emma: report noise drilling upstairs after 11pm")
        #expect(try chat.say("@2026-11-28T09:01:30+08:00 [fudi-b3] u-zhang: 太好了，谢谢周师傅！").isEmpty)
        #expect(try chat.say("@2026-11-28T09:02:00+08:00 [fudi-b3] u-li: 报名 E1").reply.ok)
        #expect(try chat.say("@2026-11-28T09:03:00+08:00 [fudi-b3] u-emma: join E1").reply.ok)
        let inGroup = try chat.say("@2026-11-28T09:04:00+08:00 [fudi-b3] u-zhou: 报名名单 E1")
        #expect(inGroup.reply.text.hasPrefix("E1 电影之夜") && inGroup.reply.text.contains("已报名 2/30") && !inGroup.reply.text.contains("李菊珍"), "\(inGroup.reply.text)")
        let whole = inGroup.notifications.first { $0.to == "u-zhou" && $0.reason == "private_reply" }?.text ?? ""
        #expect(whole.hasSuffix("已报名 2/30：\n1. 李菊珍 b3-501\n2. Emma Brown b3-801"), "\(whole)")
        #expect(!whole.contains("drilling"))
        let office = try chat.say("@2026-11-28T09:05:00+08:00 u-he: 报名名单 E1").reply.text
        #expect(office.contains("1. 李菊珍 b3-501"), "\(office)")
        #expect(try chat.say("@2026-11-28T09:06:00+08:00 u-gao: 报名名单 E1").reply.code == "forbidden")
        let english = try chat.say("@2026-11-28T09:07:00+08:00 u-wang: signups E1").reply
        #expect(english.code == "forbidden" && english.text.hasPrefix("Only whoever posted E1"), "\(english.text)")
        #expect(try chat.say("@2026-11-28T09:08:00+08:00 [fudi-b3] u-li: 取消报名 E1").reply.ok)
        #expect(try chat.say("@2026-11-28T09:09:00+08:00 u-zhou: 报名名单 E1").reply.text.hasSuffix("已报名 1/30：\n1. Emma Brown b3-801"))
    }
}

/// `进度` / `status` marks a loan past its return time as overdue (it read “on loan”).
@Suite struct AnOverdueLoanInTheStatusTests {
    @Test func itSaysOverdue() throws {
        let chat = try Conversation()
        #expect(try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 借 伞").reply.refs == ["S1"])
        #expect(try chat.say("@2026-11-29T09:00:00+08:00 u-li: 进度").reply.text.contains("S1 爱心伞：借用中，12月1日 周二 09:00前归还"))
        let late = try chat.say("@2026-12-05T09:00:00+08:00 u-li: 进度").reply.text
        #expect(late.contains("S1 爱心伞：已逾期（应于12月1日 周二 09:00前归还），请尽快归还"), "\(late)")
        #expect(try chat.say("@2026-12-05T09:01:00+08:00 u-emma: borrow umbrella").reply.refs == ["S2"])
        #expect(try chat.say("@2026-12-25T09:00:00+08:00 u-emma: status").reply.text.contains("S2 Umbrella: overdue (due back by 09:01 on Tue 8 Dec)"))
    }
}

/// A captain who is the grid leader too: a report he leaves unaccepted goes on to the
/// office, not back to himself as grid leader.
@Suite struct ACaptainWhoLeadsTheGridTooTests {
    @Test func theLadderPassesHisSecondRung() throws {
        let community = try FamilyHarness.community(replacing: "leader: u-grid}", with: "leader: u-cap1}")
        let bot = try FamilyHarness("workorders", community: community)
        #expect(try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").notifications.map(\.to) == ["u-cap1"])
        let climbed = try bot.tick("2026-11-28T09:31:00+08:00").notifications.filter { $0.reason == "escalated" }
        #expect(climbed.map(\.to) == ["u-office"], "\(climbed)")
    }
}

/// `同意` or `approve` alone from a resident: the bot asked them which booking to approve,
/// a command they may not give; it now says whose command it is, asks nothing, and their
/// next message is no answer to it.
@Suite struct AnotherRolesWordAloneTests {
    @Test func aResidentIsToldWhoseItIs() throws {
        let chat = try Conversation()
        let zh = try chat.say("@2026-11-28T09:00:00+08:00 u-li: 同意").reply
        #expect(zh.code == "forbidden" && zh.text == "“批准 B编号”是楼栋长、网格长、社区工作人员用的命令。发送“帮助”查看您可以用的命令。", "\(zh.text)")
        #expect(try chat.say("@2026-11-28T09:01:00+08:00 u-li: B1").reply.code != "not_found", "no question was left open")
        #expect(try chat.say("@2026-11-28T09:02:00+08:00 u-emma: approve").reply.text.hasPrefix("“approve <person>” is for captains"))
        #expect(try chat.say("@2026-11-28T09:03:00+08:00 u-zhou: 同意").reply.text.hasPrefix("批准哪个预约？"), "a captain is asked")
        #expect(try chat.say("@2026-11-28T09:04:00+08:00 [fudi-b3] u-li: 同意").isEmpty, "in a group, talk")
    }
}

/// A report that climbed to the office and waits there unaccepted: the office is reminded
/// each accept limit, three times (it waited unseen for ever), and no more once accepted.
@Suite struct UnacceptedAtTheOfficeTests {
    @Test func theOfficeIsReminded() throws {
        let bot = try FamilyHarness("workorders")
        try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(try bot.tick("2026-11-28T09:31:00+08:00").notifications.map(\.to) == ["u-grid"])
        #expect(try bot.tick("2026-11-28T10:02:00+08:00").notifications.map(\.to) == ["u-office"])
        var reminders: [String] = []
        for t in ["10:33", "11:04", "11:35", "12:06", "12:37"] {
            reminders += try bot.tick("2026-11-28T\(t):00+08:00").notifications.filter { $0.to == "u-office" && $0.reason == "reminder" }.map(\.text)
        }
        #expect(reminders.count == 3, "\(reminders)")
        #expect(reminders.first == "【待签收】R1 漏水 · 1栋 502：厨房滴水。仍未签收，请签收：签收 R1", "\(reminders)")
        // Accepted: no more.
        try bot.say("报修 漏水 卫生间漏水", from: "u-ann", in: "t-b1", at: "2026-11-28T13:00:00+08:00")
        try bot.tick("2026-11-28T13:31:00+08:00")
        try bot.tick("2026-11-28T14:02:00+08:00")
        #expect(try bot.say("accept R2", from: "u-office", at: "2026-11-28T14:10:00+08:00").reply.ok)
        #expect(try bot.tick("2026-11-28T15:00:00+08:00").notifications.filter { $0.reason == "reminder" }.isEmpty)
    }
}
