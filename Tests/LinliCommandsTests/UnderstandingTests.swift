import LinliCommands
import LinliCore
import LinliTesting
import Testing

/// Issue 14, 1: the category is read from the whole first clause of a complaint, with
/// the synonyms people use; a problem told without a command word is offered a report.
@Suite struct CategoryFromTheComplaintTests {
    @Test(arguments: [
        ("报修 厨房水管爆了", "leak", "厨房水管爆了"),
        ("报修 楼道灯坏了", "light", "楼道灯坏了"),
        ("报修 电梯又坏了，困了两个人", "elevator", "电梯又坏了，困了两个人"),
        ("报修 楼上太吵了", "noise", "楼上太吵了"),
        ("report the lift is broken again", "elevator", "the lift is broken again"),
        ("report kitchen tap leaking", "leak", "kitchen tap leaking"),
        ("report flight of stairs is dark", "other", "flight of stairs is dark"),
        ("报修 门口的东西坏了，电梯旁边", "other", "门口的东西坏了，电梯旁边"),
    ])
    func theFirstClauseNamesTheCategory(_ text: String, _ category: String, _ details: String) throws {
        guard case .command(.workOrders(.report(let got, let place, let rest)), _) = try Fixtures.parser().parse(text) else {
            Issue.record("\(text) is not a report")
            return
        }
        #expect(got == category && place == nil && rest == details, "\(text)")
    }

    @Test func inAGroupOnlyAfterASpace() throws {
        let parser = try Fixtures.parser()
        guard case .command(.workOrders(.report(let c, _, _)), _) = parser.parse("报修 厨房水管爆了", strict: true) else {
            Issue.record("a report with a space before its words is a whole command")
            return
        }
        #expect(c == "leak")
        guard case .failure = parser.parse("报修电梯的师傅来了吗", strict: true) else {
            Issue.record("talk about the lift is not a report")
            return
        }
    }

    @Test func aProblemWithoutACommandWordIsOfferedAReport() throws {
        let parser = try Fixtures.parser()
        guard case .failure(let error, _) = parser.parse("我家漏水了") else {
            Issue.record("not a command")
            return
        }
        #expect(error.code == .unknownCommand && error.message.zh.hasPrefix("如需报修，请发送：报修 漏水"))
        guard case .failure(let english, _) = parser.parse("my kitchen is leaking") else { return }
        #expect(english.message.en.hasPrefix("To file a report, send: report leak"))
    }
}

/// Issue 14, 3: Chinese numerals where a number is asked for, and Traditional
/// Chinese read as Simplified (what was written is kept).
@Suite struct NumbersAndScriptsTests {
    @Test(arguments: [
        ("评价 R1 五分", 5, nil), ("评价 R1 5分", 5, nil), ("评价 R1 五星 师傅很负责", 5, "师傅很负责"), ("評價 R1 四分 還可以", 4, "還可以"),
        ("rate R1 3", 3, nil),
    ])
    func aRatingInChineseNumerals(_ text: String, _ score: Int, _ comment: String?) throws {
        guard case .command(.workOrders(.rate(_, let got, let note)), _) = try Fixtures.parser().parse(text) else {
            Issue.record("\(text) is not a rating")
            return
        }
        #expect(got == score && note == comment, "\(text)")
    }

    @Test func soSoIsNotOne() throws {
        guard case .failure(let error, _) = try Fixtures.parser().parse("评价 R1 一般") else {
            Issue.record("一般 read as a number")
            return
        }
        #expect(error.code == .usage)
    }

    @Test func traditionalChineseIsReadAsSimplified() throws {
        let parser = try Fixtures.parser()
        #expect(parser.parse("進度 R2") == .command(.workOrders(.status(RecordID(.workOrder, 2))), lang: .zh))
        guard case .command(.workOrders(.report(let category, _, let details)), _) = parser.parse("報修 漏水 廚房天花板滴水") else {
            Issue.record("報修 is 报修")
            return
        }
        #expect(category == "leak" && details == "廚房天花板滴水", "what was written is kept")
        guard case .command(.workOrders(.report(let lamp, _, _)), _) = parser.parse("報修 樓道燈壞了") else {
            Issue.record("a Traditional complaint names its category")
            return
        }
        #expect(lamp == "light")
    }
}

