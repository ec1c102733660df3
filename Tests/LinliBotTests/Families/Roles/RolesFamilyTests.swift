import Foundation
import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// Roles given and taken back in chat by the office: kept over the community file,
/// effective at once, open work orders handed over.
@Suite struct RolesFamilyTests {
    func at(_ hhmm: String) -> String { "2026-11-28T\(hhmm):00+08:00" }

    @Test func staffMakesACaptainAndTheNextReportGoesToThem() throws {
        let bot = try FamilyHarness("roles", "workorders")
        let made = try bot.say("role u-li captain b1", from: "u-office", at: at("09:00"))
        #expect(made.reply.ok && made.reply.text == "李阿姨 is now captain of 1栋, taking over from 刘队长.", "\(made)")
        #expect(made.notifications.map(\.to) == ["u-li", "u-cap1"], "the new captain and the one replaced are told")
        let report = try bot.say("report leak kitchen ceiling dripping", from: "u-ann", in: "t-b1", at: at("09:05"))
        #expect(report.reply.ok && report.notifications.map(\.to) == ["u-li"], "\(report)")
        #expect(report.notifications.first?.reason == "new_report")
        // The old captain answers for the building no more; the new one does.
        #expect(try bot.say("accept R1", from: "u-cap1", at: at("09:06")).reply.code == "forbidden")
        #expect(try bot.say("签收 R1", from: "u-li", at: at("09:07")).reply.ok)
    }

    @Test func openRecordsAreHandedOverAndBothAreTold() throws {
        let bot = try FamilyHarness("roles", "workorders")
        try bot.say("report leak kitchen ceiling dripping", from: "u-ann", in: "t-b1", at: at("09:00"))
        try bot.say("报修 其他 楼道灯坏了", from: "u-li", in: "t-b1", at: at("09:01"))
        try bot.say("签收 R2", from: "u-cap1", at: at("09:02"))
        try bot.say("报修 漏水 厨房滴水", from: "u-bo", in: "t-b2", at: at("09:03"))
        let made = try bot.say("任命 张博 楼栋长 1栋", from: "u-office", at: at("09:10"))
        #expect(made.reply.ok && made.reply.refs == ["R1", "R2"], "\(made)")
        #expect(made.reply.text == "已任命张博为1栋楼栋长（接替刘队长）。\nR1、R2 已从刘队长交接给张博。")
        let told = Dictionary(uniqueKeysWithValues: made.notifications.map { ($0.to ?? "", $0.text) })
        #expect(told["u-bo"]?.contains("刘队长的工单 R1、R2 现由您处理") == true, "\(told)")
        #expect(told["u-cap1"]?.contains("您的工单 R1、R2 已交接给张博") == true, "\(told)")
        // R2 stays accepted, now with the new captain; R3 (2栋) stays where it was.
        #expect(try bot.say("进度 R2", from: "u-li", at: at("09:11")).reply.text.contains("已签收（张博）"))
        #expect(try bot.say("进度 R3", from: "u-bo", at: at("09:12")).reply.text.contains("孙队长"))
        #expect(try bot.engine.history(1).last?.action == "handover")
        #expect(try bot.engine.history(1).last?.actor == "u-office")
        #expect(try bot.say("done R2 bulb replaced", from: "u-bo", at: at("09:20")).reply.ok, "the new captain handles it")
    }

    @Test func aGridLeadersEscalatedRecordsGoToTheNewOneAndWithNoneToTheOffice() throws {
        let bot = try FamilyHarness("roles", "workorders")
        try bot.say("report leak kitchen ceiling dripping", from: "u-ann", in: "t-b1", at: at("09:00"))
        let escalated = try bot.tick(at("09:31"))
        #expect(escalated.notifications.map(\.to) == ["u-grid"], "nobody accepted in 30 minutes: \(escalated)")
        let made = try bot.say("role u-bo grid_leader g1", from: "u-office", at: at("09:40"))
        #expect(made.reply.text == "张博 is now grid leader of 一网格, taking over from 马网格.\nR1 handed over from 马网格 to 张博.", "\(made)")
        #expect(try bot.say("status R1", from: "u-ann", at: at("09:41")).reply.text.contains("张博"))
        let taken = try bot.say("unrole u-bo grid_leader", from: "u-office", at: at("09:50"))
        #expect(taken.reply.text == "张博 is no longer a grid leader.\nR1 handed over from 张博 to 王主任.", "\(taken)")
        #expect(taken.notifications.map(\.to) == ["u-bo"], "the office is the sender: told in the reply")
    }

