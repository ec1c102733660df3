import LinliProtocol
import LinliTesting
import Testing

/// Venues and service items named in both languages in the community file: every
/// reply, push and post that names one uses the reader's language (PROTOCOL.md §2.3).
@Suite struct NamesInLanguageTests {
    static func at(_ hhmm: String, day: Int = 28) -> String { "2026-11-\(day)T\(hhmm):00+08:00" }

    /// The harness community, its venues and items named in both languages, with a
    /// mediator, the other party of a dispute (吴大哥, b1-602), and the kiosk for mediation.
    static let community = FamilyHarness.community
        .replacingOccurrences(of: "name: 凉亭,", with: "name: {zh: 凉亭, en: Pavilion},")
        .replacingOccurrences(of: "name: 活动室,", with: "name: {zh: 活动室, en: Activity room},")
        .replacingOccurrences(of: "name: 爱心伞,", with: "name: {zh: 爱心伞, en: Umbrella}, unit: 把,")
        .replacingOccurrences(of: "name: 义剪,", with: "name: {zh: 义剪, en: Free haircut},")
        .replacingOccurrences(
            of: "  - {id: u-vol,", with: "  - {id: u-med, name: 宋调解, roles: [mediator]}\n  - {id: u-wu, name: 吴大哥, home: b1-602}\n  - {id: u-vol,"
        )
        .replacingOccurrences(
            of: "  - {id: other,",
            with: "  - {id: dispute, names: [dispute, 纠纷], priority: P3, accept: 1d, resolve: 15d, private: true}\n  - {id: other,"
        )
        .replacingOccurrences(
            of: "  - {id: room,",
            with:
                "  - {id: kiosk, name: {zh: 商议亭, en: Discussion kiosk}, names: [kiosk, 商议亭], open: \"09:00-18:00\", min: 30m, max: 2h, mediation: true}\n  - {id: room,"
        )

    static func harness() throws -> FamilyHarness {
        try FamilyHarness("bookings", "services", "workorders", "households", "disputes", community: community)
    }

    /// One reply kind: what is said first (in the other language, to set things up),
    /// then the command in Chinese and in English, and the names each reply must show.
    struct Case: Sendable, CustomStringConvertible {
        var kind: String
        var setup: [(String, String)] = []
        var zh: String
        var en: String
        var zhName: String
        var enName: String
        var description: String { kind }
    }

    static let cases: [Case] = [
        Case(kind: "venues", zh: "场地 明天", en: "venues tomorrow", zhName: "凉亭", enName: "Pavilion"),
        Case(kind: "book", zh: "预约 凉亭 明天 10:00-11:00", en: "book pavilion tomorrow 14:00-15:00", zhName: "凉亭", enName: "Pavilion"),
        Case(
            kind: "book, approval needed", zh: "预约 活动室 明天 10:00-11:00", en: "book room 2026-12-01 10:00-11:00", zhName: "活动室", enName: "Activity room"
        ),
        Case(
            kind: "book, clash", setup: [("u-bo", "预约 凉亭 明天 10:00-11:00")], zh: "预约 凉亭 明天 10:00-11:00", en: "book pavilion tomorrow 10:30-11:00",
            zhName: "凉亭", enName: "Pavilion"),
        Case(kind: "book, outside hours", zh: "预约 凉亭 明天 22:00-23:00", en: "book pavilion tomorrow 22:00-23:00", zhName: "凉亭", enName: "Pavilion"),
        Case(
            kind: "bookings", setup: [("u-bo", "预约 凉亭 明天 10:00-11:00")], zh: "我的预约", en: "bookings", zhName: "凉亭", enName: "Pavilion"),
        Case(
            kind: "schedule", setup: [("u-bo", "预约 凉亭 明天 10:00-11:00")], zh: "日程 凉亭 明天", en: "schedule pavilion tomorrow", zhName: "凉亭",
            enName: "Pavilion"),
        Case(kind: "services", zh: "服务", en: "services", zhName: "爱心伞", enName: "Umbrella"),
        Case(kind: "loan", zh: "借 伞", en: "borrow umbrella", zhName: "爱心伞", enName: "Umbrella"),
        Case(kind: "loan, out of stock", setup: [("u-bo", "借两把伞")], zh: "借 伞", en: "borrow umbrella", zhName: "爱心伞", enName: "Umbrella"),
        Case(kind: "service request", zh: "申请 义剪", en: "request haircut", zhName: "义剪", enName: "Free haircut"),
        Case(kind: "open records", setup: [("u-bo", "申请 义剪")], zh: "进度", en: "status", zhName: "义剪", enName: "Free haircut"),
        Case(kind: "household", setup: [("u-bo", "借 伞")], zh: "户档", en: "household", zhName: "爱心伞", enName: "Umbrella"),
    ]

