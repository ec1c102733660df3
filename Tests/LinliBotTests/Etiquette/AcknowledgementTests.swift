import LinliProtocol
import LinliTesting
import Testing

/// “好的，谢谢”, “ok thanks”, “OK了”, “稍等”: said while the bot waits for an answer, they
/// answer nothing (they were posted as a notice, filed as a report, pushed as a wish);
/// the question is asked again. Said with no question open, they are answered in kind.
@Suite struct AcknowledgementTests {
    static let at = "2026-11-28T09:00:00+08:00"

    @Test(arguments: [
        "好的，谢谢", "ok thanks", "ok 谢谢", "OK了", "好的呀", "好嘞", "嗯呢", "好的好的", "明白了", "okk", "好的谢谢", "ok thank you!", "谢谢👍",
        "稍等", "等一下", "我想想", "wait", "hmm let me think", "one moment", "ok wait", "通知",
    ])
    func anAcknowledgementOrAPauseAnswersNoQuestion(_ said: String) throws {
        let bot = try FamilyHarness("announcements")
        #expect(try bot.say("通知", from: "u-cap1", at: Self.at).reply.code == "usage")
        let again = try bot.say(said, from: "u-cap1", at: Self.at)
        #expect(again.posts.isEmpty && again.reply.code == "usage" && again.reply.text.contains("通知什么"), "\(said): \(again)")
        let answered = try bot.say("明天上午停水", from: "u-cap1", at: Self.at)
        #expect(answered.posts.map(\.text) == ["【通知】明天上午停水（刘队长）"], "the question stayed open: \(answered)")
    }

    @Test func inAGroupTheyAreTalkAndTheQuestionStaysOpen() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("@小邻 报修", from: "u-li", in: "t-b1", at: Self.at).reply.code == "usage")
        for said in ["好的，谢谢", "ok 谢谢", "稍等"] {
            #expect(try bot.say(said, from: "u-li", in: "t-b1", at: Self.at).isEmpty, "\(said)")
        }
        #expect(try bot.say("漏水 厨房滴水", from: "u-li", in: "t-b1", at: Self.at).reply.refs == ["R1"])
    }

    @Test(arguments: ["停水了", "好的，明天停水", "okra", "hill"])
    func wordsBesidesThemAreAnAnswer(_ said: String) throws {
        let bot = try FamilyHarness("announcements")
        try bot.say("通知", from: "u-cap1", at: Self.at)
        #expect(try bot.say(said, from: "u-cap1", at: Self.at).posts.count == 1, "\(said)")
    }

    /// `OK` and `👍` are in no language: answered in the sender's (PROTOCOL.md §2.3).
    @Test func anOKInNoLanguageIsAnsweredInTheSendersOwn() throws {
        let bot = try FamilyHarness("workorders")
        #expect(try bot.say("报修 漏水 卫生间漏水", from: "u-bo", at: Self.at).reply.ok)
        for said in ["👍", "OK", "ok!"] {
            #expect(try bot.say(said, from: "u-bo", at: Self.at).reply.text.hasPrefix("好的！"), "\(said)")
        }
        #expect(try bot.say("OK", from: "u-ann", at: Self.at).reply.text.hasPrefix("OK!"), "her file says English")
        #expect(try bot.say("thanks", from: "u-bo", at: Self.at).reply.text == "You're welcome!", "an English word is English")
        #expect(try bot.say("ok 谢谢", from: "u-bo", at: Self.at).reply.text == "不客气！")
    }
}
