import Foundation
import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// PROTOCOL.md §4: time that cannot be poisoned, and a repeat that gets everything back.
@Suite struct BoundedTimeTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }

    @Test(arguments: ["9999-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "2100-01-01T00:00:00+08:00", "0001-01-01T00:00:00Z"])
    func aTimestampOutsideTheCenturyIsRefusedAndMovesNothing(_ ts: String) throws {
        try chat.say(#"{"ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"报修 漏水 厨房"}"#)
        let out = try chat.say(#"{"ts":"\#(ts)","from":"u-li","text":"status"}"#)
        #expect(out.map(\.type) == [.error] && out[0].code == "bad_timestamp", "\(out)")
        #expect(chat.engine.clock == RFC3339.parse("2026-11-28T09:00:00+08:00"), "the clock did not move")
        let next = try chat.say(#"{"ts":"2026-11-28T09:01:00+08:00","from":"u-li","text":"status"}"#)
        #expect(next.reply.ok && next.notifications.isEmpty, "no timer fired early")
    }

    @Test func moreThanAYearAheadIsRefusedButAYearIsFine() throws {
        try chat.say("@2026-11-28T09:00:00+08:00 u-li: status")
        #expect(try chat.say("@2028-01-01T00:00:00+08:00 u-li: status").first?.code == "bad_timestamp")
        #expect(try chat.say("@2027-11-27T09:00:00+08:00 u-li: status").reply.ok)
    }

    @Test func inServeATimestampPastTheWallClockIsRefused() throws {
        chat.engine.maxAheadOfWallClock = .minutes(5)
        let wall = RFC3339.format(Instant(milliseconds: 1_790_000_000_000), offsetSeconds: 8 * 3600)  // the fixture's wall clock
        #expect(try chat.say("@\(wall) u-li: status").reply.ok)
        let later = RFC3339.format(Instant(milliseconds: 1_790_000_000_000 + 6 * 60_000), offsetSeconds: 8 * 3600)
        #expect(try chat.say("@\(later) u-li: status").first?.code == "bad_timestamp")
    }
}

@Suite struct RepeatedIDTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }

    @Test func aRepeatGetsEveryOutboundEventItCausedWithTheSameIDs() throws {
        let report = #"{"id":"m1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"报修 漏水 厨房滴水"}"#
        let first = try chat.say(report)
        #expect(first.map(\.type) == [.reply, .notify])
        let again = try chat.say(report)
        #expect(again.map(\.id) == first.map(\.id) && again.map(\.text) == first.map(\.text) && again.map(\.ts) == first.map(\.ts))
        #expect(again.map(\.to) == first.map(\.to) && again.map(\.refs) == first.map(\.refs))
        #expect(try chat.engine.history(1).count == 1, "nothing happened twice")
    }

    @Test func theTimersAnEventsClockFiredComeBackWithIt() throws {
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房滴水")
        let late = #"{"id":"m2","ts":"2026-11-28T09:31:00+08:00","from":"u-li","text":"status R1"}"#
        let first = try chat.say(late)
        #expect(first.map(\.reason).contains("escalated"), "the accept limit passed on this event's clock")
        #expect(try chat.say(late).map(\.id) == first.map(\.id))
    }

    @Test func chatterAndTicksWithIDsComeBackEmptyOrWithWhatTheyFired() throws {
        let chatter = #"{"id":"c1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"大家好"}"#
        #expect(try chat.say(chatter).isEmpty)
        #expect(try chat.say(chatter).isEmpty)
        try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房滴水")
        let tick = #"{"type":"tick","id":"t1","ts":"2026-11-28T09:40:00+08:00"}"#
        let fired = try chat.say(tick)
        let again = try chat.say(tick)
        #expect(!fired.isEmpty && again.map(\.id) == fired.map(\.id))
    }
}

@Suite struct InputEdgeTests {
    let chat: Conversation
    init() throws { chat = try Conversation() }

    @Test func aByteOrderMarkIsIgnoredAndARepeatedKeyRefused() throws {
        #expect(try chat.say("\u{FEFF}" + #"{"ts":"2026-11-28T09:00:00+08:00","from":"u-li","text":"status"}"#).reply.ok)
        let twice = try chat.say(#"{"ts":"2026-11-28T09:00:00+08:00","from":"u-li","from":"u-zhou","text":"status"}"#)
        #expect(twice.map(\.type) == [.error] && twice[0].code == "bad_json" && twice[0].text.contains("from"))
        let nested = try chat.say(#"{"ts":"2026-11-28T09:00:00+08:00","from":"u-li","text":"a \"from\": b","mentions":["x","x"]}"#)
        #expect(nested.first?.type == .reply, "a key only counts at the top level, not inside a string or a list")
    }

    @Test(arguments: [
        ("rate R1 5.5", "whole number"), ("rate R1 -5", "whole number"), ("status R-1", "R1"), ("status R0", "R1"),
        ("status R99999999999999999999", "R1"), ("book pavilion 0001-01-01 10:00-11:00", "2000"),
        ("event party 9999-01-01 19:00", "2000"),
    ])
    func aWrongNumberRecordOrDateIsAnsweredWithUsage(_ text: String, _ hint: String) throws {
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房滴水")
        let out = try chat.say("@2026-11-28T09:01:00+08:00 u-emma: \(text)")
        #expect(out.reply.code == "usage" && out.reply.text.contains(hint), "\(text): \(out.reply.text)")
    }
}
