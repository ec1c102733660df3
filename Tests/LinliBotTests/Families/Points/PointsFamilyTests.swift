import LinliProtocol
import LinliTesting
import Testing

@Suite struct PointsFamilyTests {
    @Test func theOfficeAwardsPeopleSeeTheirOwn() throws {
        let bot = try FamilyHarness("points")
        #expect(try bot.say("award u-vol wish", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.code == "forbidden")
        let awarded = try bot.say("加分 方志愿 微心愿 帮李阿姨填表", from: "u-office", at: "2026-11-28T09:01:00+08:00")
        #expect(awarded.reply.ok && awarded.notifications.map(\.to) == ["u-vol"])
        #expect(try bot.say("积分", from: "u-vol", at: "2026-11-28T09:02:00+08:00").reply.text.contains("积分 5"))
        #expect(try bot.say("points u-vol", from: "u-ann", at: "2026-11-28T09:03:00+08:00").reply.code == "forbidden")
        #expect(try bot.say("leaderboard", from: "u-ann", at: "2026-11-28T09:04:00+08:00").reply.text.contains("方志愿 5"))
    }

    /// The office does not award itself points: another member of it records them.
    @Test func noOneAwardsThemselves() throws {
        let bot = try FamilyHarness("points")
        let own = try bot.say("加分 王主任 微心愿", from: "u-office", at: "2026-11-28T09:00:00+08:00").reply
        #expect(own.code == "forbidden" && own.text.contains("不能记给自己"), "\(own.text)")
        #expect(try bot.say("积分", from: "u-office", at: "2026-11-28T09:01:00+08:00").reply.text.contains("积分 0"))
    }
}

/// An item whose name ends like a building's (`巡楼`) and a note that starts with a
/// number (`3次`) are two words: they were read as one item “巡楼3次”, which was refused.
@Suite struct AwardNotesTests {
    @Test func aNoteStartingWithANumberIsTheNote() throws {
        let chat = try Conversation()
        let awarded = try chat.say("@2026-12-02T09:00:00+08:00 u-he: 加分 u-fang 巡楼 3次")
        #expect(awarded.reply.ok && awarded.reply.text.contains("巡楼 +2"), "\(awarded.reply.text)")
        #expect(awarded.notifications.first?.text.contains("（3次）") == true, "\(awarded.notifications)")
        #expect(try chat.say("@2026-12-02T09:01:00+08:00 u-li: 登记 3栋 502").reply.ok, "a building and its room, apart, are still one place")
    }
}

/// An item not in the ledger: the items are listed as the reader names them, so that
/// they can copy one (a Chinese reader read `wish, ontime`).
@Suite struct PointsItemsInTheReadersLanguageTests {
    @Test func theItemsAreListedInTheSendersLanguage() throws {
        let bot = try FamilyHarness("points")
        let at = "2026-12-15T09:10:00+08:00"
        #expect(try bot.say("大家辛苦了", from: "u-grid", in: "t-office", at: at).isEmpty)
        let zh = try bot.say("加分 方志愿 帮忙搬东西", from: "u-office", in: "t-office", at: at).reply
        #expect(zh.code == "usage" && zh.text == "没有“帮忙搬东西”这个积分项目，可选：微心愿、及时签收。例如：加分 方志愿 <项目> 帮忙搬东西", "\(zh.text)")
        #expect(try bot.say("谢谢主任", from: "u-grid", in: "t-office", at: at).isEmpty)
        let en = try bot.say("award u-vol moving help", from: "u-office", at: at).reply
        #expect(en.code == "usage" && en.text.contains("the items are: wish, ontime.") && !en.text.contains("微心愿"), "\(en.text)")
        let copied = try bot.say("加分 方志愿 微心愿 帮忙搬东西", from: "u-office", in: "t-office", at: at)
        #expect(copied.reply.text == "已记录：方志愿 微心愿 +5。" && copied.notifications.first?.text == "积分变动：微心愿 +5（帮忙搬东西）。")
        #expect(try bot.say("award u-vol wish", from: "u-office", at: at).reply.text == "Recorded: 方志愿 wish +5.")
    }

    /// The seeded community, as the tester wrote it.
    @Test func theTestersMessage() throws {
        let chat = try Conversation()
        let out = try chat.say("@2026-12-15T09:10:00+08:00 [fudi-office] u-he: 加分 张伟 帮忙搬东西").reply
        #expect(out.code == "usage" && out.text.contains("志愿服务、巡楼") && !out.text.contains("volunteer"), "\(out.text)")
    }
}
