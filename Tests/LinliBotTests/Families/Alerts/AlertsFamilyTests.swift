import Foundation
import LinliProtocol
import LinliTesting
import Testing

@Suite struct AlertsFamilyTests {
    func at(_ hhmm: String) -> String { "2026-11-28T\(hhmm):00+08:00" }

    @Test func anAlertInQuietHoursReachesEveryoneAtOnceAndTheLateOneIsAskedAgain() throws {
        let bot = try FamilyHarness("alerts")
        let raised = try bot.say("紧急通知 1栋燃气泄漏，请从东侧楼梯撤离", from: "u-office", at: at("23:30"))
        #expect(raised.reply.ok && raised.reply.refs == ["A1"] && raised.reply.text.contains("3 个群"))
        #expect(raised.posts.map(\.group) == ["t-office", "t-b1", "t-b2"], "quiet hours do not hold a P0 alert")
        #expect(raised.posts.allSatisfy { $0.reason == "alert" && $0.text.contains("【紧急通知 A1】") && $0.text.contains("收到 A1") })
        #expect(raised.notifications.map(\.to) == ["u-cap1", "u-cap2", "u-grid"])
        #expect(raised.notifications.allSatisfy { $0.reason == "alert" && $0.refs == ["A1"] })

        #expect(try bot.say("收到 A1", from: "u-grid", at: at("23:32")).reply.text.contains("已确认收到 A1"))
        #expect(try bot.say("收到 A1", from: "u-cap1", in: "t-b1", at: at("23:35")).reply.ok)
        let reminded = try bot.tick(at("23:40"))
        #expect(reminded.notifications.map(\.to) == ["u-office", "u-cap2"])
        #expect(reminded.notifications[0].text.contains("还有 1 人没有确认：孙队长") && !reminded.notifications[0].text.contains("刘队长"))
        #expect(reminded.notifications[1].text.contains("再次提醒") && reminded.notifications[1].text.contains("收到 A1"))

        let last = try bot.say("ack A1", from: "u-cap2", at: at("23:44"))
        #expect(last.reply.text == "Acknowledged A1. Thank you!")
        #expect(last.notifications.map(\.to) == ["u-office"] && last.notifications[0].text.contains("用时 14分钟"))
        #expect(try bot.say("收到 A1", from: "u-cap2", at: at("23:50")).reply.text.contains("已在 23:44 确认收到 A1"))
        #expect(try bot.tick(at("23:54")).isEmpty, "no reminder once all have acknowledged")

        let listed = try bot.say("应急", from: "u-office", at: at("23:55")).reply
        #expect(listed.text.contains("紧急通知 1 次") && listed.text.contains("A1 11月28日 周六 23:30") && listed.text.contains("全部确认用时 14分钟"))
        #expect(listed.text.contains("应急演练 0 次"))
    }

    @Test func remindersStopAfterThreeAndTheListingNamesWhoIsMissing() throws {
        let bot = try FamilyHarness("alerts")
        try bot.say("alert water main burst, do not use the lifts", from: "u-office", at: at("09:00"))
        try bot.say("ack A1", from: "u-cap2", at: at("09:01"))
        let rounds = try ["09:10", "09:20", "09:30", "09:40", "10:30"].map { try bot.tick(at($0)).notifications.map(\.to) }
        #expect(rounds == [["u-office", "u-cap1", "u-grid"], ["u-office", "u-cap1", "u-grid"], ["u-office", "u-cap1", "u-grid"], [], []])
        let listed = try bot.say("alerts", from: "u-office", at: at("10:31")).reply.text
        #expect(listed.contains("Alerts: 1") && listed.contains("1/3 acknowledged; not yet: 刘队长, 马网格"), "\(listed)")
    }