/// Issue 14, 6: a question or exclamation mark closing a message said to the bot is not
/// part of the command; punctuation alone is no argument; Chinese is echoed in Chinese marks.
@Suite struct ClosingMarksTests {
    @Test(arguments: ["进度？", "进度?", "status?", "进度！！", "进度 ？"])
    func aStatusAskedAsAQuestionIsAStatus(_ text: String) throws {
        guard case .command(.workOrders(.status(nil)), _) = try Fixtures.parser().parse(text) else {
            Issue.record("\(text) is not status")
            return
        }
    }

    @Test func helpAndAReportWithOnlyAMarkAskForWhatIsMissing() throws {
        let parser = try Fixtures.parser()
        guard case .command(.people(.help(topic: nil)), _) = parser.parse("帮助？") else {
            Issue.record("帮助？ is help on everything")
            return
        }
        guard case .incomplete(let id, _, let missing, _) = parser.parse("报修 漏水？") else {
            Issue.record("a report whose details are a question mark asks for the details")
            return
        }
        #expect(id == "report" && missing.name == "details")
        guard case .command(.workOrders(.report(_, _, let details)), _) = parser.parse("报修 漏水 水管爆了！") else {
            Issue.record("a report ending in an exclamation mark is a report")
            return
        }
        #expect(details == "水管爆了！", "what was written is kept when the command reads as written")
    }

    @Test func inAGroupAQuestionNotToTheBotStaysTalk() throws {
        guard case .failure = try Fixtures.parser().parse("进度？", strict: true) else {
            Issue.record("进度？ among neighbours is talk")
            return
        }
        guard case .failure = try Fixtures.parser().parse("收到 A1？", strict: true) else {
            Issue.record("收到 A1？ among neighbours is a question, not an acknowledgement")
            return
        }
    }

    /// `借伞吗？` lent an umbrella: the question check looked only at commands whose first
    /// argument is free text, and `request` starts with a quantity.
    @Test(arguments: ["借伞吗？", "借伞吗", "我要伞吗", "借充电宝吗？有人知道吗", "need an umbrella?", "借伞吗。"])
    func inAGroupAskingForSomethingIsTalk(_ text: String) throws {
        let parser = try Fixtures.parser()
        guard case .failure = parser.parse(text, strict: true) else {
            Issue.record("\(text) among neighbours is a question")
            return
        }
        guard case .command = parser.parse("借伞", strict: true) else {
            Issue.record("借伞 is still a request")
            return
        }
    }

    /// English puts a space after every word: in a group, `alert me if…` or `wish you all…`
    /// is talk; a wish or a suggestion with its subject is still one, and an alert to
    /// every group needs the bot called or a colon after its word (`alert: gas leak`).
    @Test(arguments: [
        "alert me if anyone sees my cat", "drill noise from 602 again, so annoying", "notice how cold it is today",
        "wish you all a happy weekend", "suggest we meet at 7 tomorrow", "announce the winner later", "alert water off at 3pm",
    ])
    func inAGroupEnglishChatterIsTalk(_ text: String) throws {
        let parser = try Fixtures.parser()
        guard case .failure = parser.parse(text, strict: true) else {
            Issue.record("\(text) among neighbours is talk")
            return
        }
        guard case .command = parser.parse(text, strict: false) else {
            Issue.record("\(text) said to the bot is a command")
            return
        }
        for command in ["wish a radio repair for my mum", "suggest more benches by the pond", "alert: gas smell on floor 7", "drill： fire drill at 15:00"] {
            guard case .command = parser.parse(command, strict: true) else {
                Issue.record("\(command) is still a command in a group")
                return
            }
        }
    }

    /// A Chinese keyboard closes a message with 。 by itself: in a group too, `收到 A1。`
    /// acknowledges the alert and `join E1.` signs up (they were ignored as talk).
    @Test(arguments: ["收到 A1。", "收到 A1 。", "ack A1.", "报名 E1。", "join E1."])
    func inAGroupAFullStopClosesACommand(_ text: String) throws {
        let parser = try Fixtures.parser()
        guard case .command(let command, _) = parser.parse(text, strict: true),
            case .command(let bare, _) = parser.parse(String(text.dropLast()), strict: true)
        else {
            Issue.record("\(text) is a command in a group")
            return
        }
        #expect(command == bare)
    }

