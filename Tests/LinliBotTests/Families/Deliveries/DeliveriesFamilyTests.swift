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
}
