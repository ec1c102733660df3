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
            let text = try bot.say("小邻 催办 S1", from: who, in: group, at: at).reply.text
            #expect(text.contains("S1 不是这个命令能用的记录") && text.contains("归还 S1"), "\(text)")
            #expect(text.contains("签收 S1") == (who == "u-office"), "\(who): \(text)")
        }
        let en = try bot.say("urge S1", from: "u-li", in: "t-b1", mentions: ["linli"], at: at).reply.text
        #expect(en.contains("try: return S1") && !en.contains("accept"), "\(en)")
    }
}

/// “Did you mean” names only the commands the sender may use, and a mistyped command
/// word gets it rather than an offer to file a report about the words after it.
@Suite struct DidYouMeanForTheSenderTests {
    @Test func aTypoSuggestsOnlyTheSendersCommands() throws {
        let bot = try FamilyHarness("workorders", "alerts", "wishes")
        let at = "2026-11-28T09:00:00+08:00"
        for (who, text, staff) in [("u-li", "吹少 R1", "吹哨"), ("u-li", "签手 R1", "签收"), ("u-ann", "aert gas leak", "alert")] {
            let resident = try bot.say(text, from: who, at: at).reply
            #expect(resident.code == "unknown_command" && !resident.text.contains(staff), "\(who) \(text): \(resident.text)")
            let office = try bot.say(text, from: "u-office", at: at).reply
            #expect(office.text.contains(staff), "u-office \(text): \(office.text)")
        }
        #expect(try bot.say("大家好", from: "u-li", in: "t-b1", at: at).isEmpty)
        #expect(try bot.say("吹少 R1", from: "u-li", in: "t-b1", mentions: ["linli"], at: at).reply.text == "没听懂“吹少”。发送“帮助”查看可用的命令。")
    }

    @Test func aMistypedCommandIsNotOfferedAsAReport() throws {
        let bot = try FamilyHarness("workorders", "alerts")
        let at = "2026-11-28T09:00:00+08:00"
        let typo = try bot.say("办洁 R1 漏水修好了", from: "u-cap1", at: at).reply
        #expect(typo.text.contains("你是不是想说：办结") && !typo.text.contains("如需报修"), "\(typo.text)")
        let alert = try bot.say("紧急通值 今晚漏水检修", from: "u-office", at: at).reply
        #expect(alert.text.contains("紧急通知") && !alert.text.contains("如需报修"), "\(alert.text)")
        let en = try bot.say("resolv R1 the leak is fixed", from: "u-cap1", at: at).reply
        #expect(en.text.contains("Did you mean: resolve") || en.text.contains("Did you mean: done"), "\(en.text)")
        // A resident's mistype of a staff command naming a problem is offered the report, without the mistype.
        let offered = try bot.say("紧急通值 今晚漏水检修", from: "u-li", at: at).reply.text
        #expect(offered.hasPrefix("如需报修，") && !offered.contains("通值"), "\(offered)")
        // A problem with no command word in it is still offered as a report.
        #expect(try bot.say("我家漏水了", from: "u-li", at: at).reply.text.hasPrefix("如需报修，请发送：报修 漏水"))
        #expect(try bot.say("my kitchen has a leak", from: "u-ann", at: at).reply.text.hasPrefix("To file a report, send:"))
    }

    /// Thanks to the bot names the wish command only to someone a volunteer has helped:
    /// not to a resident who just reported a leak, nor to the department; once a wish is fulfilled.
    @Test func thanksNamesTheWishesCommandOnlyToWhoeverHasAWishToThank() throws {
        let bot = try FamilyHarness("workorders", "wishes")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("谢谢", from: "u-pipe", at: at).reply.text == "不客气！")
        #expect(try bot.say("小邻，谢谢", from: "u-li", in: "t-b1", at: at).reply.text == "不客气！", "no wish of hers")
        #expect(try bot.say("@linli thank you!", from: "u-ann", in: "t-b1", at: at).reply.text == "You're welcome!")
        #expect(try bot.say("心愿 想要一副老花镜", from: "u-li", at: at).reply.ok)
        #expect(try bot.say("谢谢", from: "u-li", at: at).reply.text == "不客气！", "nobody has taken it on yet")
        #expect(try bot.say("认领 W1", from: "u-vol", at: at).reply.ok)
        #expect(try bot.say("小邻，谢谢", from: "u-li", in: "t-b1", at: at).reply.text == "不客气！", "taken on, not fulfilled yet")
        #expect(try bot.say("实现 W1", from: "u-vol", at: at).reply.ok)
        #expect(try bot.say("小邻，谢谢", from: "u-li", in: "t-b1", at: at).reply.text.hasSuffix("请发送：谢谢 W1"))
        #expect(try bot.say("心愿 想学用智能手机", from: "u-li", at: at).reply.ok)
        #expect(try bot.say("认领 W2", from: "u-vol", at: at).reply.ok)
        #expect(try bot.say("实现 W2", from: "u-vol", at: at).reply.ok)
        #expect(try bot.say("谢谢！", from: "u-li", at: at).reply.text.hasSuffix("请发送：谢谢 W编号"), "two to choose from")
    }
}
