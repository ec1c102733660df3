import LinliProtocol
import LinliTesting
import Testing

/// Loans of several items (`借两把伞`, `borrow two umbrellas`): one record per loan with
/// its quantity, lent only when the stock allows all of it, returned whole or in part.
@Suite struct LoanQuantityTests {
    /// The small community with five umbrellas (measure word 把) named in both languages.
    static let community = FamilyHarness.community
        .replacingOccurrences(
            of: "  - {id: umbrella, name: 爱心伞, names: [umbrella, 伞], stock: 2, loan: 3d}",
            with: "  - {id: umbrella, name: {zh: 爱心伞, en: Umbrella}, unit: 把, names: [umbrella, 伞, 雨伞], stock: 5, loan: 3d}"
        )
        .replacingOccurrences(
            of: "  - {id: u-office, name: 王主任, roles: [staff]}",
            with: "  - {id: u-office, name: 王主任, roles: [staff]}\n  - {id: u-sam, name: Sam, home: b1-601}")

    /// What the services list says is left of the umbrellas, e.g. `可借 3/5`.
    static func left(_ bot: FamilyHarness, at ts: String) throws -> String {
        let text = try bot.say("服务", from: "u-li", at: ts).reply.text
        return String(text.split(separator: "\n").first { $0.hasPrefix("爱心伞") } ?? "")
    }