    @Test func receiptsAndTheReminderSurviveARestart() throws {
        let path = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let bot = try FamilyHarness("alerts", database: path)
            try bot.say("紧急通知 小区停电", from: "u-office", at: at("09:00"))
            try bot.say("收到 A1", from: "u-cap1", at: at("09:01"))
        }
        let bot = try FamilyHarness("alerts", database: path)
        #expect(try bot.tick(at("09:10")).notifications.map(\.to) == ["u-office", "u-cap2", "u-grid"])
        #expect(try bot.say("收到 A1", from: "u-cap1", at: at("09:11")).reply.text.contains("已在 09:01"))
    }

    @Test func aDrillIsMarkedAndCountedApart() throws {
        let bot = try FamilyHarness("alerts")
        try bot.say("紧急通知 停电", from: "u-office", at: at("09:00"))
        let drill = try bot.say("演练 消防疏散，到广场集合", from: "u-grid", at: at("09:05"))
        #expect(drill.reply.refs == ["A2"] && drill.reply.text.contains("应急演练 A2 已发到 2 个群"))
        #expect(drill.posts.map(\.group) == ["t-b1", "t-b2"] && drill.posts.allSatisfy { $0.text.contains("【应急演练 A2】") })
        #expect(drill.notifications.map(\.to) == ["u-cap1", "u-cap2"], "the grid leader raised it: the captains are asked")
        try bot.say("收到 A2", from: "u-cap1", at: at("09:07"))
        try bot.say("收到 A2", from: "u-cap2", at: at("09:10"))
        let listed = try bot.say("应急", from: "u-grid", at: at("10:30")).reply.text
        #expect(listed.contains("紧急通知 1 次") && listed.contains("应急演练 1 次") && listed.contains("A2 11月28日 周六 09:05 消防疏散"))
        let drills = try #require(listed.components(separatedBy: "应急演练 1 次").last)
        #expect(drills.contains("全部确认用时 5分钟") && !drills.contains("A1"))
    }

    @Test func aCaptainAlertsTheirOwnBuildingAndTheGridLeaderOverIt() throws {
        let bot = try FamilyHarness("alerts")
        let raised = try bot.say("紧急通知 1栋电梯困人，已联系维保", from: "u-cap1", in: "t-b1", at: at("09:00"))
        #expect(raised.posts.map(\.group) == ["t-b1"] && raised.notifications.map(\.to) == ["u-grid"])
        #expect(try bot.say("应急", from: "u-cap2", at: at("09:05")).reply.text == "还没有紧急通知或应急演练。", "another building's")
        let other = try bot.say("收到 A1", from: "u-cap2", at: at("09:06")).reply
        #expect(other.ok && other.text.contains("没有请您确认"))
        #expect(try bot.say("应急", from: "u-grid", at: at("09:07")).reply.text.contains("0/1 已确认，未确认：马网格"))
    }

    @Test func residentsNeitherRaiseNorListAlerts() throws {
        let bot = try FamilyHarness("alerts")
        #expect(try bot.say("紧急通知 着火了", from: "u-li", at: at("09:00")).reply.code == "forbidden")
        #expect(try bot.say("drill fire", from: "u-ann", at: at("09:01")).reply.code == "forbidden")
        #expect(try bot.say("应急", from: "u-li", at: at("09:02")).reply.code == "forbidden")
        #expect(try bot.say("收到 A9", from: "u-cap1", at: at("09:03")).reply.code == "not_found")
    }

    @Test func aMissingTextIsAskedFor() throws {
        let bot = try FamilyHarness("alerts")
        let asked = try bot.say("紧急通知", from: "u-office", at: at("09:00"))
        #expect(asked.reply.code == "usage" && asked.reply.text.contains("紧急通知的内容") && asked.posts.isEmpty)
        let raised = try bot.say("小区停水，请储水", from: "u-office", at: at("09:01"))
        #expect(raised.reply.refs == ["A1"] && raised.posts.count == 3)
        #expect(try bot.say("收到", from: "u-cap1", at: at("09:02")).reply.text.contains("已确认收到 A1"), "the one awaiting them")
    }

    @Test func repliesAreInTheSendersLanguagePushesInEachRecipientsPostsInTheGroups() throws {
        let community = FamilyHarness.community
            .replacingOccurrences(of: "roles: [captain]}\n  - {id: u-ann", with: "roles: [captain], lang: en}\n  - {id: u-ann")
            .replacingOccurrences(of: "groups: [t-b2]", with: "groups: [{id: t-b2, lang: en}]")
        let bot = try FamilyHarness("alerts", community: community)
        let zh = try bot.say("紧急通知 燃气泄漏", from: "u-office", at: at("09:00"))
        #expect(zh.reply.text.hasPrefix("紧急通知 A1 已发到 3 个群"))
        #expect(zh.posts.map { $0.text.hasPrefix("[EMERGENCY A1]") } == [false, false, true], "t-b2 reads English")
        #expect(zh.notifications.map { $0.text.hasPrefix("[EMERGENCY A1]") } == [false, true, false], "孙队长 reads English")
        let en = try bot.say("drill earthquake, duck and cover", from: "u-grid", at: at("09:05"))
        #expect(en.reply.text.hasPrefix("Drill A2 posted to 2 groups. 刘队长, 孙队长 asked to reply “ack A2”"))
        #expect(en.notifications.map { $0.text.hasPrefix("【应急演练 A2】") } == [true, false])
    }

    /// In a noisy group, neighbours' 收到 and thanks are chatter; the captain's 收到 under
    /// the alert posted there answers the alert's request (PROTOCOL.md §2.1, 3): one reply.
    @Test func inANoisyGroupTheCaptainsReceiptUnderTheAlertIsTheAck() throws {
        let bot = try FamilyHarness("alerts")
        try bot.say("紧急通知 暴雨预警，请把车移出地下车库", from: "u-office", at: at("09:00"))
        for (user, text) in [("u-li", "收到"), ("u-li", "收到，谢谢"), ("u-li", "好的"), ("u-li", "谢谢"), ("u-li", "应急通道别停车"), ("u-ann", "ack")] {
            #expect(try bot.say(text, from: user, in: "t-b1", at: at("09:01")).isEmpty, "“\(text)” from \(user)")
        }
        let acked = try bot.say("收到", from: "u-cap1", in: "t-b1", at: at("09:01"))
        #expect(acked.count == 1 && acked.reply.refs == ["A1"] && acked.reply.text.contains("已确认收到 A1"), "\(acked)")
        // Acknowledged: the captain's next 收到 among neighbours is chatter again.
        for text in ["收到了", "已收到！", "收到 R1"] {
            #expect(try bot.say(text, from: "u-cap1", in: "t-b1", at: at("09:02")).isEmpty, "“\(text)”")
        }
        #expect(try bot.say("收到 A1", from: "u-cap1", in: "t-b1", at: at("09:02")).reply.text.contains("已在 09:01 确认收到 A1"))
        #expect(try bot.say("@小邻 收到", from: "u-cap1", in: "t-b1", at: at("09:03")).reply.text.hasPrefix("好的！"), "asked by name, nothing awaiting: an OK")
        // In English, in the other building's group.
        let english = try bot.say("Received, on my way", from: "u-cap2", in: "t-b2", at: at("09:04")).reply
        #expect(english.text == "Acknowledged A1. Thank you!")
    }

    /// Uncalled, 收到 answers only an alert posted in that group: a captain's alert of
    /// their building asks the grid leader, whose 收到 in another building's group is talk.
    @Test func aReceiptInAGroupTheAlertWasNotPostedInIsChatter() throws {
        let bot = try FamilyHarness("alerts")
        try bot.say("紧急通知 1栋电梯困人，已联系维保", from: "u-cap1", in: "t-b1", at: at("09:00"))
        #expect(try bot.say("收到", from: "u-grid", in: "t-b2", at: at("09:01")).isEmpty)
        #expect(try bot.say("小邻 收到", from: "u-grid", in: "t-b2", at: at("09:02")).reply.text.contains("已确认收到 A1"), "called by name: the one awaiting")
        // Two posted in the group: which one is not asked among neighbours.
        try bot.say("紧急通知 水管爆裂", from: "u-office", at: at("09:20"))
        try bot.say("演练 消防疏散", from: "u-office", at: at("09:21"))
        #expect(try bot.say("收到", from: "u-cap2", in: "t-b2", at: at("09:22")).isEmpty)
        #expect(try bot.say("小邻，收到", from: "u-cap2", in: "t-b2", at: at("09:23")).reply.text.contains("收到哪条紧急通知"))
    }

    @Test func aBareReceiptAcknowledgesTheOneAlertAwaitingTheCaptain() throws {
        let bot = try FamilyHarness("alerts")
        try bot.say("紧急通知 小区停电", from: "u-office", at: at("09:00"))
        // In the group, a resident's bare 收到 is chatter; said to the bot, it is the captain's receipt.
        #expect(try bot.say("收到", from: "u-li", in: "t-b1", at: at("09:01")).isEmpty)
        #expect(try bot.say("大家好，停电了吗？", from: "u-li", in: "t-b1", at: at("09:01")).isEmpty)
        let said = try bot.say("小邻 收到", from: "u-cap1", in: "t-b1", at: at("09:02")).reply
        #expect(said.ok && said.refs == ["A1"] && said.text.contains("已确认收到 A1"))
        #expect(try bot.say("好的，收到！", from: "u-cap2", at: at("09:03")).reply.text.contains("已确认收到 A1"))
        #expect(try bot.say("ack", from: "u-grid", at: at("09:05")).reply.text == "Acknowledged A1. Thank you!")
        #expect(try bot.tick(at("09:10")).isEmpty, "everyone acknowledged")

        // Nothing awaits them now: 收到, bare or not, is an OK.
        #expect(try bot.say("收到，谢谢", from: "u-cap1", at: at("09:11")).reply.text.hasPrefix("好的！"))
        #expect(try bot.say("好的收到", from: "u-li", at: at("09:12")).reply.text.hasPrefix("好的！"), "a resident's OK")
        #expect(try bot.say("收到", from: "u-cap1", at: at("09:13")).reply.text.hasPrefix("好的！"))

        // Two awaiting: which one is asked.
        try bot.say("紧急通知 水管爆裂", from: "u-office", at: at("09:20"))
        try bot.say("演练 消防疏散", from: "u-office", at: at("09:21"))
        #expect(try bot.say("小邻，收到", from: "u-cap2", in: "t-b2", at: at("09:22")).reply.text.contains("收到哪条紧急通知"))
        #expect(try bot.say("A3", from: "u-cap2", in: "t-b2", at: at("09:23")).reply.text.contains("已确认收到 A3"))
        #expect(try bot.say("收到", from: "u-cap2", at: at("09:24")).reply.text.contains("已确认收到 A2"), "one left")
    }

    /// With two alerts awaiting, every way of saying 收到 asks which: none is taken as an OK.
    @Test(arguments: ["收到了", "收到👌", "收到，马上组织撤离", "Received, on my way", "收到收到", "好的收到"])
    func aReceiptWithTwoAlertsAwaitingAsksWhich(_ text: String) throws {
        let bot = try FamilyHarness("alerts")
        try bot.say("紧急通知 燃气泄漏，请撤离", from: "u-office", at: at("09:00"))
        try bot.say("紧急通知 停水", from: "u-office", at: at("09:01"))
        let asked = try bot.say(text, from: "u-cap1", at: at("09:02")).reply
        #expect(asked.code == "usage" && (asked.text.contains("收到哪条紧急通知") || asked.text.contains("Which alert")), "“\(text)”: \(asked.text)")
        #expect(try bot.say("A1", from: "u-cap1", at: at("09:03")).reply.refs == ["A1"])
    }

    /// How captains say they got it: 收到了, with an emoji, with a word of their own, in English.
    @Test(arguments: ["收到了", "收到👌", "收到，马上通知各户", "Received", "已收到啦"])
    func everydayReceiptsAcknowledgeTheOneAlertAwaiting(_ text: String) throws {
        let bot = try FamilyHarness("alerts")
        try bot.say("紧急通知 小区停电", from: "u-office", at: at("09:00"))
        #expect(try bot.say(text, from: "u-li", in: "t-b1", at: at("09:01")).isEmpty, "a resident's, in the group: chatter")
        let said = try bot.say(text, from: "u-cap1", in: "t-b1", at: at("09:02")).reply
        #expect(said.ok && said.refs == ["A1"], "“\(text)”: \(said.text)")
        #expect(said.text.hasPrefix(text == "Received" ? "Acknowledged A1" : "已确认收到 A1"), "in the language it was written in: \(said.text)")
        // Said again, nothing awaits: an OK, not a question; a resident's 收到 is an OK too.
        #expect(try bot.say(text, from: "u-cap1", at: at("09:03")).reply.code == nil)
        #expect(try bot.say("收到", from: "u-li", at: at("09:04")).reply.text.hasPrefix("好的！"), "no alert asks a resident")
        #expect(try bot.say("小邻，谢谢", from: "u-cap1", in: "t-b1", at: at("09:05")).reply.text.hasPrefix("不客气"), "thanks is not a receipt")
    }
}

