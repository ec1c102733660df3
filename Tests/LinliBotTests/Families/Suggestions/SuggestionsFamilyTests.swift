import LinliProtocol
import LinliTesting
import Testing

@Suite struct SuggestionsFamilyTests {
    @Test func householdsSupportOnceAndTheOfficeAnswersEveryone() throws {
        let bot = try FamilyHarness("suggestions")
        #expect(try bot.say("建议 凉亭加装照明", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.refs == ["P1"])
        #expect(try bot.say("+1 P1", from: "u-ann", at: "2026-11-28T09:01:00+08:00").reply.ok)
        #expect(try bot.say("附议 P1", from: "u-bo", at: "2026-11-28T09:02:00+08:00").reply.ok)
        #expect(try bot.say("附议 P1", from: "u-bo", at: "2026-11-28T09:03:00+08:00").reply.code == "conflict")
        #expect(try bot.say("答复 P1 已安排", from: "u-li", at: "2026-11-28T09:04:00+08:00").reply.code == "forbidden")
        let answered = try bot.say("答复 P1 下月安装", from: "u-office", at: "2026-11-28T09:05:00+08:00")
        #expect(Set(answered.notifications.map { $0.to ?? "" }) == ["u-li", "u-ann", "u-bo"])
        #expect(try bot.say("答复 P1 再说一次", from: "u-office", at: "2026-11-28T09:06:00+08:00").reply.code == "invalid_state")
    }

    /// The proposer's household does not count as one more supporter of its own suggestion.
    @Test func aSuggestionsOwnHouseholdDoesNotSupportIt() throws {
        let bot = try FamilyHarness("suggestions")
        #expect(try bot.say("建议 凉亭边多放几张长椅", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["P1"])
        #expect(try bot.say("好主意！", from: "u-ann", in: "t-b1", at: "2026-11-28T09:00:30+08:00").isEmpty)
        #expect(try bot.say("附议 P1", from: "u-ann", in: "t-b1", at: "2026-11-28T09:01:00+08:00").reply.text.contains("1 household now"))
        let own = try bot.say("附议 P1", from: "u-li", in: "t-b1", at: "2026-11-28T09:02:00+08:00").reply
        #expect(own.code == "conflict" && own.text.contains("是您家提的建议"), "\(own.text)")
        let list = try bot.say("suggestions", from: "u-ann", at: "2026-11-28T09:03:00+08:00").reply.text
        #expect(list.contains("(1 household)"), "\(list)")
    }
}
