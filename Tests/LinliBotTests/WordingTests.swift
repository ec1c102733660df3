import LinliProtocol
import LinliTesting
import Testing

/// Replies that said something untrue or unhelpful (found by trying the bot as
/// residents do), each in a noisy group or a private chat, in both languages.
@Suite struct WordingTests {
    /// A wish's errors say where it stands: a confirmed wish is not "not fulfilled yet".
    @Test func aWishSaysWhereItStands() throws {
        let bot = try FamilyHarness("wishes")
        try bot.say("心愿 想要一副老花镜", from: "u-li", at: "2026-11-28T09:00:00+08:00")
        #expect(try bot.say("谢谢 W1", from: "u-li", at: "2026-11-28T09:00:30+08:00").reply.text == "W1 还没有人认领。")
        try bot.say("claim W1", from: "u-vol", at: "2026-11-28T09:01:00+08:00")
        #expect(try bot.say("谢谢 W1", from: "u-li", at: "2026-11-28T09:01:30+08:00").reply.text == "W1 已被认领，还没有完成。")
        try bot.say("fulfil W1", from: "u-vol", at: "2026-11-28T09:02:00+08:00")
        #expect(try bot.say("认领 W1", from: "u-vol", at: "2026-11-28T09:02:30+08:00").reply.text == "W1 已完成，正等心愿人确认。")
        #expect(try bot.say("谢谢 W1", from: "u-li", at: "2026-11-28T09:03:00+08:00").reply.ok)
        #expect(try bot.say("谢谢 W1", from: "u-li", at: "2026-11-28T09:04:00+08:00").reply.text == "W1 已经实现了。")
        #expect(try bot.say("claim W1", from: "u-vol", at: "2026-11-28T09:05:00+08:00").reply.text == "W1 has come true already.")
    }

    /// A loan counts in its own unit (把), and the household file shows what a
    /// returned loan was for, not "×0".
    @Test func aLoanCountsInItsUnitAndKeepsItsSize() throws {
        let community = try FamilyHarness.community(
            replacing: "names: [umbrella, 伞], stock: 2, loan: 3d}",
            with: "names: [umbrella, 伞], stock: 5, loan: 3d, unit: 把}")
        let bot = try FamilyHarness("services", "households", community: community)
        #expect(try bot.say("借两把伞", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.refs == ["S1"])
        let more = try bot.say("还 S1 5", from: "u-li", at: "2026-11-28T09:01:00+08:00").reply
        #expect(more.code == "invalid_state" && more.text.contains("2 把") && !more.text.contains("件"), "\(more.text)")
        #expect(try bot.say("还 S1", from: "u-li", at: "2026-11-28T09:02:00+08:00").reply.ok)
        let file = try bot.say("户档", from: "u-li", at: "2026-11-28T09:03:00+08:00").reply.text
        #expect(file.contains("S1 爱心伞 ×2 已归还") && !file.contains("×0"), "\(file)")
    }

    /// A record the command does not take points to the commands that do.
    @Test func aWrongRecordPointsToTheRightCommand() throws {
        let bot = try FamilyHarness("events", "bookings", "workorders")
        try bot.say("发布活动 包饺子 明天 18:00 10", from: "u-cap1", at: "2026-11-28T09:00:00+08:00")
        let zh = try bot.say("取消 E1", from: "u-li", at: "2026-11-28T09:01:00+08:00").reply
        #expect(zh.code == "usage" && zh.text.contains("可以发送：报名 E1、退出 E1"), "\(zh.text)")
        let en = try bot.say("cancel E1", from: "u-ann", at: "2026-11-28T09:02:00+08:00").reply
        #expect(en.text.contains("try: join E1, leave E1"), "\(en.text)")
    }

    /// A greeting said to the bot is greeted back; said to the group, it is chatter.
    @Test func aGreetingToTheBotIsAnswered() throws {
        let bot = try FamilyHarness("people")
        #expect(try bot.say("大家好", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty)
        #expect(try bot.say("你好", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:30+08:00").isEmpty)
        let zh = try bot.say("小邻 你好", from: "u-li", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        #expect(zh.reply.ok && zh.reply.text.hasPrefix("您好！我是小邻"), "\(zh.reply.text)")
        let en = try bot.say("@linli hello!", from: "u-ann", in: "t-b1", mentions: ["linli"], at: "2026-11-28T09:02:00+08:00")
        #expect(en.reply.ok && en.reply.text.hasPrefix("Hello! I'm linli"), "\(en.reply.text)")
        #expect(try bot.say("谢谢小邻", from: "u-li", in: "t-b1", at: "2026-11-28T09:03:00+08:00").isEmpty || true)
    }
}

/// Who counts where: support by household, the leaderboard's praise, residents
/// registered in chat known by the name they gave.
@Suite struct CountingTests {
    @Test func theOfficeAnswersSuggestionsRatherThanSupportingThem() throws {
        let bot = try FamilyHarness("suggestions")
        #expect(try bot.say("建议 楼下加装长椅", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.refs == ["P1"])
        let office = try bot.say("附议 P1", from: "u-office", at: "2026-11-28T09:01:00+08:00").reply
        #expect(office.code == "forbidden" && office.text.contains("答复 P1"), "\(office.text)")
        #expect(try bot.say("+1 P1", from: "u-ann", at: "2026-11-28T09:02:00+08:00").reply.text.contains("1 household"))
    }