    @Test func onlyStaffChangesRoles() throws {
        let bot = try FamilyHarness("roles", "workorders")
        #expect(try bot.say("role u-li captain b1", from: "u-cap1", at: at("09:00")).reply.code == "forbidden")
        #expect(try bot.say("任命 李阿姨 志愿者", from: "u-li", at: at("09:01")).reply.code == "forbidden")
        #expect(try bot.say("unrole u-vol volunteer", from: "u-grid", at: at("09:02")).reply.code == "forbidden")
        #expect(try bot.say("roles", from: "u-ann", at: at("09:03")).reply.code == "forbidden")
        let report = try bot.say("report leak kitchen", from: "u-ann", in: "t-b1", at: at("09:04"))
        #expect(report.notifications.map(\.to) == ["u-cap1"], "nothing changed")
    }

    @Test(arguments: [
        "role nobody captain b1", "role u-li boss", "role u-li captain b9", "role u-li volunteer b1", "role u-li captain",
        "任命 李阿姨 网格长 九网格",
    ])
    func anUnknownPersonRoleOrPlaceIsAUsageError(_ text: String) throws {
        let bot = try FamilyHarness("roles")
        let out = try bot.say(text, from: "u-office", at: at("09:00"))
        #expect(out.reply.code == "usage", "“\(text)”: \(out.reply.text)")
        #expect(out.notifications.isEmpty)
    }

    @Test func aChangeSurvivesARestart() throws {
        let path = BinaryRunner.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let bot = try FamilyHarness("roles", "workorders", database: path)
            #expect(try bot.say("role u-li captain b1", from: "u-office", at: at("09:00")).reply.ok)
            #expect(try bot.say("role u-bo grid_leader g1", from: "u-office", at: at("09:01")).reply.ok)
            #expect(try bot.say("role u-ann mediator", from: "u-office", at: at("09:02")).reply.ok)
        }
        let bot = try FamilyHarness("roles", "workorders", database: path)
        let report = try bot.say("报修 漏水 厨房滴水", from: "u-ann", in: "t-b1", at: at("10:00"))
        #expect(report.notifications.map(\.to) == ["u-li"], "\(report)")
        let roles = try bot.say("roles", from: "u-office", at: at("10:01")).reply.text
        #expect(roles.contains("1栋 captain: 李阿姨") && roles.contains("一网格 grid leader: 张博") && roles.contains("Mediators: Ann Lee"), "\(roles)")
        #expect(roles.contains("王主任 appointed 李阿姨: captain of 1栋"), "\(roles)")
    }

    @Test func unroleTakesARoleBackAndTheLadderTakesItsWork() throws {
        let bot = try FamilyHarness("roles", "workorders")
        #expect(try bot.say("unrole u-vol volunteer", from: "u-office", at: at("09:00")).reply.text == "方志愿 is no longer a volunteer.")
        #expect(try bot.say("unrole u-vol volunteer", from: "u-office", at: at("09:01")).reply.code == "not_found")
        try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: at("09:02"))
        let out = try bot.say("免去 刘队长 楼栋长", from: "u-office", at: at("09:03"))
        #expect(out.reply.text == "已免去刘队长的楼栋长职务。\nR1 已从刘队长交接给马网格。", "\(out)")
        #expect(Set(out.notifications.map(\.to)) == ["u-cap1", "u-grid"])
        // With no captain, a report goes to the grid leader.
        let report = try bot.say("report leak bathroom", from: "u-ann", in: "t-b1", at: at("09:04"))
        #expect(report.notifications.map(\.to) == ["u-grid"], "\(report)")
        #expect(try bot.say("unrole u-cap1 captain", from: "u-office", at: at("09:05")).reply.code == "not_found")
    }

    @Test func repliesAndPushesAreInEachPersonsLanguage() throws {
        let bot = try FamilyHarness("roles")
        let zh = try bot.say("设置角色 Ann 志愿者", from: "u-office", at: at("09:00"))
        #expect(zh.reply.code == "usage", "a name is written whole: “Ann” is nobody")
        let made = try bot.say("设置角色 u-ann 志愿者", from: "u-office", at: at("09:01"))
        #expect(made.reply.text == "已任命Ann Lee为志愿者。")
        #expect(made.notifications.first?.text == "You are now a volunteer.", "Ann reads English")
        let en = try bot.say("role u-li party_member", from: "u-office", at: at("09:02"))
        #expect(en.reply.text == "李阿姨 is now a party member.")
        #expect(en.notifications.first?.text == "您已被任命为党员。")
        #expect(try bot.say("role u-li party_member", from: "u-office", at: at("09:03")).reply.text == "李阿姨 is a party member already.")
        let mentioned = try bot.say("任命 @小孙 网格长", from: "u-office", in: "t-b2", mentions: ["u-cap2"], at: at("09:04"))
        #expect(mentioned.reply.text == "已任命孙队长为一网格网格长（接替马网格）。", "the grid of the building group it is said in")
    }

    @Test(arguments: ["任命书下来了吗", "角色扮演好玩吗", "免去了吗？", "role play tonight", "设置角色了吗", "谁是新楼栋长？", "roles are changing"])
    func talkAboutRolesInAGroupGetsNothing(_ text: String) throws {
        let bot = try FamilyHarness("roles", "workorders")
        #expect(try bot.say(text, from: "u-li", in: "t-b1", at: at("09:00")).isEmpty, "“\(text)”")
        #expect(try bot.say(text, from: "u-office", in: "t-b1", at: at("09:01")).isEmpty, "“\(text)” from the office")
    }

    @Test func inANoisyGroupOnlyTheOfficesCommandsAreAnswered() throws {
        let bot = try FamilyHarness("roles", "workorders")
        #expect(try bot.say("刘队长要搬走了，谁来当楼栋长？", from: "u-li", in: "t-b1", at: at("09:00")).isEmpty)
        let made = try bot.say("小邻，任命 李阿姨 楼栋长", from: "u-office", in: "t-b1", at: at("09:01"))
        #expect(made.reply.ok && made.reply.text == "已任命李阿姨为1栋楼栋长（接替刘队长）。", "the building of the group it is said in: \(made)")
        #expect(try bot.say("恭喜李阿姨！", from: "u-ann", in: "t-b1", at: at("09:02")).isEmpty)
        #expect(try bot.say("谢谢大家", from: "u-li", in: "t-b1", at: at("09:03")).isEmpty)
        #expect(try bot.say("任命 李阿姨 调解员", from: "u-office", in: "t-b1", at: at("09:04")).reply.ok, "a whole command")
        // A command only the office gives, typed by a resident among neighbours, is talk; said to the bot, refused.
        #expect(try bot.say("任命 张博 志愿者", from: "u-li", in: "t-b1", at: at("09:05")).isEmpty)
        let refused = try bot.say("小邻 任命 张博 志愿者", from: "u-li", in: "t-b1", at: at("09:05"))
        #expect(refused.reply.code == "forbidden" && refused.notifications.isEmpty)
    }
}

