import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// Dead letters and disabled webhooks are told to the office (issue 19, 8: on demand).
@Suite struct DeliveriesFamilyTests {
    @Test func theOfficeSeesWhatWasGivenUpOnAndForWhom() throws {
        let bot = try FamilyHarness("deliveries")
        #expect(try bot.say("投递", from: "u-office", at: "2026-11-28T09:00:00+08:00").reply.text.contains("所有推送都已送达"))
        try bot.store.write { tx in
            let t = Instant(milliseconds: 1_795_827_600_000)
            try tx.enqueue(
                OutboxRow(
                    eventID: "o9", webhook: "robot-b1", recipient: "u-cap1", reason: "new_report", text: "【新报修】R1 漏水", refs: ["R1"],
                    event: "{}", createdAt: t, dueAt: t))
            let id = try #require(tx.outbox().first?.id)
            try tx.markDead(id, reason: "HTTP 400: invalid webhook key", attempted: true)
            try tx.disableEndpoint("robot-b2", configuration: "wecom http://h", reason: "HTTP 410 Gone", at: t)
        }
        let out = try bot.say("deliveries", from: "u-office", at: "2026-11-28T09:01:00+08:00")
        #expect(out.reply.ok && out.reply.text.contains("刘队长") && out.reply.text.contains("invalid webhook key"))
        #expect(out.reply.text.contains("robot-b2") && out.reply.text.contains("410"))
        #expect(try bot.say("deliveries", from: "u-cap1", at: "2026-11-28T09:02:00+08:00").reply.code == "forbidden")
    }

    /// Issue 19, 8: every morning at 09:00 the office is told, unasked, of what failed
    /// since the last note; a quiet day sends nothing.
    @Test func theOfficeIsToldEachMorningOfWhatFailedSinceTheLastNote() throws {
        let bot = try FamilyHarness("deliveries")
        #expect(try bot.say("你好", from: "u-li", in: "t-b1", at: "2026-11-28T08:00:00+08:00").isEmpty)
        func bury(_ event: String, for recipient: String, _ text: String) throws {
            try bot.store.write { tx in
                let t = Instant(milliseconds: 1_795_827_600_000)
                try tx.enqueue(
                    OutboxRow(
                        eventID: event, webhook: "robot-b1", recipient: recipient, reason: "new_report", text: text, refs: [], event: "{}",
                        createdAt: t, dueAt: t))
                let id = try #require(tx.outbox().last?.id)
                try tx.markDead(id, reason: "gave up after 24 h: HTTP 503", attempted: true)
            }
        }
        try bury("o1", for: "u-cap1", "【新报修】R1 <at user_id=\"all\">漏水")
        try bot.store.write { tx in
            try tx.disableEndpoint("robot-b2", configuration: "wecom http://h", reason: "HTTP 410 Gone", at: Instant(milliseconds: 1_795_827_600_000))
        }

        #expect(try bot.tick("2026-11-28T08:59:00+08:00").isEmpty, "not before nine")
        let note = try bot.tick("2026-11-28T09:00:30+08:00")
        #expect(note.map(\.type) == [.notify] && note.first?.to == "u-office", "the staff, and only they")
        let text = note.first?.text ?? ""
        #expect(text.contains("1 条推送没能送达") && text.contains("刘队长") && text.contains("HTTP 503") && text.contains("robot-b2"))

        #expect(try bot.tick("2026-11-29T09:00:30+08:00").isEmpty, "nothing new: no note")
        try bury("o2", for: "u-cap2", "【新报修】R2")
        let next = try bot.tick("2026-11-30T09:00:30+08:00")
        #expect(next.count == 1 && next[0].text.contains("孙队长") && !next[0].text.contains("刘队长"), "only what came since")
        #expect(try bot.say("投递", from: "u-office", at: "2026-11-30T09:01:00+08:00")[0].text.contains("未送达的推送 2 条"), "on demand: all")
    }

    /// A building that meets in two chats of a platform has a post's row a chat: a post
    /// given up on in both is listed twice, each naming its chat (they read the same otherwise).
    @Test func aPostGivenUpOnInTwoChatsNamesEachChat() throws {
        let bot = try FamilyHarness("deliveries")
        try bot.store.write { tx in
            let t = Instant(milliseconds: 1_795_827_600_000)
            for (id, chat) in [("o7", "123456"), ("o7-2", "654321")] {
                try tx.enqueue(
                    OutboxRow(
                        eventID: id, webhook: "platform:qq", recipient: "t-b1", reason: "notice", text: "明天停水", refs: [],
                        event: #"{"type":"post","id":"o7","group":"t-b1","text":"明天停水","chat":"\#(chat)"}"#, createdAt: t, dueAt: t))
                try tx.markDead(try #require(tx.outbox().last?.id), reason: "HTTP 500", attempted: true)
            }
        }
        let lines = try bot.say("投递", from: "u-office", at: "2026-11-28T09:01:00+08:00").reply.text.split(separator: "\n")
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.filter { $0.contains("t-b1 (123456)") }.count == 1 && lines.filter { $0.contains("t-b1 (654321)") }.count == 1, "\(lines)")
    }
}