    @Test func theLeaderboardShowsNoDeductions() throws {
        let community = try FamilyHarness.community(
            replacing: "  - {id: ontime, names: [ontime, 及时签收], points: 1}",
            with: "  - {id: ontime, names: [ontime, 及时签收], points: 1}\n  - {id: absent, names: [absent, 缺席], points: -2}")
        let bot = try FamilyHarness("points", community: community)
        #expect(try bot.say("加分 李阿姨 ontime", from: "u-office", at: "2026-11-28T09:00:00+08:00").reply.ok)
        #expect(try bot.say("加分 张博 缺席", from: "u-office", at: "2026-11-28T09:01:00+08:00").reply.ok)
        let board = try bot.say("积分榜", from: "u-ann", in: "t-b1", mentions: ["linli"], at: "2026-11-28T09:02:00+08:00").reply.text
        #expect(board.contains("李阿姨") && !board.contains("张博") && !board.contains("-"), "\(board)")
    }

    @Test func aResidentRegisteredInChatIsKnownByTheirName() throws {
        let bot = try FamilyHarness("people", "roles")
        #expect(try bot.say("大家好，我是新来的", from: "u-new", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty)
        #expect(try bot.say("@小邻 登记 302", from: "u-new", named: "小林", in: "t-b1", mentions: ["linli"], at: "2026-11-28T09:01:00+08:00").reply.ok)
        let named = try bot.say("任命 小林 志愿者", from: "u-office", at: "2026-11-28T09:02:00+08:00")
        #expect(named.reply.ok && named.reply.text == "已任命小林为志愿者。", "\(named.reply.text)")
        #expect(named.notifications.map(\.to) == ["u-new"])
        let file = try FamilyHarness("people", "households")
        #expect(try file.say("登记 b1-302", from: "u-new", named: "小林", at: "2026-11-28T09:00:00+08:00").reply.ok)
        let members = try file.say("户档", from: "u-new", at: "2026-11-28T09:01:00+08:00").reply.text
        #expect(members.contains("成员：小林") && !members.contains("u-new"), "\(members)")
    }
}

/// A person's name of two words is one target.
@Suite struct SpacedNamesTests {
    @Test func aTwoWordNameIsOnePerson() throws {
        let bot = try FamilyHarness("points")
        let award = try bot.say("加分 Ann Lee ontime", from: "u-office", at: "2026-11-28T09:00:00+08:00")
        #expect(award.reply.ok && award.notifications.map(\.to) == ["u-ann"], "\(award.reply.text)")
        let english = try bot.say("award Ann Lee ontime", from: "u-office", at: "2026-11-28T09:01:00+08:00")
        #expect(english.reply.ok && english.notifications.map(\.to) == ["u-ann"], "\(english.reply.text)")
        #expect(try bot.say("加分 Ann ontime", from: "u-office", at: "2026-11-28T09:02:00+08:00").reply.code == "not_found", "half a name is no one")
    }
}

/// What goes into a group says nothing about who or where.
@Suite struct GroupPostPrivacyTests {
    /// The handler writes the outcome to the reporter; the building's group reads it
    /// without names, rooms or phone numbers.
    @Test func aPublicisedOutcomeNamesNoOne() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 厨房", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
        #expect(try bot.say("签收 R1", from: "u-cap1", at: "2026-11-28T09:01:00+08:00").reply.ok)
        let done = try bot.say("办结 R1 李阿姨家502厨房水管已换，电话13812345678", from: "u-cap1", at: "2026-11-28T09:02:00+08:00")
        let post = try #require(done.posts.first { $0.reason == "publicised" })
        #expect(post.text.contains("厨房水管已换") && !post.text.contains("李阿姨") && !post.text.contains("502") && !post.text.contains("13812345678"), "\(post.text)")
        #expect(done.notifications.first { $0.to == "u-li" }?.text.contains("13812345678") == true, "the reporter reads it as written")
    }
}

