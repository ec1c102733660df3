import LinliProtocol
import LinliTesting
import Testing

/// `进度 W1` / `status W1` and `撤销 W1` / `cancel W1`, as for a report: the wisher sees
/// where their wish stands and withdraws it (a volunteer who took it on is told); the
/// office and that volunteer see it too, another neighbour is refused.
@Suite struct WishStatusAndCancelTests {
    static func at(_ time: String) -> String { "2026-12-10T\(time):00+08:00" }

    @Test func theWisherChecksAndWithdrawsInAGroup() throws {
        let bot = try FamilyHarness("wishes", "workorders")
        func at(_ time: String) -> String { Self.at(time) }
        try bot.say("报修 噪音 楼上装修到半夜", from: "u-li", at: at("09:00"))  // a private record of the wisher's, in play
        #expect(try bot.say("心愿 想给我妈找人陪聊天，电话13812345678", from: "u-li", at: at("09:03")).reply.refs == ["W1"])
        #expect(try bot.say("进度 W1", from: "u-li", at: at("09:04")).reply.text == "W1 想给我妈找人陪聊天，电话13812345678：等待认领，还没有志愿者认领；如不再需要，可发送：撤销 W1。")
        #expect(try bot.say("认领 W1", from: "u-vol", at: at("09:05")).reply.ok)
        #expect(try bot.say("大家早上好", from: "u-bo", in: "t-b1", at: at("09:06")).isEmpty)
        let group = try bot.say("进度 W1", from: "u-li", in: "t-b1", at: at("09:07"))
        #expect(group.reply.refs == ["W1"] && !group.reply.text.contains("13812345678") && !group.reply.text.contains("R1") && !group.reply.text.contains("装修"), "\(group.reply.text)")
        #expect(group.notifications.first { $0.to == "u-li" }?.text.contains("已由方志愿认领") == true, "\(group.notifications)")
        #expect(try bot.say("status W1", from: "u-office", at: at("09:08")).reply.text.contains("taken on by 方志愿"))
        #expect(try bot.say("进度 W1", from: "u-vol", at: at("09:08")).reply.ok, "the volunteer who has it")
        let other = try bot.say("status W1", from: "u-ann", at: at("09:09"))
        #expect(other.reply.code == "forbidden" && !other.reply.text.contains("陪聊天"))
        #expect(try bot.say("cancel W1", from: "u-ann", at: at("09:09")).reply.code == "forbidden")
        #expect(try bot.say("谢谢大家", from: "u-bo", in: "t-b1", at: at("09:10")).isEmpty)
        let withdrawn = try bot.say("撤销 W1", from: "u-li", in: "t-b1", at: at("09:11"))
        #expect(withdrawn.reply.text == "已撤销心愿 W1，已告诉认领的志愿者。" && withdrawn.notifications.map(\.to) == ["u-vol"], "\(withdrawn)")
        #expect(try bot.say("进度 W1", from: "u-li", at: at("09:12")).reply.text.hasSuffix("：已由心愿人撤销。"))
        #expect(try bot.say("进度 R1", from: "u-li", at: at("09:12")).reply.ok, "the report is the reporter's still")
        #expect(try bot.say("认领 W1", from: "u-cap2", at: at("09:13")).reply.code == "conflict")
        #expect(try bot.tick("2026-12-18T09:00:00+08:00").notifications.allSatisfy { $0.refs != ["W1"] }, "the claim's clock stopped")
    }

    @Test func inEnglishAndAtNight() throws {
        let bot = try FamilyHarness("wishes", "workorders")
        #expect(try bot.say("good evening all", from: "u-ann", in: "t-b1", at: Self.at("23:00")).isEmpty)
        try bot.say("wish someone to fix my radio", from: "u-ann", at: Self.at("23:01"))
        #expect(try bot.say("status W1", from: "u-ann", in: "t-b1", at: Self.at("23:02")).reply.text.hasPrefix("W1 someone to fix my radio: open"))
        #expect(try bot.say("cancel W1", from: "u-ann", at: Self.at("23:03")).reply.text == "Withdrawn: wish W1.")
        #expect(try bot.say("status W1", from: "u-ann", at: Self.at("23:04")).reply.text == "W1 someone to fix my radio: withdrawn by the wisher.")
        #expect(try bot.tick("2026-12-11T07:00:00+08:00").notifications.isEmpty, "the volunteers' morning ask is moot")
        #expect(try bot.say("wishes", from: "u-vol", at: "2026-12-11T07:01:00+08:00").reply.refs.isEmpty)
        #expect(try bot.say("cancel W1", from: "u-ann", at: "2026-12-11T07:02:00+08:00").reply.code == "invalid_state")
    }

    @Test func aFulfilledWishIsConfirmedNotWithdrawn() throws {
        let bot = try FamilyHarness("wishes", "workorders")
        try bot.say("心愿 帮忙修自行车", from: "u-li", at: Self.at("09:00"))
        try bot.say("认领 W1", from: "u-vol", at: Self.at("09:01"))
        try bot.say("实现 W1", from: "u-vol", at: Self.at("10:00"))
        #expect(try bot.say("进度 W1", from: "u-li", at: Self.at("10:01")).reply.text.contains("方志愿说已完成，等您确认：谢谢 W1"))
        let refused = try bot.say("撤销 W1", from: "u-li", at: Self.at("10:02")).reply
        #expect(refused.code == "invalid_state" && refused.text.contains("谢谢 W1"), "\(refused.text)")
        #expect(try bot.say("谢谢 W1", from: "u-li", at: Self.at("10:03")).reply.ok)
        #expect(try bot.say("进度 W1", from: "u-li", at: Self.at("10:04")).reply.text.hasSuffix("：已实现（方志愿完成）。"))
    }

    /// The seeded community, as the tester wrote it.
    @Test func theTestersMessages() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-10T09:03:00+08:00 u-zhao: 心愿 想给我妈找人陪聊天")
        #expect(try chat.say("@2026-12-10T09:04:00+08:00 u-zhao: 进度 W1").reply.text.contains("等待认领"))
        #expect(try chat.say("@2026-12-10T09:05:00+08:00 u-zhao: 撤销 W1").reply.text == "已撤销心愿 W1。")
    }
}
