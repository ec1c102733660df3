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

/// A new wish, or one open again, is told to the volunteers near the wisher (their
/// grid), in their language, not at night, without the wisher's name.
@Suite struct WishAnnouncedToVolunteersTests {
    static let community = FamilyHarness.community
        .replacingOccurrences(of: "grids:\n", with: "grids:\n  - {id: g2, name: 二网格, leader: u-grid}\n")
        .replacingOccurrences(
            of: "buildings:\n", with: "buildings:\n  - {id: b3, name: 3栋, grid: g2, captain: u-cap2, groups: [t-b3]}\n")
        .replacingOccurrences(
            of: "people:\n",
            with: "people:\n  - {id: u-wang, name: Wang Lei, home: b1-601, roles: [volunteer], lang: en}\n  - {id: u-far, name: 远志愿, home: b3-101, roles: [volunteer]}\n")

    @Test func theGridsVolunteersHearOfANewWishInTheirLanguage() throws {
        let bot = try FamilyHarness("wishes", community: Self.community)
        #expect(try bot.say("早上好", from: "u-bo", in: "t-b1", at: "2026-11-28T08:59:00+08:00").isEmpty)
        let posted = try bot.say("微心愿 帮忙填养老认证表", from: "u-li", in: "t-b1", at: "2026-11-28T09:00:00+08:00")
        #expect(posted.reply.refs == ["W1"] && posted.posts.isEmpty)
        #expect(posted.notifications.map(\.to) == ["u-wang", "u-vol"], "g1's volunteers, not g2's")
        #expect(posted.notifications.allSatisfy { $0.reason == "new_wish" && $0.refs == ["W1"] && !$0.text.contains("李阿姨") })
        #expect(posted.notifications[0].text == "[Wish] W1: 帮忙填养老认证表. To take it on: claim W1")
        #expect(posted.notifications[1].text == "【微心愿】W1：帮忙填养老认证表。认领请发送：认领 W1")

        let own = try bot.say("wish a lift to the clinic", from: "u-vol", at: "2026-11-28T09:05:00+08:00")
        #expect(own.notifications.map(\.to) == ["u-wang"], "not told of their own wish")

        // Posted at night: the volunteers hear in the morning.
        let late = try bot.say("心愿 明早帮忙取药", from: "u-far", at: "2026-11-28T23:00:00+08:00")
        #expect(late.reply.ok && late.notifications.isEmpty)
        #expect(try bot.tick("2026-11-29T07:00:00+08:00").notifications.map(\.to) == ["u-wang", "u-vol"], "g2 has no other volunteer: all")
    }

    @Test func aWishOpenAgainIsToldToTheOtherVolunteers() throws {
        let bot = try FamilyHarness("wishes", community: Self.community)
        try bot.say("心愿 帮忙修自行车", from: "u-li", at: "2026-11-28T09:00:00+08:00")
        try bot.say("认领 W1", from: "u-vol", at: "2026-11-28T09:01:00+08:00")
        let released = try bot.tick("2026-12-05T09:02:00+08:00")
        #expect(released.notifications.map(\.to) == ["u-vol", "u-li", "u-wang"], "the claimer, the wisher, then the others")
        #expect(released.notifications.last?.reason == "new_wish")
    }
}

/// A wish often says how to reach the wisher. Claimed in a group, the reply reads it
/// as the wish list does (no room, number or name); the volunteer gets it whole privately,
/// with whose wish it is and where they live.
@Suite struct WishClaimedInAGroupTests {
    @Test func theGroupReadsTheClaimWithoutTheWishersDetails() throws {
        let bot = try FamilyHarness("wishes")
        let at = "2026-11-28T09:00:00+08:00"
        #expect(try bot.say("微心愿 想要一副老花镜，我住502，电话13912345678，找李阿姨", from: "u-li", at: at).reply.refs == ["W1"])
        #expect(try bot.say("wish a lift to the clinic on Monday", from: "u-ann", at: at).reply.refs == ["W2"])
        #expect(try bot.say("早上好，今天谁有空？", from: "u-vol", in: "t-b2", at: at).isEmpty)
        let out = try bot.say("认领 W1", from: "u-vol", in: "t-b2", at: at)
        #expect(out.reply.ok && !out.reply.text.contains("13912345678") && !out.reply.text.contains("李阿姨") && out.reply.text.contains("私信"), "\(out.reply.text)")
        let whole = out.notifications.filter { $0.to == "u-vol" }
        #expect(whole.count == 1 && whole[0].text.contains("13912345678") && whole[0].text.contains("（心愿人：李阿姨 b1-502）"), "\(whole)")
        #expect(out.notifications.contains { $0.to == "u-li" && $0.text.contains("已由方志愿认领") })
        // Nothing to hide in the text: the group reads it whole, and whose it is goes privately.
        let plain = try bot.say("claim W2", from: "u-vol", in: "t-b2", at: at)
        #expect(plain.reply.text.contains("a lift to the clinic") && !plain.reply.text.contains("Ann") && !plain.reply.text.contains("b1-501"), "\(plain.reply.text)")
        #expect(plain.notifications.first { $0.to == "u-vol" }?.text.contains("a lift to the clinic on Monday (from Ann Lee b1-501)") == true, "\(plain.notifications)")
        try bot.say("微心愿 想要人陪我去医院，电话13812345678", from: "u-li", at: at)
        let alone = try bot.say("认领 W3", from: "u-vol", at: at)
        #expect(alone.reply.text.contains("13812345678（心愿人：李阿姨 b1-502）") && alone.notifications.allSatisfy { $0.to != "u-vol" }, "\(alone)")
        // Asked again (one the group told to ask privately does): whose it is, again.
        #expect(try bot.say("认领 W3", from: "u-vol", at: at).reply.text == "W3 已由您认领（心愿人：李阿姨 b1-502）。完成后请发送：实现 W3")
        let inGroup = try bot.say("认领 W3", from: "u-vol", in: "t-b2", at: at)
        #expect(!inGroup.reply.text.contains("李阿姨") && inGroup.notifications.first { $0.to == "u-vol" }?.text.contains("李阿姨 b1-502") == true)
    }
}