    @Test func anUnknownChineseQuestionIsEchoedWithItsFullWidthMark() throws {
        guard case .failure(let error, _) = try Fixtures.parser().parse("你好？") else {
            Issue.record("你好？ is no command")
            return
        }
        #expect(error.code == .unknownCommand && error.message.zh.contains("“你好？”"))
    }
}

/// Free text is echoed in replies and pushed: a page of it is refused with its length,
/// not filed and posted back into the group.
@Suite struct LongTextTests {
    @Test func freeTextPastTheLimitIsRefusedWithItsLength() throws {
        let parser = try Fixtures.parser()
        let long = String(repeating: "楼", count: CommandParser.maxText + 1)
        guard case .failure(let error, _) = parser.parse("报修 漏水 \(long)") else {
            Issue.record("a page of text was taken")
            return
        }
        #expect(error.code == .usage && error.message.zh.contains("内容太长（\(CommandParser.maxText + 1)字）") && error.message.zh.count < 200, "\(error.message.zh)")
        guard case .failure(let english, _) = parser.parse("suggest \(String(repeating: "more benches ", count: 200))") else {
            Issue.record("a page of English was taken")
            return
        }
        #expect(english.message.en.contains("too long"))
        #expect(parser.parse("报修 漏水 \(long.dropLast())").isCommand, "the limit itself is taken")
    }
}

/// Captains name the record first (`R1 签收`, `＃Ａ１ 收到`, `R2 done new washer`): read as
/// the command with its record, in a group too; a record its command does not take, or
/// what is left over that the command cannot take, stays what it was.
@Suite struct RecordFirstTests {
    @Test(arguments: [
        ("R1 签收", "签收 R1"), ("#r1 签收", "签收 R1"), ("＃Ａ１ 收到", "收到 A1"), ("A1，收到", "收到 A1"),
        ("R2 办结 换了新垫圈", "办结 R2 换了新垫圈"), ("R2 done new washer", "done R2 new washer"), ("R3 进度", "进度 R3"),
        ("R2 完成 换了新垫圈", "完成 R2 换了新垫圈"), ("W1 完成", "完成 W1"),
    ])
    func theRecordFirstIsTheCommandWithItsRecord(_ text: String, _ same: String) throws {
        let parser = try Fixtures.parser()
        guard case .command(let command, _) = parser.parse(text, strict: true), case .command(let usual, _) = parser.parse(same) else {
            Issue.record("\(text) is \(same)")
            return
        }
        #expect(command == usual, "\(text)")
    }

    @Test(arguments: ["R1 修好了吗", "A1 报修 漏水 楼道", "R1 进度怎么样了？", "R1"])
    func otherwiseItIsNotACommand(_ text: String) throws {
        guard case .failure = try Fixtures.parser().parse(text, strict: true) else {
            Issue.record("\(text) is talk")
            return
        }
    }
}

/// `sign up` is a word of `register` and of `join`: an event after it is joined (the
/// bot says “Signed up: E1”, so people write `sign up E1`), a room registered.
@Suite struct SignUpTests {
    @Test(arguments: [("sign up E1", "join"), ("sign me up for E1", "join"), ("sign up for E1", "join"), ("sign up 501", "register")])
    func signUpIsReadByWhatFollows(_ text: String, _ command: String) throws {
        guard case .command(let c, _) = try Fixtures.parser().parse(text, strict: true) else {
            Issue.record("\(text) is a whole command")
            return
        }
        #expect(c.name == command, "\(text)")
    }
}

/// A date that cannot be read is said so: `schedule pavilion 下下周六` answered for today
/// ("no bookings"), and a neighbour planned a party on a slot already taken.
@Suite struct UnreadDateTests {
    @Test(arguments: ["schedule pavilion on the weekend", "venues next week", "日程 凉亭 下下周六", "场地 元旦"])
    func aDateNotReadIsUsageNotToday(_ text: String) throws {
        guard case .failure(let error, _) = try Fixtures.parser().parse(text) else {
            Issue.record("\(text) was read")
            return
        }
        #expect(error.code == .usage && (error.message.zh.contains("看不懂日期") || error.message.en.contains("could not read the date")), "\(text)")
    }

    @Test(arguments: ["schedule pavilion Dec. 5", "venues tmrw", "schedule pavilion", "venues", "book pavilion tmr 3-4pm"])
    func theseAreRead(_ text: String) throws {
        #expect(try Fixtures.parser().parse(text).isCommand, "\(text)")
    }
}

