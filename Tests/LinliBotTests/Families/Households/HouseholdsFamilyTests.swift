import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// 一户一档 and 党员包户 (issue 17, items 1 and 2): the household's file for each
/// role, pairs from the community file and from chat, visits that file reports,
/// coverage and the weekly reminder, in both languages and in a noisy group.
@Suite struct HouseholdsFamilyTests {
    /// The harness community with two party members (one pairs in the file), a visit
    /// period of 30 days and a ledger item for visits.
    static let community = FamilyHarness.community
        .replacingOccurrences(of: "groups: [t-office]}", with: "groups: [t-office], visit_every: 30d}")
        .replacingOccurrences(
            of: "  - {id: u-pipe, name: 钱工, roles: [department]}",
            with: """
                  - {id: u-pipe, name: 钱工, roles: [department]}
                  - {id: u-party, name: 党员老周, home: b1-301, roles: [party_member], pairs: [b1-501, b1-502]}
                  - {id: u-red, name: Ruby Red, home: b2-303, roles: [party_member], lang: en}
                """
        )
        .replacingOccurrences(
            of: "  - {id: ontime, names: [ontime, 及时签收], points: 1}",
            with: "  - {id: ontime, names: [ontime, 及时签收], points: 1}\n  - {id: visit, names: [visit, 走访], points: 2}")

    static func bot() throws -> FamilyHarness { try FamilyHarness("households", "workorders", "points", community: community) }

