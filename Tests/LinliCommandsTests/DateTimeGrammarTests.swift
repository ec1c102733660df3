import LinliCommands
import LinliCore
import Testing

/// Dates and times against a fixed clock: today is Saturday 2026-11-28.
@Suite struct DateTimeGrammarTests {
    static let today = LocalDay(year: 2026, month: 11, day: 28)

    static let dates: [(String, String)] = [
        ("2026-12-03", "2026-12-03"), ("2026/12/03", "2026-12-03"), ("2027-01-05", "2027-01-05"),
        ("12-03", "2026-12-03"), ("12/3", "2026-12-03"), ("12.3", "2026-12-03"), ("12月3日", "2026-12-03"), ("12月3号", "2026-12-03"),
        ("十二月三日", "2026-12-03"), ("1月2日", "2027-01-02"), ("11-28", "2026-11-28"), ("11-27", "2026-11-27"), ("8-28", "2026-08-28"), ("8-27", "2027-08-27"),
        ("today", "2026-11-28"), ("今天", "2026-11-28"), ("Today", "2026-11-28"), ("tomorrow", "2026-11-29"), ("明天", "2026-11-29"),
        ("后天", "2026-11-30"), ("大后天", "2026-12-01"), ("day after tomorrow", "2026-11-30"),
        ("mon", "2026-11-30"), ("Monday", "2026-11-30"), ("thu", "2026-12-03"), ("thursday", "2026-12-03"), ("sat", "2026-11-28"),
        ("sun", "2026-11-29"), ("周四", "2026-12-03"), ("星期四", "2026-12-03"), ("礼拜四", "2026-12-03"), ("周六", "2026-11-28"),
        ("周日", "2026-11-29"), ("星期天", "2026-11-29"), ("周1", "2026-11-30"),
        ("next thu", "2026-12-03"), ("next sat", "2026-12-05"), ("下周四", "2026-12-03"), ("下周六", "2026-12-05"), ("下星期日", "2026-12-06"),
        ("本周日", "2026-11-29"), ("dec 5", "2026-12-05"), ("December 5th", "2026-12-05"), ("5 Dec", "2026-12-05"), ("5th december", "2026-12-05"),
        ("jan 2", "2027-01-02"), ("yesterday", "2026-11-27"), ("昨天", "2026-11-27"), ("前天", "2026-11-26"),
    ]

    @Test(arguments: dates)
    func dateResolves(text: String, expected: String) throws {
        let spec = try #require(Grammar.date(text), "\(text)")
        #expect(spec.resolve(today: Self.today)?.description == expected, "\(text)")
    }

    @Test(arguments: ["2026-13-01", "13-01", "12-32", "2月30日", "feb 30", "3-4pm", "15:00", "周八", "next", "dec", "5 decks"])
    func notADate(_ text: String) {
        let resolved = Grammar.date(text)?.resolve(today: Self.today)
        #expect(resolved == nil, "\(text)")
    }

    static let times: [(String, Int, Int)] = [
        ("15:00-16:30", 900, 990), ("15:00~16:30", 900, 990), ("15:00 - 16:30", 900, 990), ("15:00到16:30", 900, 990), ("9:05-9:35", 545, 575),
        ("3pm-4pm", 900, 960), ("3-4pm", 900, 960), ("3 pm - 5 pm", 900, 1020), ("10am-12pm", 600, 720), ("11am-1pm", 660, 780),
        ("11-1pm", 660, 780), ("12pm-1pm", 720, 780), ("12am-1am", 0, 60), ("9am-11", 540, 660), ("7:30pm-9pm", 1170, 1260),
        ("3 to 4pm", 900, 960), ("下午3点到4点", 900, 960), ("下午三点到四点", 900, 960), ("下午3点-5点半", 900, 1050),
        ("晚上7点半到9点", 1170, 1260), ("上午9点到11点", 540, 660), ("早上八点到九点半", 480, 570), ("中午12点到1点", 720, 780),
        ("15点到17点", 900, 1020), ("下午两点到三点一刻", 840, 915), ("下午2点15分到3点", 855, 900), ("20:00-24:00", 1200, 1440),
        ("晚上10点到12点", 1320, 1440), ("0:00-1:00", 0, 60),
        // Minutes after 点 without 分, and a full-width colon, as people type them.
        ("下午3点30到5点", 930, 1020), ("15点30到16点30", 930, 990), ("下午三点三十到五点", 930, 1020), ("15：00-16：00", 900, 960),
        ("晚上7点30", 1170, 1170),
        // An end past noon written on the clock's face, as people write it: 11 to 1 is 11:00-13:00.
        ("11点到1点", 660, 780), ("11:30-1:30", 690, 810), ("10点到2点", 600, 840),
        // An answer after `预约凉亭明天下午`: the half said again, or a 24-hour clock after it.
        ("下午 下午3点到5点", 900, 1020), ("下午 15:00-16:00", 900, 960), ("晚上 晚上7点到9点", 1140, 1260), ("afternoon 3-5", 900, 1020),
        // A start alone: a range that ends where it starts (the booking gives it the venue's minimum length).
        ("3pm", 900, 900), ("下午3点", 900, 900), ("15:00", 900, 900), ("上午10点", 600, 600),
    ]

    @Test(arguments: times)
    func timeRange(text: String, start: Int, end: Int) {
        #expect(Grammar.times(text) == .times(TimeRange(start: start, end: end)), "\(text)")
    }

    @Test(arguments: ["16:00-15:00", "23:00-01:00", "晚上11点到凌晨1点", "10pm-2am", "25:00-26:00", "15:70-16:00", "24:30-25:00", "9点到9点", "10点到9点"])
    func refusedTimes(_ text: String) {
        guard case .wrong = Grammar.times(text) else {
            Issue.record("\(text) should be refused, got \(String(describing: Grammar.times(text)))")
            return
        }
    }

    @Test(arguments: ["pavilion", "hello", "R1", "12-03"])
    func notATime(_ text: String) {
        #expect(Grammar.times(text) == nil, "\(text)")
    }

    @Test func thereAreAtLeastSixtyPhrasesInBothLanguages() {
        let phrases = Self.dates.map(\.0) + Self.times.map(\.0)
        #expect(phrases.count >= 60)
        #expect(phrases.filter { CommandParser.guessLang($0) == .zh }.count >= 20)
        #expect(phrases.filter { CommandParser.guessLang($0) == .en }.count >= 20)
    }

    @Test func localDays() {
        #expect(Self.today.weekday == 6 && Self.today.weekStart.description == "2026-11-23")
        #expect(Self.today.spoken(.zh) == "11月28日 周六" && Self.today.spoken(.en) == "Sat 28 Nov")
        let nine = Self.today.instant(minutes: 540, offsetSeconds: 8 * 3600)
        #expect(nine == RFC3339.parse("2026-11-28T09:00:00+08:00"))
        #expect(LocalDay(nine, offsetSeconds: 8 * 3600) == Self.today)
        #expect(LocalDay(RFC3339.parse("2026-11-28T23:59:00+08:00")!, offsetSeconds: 8 * 3600) == Self.today)
    }
}