    /// Each reply kind names the venue or item in the language of the reply: 李阿姨 writes
    /// Chinese, 张博 (no language chosen) the same command in English.
    @Test(arguments: cases)
    func aReplyNamesTheVenueOrItemInItsLanguage(_ c: Case) throws {
        for (lang, said) in [("zh", c.zh), ("en", c.en)] {
            let bot = try Self.harness()
            let asker = lang == "zh" ? "u-li" : "u-bo"
            // Set-ups by 张博 become 李阿姨's own when she asks, so both see a record.
            for (i, (user, text)) in c.setup.enumerated() {
                try bot.say(text, from: lang == "zh" && user == "u-bo" ? "u-li" : user, at: Self.at("08:0\(i)"))
            }
            let reply = try bot.say(said, from: asker, at: Self.at("09:00")).reply.text
            let (want, not) = lang == "zh" ? (c.zhName, c.enName) : (c.enName, c.zhName)
            #expect(reply.contains(want), "\(c.kind) \(lang): \(reply)")
            #expect(!reply.contains(not), "\(c.kind) \(lang): \(reply)")
        }
    }

    /// Pushes go in the recipient's language, and the name with them: Ann (English)
    /// and 李阿姨 (Chinese) are reminded of their bookings and loans; the captain (Chinese)
    /// is asked to approve Ann's booking in Chinese.
    @Test func pushesNameTheVenueOrItemInTheRecipientsLanguage() throws {
        let bot = try Self.harness()
        let approval = try bot.say("book room tomorrow 10:00-11:00", from: "u-ann", at: Self.at("09:00"))
        #expect(approval.reply.text.contains("Activity room") && !approval.reply.text.contains("活动室"))
        let toCaptain = try #require(approval.notifications.first { $0.to == "u-cap1" }?.text)
        #expect(toCaptain.contains("活动室") && !toCaptain.contains("Activity room"), "\(toCaptain)")
        try bot.say("预约 凉亭 明天 15:00-16:00", from: "u-li", at: Self.at("09:01"))
        try bot.say("预约 凉亭 明天 17:00-18:00", from: "u-ann", at: Self.at("09:02"))
        // Ann's activity-room request, never approved, lapsed at 10:00: the reminders are the pavilion's.
        let reminders = (try bot.tick("2026-11-29T14:45:00+08:00").notifications + bot.tick("2026-11-29T16:45:00+08:00").notifications)
            .filter { $0.reason == "reminder" }
        let li = try #require(reminders.first { $0.to == "u-li" }?.text)
        let ann = try #require(reminders.first { $0.to == "u-ann" }?.text)
        #expect(li.contains("凉亭") && !li.contains("Pavilion"), "\(li)")
        #expect(ann.contains("Pavilion") && !ann.contains("凉亭"), "\(ann)")

        try bot.say("借 伞", from: "u-ann", at: Self.at("17:00", day: 29))
        try bot.say("borrow umbrella", from: "u-li", at: Self.at("17:01", day: 29))
        let due = try bot.tick("2026-12-02T17:02:00+08:00").notifications
        let annDue = try #require(due.first { $0.to == "u-ann" }?.text)
        let liDue = try #require(due.first { $0.to == "u-li" }?.text)
        #expect(annDue.contains("Umbrella") && !annDue.contains("爱心伞"), "\(annDue)")
        #expect(liDue.contains("Umbrella") && !liDue.contains("爱心伞"), "李阿姨 last wrote English: \(liDue)")
    }

    /// A dispute's invitation names the mediation venue in each party's language, and the
    /// handler of a service reads the item in theirs.
    @Test func invitationsAndHandlersReadTheNameInTheirLanguage() throws {
        let bot = try Self.harness()
        try bot.say("report dispute the washing machine upstairs at night", from: "u-ann", at: Self.at("09:00"))
        let invited = try bot.say("邀请 R1 602 明天 下午3点到4点", from: "u-med", at: Self.at("09:10"))
        let toAnn = try #require(invited.notifications.first { $0.to == "u-ann" }?.text)
        let toWu = try #require(invited.notifications.first { $0.to == "u-wu" }?.text)
        #expect(toAnn.contains("Discussion kiosk") && !toAnn.contains("商议亭"), "\(toAnn)")
        #expect(toWu.contains("商议亭") && !toWu.contains("Discussion kiosk"), "\(toWu)")

        let request = try bot.say("request haircut", from: "u-ann", at: Self.at("10:00"))
        let toVolunteer = try #require(request.notifications.first { $0.to == "u-vol" }?.text)
        #expect(toVolunteer.contains("义剪") && !toVolunteer.contains("Free haircut"), "\(toVolunteer)")
        let queue = try bot.say("queue", from: "u-vol", at: Self.at("10:01")).reply.text
        #expect(queue.contains("Free haircut") && !queue.contains("义剪"), "\(queue)")
    }
}
