import LinliProtocol
import LinliTesting
import Testing

/// Service requests that get done: taken and finished by the handler or whoever is on
/// duty, withdrawn by the requester, passed up when nobody takes them in time.
@Suite struct ServiceRequestsTests {
    /// The small community with a 24-hour 红色管家: 方志愿 by day, 马网格 at night.
    static let community = FamilyHarness.community.replacingOccurrences(
        of: "  - {id: haircut, name: 义剪, names: [haircut, 义剪], handler: u-vol}",
        with: """
              - {id: haircut, name: 义剪, names: [haircut, 义剪], handler: u-vol}
              - id: butler
                name: 红色管家
                names: [butler, 红色管家]
                urgent: true
                accept: 10m
                rota:
                  - {hours: "07:00-22:00", person: u-vol}
                  - {hours: "22:00-07:00", person: u-grid}
            """)

    @Test func anUrgentRequestAtNightGoesToWhoeverIsOnDutyAndTheCaptainAtOnce() throws {
        let bot = try FamilyHarness("services", "workorders", community: Self.community)
        let out = try bot.say("申请 红色管家 老伴摔倒了起不来", from: "u-li", in: "t-b1", at: "2026-11-28T23:30:00+08:00")
        #expect(out.reply.ok && out.reply.text == "已收到 S1：红色管家。已通知值班的马网格，签收后会马上联系您，楼栋长刘队长也已知悉。")
        #expect(out.notifications.map(\.to) == ["u-grid", "u-cap1"], "quiet hours do not hold it")
        #expect(out.notifications.allSatisfy { $0.text.hasPrefix("【紧急】S1 红色管家") })
        let en = try bot.say("request butler", from: "u-ann", at: "2026-11-28T23:31:00+08:00")
        #expect(en.reply.text == "Received S2: 红色管家. 马网格, on duty, has been alerted and will contact you once they accept it; your captain 刘队长 has been told too.")

        let haircut = try bot.say("申请 义剪", from: "u-li", at: "2026-11-28T23:35:00+08:00")
        #expect(haircut.reply.text.contains("07:00通知方志愿") && haircut.notifications.isEmpty, "a haircut waits for the morning")
        let later = try bot.tick("2026-11-28T23:41:00+08:00").notifications
        #expect(later.filter { $0.to == "u-office" }.count == 2, "the captain knew at once: nobody took them in 10 minutes, so the office is told")
        #expect(later.filter { $0.to != "u-office" }.map(\.to) == ["u-li", "u-ann"], "and whoever asked is told")
        #expect(try bot.tick("2026-11-29T07:00:01+08:00").notifications.map(\.to).contains("u-vol"))
    }

