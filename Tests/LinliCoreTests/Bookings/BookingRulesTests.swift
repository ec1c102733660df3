import LinliCore
import Testing

@Suite struct BookingRulesTests {
    let pavilion = Venue(
        id: "pavilion", name: "文化凉亭", names: ["pavilion"], open: TimeRange(start: 420, end: 1260), min: .minutes(30),
        max: .hours(3), horizon: .days(14), weeklyQuota: 2, approval: false)
    let day = LocalDay(year: 2026, month: 12, day: 3)
    let offset = 8 * 3600
    var now: Instant { LocalDay(year: 2026, month: 11, day: 28).instant(minutes: 540, offsetSeconds: offset) }

    func code(start: Int, end: Int, on d: LocalDay? = nil, held: Int = 0, now n: Instant? = nil) -> ErrorCode? {
        let d = d ?? day
        do {
            try BookingRules.check(
                venue: pavilion, day: d, start: start, end: end, startAt: d.instant(minutes: start, offsetSeconds: offset),
                now: n ?? now, today: LocalDay(year: 2026, month: 11, day: 28), householdThisWeek: held)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func aGoodRequestPasses() {
        #expect(code(start: 900, end: 990) == nil)
        #expect(code(start: 420, end: 600) == nil, "from opening, up to the 3 h maximum")
        #expect(code(start: 1230, end: 1260) == nil, "the 30 min minimum, up to closing")
    }

    @Test(arguments: [
        (400, 450, ErrorCode.usage),  // before opening
        (1200, 1290, .usage),  // after closing
        (900, 915, .usage),  // shorter than 30 min
        (600, 800, .usage),  // longer than 3 h
    ])
    func hoursAndLengths(start: Int, end: Int, expected: ErrorCode) {
        #expect(code(start: start, end: end) == expected)
    }

    @Test func theHorizonAndTheWeeklyQuotaAreLimits() {
        #expect(code(start: 900, end: 960, on: LocalDay(year: 2026, month: 12, day: 13)) == .limit, "15 days ahead")
        #expect(code(start: 900, end: 960, on: LocalDay(year: 2026, month: 12, day: 12)) == nil, "14 days ahead")
        #expect(code(start: 900, end: 960, held: 1) == nil)
        #expect(code(start: 900, end: 960, held: 2) == .limit)
    }

    @Test func thePastIsRefused() {
        let today = LocalDay(year: 2026, month: 11, day: 28)
        #expect(code(start: 480, end: 540, on: today) == .usage, "08:00 when it is 09:00")
        #expect(code(start: 540, end: 600, on: today) == nil, "starting right now is fine")
    }

    @Test func nearestFreeSlot() {
        let taken = [(900, 990), (1020, 1080)]
        #expect(BookingRules.nearestFree(venue: pavilion, length: 90, wanted: 900, taken: taken) == 810, "13:30 ends as 15:00 begins")
        #expect(BookingRules.nearestFree(venue: pavilion, length: 30, wanted: 990, taken: taken) == 990, "16:30-17:00 fits between")
        #expect(BookingRules.nearestFree(venue: pavilion, length: 90, wanted: 900, taken: taken, earliest: 850) == 1080)
        #expect(BookingRules.nearestFree(venue: pavilion, length: 90, wanted: 900, taken: [(420, 1260)]) == nil)
        let b = Booking(
            number: 1, venue: "pavilion", day: day, start: 900, end: 990, booker: "u", household: "b3-501", purpose: nil, state: .pending,
            createdAt: now)
        #expect(b.overlaps(start: 960, end: 1020) && !b.overlaps(start: 990, end: 1020) && b.state.holds && b.times == "15:00-16:30")
    }
}