/// Chinese replies name departments and buildings by name, not by their ids.
@Suite struct NamesNotIDsTests {
    @Test func whistlingAndAppointingNameThings() throws {
        let bot = try FamilyHarness("workorders", "roles")
        #expect(try bot.say("报修 漏水 厨房", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
        let whistle = try bot.say("吹哨 R1", from: "u-office", at: "2026-11-28T09:01:00+08:00").reply
        #expect(whistle.code == "usage" && whistle.text.hasPrefix("没有比您更高的一级了") && !whistle.text.contains("已在社区层级"), "\(whistle.text)")
        let names = bot.community.departments.map(\.name)
        #expect(!names.isEmpty && names.allSatisfy { whistle.text.contains($0) }, "\(whistle.text)")
        let appoint = try bot.say("任命 张博 楼栋长 9栋", from: "u-office", at: "2026-11-28T09:02:00+08:00").reply
        #expect(appoint.text.contains("有：1栋、2栋") && !appoint.text.contains("b1"), "\(appoint.text)")
    }
}

/// `2栋 501`: a building and its room written apart are one place.
@Suite struct SpacedPlacesTests {
    @Test func aBuildingAndItsRoomWrittenApart() throws {
        let bot = try FamilyHarness("people", "households")
        let registered = try bot.say("登记 1栋 302", from: "u-new", named: "小林", at: "2026-11-28T09:00:00+08:00").reply
        #expect(registered.ok && registered.text.contains("1栋 302"), "\(registered.text)")
        let inGroup = try bot.say("小邻 登记 2栋 303", from: "u-new2", in: "t-b1", at: "2026-11-28T09:01:00+08:00").reply
        #expect(inGroup.ok && inGroup.text.contains("2栋 303"), "\(inGroup.text)")
        let file = try bot.say("户档 1栋 502", from: "u-office", at: "2026-11-28T09:02:00+08:00").reply
        #expect(file.ok && file.text.hasPrefix("b1-502 户档"), "\(file.text)")
    }
}

/// Who is told what, when plans change.
@Suite struct CalledOffTests {
    /// An urgent request reached the captain too: its withdrawal does as well.
    @Test func aWithdrawnUrgentRequestIsCalledOffWithTheCaptain() throws {
        let community = try FamilyHarness.community(
            replacing: "  - {id: haircut, name: 义剪, names: [haircut, 义剪], handler: u-vol}",
            with: "  - {id: haircut, name: 义剪, names: [haircut, 义剪], handler: u-vol}\n  - {id: butler, name: 红色管家, names: [butler, 红色管家], handler: u-vol, urgent: true}")
        let bot = try FamilyHarness("services", "workorders", community: community)
        let asked = try bot.say("申请 红色管家 老人摔倒了", from: "u-li", at: "2026-11-28T09:00:00+08:00")
        #expect(Set(asked.notifications.map(\.to)) == ["u-vol", "u-cap1"])
        let withdrawn = try bot.say("撤销 S1", from: "u-li", at: "2026-11-28T09:01:00+08:00")
        #expect(withdrawn.reply.ok && Set(withdrawn.notifications.map(\.to)) == ["u-vol", "u-cap1"], "\(withdrawn.notifications.map(\.to))")
    }

    /// The weekly quota names the week of the booking, which need not be this one.
    @Test func theQuotaNamesTheWeekAskedFor() throws {
        let bot = try FamilyHarness("bookings")
        #expect(try bot.say("预约 活动室 12月1日 10:00-11:00", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.ok)
        let second = try bot.say("预约 活动室 12月2日 10:00-11:00", from: "u-li", at: "2026-11-28T09:01:00+08:00").reply
        #expect(second.code == "limit" && second.text.contains("11月30日 周一那一周") && !second.text.contains("本周"), "\(second.text)")
    }
}

/// An auto-closed report says until when it can be reopened, and its history says why in words.
@Suite struct AutoCloseWordingTests {
    @Test func anAutoClosedReportGivesItsReopenDeadline() throws {
        let bot = try FamilyHarness("workorders")
        try bot.say("报修 漏水 厨房", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("签收 R1", from: "u-cap1", at: "2026-11-28T09:01:00+08:00")
        try bot.say("办结 R1 已修好", from: "u-cap1", at: "2026-11-28T09:02:00+08:00")
        let closed = try bot.tick("2026-12-01T09:03:00+08:00").notifications.first { $0.to == "u-li" }?.text ?? ""
        #expect(closed.contains("12月5日 周六 09:02前可回复：没解决 R1") && !closed.contains("7天内"), "\(closed)")
        let status = try bot.say("进度 R1", from: "u-li", at: "2026-12-06T10:00:00+08:00").reply.text
        #expect(status.contains("办结后未评价") && !status.contains("unrated"), "\(status)")
        let rate = try bot.say("评价 R1 4", from: "u-li", at: "2026-12-06T10:01:00+08:00").reply.text
        #expect(rate.contains("之后请重新报修"), "\(rate)")
    }
}

/// A household that follows a report (我也是, or a duplicate merged in) may chase it.
@Suite struct FollowerChaseTests {
    @Test func aFollowerCanChase() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 楼道水管", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
        #expect(try bot.say("我也是 R1", from: "u-ann", at: "2026-11-28T09:01:00+08:00").reply.ok)
        let chased = try bot.say("urge R1", from: "u-ann", at: "2026-11-28T09:02:00+08:00")
        #expect(chased.reply.ok && chased.notifications.first?.text.contains("受影响的住户") == true, "\(chased.reply.text)")
        #expect(try bot.say("催办 R1", from: "u-bo", at: "2026-11-28T09:03:00+08:00").reply.code == "forbidden", "a neighbour who does not follow it")
    }
}