    @Test func aHouseholdsFileShowsItsMembersAndRecordsToThoseAllowed() throws {
        let bot = try Self.bot()
        try bot.say("报修 漏水 卫生间天花板滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("走访 b1-502 老人独居，腿脚不便", from: "u-party", at: "2026-11-28T10:00:00+08:00")

        let own = try bot.say("我家", from: "u-li", at: "2026-11-28T10:05:00+08:00").reply
        #expect(own.ok && own.text.contains("b1-502 户档") && own.text.contains("李阿姨") && own.text.contains("R1"))
        #expect(own.text.contains("包户党员：党员老周"))
        #expect(!own.text.contains("腿脚不便"), "a resident's own file has no visit notes")

        #expect(try bot.say("户档 b1-502", from: "u-ann", at: "2026-11-28T10:06:00+08:00").reply.code == "forbidden", "a neighbour")
        #expect(try bot.say("户档 b1-502", from: "u-cap2", at: "2026-11-28T10:06:00+08:00").reply.code == "forbidden", "another building's captain")

        for viewer in ["u-cap1", "u-office", "u-party"] {
            let file = try bot.say("户档 b1-502", from: viewer, at: "2026-11-28T10:07:00+08:00").reply
            #expect(file.ok && file.text.contains("V1") && file.text.contains("腿脚不便"), "\(viewer) sees the visits")
        }
        let grid = try bot.say("户档 b1-502", from: "u-grid", at: "2026-11-28T10:08:00+08:00").reply
        #expect(grid.ok && grid.text.contains("R1") && !grid.text.contains("腿脚不便"), "the grid leader: the file without visit notes")

        // In a group the file goes privately; the group reads not even which flat's it is.
        let inGroup = try bot.say("户档 502", from: "u-cap1", in: "t-b1", at: "2026-11-28T10:09:00+08:00")
        #expect(inGroup.reply.text == "户档\n（详情已私信发给您）", "\(inGroup.reply.text)")
        #expect(inGroup.notifications.first { $0.reason == "private_reply" }?.text.contains("腿脚不便") == true)

        let english = try bot.say("household", from: "u-ann", at: "2026-11-28T10:10:00+08:00").reply
        #expect(english.text.hasPrefix("Household b1-501 (1栋)") && english.text.contains("Members: Ann Lee"))
        let office = try bot.say("household", from: "u-office", at: "2026-11-28T10:11:00+08:00").reply
        #expect(office.code == "usage" && office.text.contains("household b3-502"), "no home of one's own: asked to name one")
    }

    @Test func aPrivateReportAboutARoomIsNotInThatHouseholdsFile() throws {
        let bot = try Self.bot()
        try bot.say("报修 噪音 501 每天半夜拖椅子", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("report leak 501 stairwell outside my door", from: "u-li", at: "2026-11-28T09:01:00+08:00")
        for viewer in ["u-ann", "u-party"] {
            let file = try bot.say("户档 b1-501", from: viewer, at: "2026-11-28T09:05:00+08:00").reply
            #expect(file.ok && file.text.contains("R2") && !file.text.contains("R1"), "\(viewer) does not learn of the complaint: \(file.text)")
        }
        let captain = try bot.say("户档 b1-501", from: "u-cap1", at: "2026-11-28T09:06:00+08:00").reply
        #expect(captain.text.contains("R1") && captain.text.contains("R2"), "its handler sees both")
        #expect(try bot.say("我家", from: "u-li", at: "2026-11-28T09:07:00+08:00").reply.text.contains("R1"), "the one who reported it, in her own file")
    }

    @Test func staffPairAndUnpairInChatOverTheCommunityFile() throws {
        let bot = try Self.bot()
        let coverage = try bot.say("走访情况", from: "u-party", at: "2026-11-28T09:00:00+08:00").reply
        #expect(coverage.text.contains("0/2户") && coverage.text.contains("从未走访：b1-501 b1-502"), "the file's pairs")

        #expect(try bot.say("包户 党员老周 b2-302", from: "u-cap1", at: "2026-11-28T09:01:00+08:00").reply.code == "forbidden")
        #expect(try bot.say("包户 李阿姨 b2-302", from: "u-office", at: "2026-11-28T09:01:00+08:00").reply.code == "usage", "not a party member")
        #expect(try bot.say("包户 党员老周 b9-302", from: "u-office", at: "2026-11-28T09:01:00+08:00").reply.code == "usage", "no such building")
        let paired = try bot.say("包户 党员老周 b2-302 b2-402", from: "u-office", at: "2026-11-28T09:02:00+08:00")
        #expect(paired.reply.ok && paired.reply.text.contains("共包4户"))
        #expect(paired.notifications.first?.to == "u-party" && paired.notifications.first?.text.contains("b2-302 b2-402") == true)

        let unpaired = try bot.say("unpair u-party b1-501", from: "u-office", at: "2026-11-28T09:03:00+08:00").reply
        #expect(unpaired.ok && unpaired.text.contains("no longer looks after b1-501"), "a pair of the file ended in chat")
        #expect(try bot.say("走访情况", from: "u-party", at: "2026-11-28T09:04:00+08:00").reply.text.contains("0/3户"))

        let red = try bot.say("pair Ruby b1-501", from: "u-office", at: "2026-11-28T09:05:00+08:00")
        #expect(red.reply.code == "not_found", "names are whole: \(red.reply.text)")
        #expect(try bot.say("pair @u-red b1-501", from: "u-office", at: "2026-11-28T09:05:00+08:00").reply.ok)
        let all = try bot.say("visits", from: "u-office", at: "2026-11-28T09:06:00+08:00").reply
        #expect(all.text.hasPrefix("The whole community, visited within 30 days: 0/4 (0%)"))
        #expect(all.text.contains("0/4") && all.text.contains("党员老周: 0/3") && all.text.contains("Ruby Red: 0/1"))
    }

    @Test func aVisitIsRecordedPrivatelyAndCanFileAReportForTheHousehold() throws {
        let bot = try Self.bot()
        let plain = try bot.say("走访 b1-501 身体不错，提醒打流感疫苗", from: "u-party", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(plain.reply.ok && plain.reply.refs == ["V1"] && !plain.reply.text.contains("疫苗") && !plain.reply.text.contains("b1-501"))
        #expect(plain.notifications.first { $0.reason == "private_reply" }?.text.contains("b1-501") == true)

        let filed = try bot.say("走访 502 厨房水管滴水 报修 漏水", from: "u-party", in: "t-b1", at: "2026-11-28T09:30:00+08:00")
        #expect(filed.reply.refs == ["V2"] && !filed.reply.text.contains("R1"), "the group sees the visit's id only")
        let told = try #require(filed.notifications.first { $0.reason == "new_report" })
        #expect(told.to == "u-cap1" && told.text.contains("R1") && told.text.contains("厨房水管滴水") && told.text.contains("V2 党员老周"))
        let status = try bot.say("进度 R1", from: "u-li", at: "2026-11-28T09:31:00+08:00").reply
        #expect(status.ok && status.text.contains("党员老周"), "the member of the household follows it; its history names the visitor")
        // The party member who filed it follows and chases it too (both were forbidden), but does not rate it.
        #expect(try bot.say("进度 R1", from: "u-party", at: "2026-11-28T09:31:10+08:00").reply.ok)
        #expect(try bot.say("催办 R1", from: "u-party", at: "2026-11-28T09:31:20+08:00").reply.ok)
        #expect(try bot.say("进度 R1", from: "u-red", at: "2026-11-28T09:31:30+08:00").reply.code == "not_found", "another member does not: to him it is not there")
        #expect(try bot.say("积分", from: "u-party", at: "2026-11-28T09:32:00+08:00").reply.text.contains("积分 4"), "2 points a visit")

        #expect(try bot.say("visit b1-501 hello", from: "u-ann", at: "2026-11-28T09:33:00+08:00").reply.code == "forbidden")
        #expect(try bot.say("走访 b2-302 看望", from: "u-cap1", at: "2026-11-28T09:33:00+08:00").reply.code == "forbidden", "not the captain's building")
        #expect(try bot.say("走访 b1-501 情况 报修 火灾", from: "u-party", at: "2026-11-28T09:34:00+08:00").reply.code == "usage")
        let english = try bot.say("visit b2-302 all well report leak", from: "u-red", at: "2026-11-28T09:35:00+08:00").reply
        #expect(english.ok && english.text.contains("Visit V3 recorded: b2-302") && english.text.contains("filed report R2"))
    }

    @Test func membersAreRemindedOnceAWeekOfHouseholdsNotVisitedInTime() throws {
        let bot = try Self.bot()
        #expect(try bot.tick("2026-11-01T07:00:00+08:00").isEmpty, "the first event starts the daily clock")
        #expect(try bot.tick("2026-11-01T09:00:30+08:00").isEmpty, "never visited counts from the first morning, not from before Linli ran")
        try bot.say("走访 b1-501 一切正常", from: "u-party", at: "2026-11-01T10:00:00+08:00")
        let month = try bot.tick("2026-12-01T09:00:30+08:00")
        #expect(month.notifications.map(\.to) == ["u-party"] && month[0].text.contains("b1-502") && !month[0].text.contains("b1-501"))
        #expect(try bot.tick("2026-12-02T09:00:30+08:00").isEmpty, "not again within the week")
        try bot.say("包户 u-party b2-302", from: "u-office", at: "2026-12-05T10:00:00+08:00")
        let week = try bot.tick("2026-12-08T09:00:30+08:00")
        #expect(
            week.count == 1 && week[0].text.contains("b1-501 b1-502") && !week[0].text.contains("b2-302"), "one message; a new pair is not due yet")
        try bot.say("走访 b1-501 正常", from: "u-party", at: "2026-12-09T10:00:00+08:00")
        try bot.say("走访 b1-502 正常", from: "u-party", at: "2026-12-09T10:30:00+08:00")
        #expect(try bot.tick("2026-12-16T09:00:30+08:00").isEmpty, "all visited: nothing")
        let paired = try bot.tick("2027-01-05T09:00:30+08:00")
        #expect(paired.count == 1 && paired[0].text.contains("b2-302") && !paired[0].text.contains("b1-50"), "30 days after it was paired")
    }

    @Test func inANoisyGroupOnlyCommandsAreAnswered() throws {
        let bot = try Self.bot()
        for (who, text) in [("u-li", "大家好"), ("u-party", "谢谢周书记"), ("u-ann", "anyone seen my cat?"), ("u-cap1", "走访的时候记得带口罩哈")] {
            let out = try bot.say(text, from: who, in: "t-b1", at: "2026-11-28T09:00:00+08:00")
            #expect(out.isEmpty, "\(text): \(out.map(\.text))")
        }
        #expect(try bot.say("@小邻 我家", from: "u-li", in: "t-b1", at: "2026-11-28T09:01:00+08:00").reply.ok)
        #expect(try bot.say("走访情况", from: "u-party", in: "t-b1", at: "2026-11-28T09:02:00+08:00").reply.text.contains("走访覆盖 0%"))
    }

    /// A visit names a room the building has, and a second visit of a household the
    /// same day is recorded without points; English replies name buildings in English.
    @Test func visitsCountOnceADayAndOnlyRealRooms() throws {
        let bot = try Self.bot()
        let nowhere = try bot.say("走访 b1-9999 随便看看", from: "u-party", at: "2026-11-28T09:00:00+08:00").reply
        #expect(nowhere.code == "usage" && nowhere.text.contains("1栋没有9999这一户"), "\(nowhere.text)")
        #expect(try bot.say("走访 b1-502 送了米面油", from: "u-party", at: "2026-11-28T10:00:00+08:00").reply.refs == ["V1"])
        let again = try bot.say("走访 b1-502 又去了一次", from: "u-party", at: "2026-11-28T15:00:00+08:00").reply
        #expect(again.refs == ["V2"] && again.text.contains("不再加分"), "\(again.text)")
        #expect(try bot.say("走访 b1-502 第二天", from: "u-party", at: "2026-11-29T10:00:00+08:00").reply.text.contains("不再加分") == false)
        // Her own home, or a household not in her care, earns nothing (it could be farmed daily).
        let own = try bot.say("走访 b1-301 在家休息", from: "u-party", at: "2026-11-29T11:00:00+08:00").reply
        #expect(own.ok && own.text.contains("不是您包户的一户，不加分"), "\(own.text)")
        #expect(try bot.say("走访 b2-303 路过看看", from: "u-party", at: "2026-11-29T11:05:00+08:00").reply.text.contains("不加分"))
        let points = try bot.say("积分", from: "u-party", at: "2026-11-29T11:10:00+08:00").reply.text
        #expect(points.contains("积分 4"), "two days, two visits that count: \(points)")
        let named = Self.community.replacingOccurrences(of: "{id: b1, name: 1栋,", with: "{id: b1, name: {zh: 1栋, en: Building 1},")
        #expect(named != Self.community)
        let english = try FamilyHarness("households", "workorders", "points", community: named)
        let elsewhere = try english.say("visits b1", from: "u-red", at: "2026-11-29T10:02:00+08:00").reply
        #expect(elsewhere.code == "forbidden" && elsewhere.text == "Building 1 is not in your care.", "\(elsewhere.text)")
    }

    /// A follow-up question about a private matter, asked in a group, is asked and
    /// answered privately: what a visit found never goes into the group.
    @Test func aPrivateFollowUpIsAskedPrivately() throws {
        let bot = try Self.bot()
        #expect(try bot.say("今天天气不错", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty)
        let asked = try bot.say("小邻 走访", from: "u-party", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        #expect(asked.reply.text == "这涉及私密事项，我私信问您。", "\(asked.reply.text)")
        #expect(asked.notifications.first { $0.reason == "private_reply" }?.text.contains("走访了哪一户") == true)
        #expect(try bot.say("b1-502 老人腿脚不便", from: "u-party", in: "t-b1", at: "2026-11-28T09:02:00+08:00").isEmpty, "not answered in the group")
        let answered = try bot.say("b1-502 老人腿脚不便", from: "u-party", at: "2026-11-28T09:03:00+08:00")
        #expect(answered.reply.refs == ["V1"] && answered.reply.text.contains("b1-502"), "\(answered.reply.text)")
    }

    /// A reminder goes at most weekly: when one goes, it names the paired households
    /// never visited as well as those overdue.
    @Test func aReminderNamesTheHouseholdsNeverVisitedToo() throws {
        let bot = try Self.bot()
        #expect(try bot.say("走访 b1-501 一切正常", from: "u-party", at: "2026-11-28T09:00:00+08:00").reply.ok)
        try bot.tick("2026-11-29T09:00:00+08:00")
        let reminded = try bot.tick("2026-12-28T09:00:00+08:00").notifications.first { $0.to == "u-party" }?.text ?? ""
        #expect(reminded.contains("没有走访：b1-501") && reminded.contains("还从未走访：b1-502"), "\(reminded)")
    }

    /// A captain asking about a party member whose pairs are all in another building is
    /// told where the line is drawn, not that the member has no pairs.
    @Test func aMembersPairsOutsideTheAskersBuildingsAreNotNone() throws {
        let bot = try Self.bot()
        #expect(try bot.say("走访 b1-502 一切正常", from: "u-party", at: "2026-11-28T09:00:00+08:00").reply.ok)
        let other = try bot.say("走访情况 党员老周", from: "u-cap2", at: "2026-11-28T09:01:00+08:00").reply
        #expect(other.code == "forbidden" && other.text.contains("不在您负责的楼栋里") && !other.text.contains("没有包户"), "\(other.text)")
        let elsewhere = try bot.say("走访 b1-502 一切正常", from: "u-cap2", at: "2026-11-28T09:01:30+08:00").reply
        #expect(elsewhere.code == "forbidden" && elsewhere.text.contains("1栋不在您负责的范围内"), "the building, not the role: \(elsewhere.text)")
        let own = try bot.say("走访情况 党员老周", from: "u-cap1", at: "2026-11-28T09:02:00+08:00").reply
        #expect(own.ok && own.text.contains("党员老周 近30天走访覆盖：1/2户"), "\(own.text)")
    }
}

/// A report filed from a household visit carries the visit's notes: a group reads its
/// number only, neighbours cannot follow it, and its outcome is not posted there.
@Suite struct VisitReportKeptFromGroupsTests {
    @Test func aGroupReadsAVisitReportsNumberOnly() throws {
        let bot = try FamilyHarness("households", "workorders")
        let at = "2026-11-28T09:00:00+08:00"
        let visit = try bot.say("走访 502 老人独居，血压高，需要关注 报修 其他", from: "u-cap1", at: at)
        #expect(visit.reply.refs == ["V1", "R1"], "\(visit.reply.text)")
        #expect(try bot.say("大家早上好", from: "u-ann", in: "t-b1", at: at).isEmpty)
        for text in ["进度 R1", "待办"] {
            let out = try bot.say(text, from: "u-cap1", in: "t-b1", at: at)
            #expect(!out.reply.text.contains("血压") && out.reply.text.contains("R1 私密事项"), "\(text): \(out.reply.text)")
            #expect(out.notifications.contains { $0.to == "u-cap1" && $0.reason == "private_reply" }, "\(text)")
        }
        #expect(try bot.say("我也是 R1", from: "u-ann", in: "t-b1", at: at).reply.code == "not_found")
        let done = try bot.say("办结 R1 已联系家属", from: "u-cap1", at: at)
        #expect(done.reply.ok && !done.contains { $0.type == .post }, "\(done)")
        #expect(try bot.say("进度 R1", from: "u-cap1", at: at).reply.text.hasPrefix("R1 其他"), "privately the order reads as it is")
    }
}

/// `…，报修 漏水` and `…报修漏水` file the report too (the visit was saved without it, and
/// without a word); a report word run into the notes with no category after it is notes.
@Suite struct VisitReportWordingTests {
    @Test(arguments: [
        ("走访 502 厨房水管滴水，报修 漏水", true), ("走访 502 厨房水管滴水 报修漏水", true), ("走访 502 上次报修过了", false),
        ("走访 502 张阿姨说上周报修 漏水还没人来", false),
    ])
    func theReportIsFiledHoweverItIsWritten(_ text: String, _ files: Bool) throws {
        let bot = try HouseholdsFamilyTests.bot()
        let reply = try bot.say(text, from: "u-party", at: "2026-11-28T09:30:00+08:00").reply
        #expect(reply.ok && reply.refs.contains("R1") == files, "\(text): \(reply.text)")
    }
}
