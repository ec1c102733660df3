import LinliCore
import Testing

@Suite struct RFC3339Tests {
    @Test(arguments: [
        ("2026-11-28T09:00:00+08:00", Int64(1_795_827_600_000)),
        ("2026-11-28T01:00:00Z", 1_795_827_600_000),
        ("2026-11-28t01:00:00z", 1_795_827_600_000),
        ("2026-11-28 01:00:00Z", 1_795_827_600_000),
        ("2026-11-28T01:00:00.250Z", 1_795_827_600_250),
        ("2026-11-27T20:00:00-05:00", 1_795_827_600_000),
        ("1970-01-01T00:00:00Z", 0),
        ("2024-02-29T12:00:00Z", 1_709_208_000_000),
    ])
    func parses(text: String, millis: Int64) {
        #expect(RFC3339.parse(text) == Instant(milliseconds: millis))
    }

    @Test(arguments: [
        "", "2026-11-28", "2026-11-28T09:00:00", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z",
        "2026-11-28T25:00:00Z", "2026-11-28T09:00:00+8:00", "2026-11-28T09:00:00+08:00 ", "tomorrow", "2026-11-28T09:00:00.Z",
    ])
    func refuses(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func formatsInAnOffsetAndRoundTrips() {
        let instant = Instant(milliseconds: 1_795_827_600_000)
        #expect(RFC3339.format(instant, offsetSeconds: 8 * 3600) == "2026-11-28T09:00:00+08:00")
        #expect(RFC3339.format(instant, offsetSeconds: 0) == "2026-11-28T01:00:00Z")
        #expect(RFC3339.format(Instant(milliseconds: 1_795_827_600_007), offsetSeconds: -5 * 3600) == "2026-11-27T20:00:00.007-05:00")
        for offset in [0, 8 * 3600, -3 * 3600 - 1800] {
            #expect(RFC3339.parse(RFC3339.format(instant, offsetSeconds: offset)) == instant)
        }
    }

    @Test func civilDaysRoundTrip() {
        for days in stride(from: -800_000, to: 800_000, by: 997) {
            let (y, m, d) = RFC3339.civilFromDays(days)
            #expect(RFC3339.daysFromCivil(year: y, month: m, day: d) == days)
        }
    }
}

@Suite struct SpanTests {
    @Test(arguments: [("30m", Span.minutes(30)), ("2h", .hours(2)), ("1d", .days(1)), ("7d", .days(7)), ("45s", .seconds(45)), ("0m", .minutes(0))])
    func parses(text: String, span: Span) {
        #expect(Span(parsing: text) == span)
        #expect(Span(parsing: span.compact) == span)
    }

    @Test(arguments: ["", "m", "30", "30 m", "-5m", "1w", "1.5h"])
    func refuses(text: String) {
        #expect(Span(parsing: text) == nil)
    }

    @Test func speaksBothLanguages() {
        #expect(Span.minutes(30).spoken(.zh) == "30分钟")
        #expect(Span.hours(24).spoken(.zh) == "1天")
        #expect(Span.minutes(90).spoken(.en) == "1 hour 30 minutes")
        #expect(Span.days(7).spoken(.en) == "7 days")
        #expect(Span.days(1).spoken(.en) == "1 day" && Span.minutes(1).spoken(.en) == "1 minute")
    }
}

@Suite struct TimeRangeTests {
    @Test func parsesAndContains() throws {
        let open = try #require(TimeRange(parsing: "07:00-21:00"))
        #expect(open == TimeRange(start: 420, end: 1260))
        #expect(open.contains(minuteOfDay: 420))
        #expect(!open.contains(minuteOfDay: 1260))
        let quiet = try #require(TimeRange(parsing: "22:00-07:00"))
        #expect(quiet.contains(minuteOfDay: 23 * 60))
        #expect(quiet.contains(minuteOfDay: 60))
        #expect(!quiet.contains(minuteOfDay: 12 * 60))
        #expect(TimeRange(parsing: "08:00-24:00")?.end == 1440)
    }

    @Test(arguments: ["", "7-21", "07:00", "07:00-07:00", "25:00-26:00", "07:60-08:00", "24:00-07:00"])
    func refuses(text: String) {
        #expect(TimeRange(parsing: text) == nil)
    }
}

@Suite struct RecordIDTests {
    @Test(arguments: [
        ("R1", RecordID(.workOrder, 1)), ("r12", RecordID(.workOrder, 12)), ("#R3", RecordID(.workOrder, 3)), ("b7", RecordID(.booking, 7)),
        ("W20", RecordID(.wish, 20)), ("#r007", RecordID(.workOrder, 7)), ("R+5", RecordID(.workOrder, 5)), ("A123456789", RecordID(.alert, 123_456_789)),
    ])
    func parses(text: String, id: RecordID) {
        #expect(RecordID(parsing: Substring(text)) == id)
    }

    @Test(arguments: ["", "R", "R0", "X1", "R-1", "RR1", "R1a", "#", "R99999999999", "R+", "R+-1", "R1234567890", "R\u{301}1", "＃R1"])
    func refuses(text: String) {
        #expect(RecordID(parsing: Substring(text)) == nil)
    }
}
