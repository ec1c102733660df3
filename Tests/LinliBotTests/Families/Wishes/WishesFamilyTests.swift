import LinliProtocol
import LinliTesting
import Testing

@Suite struct WishesFamilyTests {
    @Test func aWishIsClaimedFulfilledConfirmedAndEarnsPoints() throws {
        let bot = try FamilyHarness("wishes")
        #expect(try bot.say("心愿 帮忙填养老认证表", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.refs == ["W1"])
        #expect(try bot.say("认领 W1", from: "u-ann", at: "2026-11-28T09:01:00+08:00").reply.code == "forbidden", "a resident does not claim")
        #expect(try bot.say("claim W1", from: "u-vol", at: "2026-11-28T09:02:00+08:00").notifications.map(\.to) == ["u-li"])
        #expect(try bot.say("fulfil W1", from: "u-vol", at: "2026-11-28T15:00:00+08:00").reply.ok)
        let thanked = try bot.say("谢谢 W1", from: "u-li", at: "2026-11-28T16:00:00+08:00")
        #expect(thanked.reply.ok && thanked.notifications.map(\.to) == ["u-vol"] && thanked.notifications.first?.text.contains("+5") == true)
        #expect(try bot.tick("2026-12-10T00:00:00+08:00").isEmpty, "no clock is left running")
    }

    @Test func anUnfinishedClaimIsReleasedAfterAWeek() throws {
        let bot = try FamilyHarness("wishes")
        try bot.say("wish someone to walk my dog", from: "u-ann", at: "2026-11-28T09:00:00+08:00")
        try bot.say("认领 W1", from: "u-vol", at: "2026-11-28T09:01:00+08:00")
        let released = try bot.tick("2026-12-05T09:02:00+08:00")
        #expect(released.notifications.map(\.to) == ["u-vol", "u-ann"], "the claimer, and the wisher who was told it was taken on")
        let wisher = released.notifications.last
        #expect(wisher?.text.contains("Your wish W1") == true && wisher?.text.contains("open again") == true, "in the wisher's language: \(wisher?.text ?? "")")
        #expect(try bot.say("认领 W1", from: "u-cap2", at: "2026-12-05T09:03:00+08:00").reply.ok, "open again")
    }

    /// A volunteer claimed their own wish, fulfilled it, thanked themselves and took the points.
    @Test func aVolunteerCannotClaimTheirOwnWish() throws {
        let bot = try FamilyHarness("wishes")
        try bot.say("wish a lift to the clinic", from: "u-vol", at: "2026-11-28T09:00:00+08:00")
        let own = try bot.say("claim W1", from: "u-vol", at: "2026-11-28T09:01:00+08:00")
        #expect(own.reply.code == "forbidden" && own.reply.text.contains("your own wish") && own.notifications.isEmpty)
        #expect(try bot.say("认领 W1", from: "u-cap2", at: "2026-11-28T09:02:00+08:00").reply.ok, "still open to others")
    }
}

/// `心愿列表` / `wishes`: what volunteers can take on. `微心愿列表` was read as a wish
/// whose text is 列表 and published in the asker's name.
@Suite struct OpenWishesTests {
    @Test func theListShowsOpenWishesAndNamesNoOneInAGroup() throws {
        let bot = try FamilyHarness("wishes")
        #expect(try bot.say("微心愿列表", from: "u-vol", at: "2026-11-28T08:59:00+08:00").reply.text == "现在没有等待认领的心愿。")
        #expect(try bot.say("微心愿 李阿姨想要人陪我去医院，电话13812345678", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.refs == ["W1"])
        #expect(try bot.say("wish a lift to the clinic", from: "u-ann", at: "2026-11-28T09:01:00+08:00").reply.refs == ["W2"])
        #expect(try bot.say("claim W2", from: "u-vol", at: "2026-11-28T09:02:00+08:00").reply.ok)
        #expect(try bot.say("有人看到心愿了吗", from: "u-vol", in: "t-b1", at: "2026-11-28T09:03:00+08:00").isEmpty, "talk")
        let group = try bot.say("微心愿列表", from: "u-vol", in: "t-b1", at: "2026-11-28T09:04:00+08:00").reply
        #expect(group.refs == ["W1"] && group.text.contains("W1 ") && !group.text.contains("13812345678"), "\(group.text)")
        let mine = try bot.say("wishes", from: "u-ann", at: "2026-11-28T09:05:00+08:00").reply
        #expect(mine.text.hasPrefix("Wishes waiting for a volunteer:") && mine.text.contains("13812345678") && !mine.text.contains("W2"), "\(mine.text)")
        #expect(try bot.say("认领 W1", from: "u-vol", at: "2026-11-28T09:06:00+08:00").reply.ok, "no wish W3 was made of the list")
        #expect(try bot.say("心愿列表", from: "u-vol", at: "2026-11-28T09:07:00+08:00").reply.refs.isEmpty)
    }
}