    @Test func theHandlerTakesAndFinishesItTheRequesterIsToldAndMayWithdraw() throws {
        let bot = try FamilyHarness("services", "workorders", community: Self.community)
        try bot.say("申请 义剪 腿脚不便请上门", from: "u-li", at: "2026-11-28T09:00:00+08:00")
        #expect(try bot.say("待办", from: "u-vol", at: "2026-11-28T09:01:00+08:00").reply.text.contains("S1 义剪（李阿姨 b1-502）：待签收"))
        #expect(try bot.say("签收 S1", from: "u-li", at: "2026-11-28T09:02:00+08:00").reply.code == "forbidden", "not the requester")
        #expect(try bot.say("签收 S1", from: "u-bo", at: "2026-11-28T09:02:00+08:00").reply.code == "forbidden", "not a neighbour")
        let accepted = try bot.say("签收 S1", from: "u-vol", at: "2026-11-28T09:03:00+08:00")
        #expect(accepted.reply.ok && accepted.notifications.map(\.to) == ["u-li"])
        #expect(accepted.notifications[0].text == "您申请的义剪（S1）已由方志愿签收，会尽快联系您。")
        #expect(try bot.say("accept S1", from: "u-vol", at: "2026-11-28T09:04:00+08:00").reply.code == "invalid_state")
        #expect(try bot.say("done S1", from: "u-bo", at: "2026-11-28T09:05:00+08:00").reply.code == "forbidden")
        let done = try bot.say("办结 S1 已上门理发", from: "u-vol", at: "2026-11-28T10:00:00+08:00")
        #expect(done.reply.ok && done.notifications.map(\.text) == ["您申请的义剪（S1）已办结：已上门理发。"])
        #expect(try bot.say("撤销 S1", from: "u-li", at: "2026-11-28T10:01:00+08:00").reply.code == "invalid_state")
        #expect(try bot.say("queue", from: "u-vol", at: "2026-11-28T10:02:00+08:00").reply.text == "Nothing is waiting on you.")

        try bot.say("request haircut", from: "u-ann", at: "2026-11-28T11:00:00+08:00")
        #expect(try bot.say("cancel S2", from: "u-vol", at: "2026-11-28T11:01:00+08:00").reply.code == "forbidden", "only the requester withdraws")
        let withdrawn = try bot.say("cancel S2", from: "u-ann", at: "2026-11-28T11:02:00+08:00")
        #expect(withdrawn.reply.text == "Withdrawn: S2 (义剪)." && withdrawn.notifications.map(\.to) == ["u-vol"])

        try bot.say("request haircut", from: "u-ann", at: "2026-11-28T12:00:00+08:00")
        let staff = try bot.say("done S3", from: "u-office", at: "2026-11-28T12:20:00+08:00")
        #expect(staff.reply.ok && staff.notifications.map(\.text) == ["Your request S3 (义剪) is done."], "staff may finish it, a result is optional")

        try bot.say("借 伞", from: "u-li", at: "2026-11-28T13:00:00+08:00")
        #expect(try bot.say("签收 S4", from: "u-vol", at: "2026-11-28T13:01:00+08:00").reply.text.contains("归还 S4"), "a loan is returned")
        #expect(
            try bot.say("统计", from: "u-office", at: "2026-11-28T13:02:00+08:00").reply.text.hasSuffix(
                "\n服务 义剪：3 件，办结 2，撤销 1，未办 0；签收用时中位 3分钟"), "loans are not counted")
    }

    @Test func aRequestNobodyTakesGoesToTheCaptainThenTheOffice() throws {
        let bot = try FamilyHarness("services", "workorders", community: Self.community)
        try bot.say("申请 义剪", from: "u-li", at: "2026-11-28T09:00:00+08:00")
        #expect(try bot.tick("2026-11-28T09:29:00+08:00").notifications.isEmpty)
        let captain = try bot.tick("2026-11-28T09:31:00+08:00").notifications
        #expect(captain.map(\.to) == ["u-cap1"] && captain[0].reason == "escalated" && captain[0].text.contains("方志愿超过30分钟未签收"))
        let office = try bot.tick("2026-11-28T10:02:00+08:00").notifications
        #expect(office.map(\.to) == ["u-office"] && office[0].text.contains("（社区）"))
        #expect(try bot.tick("2026-11-28T11:00:00+08:00").notifications.isEmpty, "the office is the top")
        #expect(try bot.say("签收 S1", from: "u-cap1", at: "2026-11-28T11:01:00+08:00").reply.ok, "the captain may still take it")

        try bot.say("申请 义剪", from: "u-li", at: "2026-11-28T12:00:00+08:00")
        try bot.say("签收 S2", from: "u-vol", at: "2026-11-28T12:10:00+08:00")
        #expect(try bot.tick("2026-11-28T13:00:00+08:00").notifications.isEmpty, "accepted in time")
    }

    @Test func theSharedVerbsGoByRecordAndTalkStaysTalk() throws {
        let bot = try FamilyHarness("services", "workorders", community: Self.community)
        try bot.say("报修 漏水 厨房滴水", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        try bot.say("申请 义剪", from: "u-li", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        #expect(try bot.say("签收 R1", from: "u-cap1", at: "2026-11-28T09:02:00+08:00").reply.text.hasPrefix("已签收 R1，请在"))
        #expect(try bot.say("签收 S1", from: "u-vol", at: "2026-11-28T09:03:00+08:00").reply.text.hasPrefix("已签收 S1（义剪"))
        #expect(try bot.say("办结 R1", from: "u-cap1", at: "2026-11-28T09:04:00+08:00").reply.code == "usage", "a report asks what was done")
        for chatter in ["签收了吗", "办结了没有", "撤销吧", "done with that"] {
            #expect(try bot.say(chatter, from: "u-bo", in: "t-b2", at: "2026-11-28T09:05:00+08:00").isEmpty, "\(chatter)")
        }
        #expect(try bot.say("办结 S1", from: "u-vol", in: "t-b2", at: "2026-11-28T09:06:00+08:00").reply.ok, "in a group too")
    }
}
