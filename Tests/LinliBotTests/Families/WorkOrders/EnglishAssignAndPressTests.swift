import LinliProtocol
import LinliTesting
import Testing

/// `transfer R1 to property` (assign, as 转交 is) and `press R1 urgent` (督办, as the
/// reporter's push says "pressed by"); in a group, either word without a record is talk.
@Suite struct EnglishAssignAndPressTests {
    static func at(_ time: String) -> String { "2026-12-10T\(time):00+08:00" }

    @Test func transferAndPressActOnARecord() throws {
        let bot = try FamilyHarness("workorders")
        func at(_ time: String) -> String { Self.at(time) }
        #expect(try bot.say("morning everyone", from: "u-ann", in: "t-b1", at: at("09:00")).isEmpty)
        #expect(try bot.say("report leak kitchen tap dripping", from: "u-ann", in: "t-b1", at: at("09:01")).reply.refs == ["R1"])
        try bot.say("报修 噪音 楼上装修", from: "u-bo", at: at("09:02"))  // a private record in play
        #expect(try bot.say("press the button lol", from: "u-ann", in: "t-b1", at: at("09:03")).isEmpty)
        #expect(try bot.say("transfer the photos to me later", from: "u-cap1", in: "t-b1", at: at("09:03")).isEmpty)
        #expect(try bot.say("thanks!", from: "u-li", in: "t-b1", at: at("09:04")).isEmpty)
        let moved = try bot.say("transfer R1 to water", from: "u-office", in: "t-b1", at: at("09:05"))
        #expect(moved.reply.ok && moved.reply.refs == ["R1"] && moved.notifications.contains { $0.to == "u-pipe" }, "\(moved)")
        let pressed = try bot.say("press R1 urgent", from: "u-office", at: at("09:06"))
        #expect(pressed.reply.ok && pressed.notifications.contains { $0.to == "u-pipe" && $0.text.contains("urgent") }, "\(pressed)")
        #expect(pressed.notifications.contains { $0.to == "u-ann" && $0.text.contains("pressed by") })
        let chinese = try bot.say("督办 R2 请尽快", from: "u-office", in: "t-b2", at: at("09:07"))
        #expect(chinese.reply.ok && !chinese.reply.text.contains("装修"), "\(chinese.reply.text)")
    }

    /// The seeded community, as the tester wrote it.
    @Test func theTestersMessages() throws {
        let chat = try Conversation()
        try chat.say("@2026-12-10T09:03:00+08:00 [fudi-b3] u-li: 报修 电梯 按钮失灵")
        #expect(try chat.say("@2026-12-10T09:04:00+08:00 u-he: transfer R1 to property").reply.ok)
        #expect(try chat.say("@2026-12-10T09:05:00+08:00 u-he: press R1 urgent").reply.ok)
        #expect(try chat.say("@2026-12-10T09:06:00+08:00 [fudi-b3] u-wang: press the button lol").isEmpty)
    }
}