/// What a resident reads in the notices round 21 found wanting.
@Suite struct NoticeWordingTests {
    /// Thanking the bot the ordinary way, in a noisy group, is answered in kind, not
    /// as a `thanks W<n>` with a bad record id.
    @Test func thanksSaidTheOrdinaryWayIsWelcomed() throws {
        let bot = try FamilyHarness("wishes", "workorders")
        #expect(try bot.say("thank you so much everyone", from: "u-ann", in: "t-b1", at: "2026-11-28T08:50:00+08:00").isEmpty, "talk among neighbours")
        for (text, who, welcome) in [
            ("@linli thank you so much!", "u-ann", "You're welcome"), ("小邻 谢谢你啦", "u-li", "不客气"), ("linli thanks a lot", "u-ann", "You're welcome"),
            ("小邻，辛苦了！", "u-li", "不客气"),
        ] {
            let reply = try bot.say(text, from: who, in: "t-b1", at: "2026-11-28T08:52:00+08:00").reply
            #expect(reply.ok && reply.text.hasPrefix(welcome), "\(text): \(reply.text)")
        }
        #expect(try bot.say("小邻 谢谢 W9", from: "u-li", in: "t-b1", at: "2026-11-28T08:53:00+08:00").reply.code == "not_found", "a wish's thanks still reads its id")
    }

    @Test func aLoanInTheListSaysItsHourAndBookingsCountInWords() throws {
        let bot = try FamilyHarness("services", "workorders", "bookings")
        #expect(try bot.say("借 伞", from: "u-li", at: "2026-11-28T21:30:00+08:00").reply.ok)
        let zh = try bot.say("进度", from: "u-li", at: "2026-11-28T21:31:00+08:00").reply.text
        #expect(zh.contains("借用中，12月1日 周二 21:30前归还"), "\(zh)")
        #expect(try bot.say("borrow umbrella", from: "u-ann", at: "2026-11-28T21:33:00+08:00").reply.ok)
        let en = try bot.say("status", from: "u-ann", at: "2026-11-28T21:34:00+08:00").reply.text
        #expect(en.contains("on loan, due back by 21:33 on Tue 1 Dec"), "\(en)")

        #expect(try bot.say("book room 2026-12-01 19:00-21:00 film", from: "u-ann", at: "2026-11-29T09:00:00+08:00").reply.ok)
        let quota = try bot.say("book room 2026-12-02 19:00-21:00 film", from: "u-ann", at: "2026-11-29T09:01:00+08:00").reply.text
        #expect(quota.contains("1 time ") && !quota.contains("1 times"), "\(quota)")
        let declined = try bot.say("decline B1 场地维修", from: "u-cap1", at: "2026-11-29T09:02:00+08:00")
        let told = declined.notifications.first { $0.to == "u-ann" }?.text ?? ""
        #expect(told.contains("(活动室 Tue 1 Dec 19:00-21:00)") && told.hasSuffix("declined: 场地维修."), "the venue (no English name in this file), one full stop: \(told)")
    }

    /// A wish the wisher never confirmed is confirmed after 3 days: the wisher hears so.
    @Test func anAutomaticConfirmationTellsTheWisher() throws {
        let bot = try FamilyHarness("wishes")
        #expect(try bot.say("微心愿 想要人陪我去医院", from: "u-li", at: "2026-11-28T09:03:00+08:00").reply.refs == ["W1"])
        #expect(try bot.say("认领 W1", from: "u-vol", at: "2026-11-28T09:04:00+08:00").reply.ok)
        #expect(try bot.say("完成 W1", from: "u-vol", at: "2026-11-28T09:05:00+08:00").reply.ok)
        let confirmed = try bot.tick("2026-12-01T09:06:00+08:00").notifications
        #expect(confirmed.compactMap(\.to).sorted() == ["u-li", "u-vol"], "\(confirmed)")
        #expect(confirmed.first { $0.to == "u-li" }?.text.contains("已自动确认") == true)
    }
}
