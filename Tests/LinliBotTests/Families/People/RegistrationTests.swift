import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// Registration that is checked (issue 17, item 3): rooms against the building,
/// moves said out loud, and with `registration: approve` the captain confirms,
/// every change in the person's history.
@Suite struct RegistrationTests {
    static let approving = FamilyHarness.community
        .replacingOccurrences(of: "groups: [t-office]}", with: "groups: [t-office], registration: approve}")
        .replacingOccurrences(of: "captain: u-cap2, groups: [t-b2]}", with: "captain: u-cap2, groups: [t-b2], rooms: \"[1-6]0[1-4]\"}")

    @Test(arguments: [
        ("登记 501", true), ("登记 1206", true), ("登记 3-1206", false), ("登记 2-302", true), ("register 9999", false),
        ("register 12345", false), ("登记 5020", false), ("登记 b1-4101", false), ("登记 1栋302", true), ("登记 abc", false),
    ])
    func roomsArePlausibleByDefault(_ text: String, _ ok: Bool) throws {
        let bot = try FamilyHarness("people")
        let reply = try bot.say(text, from: "u-new", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply
        #expect(reply.ok == ok, "\(text): \(reply.text)")
        if !ok { #expect(reply.code == "usage") }
    }

    @Test func aBuildingsRoomsPatternIsItsRooms() throws {
        let bot = try FamilyHarness("people", community: Self.approving)
        let wrong = try bot.say("登记 705", from: "u-new", in: "t-b2", at: "2026-11-28T09:00:00+08:00").reply
        #expect(wrong.code == "usage" && wrong.text.contains("2栋没有705这一户"))
        #expect(try bot.say("登记 604", from: "u-new", in: "t-b2", at: "2026-11-28T09:01:00+08:00").reply.ok)
        let list = FamilyHarness.community.replacingOccurrences(of: "groups: [t-b1]}", with: "groups: [t-b1], rooms: [\"101\", \"102\", \"A201\", \"501\", \"502\"]}")
        let listed = try FamilyHarness("people", community: list)
        #expect(try listed.say("register A201", from: "u-new", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.ok)
        #expect(try listed.say("register 503", from: "u-x", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.code == "usage")
    }

    @Test func aBrokenRoomsPatternIsRefusedWithItsLine() {
        let text = FamilyHarness.community.replacingOccurrences(of: "groups: [t-b1]}", with: "groups: [t-b1], rooms: \"[1-6\"}")
        #expect {
            try CommunityFile.parse(text, file: "c.yaml")
        } throws: { error in
            "\(error)".contains("c.yaml:6: buildings[0].rooms") && "\(error)".contains("is not a regular expression")
        }
    }

    @Test func aMoveIsSaidAndKeptInTheHistory() throws {
        let bot = try FamilyHarness("people")
        try bot.say("登记 601", from: "u-new", in: "t-b2", at: "2026-11-28T09:00:00+08:00")
        #expect(try bot.say("登记 601", from: "u-new", in: "t-b2", at: "2026-11-28T09:01:00+08:00").reply.text.contains("已登记在2栋 601"))
        let moved = try bot.say("登记 b1-302", from: "u-new", at: "2026-11-28T09:02:00+08:00").reply
        #expect(moved.ok && moved.text.contains("已改为登记在1栋 302（原来是 b2-601）"))
        let history = try bot.store.read { try $0.personHistory("u-new") }
        #expect(history.map(\.action) == ["registered", "moved"] && history.map(\.detail) == ["b2-601", "b1-302"])
    }

    @Test func withApprovalTheCaptainConfirmsAndUntilThenThePersonIsAGuest() throws {
        let bot = try FamilyHarness("people", "households", community: Self.approving)
        let asked = try bot.say("登记 302", from: "u-new", in: "t-b2", at: "2026-11-28T09:00:00+08:00")
        #expect(asked.reply.ok && asked.reply.text.contains("等楼栋长孙队长确认") && asked.reply.text.contains("访客"))
        let told = try #require(asked.notifications.first)
        #expect(told.to == "u-cap2" && told.reason == "registration_request" && told.text.contains("通过 u-new"))
        #expect(try bot.say("我家", from: "u-new", at: "2026-11-28T09:01:00+08:00").reply.code == "not_registered", "a guest")

        #expect(try bot.say("通过 u-new", from: "u-cap1", at: "2026-11-28T09:02:00+08:00").reply.code == "forbidden", "another building's captain")
        #expect(try bot.say("通过 u-nobody", from: "u-cap2", at: "2026-11-28T09:02:00+08:00").reply.code == "not_found")
        let ok = try bot.say("通过 u-new", from: "u-cap2", in: "t-b2", at: "2026-11-28T09:03:00+08:00")
        #expect(ok.reply.ok && ok.reply.text.contains("b2-302"))
        #expect(ok.notifications.first?.to == "u-new" && ok.notifications.first?.reason == "registration_approved")
        #expect(try bot.say("我家", from: "u-new", at: "2026-11-28T09:04:00+08:00").reply.text.contains("b2-302 户档"))

        // A move waits the same way: until then they stay where they were.
        let move = try bot.say("register b1-501", from: "u-new", at: "2026-11-28T09:05:00+08:00")
        #expect(move.reply.text.contains("Until then you stay registered at b2-302") && move.notifications.first?.to == "u-cap1")
        let no = try bot.say("reject u-new not on the lease", from: "u-grid", at: "2026-11-28T09:06:00+08:00")
        #expect(
            no.reply.ok && no.notifications.first?.reason == "registration_rejected"
                && no.notifications.first?.text.contains("not on the lease") == true)
        #expect(try bot.say("我家", from: "u-new", at: "2026-11-28T09:07:00+08:00").reply.text.contains("b2-302 户档"))
        #expect(try bot.say("拒绝 u-new", from: "u-cap1", at: "2026-11-28T09:08:00+08:00").reply.code == "not_found", "settled already")

        let history = try bot.store.read { try $0.personHistory("u-new") }
        #expect(history.map(\.action) == ["asked to register", "registered", "asked to move", "rejected"])
        #expect(history.map(\.actor) == ["u-new", "u-cap2", "u-new", "u-grid"])

        // Captains register in their own building without asking anyone.
        #expect(try bot.say("登记 b1-201", from: "u-cap1", at: "2026-11-28T09:09:00+08:00").reply.text.contains("已改为登记在1栋 201"))
    }

    @Test func inANoisyGroupApprovalWordsInTalkStaySilent() throws {
        let bot = try FamilyHarness("people", "bookings", community: Self.approving)
        for text in ["通过了吗", "拒绝了", "大家好", "approve?", "谢谢孙队长"] {
            #expect(try bot.say(text, from: "u-cap2", in: "t-b2", at: "2026-11-28T09:00:00+08:00").isEmpty, "\(text)")
        }
        #expect(try bot.say("登记 302", from: "u-new", in: "t-b2", at: "2026-11-28T09:01:00+08:00").reply.ok)
        #expect(try bot.say("通过 u-new", from: "u-cap2", in: "t-b2", at: "2026-11-28T09:02:00+08:00").reply.ok)
    }
}
