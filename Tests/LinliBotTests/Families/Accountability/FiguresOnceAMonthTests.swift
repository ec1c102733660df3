import Foundation
import LinliProtocol
import LinliTesting
import Testing

/// A month's figures reach a group once: the office published them early on the 1st
/// (07:50) and the 09:00 run posted the same figures to every group again.
@Suite struct FiguresOnceAMonthTests {
    static func at(_ time: String) -> String { "2026-12-01T\(time):00+08:00" }

    /// The office group chats around the command (greetings, thanks); a noise report, private, is in the figures.
    static func publishedEarly(_ bot: FamilyHarness) throws {
        try bot.tick(at("07:40"))  // the noise report's escalations, out of the way
        #expect(try bot.say("早上好", from: "u-grid", in: "t-office", at: at("07:45")).isEmpty)
        let early = try bot.say("晒数据", from: "u-office", in: "t-office", at: at("07:50"))
        #expect(early.reply.text == "已把2026年11月的数据发到3个群。" && early.posts.map(\.group) == ["t-b1", "t-b2", "t-office"])
        #expect(!early.posts.contains { $0.text.contains("楼上装修") || $0.text.contains("张博") })
        #expect(try bot.say("谢谢王主任", from: "u-grid", in: "t-office", at: at("07:51")).isEmpty)
    }

    @Test func theMorningRunSkipsAMonthPublishedByHand() throws {
        let bot = try AccountabilityFamilyTests.november()
        try Self.publishedEarly(bot)
        #expect(try bot.tick(Self.at("09:00")).posts.isEmpty, "posted at 07:50 already")
        #expect(try bot.tick("2026-12-02T09:00:30+08:00").posts.isEmpty)
    }

    /// Published again by hand: the office is told it went out already, and how to post it anyway.
    @Test func aSecondPublishSaysSoUnlessToldAgain() throws {
        let bot = try AccountabilityFamilyTests.november()
        #expect(try bot.tick(Self.at("09:00")).posts.count == 3)
        let zh = try bot.say("晒数据", from: "u-office", in: "t-office", at: Self.at("10:00"))
        #expect(zh.reply.code == "conflict" && zh.posts.isEmpty, "\(zh.reply.text)")
        #expect(zh.reply.text == "2026年11月的数据已经发过了（1栋、2栋、社区群），没有再发。如需再发一次，请发送：晒数据 重发")
        #expect(try bot.say("thanks all", from: "u-grid", in: "t-office", at: Self.at("10:01")).isEmpty)
        let en = try bot.say("publish last month", from: "u-office", at: Self.at("10:02")).reply
        #expect(en.code == "conflict" && en.text.hasSuffix("To post them again: publish last-month again"), "\(en.text)")
        let again = try bot.say("publish again", from: "u-office", at: Self.at("10:03"))
        #expect(again.reply.text == "Posted the figures for November 2026 to 3 groups." && again.posts.count == 3)
        #expect(try bot.say("晒数据 1栋 重发", from: "u-office", at: Self.at("10:04")).posts.map(\.group) == ["t-b1"])
    }

    /// One building published by hand: the morning run posts the others' and the community's only.
    @Test func aBuildingPublishedByHandIsLeftOut() throws {
        let bot = try AccountabilityFamilyTests.november()
        #expect(try bot.say("晒数据 1栋", from: "u-office", in: "t-b1", at: Self.at("08:00")).posts.map(\.group) == ["t-b1"])
        #expect(try bot.tick(Self.at("09:00")).posts.map(\.group) == ["t-b2", "t-office"])
        let all = try bot.say("晒数据", from: "u-office", at: Self.at("09:30")).reply
        #expect(all.code == "conflict", "\(all.text)")
    }

    /// An older month is posted once too, after a later one went out.
    @Test func anOlderMonthIsPostedOnce() throws {
        let bot = try AccountabilityFamilyTests.november()
        #expect(try bot.tick(Self.at("09:00")).posts.count == 3)
        #expect(try bot.say("晒数据 2026-10", from: "u-office", at: Self.at("10:00")).posts.count == 3)
        let twice = try bot.say("publish 2026-10", from: "u-office", at: Self.at("10:01"))
        #expect(twice.reply.code == "conflict" && twice.posts.isEmpty, "\(twice.reply.text)")
    }

    /// This month's figures so far are no month's figures: the 1st still posts the whole month.
    @Test func thisMonthSoFarDoesNotCount() throws {
        let bot = try AccountabilityFamilyTests.november()
        #expect(try bot.say("晒数据 本月", from: "u-office", at: "2026-11-30T10:00:00+08:00").posts.count == 3)
        #expect(try bot.tick(Self.at("09:00")).posts.count == 3)
    }

    @Test func whatWasPostedSurvivesARestart() throws {
        let path = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let bot = try FamilyHarness("accountability", "workorders", community: AccountabilityFamilyTests.community, database: path)
            try bot.say("报修 噪音 楼上装修", from: "u-bo", at: "2026-11-20T10:00:00+08:00")
            try bot.tick("2026-11-30T10:00:00+08:00")
            try Self.publishedEarly(bot)
        }
        let bot = try FamilyHarness("accountability", "workorders", community: AccountabilityFamilyTests.community, database: path)
        #expect(try bot.tick(Self.at("09:00")).posts.isEmpty)
    }
}
