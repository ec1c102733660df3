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
        #expect(help.hasPrefix("You can send:"), "the chosen language wins over the command's")
        #expect(!help.contains("report"), "a harness of one family knows only its commands")
    }
}
