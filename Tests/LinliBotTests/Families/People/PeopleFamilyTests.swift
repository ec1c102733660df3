import LinliProtocol
import LinliTesting
import Testing

@Suite struct PeopleFamilyTests {
    @Test func aNewcomerRegistersChoosesALanguageAndSeesOnlyWhatTheyMayDo() throws {
        let bot = try FamilyHarness("people")
        #expect(try bot.say("contacts", from: "u-new", at: "2026-11-28T09:00:00+08:00").reply.code == "not_registered")
        #expect(try bot.say("登记 601", from: "u-new", in: "t-b2", at: "2026-11-28T09:01:00+08:00").reply.ok)
        #expect(try bot.say("联系人", from: "u-new", at: "2026-11-28T09:02:00+08:00").reply.text.contains("孙队长"))
        #expect(try bot.say("lang en", from: "u-new", at: "2026-11-28T09:03:00+08:00").reply.ok)
        let help = try bot.say("帮助", from: "u-new", at: "2026-11-28T09:04:00+08:00").reply.text
        #expect(help.hasPrefix("You can send"), "the chosen language wins over the command's")
        #expect(!help.contains("report"), "a harness of one family knows only its commands")
    }

    /// Issue 14, 5: one screen, a line per family, the most used first, only what
    /// the sender may do; `help <command>` gives usage and examples in their language.
    @Test func helpIsOneScreenGroupedByFamilyForEachRole() throws {
        let bot = try FamilyHarness(
            "people", "workorders", "bookings", "services", "events", "wishes", "suggestions", "points", "announcements", "deliveries")
        func help(_ user: String, _ text: String = "帮助") throws -> [String] {
            try bot.say(text, from: user, at: "2026-11-28T09:00:00+08:00").reply.text.components(separatedBy: "\n")
        }
        let resident = try help("u-li")
        #expect(resident.count <= 12, "one screen: \(resident.count) lines")
        #expect(resident.dropFirst().first?.hasPrefix("报修：报修、进度") == true, "the most used first")
        #expect(!resident.joined().contains("签收") && !resident.joined().contains("投递"), "nothing they may not do")
        let captain = try help("u-cap1")
        #expect(captain.contains { $0.hasPrefix("报修：") && $0.contains("签收") && $0.contains("办结") })
        let office = try help("u-office")
        #expect(office.contains { $0.hasPrefix("投递：") } && office.contains { $0.contains("联系人") })
        let english = try help("u-ann", "help")
        #expect(english.dropFirst().first?.hasPrefix("Repairs and reports: report, status") == true)
        let how = try help("u-ann", "help book").joined(separator: "\n")
        #expect(how.hasPrefix("book <venue>") && how.contains("For example:") && !how.contains("预约"))
    }
}
