import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// The work-order service through the engine, on an in-memory database.
@Suite struct EngineTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }

    func at(_ hhmm: String, _ line: String) -> String { "@2026-11-28T\(hhmm):00+08:00 \(line)" }

    @Test func aReportGoesToTheBuildingCaptain() throws {
        let out = try chat.say(at("09:00", "[fudi-b3] u-li: 报修 漏水 501 厨房天花板滴水"))
        #expect(out.map(\.type) == [.reply, .notify])
        #expect(out.reply.ok && out.reply.refs == ["R1"] && out.reply.group == "fudi-b3" && out.reply.to == "u-li")
        #expect(out.reply.text.contains("R1") && out.reply.text.contains("周永林"))
        let notify = out.notifications[0]
        #expect(notify.to == "u-zhou" && notify.reason == "new_report" && notify.refs == ["R1"])
        #expect(notify.text.contains("厨房天花板滴水"))
        #expect(out.map(\.id) == ["o1", "o2"])
        #expect(out.allSatisfy { $0.ts == RFC3339.parse("2026-11-28T09:00:00+08:00") })
    }

    @Test func everyKindOfReportGetsANumberInTurn() throws {
        let lines = [
            "report leak a", "report power b", "report water c", "report elevator d", "report noise e", "report garbage f",
            "report parking g", "report light h", "report safety i", "report dispute j", "report other k",
        ]
        for (i, line) in lines.enumerated() {
            let out = try chat.say(at("09:0\(i % 10)", "[fudi-b1] u-wu: \(line)"))
            #expect(out.reply.ok && out.reply.refs == ["R\(i + 1)"], "\(line): \(out.reply.text)")
            #expect(out.notifications.first?.to == "u-liu")
        }
    }

    @Test func theWholeLifecycleNotifiesTheReporterAtEachStep() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: report leak 501 kitchen ceiling dripping"))
        let assigned = try chat.say(at("09:02", "[fudi-b3] u-zhou: assign R1 property"))
        #expect(assigned.reply.ok)
        #expect(assigned.notifications.map(\.to) == ["u-chen", "u-li"])
        #expect(assigned.notifications.map(\.reason) == ["assigned", "status_changed"])
        let accepted = try chat.say(at("09:10", "u-chen: accept R1"))
        #expect(accepted.reply.ok && accepted.notifications.map(\.reason) == ["status_changed"])
        let noted = try chat.say(at("09:30", "u-chen: note R1 plumber on the way"))
        #expect(noted.notifications.first?.text.contains("plumber on the way") == true)
        let done = try chat.say(at("11:00", "u-chen: done R1 replaced the joint"))
        #expect(done.notifications.map(\.reason) == ["rating_request"])
        #expect(done.posts.map(\.group) == ["fudi-b3"])
        let rated = try chat.say(at("12:00", "[fudi-b3] u-li: 评价 R1 5 师傅很负责"))
        #expect(rated.reply.ok && rated.reply.text.contains("5"))
        let status = try chat.say(at("12:01", "u-li: status R1"))
        #expect(status.reply.text.contains("已关闭") || status.reply.text.contains("closed"))
        let history = try chat.engine.history(1)
        #expect(history.map(\.action) == ["report", "assign", "accept", "note", "done", "rate"])
        #expect(history.map(\.actor) == ["u-li", "u-zhou", "u-chen", "u-chen", "u-chen", "u-li"])
    }

    @Test func rolesAreEnforced() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: report leak 501 dripping"))
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhang: accept R1")).reply.code == "forbidden")
        #expect(try chat.say(at("09:01", "[fudi-b4] u-gao: accept R1")).reply.code == "forbidden")
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhang: cancel R1")).reply.code == "forbidden")
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhang: status R1")).reply.code == "forbidden")
        #expect(try chat.say(at("09:01", "[fudi-b3] u-li: assign R1 property")).reply.code == "forbidden")
        #expect(try chat.say(at("09:01", "[fudi-b3] u-stranger: report leak 901 dripping")).reply.code == "not_registered")
        #expect(try chat.say(at("09:01", "[fudi-b3] u-li: rate R1 5")).reply.code == "invalid_state")
        #expect(try chat.say(at("09:01", "[fudi-b3] u-li: status R9")).reply.code == "not_found")
        // A name that names no one is no valid argument: typed among neighbours it is talk
        // (PROTOCOL.md §2.1); said to the bot it is refused.
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhou: assign R1 nobody")).isEmpty)
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhou: @linli assign R1 nobody")).reply.code == "not_found")
        // the grid leader and staff may act on any building they oversee
        #expect(try chat.say(at("09:02", "u-ma: accept R1")).reply.ok)
        #expect(try chat.say(at("09:03", "u-he: note R1 on it")).reply.ok)
    }

    @Test func aRefusedCommandChangesNothing() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: report leak 501 dripping"))
        try chat.say(at("09:01", "[fudi-b3] u-zhang: done R1 hacked"))
        #expect(try chat.engine.history(1).map(\.action) == ["report"])
        #expect(try chat.say(at("09:02", "u-li: status R1")).reply.text.contains("待签收"))
    }

    @Test func privateCategoriesAreNeverPostedAndHideDetailsInTheGroup() throws {
        let out = try chat.say(at("09:00", "[fudi-b3] u-li: 投诉 噪音 楼上每晚装修到十二点"))
        #expect(!out.reply.text.contains("装修"))
        #expect(out.notifications.first?.text.contains("装修") == true)
        try chat.say(at("09:05", "u-zhou: accept R1"))
        let done = try chat.say(at("10:00", "u-zhou: done R1 talked to upstairs"))
        #expect(done.posts.isEmpty)
        #expect(done.notifications.map(\.reason) == ["rating_request"])
    }

    @Test func repliesFollowTheCommandLanguageUnlessAPersonChoseOne() throws {
        try chat.say(at("09:00", "[fudi-b3] u-zhang: report leak 502 bathroom"))
        #expect(try chat.say(at("09:01", "u-zhang: status")).reply.text.hasPrefix("Your open records"))
        #expect(try chat.say(at("09:01", "u-zhang: 进度")).reply.text.hasPrefix("您未办结"))
        try chat.say(at("09:02", "u-zhang: lang en"))
        #expect(try chat.say(at("09:03", "u-zhang: 进度")).reply.text.hasPrefix("Your open records"))
        // u-emma chose English in the community file
        #expect(try chat.say(at("09:04", "[fudi-b3] u-emma: 进度")).reply.text.hasPrefix("You have no open records"))
    }

    @Test func aRepeatedIDGetsTheSameOutcomeAndNoNewNotifications() throws {
        let line = #"{"id":"m1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"report leak 501 dripping"}"#
        let first = try chat.say(line)
        let second = try chat.say(line)
        // The same events, ids included (PROTOCOL.md §4): nothing new is pushed, nothing changes.
        #expect(second.map(\.type) == [.reply, .notify] && second.map(\.id) == first.map(\.id))
        #expect(second.reply.refs == first.reply.refs && second.reply.ok == first.reply.ok && second.reply.text == first.reply.text)
        #expect(second.reply.inReplyTo == "m1")
        let refused = #"{"id":"m2","ts":"2026-11-28T09:01:00+08:00","from":"u-li","text":"rate R1 5"}"#
        #expect(try chat.say(refused).reply.code == "invalid_state")
        try chat.say(at("09:02", "u-zhou: done R1 fixed"))
        #expect(try chat.say(refused).reply.code == "invalid_state", "the original outcome, not a new one")
    }

    @Test func aRepeatInTheSameBatchGetsTheSameEvents() throws {
        let report = #"{"id":"m1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"report leak 501 dripping"}"#
        let status = #"{"id":"m2","ts":"2026-11-28T09:01:00+08:00","from":"u-li","text":"status R1"}"#
        // One batch, one transaction: the repeat comes before the first one's outcome is in the database.
        let out = try chat.say([report, status, report, status].joined(separator: "\n"))
        // As written out (the first ones carry their JSON already; the repeat is the same event).
        let replies = out.filter { $0.type == .reply }.map {
            var e = $0
            e.encoded = nil
            return e
        }
        #expect(replies.count == 4)
        #expect(replies[2] == replies[0] && replies[3] == replies[1], "the same events, ids included")
        #expect(out.filter { $0.type == .notify }.count == 2, "the captain is told once; the repeat shows the same notice again")
        let later = try chat.say(report)
        #expect(later.map(\.id) == out.prefix(2).map(\.id), "and a later repeat, from the database, gets them too")
        #expect(try chat.say(at("09:05", "[fudi-b3] u-li: report leak 502 another")).reply.refs == ["R2"], "no record was made twice")
    }

    @Test func aFollowUpQuestionIsAnsweredByTheNextMessageInTheSameChat() throws {
        let asked = try chat.say(at("09:00", "[fudi-b3] u-li: 小邻，报修"))
        #expect(asked.reply.code == "usage" && asked.reply.text.contains("什么问题"))
        // someone else in the same group (chatter there), and the same person elsewhere, are not answers
        #expect(try chat.say(at("09:01", "[fudi-b3] u-zhang: 漏水")).isEmpty)
        #expect(try chat.say(at("09:01", "u-li: 漏水")).reply.code == "unknown_command")
        #expect(try chat.say(at("09:02", "[fudi-b3] u-li: 漏水")).reply.text.contains("描述"))
        let done = try chat.say(at("09:03", "[fudi-b3] u-li: 卫生间顶上滴水"))
        #expect(done.reply.ok && done.reply.refs == ["R1"])
    }

    @Test func cancelDropsTheQuestion() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: @小邻 报修 漏水"))
        let out = try chat.say(at("09:01", "[fudi-b3] u-li: 取消"))
        #expect(out.reply.ok && out.reply.text.contains("取消"))
        #expect(try chat.say(at("09:02", "[fudi-b3] u-li: 5")).isEmpty, "no question is open: chatter")
        #expect(try chat.say(at("09:03", "u-li: 5")).reply.code == "unknown_command", "privately, an answer")
    }

    @Test func anUnansweredQuestionExpiresAfterTenMinutes() throws {
        try chat.say(at("09:00", "u-li: report leak"))
        let late = try chat.say(at("09:11", "u-li: 厨房滴水"))
        #expect(late.reply.code == "timeout")
        // a whole command after expiry is simply run
        try chat.say(at("09:20", "u-li: report leak"))
        #expect(try chat.say(at("09:31", "u-li: status")).reply.ok)
        // in a group an expired question leaves chatter as chatter
        try chat.say(at("09:40", "[fudi-b3] u-li: 小邻 report leak"))
        #expect(try chat.say(at("09:51", "[fudi-b3] u-li: 厨房滴水")).isEmpty)
    }

    @Test func registrationBindsAHousehold() throws {
        #expect(try chat.say(at("09:00", "[fudi-b3] u-new: status")).reply.code == "not_registered")
        #expect(try chat.say(at("09:01", "[fudi-b3] u-new (新邻居): 登记 903")).reply.ok)
        let out = try chat.say(at("09:02", "[fudi-b3] u-new: report light corridor dark"))
        #expect(out.reply.ok && out.reply.text.contains("903"))
        #expect(out.notifications.first?.text.contains("新邻居") == true)
        #expect(try chat.say(at("09:03", "u-new2: register 903")).reply.code == "usage")
        #expect(try chat.say(at("09:03", "u-new2: register b4-1102")).reply.ok)
        #expect(try chat.say(at("09:04", "u-new2: contacts")).reply.text.contains("高德明"))
    }

    @Test func helpListsWhatTheSenderMayDo() throws {
        let resident = try chat.say(at("09:00", "u-li: help")).reply.text
        let captain = try chat.say(at("09:00", "u-zhou: help")).reply.text
        #expect(resident.contains("报修") && !resident.contains("交办"), "u-li reads Chinese")
        #expect(captain.contains("assign") && captain.contains("report"))
        #expect(try chat.say(at("09:00", "u-li: 帮助 报修")).reply.text.contains("报修 <类别>"))
        #expect(try chat.say(at("09:00", "u-li: help fly")).reply.code == "unknown_command")
    }

    @Test func badLinesBecomeErrorEventsAndTheClockNeverGoesBack() throws {
        let out = try chat.say("{broken")
        #expect(out.map(\.type) == [.error])
        #expect(out[0].code == "bad_json" && out[0].line == 1)
        try chat.say(at("10:00", "u-li: status"))
        let earlier = try chat.say(at("09:00", "u-li: status"))
        #expect(earlier.reply.ts == RFC3339.parse("2026-11-28T10:00:00+08:00"))
    }

    @Test func ticksAndLeavesSayNothingJoinsAreWelcomed() throws {
        #expect(try chat.say("@2026-11-28T09:00:00+08:00").isEmpty)
        let joined = try chat.say(#"{"type":"join","ts":"2026-11-28T09:01:00+08:00","group":"fudi-b3","from":"u-new","name":"小王"}"#)
        #expect(joined.map(\.type) == [.post] && joined[0].group == "fudi-b3" && joined[0].text.contains("小王"))
        #expect(try chat.say(#"{"type":"leave","group":"fudi-b3","from":"u-new"}"#).isEmpty)
    }

    @Test func urgeAndReopen() throws {
        try chat.say(at("09:00", "[fudi-b3] u-li: report leak 501 dripping"))
        try chat.say(at("09:10", "u-zhou: accept R1"))
        let urged = try chat.say(at("10:00", "u-li: urge R1"))
        #expect(urged.notifications.map(\.to) == ["u-zhou"] && urged.notifications[0].reason == "reminder")
        #expect(try chat.say(at("11:00", "u-li: urge R1")).reply.code == "rate_limited")
        try chat.say(at("11:10", "u-zhou: done R1 fixed"))
        let reopened = try chat.say(at("12:00", "u-li: 没解决 R1 还在滴"))
        #expect(reopened.reply.ok && reopened.notifications.map(\.to) == ["u-zhou", "u-ma"], "the assignee and the level above")
        #expect(try chat.say(at("12:10", "u-zhou: 待办")).reply.refs == ["R1"])
    }
}

