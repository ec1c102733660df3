import LinliProtocol
import LinliTesting
import Testing

/// English staff name a building as every English reply does (`Building 3`) and a
/// period as they say it (`this month`, `last month`), as 3栋 and 本月 are read.
@Suite struct EnglishNamesForFiguresTests {
    func say(_ chat: Conversation, _ text: String) throws -> OutboundEvent {
        try chat.say("@2026-12-02T09:00:00+08:00 u-he: \(text)").reply
    }

    @Test func aBuildingsEnglishNameAndPeriodsInWordsAreRead() throws {
        let chat = try Conversation()
        let (building, zh) = (try say(chat, "stats Building 3"), try say(chat, "stats 3栋"))
        #expect(building.ok && building.text == zh.text, "\(building.text)")
        let month = try say(chat, "stats building 3 this month")
        #expect(month.ok && month.text.hasPrefix("3栋 · 本月"), "\(month.text)")
        let last = try say(chat, "stats last month")
        #expect(last.ok && last.text.contains("2026年11月"), "\(last.text)")
        #expect(try say(chat, "统计 上个月 3栋").text.hasPrefix("3栋 · 2026年11月"))
        let visits = try say(chat, "visits Building 3")
        #expect(visits.ok && visits.text.hasPrefix("3栋"), "\(visits.text)")
        let published = try say(chat, "publish Building 3")
        #expect(published.ok && published.text.contains("1个群"), "\(published.text)")
        #expect(try say(chat, "stats Building 9").code == "usage")
    }
}

/// `all`, `全部` is a period: `统计 3栋 全部` is the building's figures for all time (it was
/// the community's, under its name), and a captain's `统计 全部` is his building's (refused).
@Suite struct StatsForAllTimeTests {
    @Test func allIsAPeriod() throws {
        let chat = try Conversation()
        let staff = try chat.say("@2026-12-02T09:00:00+08:00 u-he: 统计 3栋 全部").reply
        #expect(staff.ok && staff.text.hasPrefix("3栋 · 全部"), "\(staff.text)")
        let captain = try chat.say("@2026-12-02T09:01:00+08:00 u-zhou: 统计 全部").reply
        #expect(captain.ok && captain.text.hasPrefix("3栋"), "\(captain.text)")
        #expect(try chat.say("@2026-12-02T09:02:00+08:00 u-he: 统计 全部").reply.text.hasPrefix("福地社区 · 全部"))
    }
}
