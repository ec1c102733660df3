import LinliBot
import LinliCore
import LinliProtocol
import LinliTesting
import Testing

/// Issue 14, item 4: office staff and grid leaders have no home of their own, yet
/// report, post wishes and suggestions, follow their records and look households up.
@Suite struct StaffWithoutAHomeTests {
    @Test func theOfficeReportsByNamingTheBuildingInANoisyGroup() throws {
        let bot = try FamilyHarness("workorders", "wishes", "suggestions", "households")
        #expect(try bot.say("大家早上好！", from: "u-li", in: "t-b1", at: "2026-11-30T09:00:00+08:00").isEmpty)
        // A private report is in play: the office's own reports never show it.
        let noise = try bot.say("报修 噪音 楼上半夜装修", from: "u-li", at: "2026-11-30T09:01:00+08:00")
        #expect(noise.reply.refs == ["R1"])

        let named = try bot.say("报修 漏水 2栋楼道 水管爆了", from: "u-office", at: "2026-11-30T09:02:00+08:00")
        #expect(named.reply.ok && named.reply.refs == ["R2"])
        #expect(named.reply.text.contains("漏水 · 2栋") && named.notifications.map(\.to) == ["u-cap2"])

        let room = try bot.say("report leak b1-501 ceiling dripping", from: "u-grid", at: "2026-11-30T09:03:00+08:00")
        #expect(room.reply.ok && room.reply.text.contains("leak · 1栋 501") && room.notifications.map(\.to) == ["u-cap1"])
        #expect(room.reply.text.hasPrefix("Got it: R3"), "answered in the command's language")

        let byNumber = try bot.say("报修 漏水 1号楼地下室进水了", from: "u-office", at: "2026-11-30T09:04:00+08:00")
        #expect(byNumber.reply.text.contains("漏水 · 1栋"))

        // In a building's group the group names the building; thanks and chatter around it stay unanswered.
        let inGroup = try bot.say("报修 漏水 楼道顶上在滴水", from: "u-office", in: "t-b2", at: "2026-11-30T09:05:00+08:00")
        #expect(inGroup.reply.ok && inGroup.reply.text.contains("漏水 · 2栋"))
        #expect(try bot.say("谢谢王主任", from: "u-bo", in: "t-b2", at: "2026-11-30T09:06:00+08:00").isEmpty)

        let unnamed = try bot.say("报修 漏水 水管爆了", from: "u-office", at: "2026-11-30T09:07:00+08:00")
        #expect(unnamed.reply.code == "usage" && unnamed.reply.text.contains("哪栋楼"))
        let unnamedEN = try bot.say("report leak pipe burst", from: "u-office", at: "2026-11-30T09:07:30+08:00")
        #expect(unnamedEN.reply.code == "usage" && unnamedEN.reply.text.contains("which building"))
        let stranger = try bot.say("报修 漏水 2栋楼道", from: "u-stranger", at: "2026-11-30T09:08:00+08:00")
        #expect(stranger.reply.code == "not_registered", "a resident still registers first")

        let mine = try bot.say("进度", from: "u-office", at: "2026-11-30T09:09:00+08:00")
        #expect(mine.reply.refs == ["R2", "R4", "R5"], "the office's own reports, not 李阿姨's private one")
        #expect(try bot.say("心愿 帮3栋独居老人买菜", from: "u-grid", at: "2026-11-30T09:10:00+08:00").reply.refs == ["W1"])
        // The office suggests as the office household.
        #expect(try bot.say("suggest more bike racks", from: "u-office", at: "2026-11-30T09:11:00+08:00").reply.refs == ["P1"])
        #expect(try bot.say("+1 P1", from: "u-li", at: "2026-11-30T09:12:00+08:00").reply.text.contains("现有 1 户支持"), "in her language")

        let own = try bot.say("我家", from: "u-office", at: "2026-11-30T09:13:00+08:00")
        #expect(own.reply.code == "usage" && own.reply.text.contains("户档 3-502"))
        #expect(
            try bot.say("户档 b1-502", from: "u-office", at: "2026-11-30T09:14:00+08:00").reply.text.contains("R1"), "the office sees any household")
    }

    @Test(arguments: [
        ("3栋楼道灯坏了", "b3"), ("b2 stairwell", "b2"), ("2号楼电梯", "b2"), ("building 1 lift", "b1"), ("BLOCK 3", "b3"),
        ("3幢", "b3"), ("lift in block c is stuck", "b3"), ("厨房水管", nil), ("b22", nil), ("5号楼", nil),
    ])
    func aBuildingIsNamedAsPeopleSayIt(_ text: String, _ expected: String?) throws {
        let community = try CommunityFile.parse(
            FamilyHarness.community.replacingOccurrences(
                of: "\npeople:", with: "\n  - {id: b3, name: {zh: 3栋, en: Block C}, grid: g1, captain: u-cap2}\npeople:"),
            file: "t.yaml")
        #expect(Directory(community).building(mentionedIn: text)?.id == expected)
    }
}