/// Said to the bot with a polite opening (`please`, `I want to`, `麻烦`, `我要`), a command
/// is still the command (`我要报修，厨房漏水` was read as asking for a service “报修，厨房漏水”,
/// and `I want to report a leak` was offered `report I want to report a leak` as an example).
/// In a group, unaddressed, the words must start with the command (PROTOCOL.md §2.1).
@Suite struct PoliteOpeningTests {
    @Test(arguments: [
        ("I want to report a leak in my kitchen", "report leak a leak in my kitchen"), ("please report leak kitchen", "report leak kitchen"),
        ("麻烦 报修 漏水 厨房", "报修 漏水 厨房"), ("我要报修，厨房漏水", "报修 漏水 厨房漏水"), ("请问 进度", "进度"), ("pls status", "status"),
        ("请 麻烦 帮我 进度", "进度"), ("请问 R1 进度", "进度 R1"), ("请问R1进度怎么样了", "进度 R1"),
        ("please assign R1 to property", "assign R1 property"),
    ])
    func theCommandAfterTheOpeningIsRead(_ text: String, _ same: String) throws {
        let parser = try Fixtures.parser()
        guard case .command(let command, _) = parser.parse(text), case .command(let usual, _) = parser.parse(same) else {
            Issue.record("\(text) is \(same)")
            return
        }
        #expect(command == usual, "\(text)")
        guard case .failure = parser.parse(text, strict: true) else {
            Issue.record("\(text) is talk in a group")
            return
        }
    }

    /// `to` (`给`) before whom a record is handed is a word of the sentence, not the name.
    @Test(arguments: [("assign R1 to property", "assign R1 property"), ("转交 R1 给物业", "转交 R1 物业"), ("交办 R1 给 u-chen", "交办 R1 u-chen")])
    func theWordBeforeWhomIsNoName(_ text: String, _ same: String) throws {
        let parser = try Fixtures.parser()
        guard case .command(let command, _) = parser.parse(text, strict: true), case .command(let usual, _) = parser.parse(same) else {
            Issue.record("\(text) is \(same)")
            return
        }
        #expect(command == usual, "\(text)")
    }

    @Test func anOpeningBeforeAServiceIsStillTheRequest() throws {
        guard case .command(let c, _) = try Fixtures.parser().parse("我要 伞") else {
            Issue.record("我要 伞 asks for an umbrella")
            return
        }
        #expect(c.name == "request")
    }
}

/// In a group, unaddressed, a room typed against the word of the command (`登记1206`, as
/// phones type it) is the command; a word run into other words is talk (PROTOCOL.md §2.1).
@Suite struct RoomRunInTests {
    @Test(arguments: [("登记1206", "登记 1206"), ("登记b3-501", "登记 b3-501"), ("绑定１２０６", "绑定 1206"), ("通过1206", "通过 1206")])
    func aRoomAgainstTheWordIsTheCommand(_ text: String, _ same: String) throws {
        let parser = try Fixtures.parser()
        guard case .command(let command, _) = parser.parse(text, strict: true), case .command(let usual, _) = parser.parse(same) else {
            Issue.record("\(text) is \(same)")
            return
        }
        #expect(command == usual)
    }

    @Test(arguments: ["积分100了", "登记1206了吗", "通过了吗", "登记的时候", "建议2楼装个灯", "积分100分"])
    func wordsRunTogetherAreTalk(_ text: String) throws {
        guard case .failure = try Fixtures.parser().parse(text, strict: true) else {
            Issue.record("\(text) is talk in a group")
            return
        }
    }
}

/// A word after a command that takes nothing (`活动 E1`, `services umbrella`): its usage is
/// said; it was “I don't know ‘services’. Did you mean: services?”.
@Suite struct OneWordAfterACommandThatTakesNothingTests {
    @Test(arguments: [("活动 E1", "用法：活动"), ("events E1", "Usage: events"), ("services umbrella", "Usage: services")])
    func itsUsageIsSaid(_ text: String, _ said: String) throws {
        guard case .failure(let error, _) = try Fixtures.parser().parse(text) else {
            Issue.record("\(text) is no command")
            return
        }
        #expect(error.code == .usage && (error.message.zh.contains(said) || error.message.en.contains(said)), "\(error.message)")
    }
}