/// A role change is undone with its batch: the database and the engine's community alike.
@Suite struct RolesRollbackTests {
    @Test func aRoleChangeInABatchThatIsRunAgainIsMadeOnce() throws {
        let path = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try Store(path: path)
        try Faults.failReports(withDetails: "boom", inDatabaseAt: path)
        let bot = try FamilyHarness("roles", "workorders", database: path)
        func message(_ text: String, from user: String, at hhmm: String) -> InputItem {
            .event(InboundEvent(ts: RFC3339.parse("2026-11-28T\(hhmm):00+08:00"), group: "t-b1", from: user, text: text), line: 1)
        }
        // The failing report rolls the whole batch back; it is run again with a savepoint
        // around each event, and the role change must find the community as it was.
        let out = try bot.engine.process([
            message("role u-li captain", from: "u-office", at: "09:00"), message("report leak boom", from: "u-ann", at: "09:01"),
            message("report leak kitchen", from: "u-ann", at: "09:02"),
        ])
        let replies = out.filter { $0.type == .reply }
        #expect(replies.map(\.code) == [nil, "internal", nil])
        #expect(replies.first?.text == "李阿姨 is now captain of 1栋, taking over from 刘队长.", "\(replies)")
        #expect(out.notifications.last?.to == "u-li", "the report after it goes to the new captain")
        let again = try FamilyHarness("roles", "workorders", database: path)
        #expect(try again.store.read { try $0.roleChanges() }.count == 1)
        let report = try again.say("report leak bathroom", from: "u-ann", in: "t-b1", at: "2026-11-28T09:10:00+08:00")
        #expect(report.notifications.map(\.to) == ["u-li"], "\(report)")
    }
}
