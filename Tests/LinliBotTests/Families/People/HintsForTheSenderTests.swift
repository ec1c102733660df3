import LinliProtocol
import LinliTesting
import Testing

/// A record given to the wrong command is answered with the commands that take it:
/// only those the sender may use (a resident is not told to `签收` a loan).
@Suite struct HintsForTheSenderTests {
    @Test func aWrongRecordSuggestsOnlyTheSendersCommands() throws {
        let bot = try FamilyHarness("workorders", "services")
        let at = "2026-11-28T09:00:00+08:00"
        for (who, group) in [("u-li", "t-b1"), ("u-li", nil), ("u-office", nil)] as [(String, String?)] {
            let text = try bot.say("小邻 进度 S1", from: who, in: group, at: at).reply.text
            #expect(text.contains("S1 不是这个命令能用的记录") && text.contains("归还 S1"), "\(text)")
            #expect(text.contains("签收 S1") == (who == "u-office"), "\(who): \(text)")
        }
        let en = try bot.say("status S1", from: "u-li", in: "t-b1", mentions: ["linli"], at: at).reply.text
        #expect(en.contains("try: return S1") && !en.contains("accept"), "\(en)")
    }
}