/// Loans through the engine: stock runs out, a resident sees their own loans.
@Suite struct LoanTests {
    @Test func stockRunsOutAndComesBack() throws {
        let chat = try Conversation()
        for i in 0..<10 {
            let out = try chat.say("@2026-11-28T09:0\(i):00+08:00 [fudi-b3] u-li: borrow power bank")
            #expect(out.reply.ok && out.reply.refs == ["S\(i + 1)"])
        }
        let none = try chat.say("@2026-11-28T09:10:00+08:00 [fudi-b3] u-zhang: 借 充电宝")
        #expect(none.reply.code == "limit")
        #expect(try chat.say("@2026-11-28T09:11:00+08:00 [fudi-b3] u-li: services").reply.text.contains("可借 0/10"), "u-li reads Chinese")
        #expect(try chat.say("@2026-11-28T09:12:00+08:00 u-li: return S3").reply.ok)
        #expect(try chat.say("@2026-11-28T09:13:00+08:00 [fudi-b3] u-zhang: 借 充电宝").reply.refs == ["S11"])
        let status = try chat.say("@2026-11-28T09:14:00+08:00 u-zhang: status").reply
        #expect(status.refs == ["S11"] && status.text.contains("on loan"))
    }
}

@Suite struct SenderLimitTests {
    @Test func aSenderFasterThanTheLimitIsRateLimitedOthersAreNot() throws {
        let chat = try Conversation()
        chat.engine.senderLimit = (3, .minutes(1))
        let codes = try (0..<5).map { i in try chat.say("@2026-11-28T09:00:0\(i)+08:00 u-li: status").reply.code }
        #expect(codes == [nil, nil, nil, "rate_limited", "rate_limited"])
        #expect(try chat.say("@2026-11-28T09:00:06+08:00 u-zhang: status").reply.ok, "another sender is not affected")
        #expect(try chat.say("@2026-11-28T09:01:05+08:00 u-li: status").reply.ok, "a minute later it is fine again")
        let flood = try chat.say("@2026-11-28T09:01:06+08:00 [fudi-b3] u-li: report leak flood")
        #expect(flood.reply.ok, "the window slides")
    }
}