    @Test func aNoisyChineseGroupBorrowsSeveralAndIsRefusedWhatTheStockCannotCover() throws {
        let bot = try FamilyHarness("services", "workorders", community: Self.community)
        // A private matter in play: it never shows in the group.
        #expect(try bot.say("报修 噪音 楼上半夜装修", from: "u-bo", at: "2026-11-28T08:00:00+08:00").reply.ok)
        #expect(try bot.say("大家早上好", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty)
        let two = try bot.say("小邻 借两把伞", from: "u-li", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        #expect(two.reply.ok && two.reply.refs == ["S1"])
        #expect(two.reply.text.hasPrefix("已借出 S1：爱心伞2把，请在"), "\(two.reply.text)")
        #expect(try bot.say("谢谢小邻！", from: "u-li", in: "t-b1", at: "2026-11-28T09:02:00+08:00").isEmpty)
        #expect(try bot.say("@小邻 借 2 把伞", from: "u-cap1", in: "t-b1", at: "2026-11-28T09:03:00+08:00").reply.refs == ["S2"])
        #expect(try Self.left(bot, at: "2026-11-28T09:04:00+08:00").contains("可借 1/5"))
        let more = try bot.say("小邻，借两把伞", from: "u-li", in: "t-b1", at: "2026-11-28T09:05:00+08:00")
        #expect(more.reply.code == "limit" && more.reply.text.contains("只剩1把"), "\(more.reply.text)")
        #expect(!more.reply.text.contains("噪音") && !more.reply.text.contains("装修"))
        #expect(try Self.left(bot, at: "2026-11-28T09:06:00+08:00").contains("可借 1/5"), "nothing half-lent")
        let one = try bot.say("小邻 借一把伞", from: "u-li", in: "t-b1", at: "2026-11-28T09:07:00+08:00")
        #expect(one.reply.refs == ["S3"] && one.reply.text.hasPrefix("已借出 S3：爱心伞一把"), "the refusal took no number")
        #expect(try bot.say("借 伞", from: "u-ann", at: "2026-11-28T09:08:00+08:00").reply.code == "limit")
    }

    /// A loan is due at an hour: "before the 1st" would be a day early.
    @Test func aLoanSaysTheHourItIsDue() throws {
        let bot = try FamilyHarness("services")
        let zh = try bot.say("借 伞", from: "u-li", in: "t-b1", at: "2026-11-28T09:30:00+08:00").reply.text
        #expect(zh.contains("请在12月1日 周二 09:30前归还"), "\(zh)")
        let en = try bot.say("borrow umbrella", from: "u-ann", at: "2026-11-28T21:05:00+08:00").reply.text
        #expect(en.contains("due back by 21:05 on"), "\(en)")
    }

    @Test func englishNumberWordsAndPluralsLendThatMany() throws {
        let bot = try FamilyHarness("services", community: Self.community)
        #expect(try bot.say("hi all, rain later?", from: "u-ann", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty)
        let two = try bot.say("@linli borrow two umbrellas", from: "u-ann", in: "t-b1", at: "2026-11-28T09:01:00+08:00")
        #expect(two.reply.text.hasPrefix("Lent S1: Umbrella × 2, due back by"), "\(two.reply.text)")
        #expect(try bot.say("linli borrow 2 umbrellas", from: "u-sam", in: "t-b1", at: "2026-11-28T09:02:00+08:00").reply.refs == ["S2"])
        let three = try bot.say("linli borrow 3 umbrellas", from: "u-sam", in: "t-b1", at: "2026-11-28T09:03:00+08:00")
        #expect(three.reply.code == "limit" && three.reply.text.contains("only 1 left"), "\(three.reply.text)")
        #expect(try bot.say("borrow an umbrella", from: "u-sam", at: "2026-11-28T09:04:00+08:00").reply.text.hasPrefix("Lent S3: one Umbrella"))
        #expect(try Self.left(bot, at: "2026-11-28T09:05:00+08:00").contains("可借 0/5"))
    }

    @Test(arguments: [
        ("借 0 把伞", "usage", "至少是 1"), ("borrow 0 umbrellas", "usage", "at least 1"),
        ("借 -1 把伞", "usage", "正整数"), ("borrow -1 umbrellas", "usage", "whole number"),
        ("借 1000 把伞", "limit", "只剩5把"), ("borrow 1000 umbrellas", "limit", "only 5 left"),
        ("借很多伞", "usage", "请写明数量"), ("borrow many umbrellas", "usage", "Say how many"),
        ("借 2.5 把伞", "usage", "正整数"), ("借两次义剪", "usage", "数量只用于可借的物品"),
    ])
    func aBadQuantityIsRefusedAndLendsNothing(said: String, code: String, words: String) throws {
        let bot = try FamilyHarness("services", community: Self.community)
        let out = try bot.say(said, from: "u-li", at: "2026-11-28T09:00:00+08:00")
        #expect(!out.reply.ok && out.reply.code == code && out.reply.text.contains(words), "\(out.reply.text)")
        #expect(try Self.left(bot, at: "2026-11-28T09:01:00+08:00").contains("可借 5/5"))
        #expect(try bot.say("借 伞", from: "u-li", at: "2026-11-28T09:02:00+08:00").reply.refs == ["S1"], "no number was taken")
    }

    @Test func partOfALoanComesBackThenTheRestAndStockFollows() throws {
        let bot = try FamilyHarness("services", community: Self.community)
        #expect(try bot.say("借三把伞", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.refs == ["S1"])
        #expect(try bot.say("借 1 把伞", from: "u-li", at: "2026-11-28T09:01:00+08:00").reply.refs == ["S2"])
        // Someone else cannot give back what they did not borrow.
        #expect(try bot.say("还 1 把伞", from: "u-bo", at: "2026-11-28T09:02:00+08:00").reply.code == "not_found")
        #expect(try bot.say("还 S1 1", from: "u-bo", at: "2026-11-28T09:02:30+08:00").reply.code == "forbidden")
        #expect(try bot.say("还 5 把伞", from: "u-li", at: "2026-11-28T09:03:00+08:00").reply.code == "invalid_state")
        #expect(try Self.left(bot, at: "2026-11-28T09:04:00+08:00").contains("可借 1/5"), "a refused return changes nothing")
        let part = try bot.say("还 1 把伞", from: "u-li", at: "2026-11-28T09:05:00+08:00")
        #expect(part.reply.text == "已归还爱心伞一把（S1），还有 3 把未还，谢谢！", "\(part.reply.text)")
        #expect(try Self.left(bot, at: "2026-11-28T09:06:00+08:00").contains("可借 2/5"))
        let some = try bot.say("return S1 1", from: "u-li", at: "2026-11-28T09:07:00+08:00")
        #expect(some.reply.text == "Returned one Umbrella of S1; 1 still out.", "\(some.reply.text)")
        #expect(try bot.say("还 S1 两把", from: "u-li", at: "2026-11-28T09:08:00+08:00").reply.code == "invalid_state", "only 1 of S1 is out")
        #expect(try bot.say("归还 S1", from: "u-li", at: "2026-11-28T09:09:00+08:00").reply.text == "已归还 S1 中的爱心伞一把，已全部还清，谢谢！")
        #expect(try Self.left(bot, at: "2026-11-28T09:10:00+08:00").contains("可借 4/5"))
        // The loan still out is the only one chased; S1 is back.
        let due = try bot.tick("2026-12-01T09:02:00+08:00")
        #expect(due.notifications.map(\.refs) == [["S2"]])
        let all = try bot.say("return umbrellas", from: "u-li", at: "2026-12-01T10:00:00+08:00")
        #expect(all.reply.text == "Returned one Umbrella (S2), thank you!", "\(all.reply.text)")
        #expect(try Self.left(bot, at: "2026-12-01T10:01:00+08:00").contains("可借 5/5"))
        #expect(try bot.say("还伞", from: "u-li", at: "2026-12-01T10:02:00+08:00").reply.code == "not_found")
    }

    @Test func aReturnAcrossLoansTakesTheOldestFirstAndTheOfficeMayReturnAnyLoan() throws {
        let bot = try FamilyHarness("services", community: Self.community)
        #expect(try bot.say("borrow 2 umbrellas", from: "u-ann", at: "2026-11-28T09:00:00+08:00").reply.refs == ["S1"])
        #expect(try bot.say("borrow 2 umbrellas", from: "u-ann", at: "2026-11-28T09:01:00+08:00").reply.refs == ["S2"])
        let three = try bot.say("return 3 umbrellas", from: "u-ann", at: "2026-11-28T09:02:00+08:00")
        #expect(three.reply.text == "Returned Umbrella × 3 (S1, S2); 1 still out, thank you!", "\(three.reply.text)")
        #expect(three.reply.refs == ["S1", "S2"])
        // The office (no home) borrows for the office, and may take back anyone's loan.
        #expect(try bot.say("借两把伞", from: "u-office", at: "2026-11-28T09:03:00+08:00").reply.refs == ["S3"])
        #expect(try Self.left(bot, at: "2026-11-28T09:04:00+08:00").contains("可借 2/5"))
        #expect(try bot.say("归还 S2", from: "u-office", at: "2026-11-28T09:05:00+08:00").reply.text == "已归还 S2 中的爱心伞一把，已全部还清，谢谢！")
        #expect(try bot.say("还两把伞", from: "u-office", at: "2026-11-28T09:06:00+08:00").reply.refs == ["S3"])
        #expect(try Self.left(bot, at: "2026-11-28T09:07:00+08:00").contains("可借 5/5"))
    }

    @Test func returnAloneAsksWhichLoanAndTheAnswerCompletesIt() throws {
        let bot = try FamilyHarness("services", community: Self.community)
        #expect(try bot.say("借两把伞", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.ok)
        let asked = try bot.say("还", from: "u-li", at: "2026-11-28T09:01:00+08:00")
        #expect(asked.reply.code == "usage" && asked.reply.text.contains("归还哪一件"))
        let answered = try bot.say("1 把伞", from: "u-li", at: "2026-11-28T09:02:00+08:00")
        #expect(answered.reply.text.hasPrefix("已归还爱心伞一把（S1）"), "\(answered.reply.text)")
    }
}
