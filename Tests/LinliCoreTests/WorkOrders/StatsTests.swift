import LinliCore
import Testing

@Suite struct WorkOrderStatsTests {
    let t0 = Instant(seconds: 1_795_827_600)

    /// A work order reported at t0 and taken through the given steps (minutes after t0).
    func order(
        _ n: Int, _ category: String, accept: Int64? = nil, resolve: Int64? = nil, how: Resolution = .fixed,
        rating: Int? = nil, closeUnrated: Bool = false, cancel: Bool = false, overdue: Bool = false
    ) throws -> WorkOrder {
        var o = WorkOrder(
            number: n, category: category, building: "b3", place: nil, details: "x", reporter: "u-li", group: nil,
            assignee: .person("u-zhou"), level: .captain, createdAt: t0)
        if let accept { try o.apply(.accept(by: "u-zhou"), at: t0.adding(.minutes(accept))) }
        if overdue { try o.apply(.markOverdue, at: t0.adding(.days(2))) }
        if let resolve { try o.apply(.resolve("done", how), at: t0.adding(.minutes(resolve))) }
        if let rating { try o.apply(.rate(rating, comment: nil), at: t0.adding(.days(1))) }
        if closeUnrated { try o.apply(.closeUnrated, at: t0.adding(.days(4))) }
        if cancel { try o.apply(.cancel, at: t0.adding(.minutes(1))) }
        return o
    }

    func limit(_ order: WorkOrder) -> Span { order.category == "noise" ? .days(1) : .minutes(30) }

    /// The fixture, with every figure worked out by hand in the comments.
    @Test func figuresMatchTheHandComputedFixture() throws {
        let orders = [
            try order(1, "leak", accept: 10, resolve: 120, rating: 5),  // confirmed, satisfied
            try order(2, "leak", accept: 40, resolve: 300, rating: 3),  // confirmed, accepted late
            try order(3, "noise", accept: 120, resolve: 1440),  // unconfirmed (awaiting rating)
            try order(4, "noise", accept: 30, resolve: 180, how: .unable, closeUnrated: true),  // unable
            try order(5, "leak", accept: 20, resolve: 60, how: .referred),  // referred
            try order(6, "leak"),  // never accepted
            try order(7, "leak", cancel: true),  // cancelled: not counted
            try order(8, "leak", accept: 5, overdue: true),  // open, overdue
        ]
        let s = WorkOrderStats(orders, acceptLimit: limit)
        #expect(s.total == 8 && s.counted == 7 && s.done == 5)
        #expect(s.closureRate == 5.0 / 7.0)
        #expect((s.confirmed, s.unconfirmed, s.unable, s.referred) == (2, 1, 1, 1))
        #expect(s.ratings == 2 && s.satisfied == 1)
        #expect(s.satisfactionRate == 0.5 && s.ratingRate == 0.4)
        // accept times 5, 10, 20, 30, 40, 120 min: rank ⌈0.5·6⌉ = 3 → 20 min; rank ⌈0.9·6⌉ = 6 → 120 min
        #expect(s.acceptMedian == .minutes(20) && s.acceptP90 == .minutes(120))
        // resolve times 60, 120, 180, 300, 1440 min: rank 3 → 180 min; rank ⌈4.5⌉ = 5 → 1440 min
        #expect(s.resolveMedian == .minutes(180) && s.resolveP90 == .minutes(1440))
        // on time: all but order 2 (40 min > 30 min) of the 6 accepted
        #expect(s.accepted == 6 && s.acceptedOnTime == 5)
        #expect(s.overdue == 1)
        #expect(s.byState == [.closed: 3, .resolved: 2, .submitted: 1, .cancelled: 1, .inProgress: 0, .accepted: 1].filter { $0.value > 0 })
    }

    /// 响应率 counts a report still within its time to be accepted only once accepted: two
    /// minutes after a leak (30 minutes to accept) the rate is not 0% but has nothing due yet.
    @Test func aReportStillWithinItsLimitIsNotYetDue() throws {
        let fresh = [try order(1, "leak"), try order(2, "noise", accept: 5)]
        let early = WorkOrderStats(fresh, asOf: t0.adding(.minutes(10)), acceptLimit: limit)
        #expect(early.due == 1 && early.responded == 1 && early.responseRate == 1.0)
        let late = WorkOrderStats(fresh, asOf: t0.adding(.minutes(31)), acceptLimit: limit)
        #expect(late.due == 2 && late.responseRate == 0.5, "the leak nobody accepted in time counts against it")
        #expect(WorkOrderStats(fresh, acceptLimit: limit).due == 2, "a period that is over: all due")
    }

    @Test func emptyAndUnratedSetsHaveNoRates() {
        let s = WorkOrderStats([], acceptLimit: limit)
        #expect(s.closureRate == nil && s.satisfactionRate == nil && s.ratingRate == nil && s.acceptMedian == nil)
    }

    @Test(arguments: [
        ([Int64](), 0.5, nil as Int64?), ([7], 0.5, 7), ([7], 0.9, 7), ([1, 2], 0.5, 1), ([1, 2], 0.9, 2), ([3, 1, 2, 4], 0.5, 2),
        ([5, 1, 4, 2, 3], 0.9, 5),
    ])
    func nearestRankPercentile(values: [Int64], p: Double, expected: Int64?) {
        #expect(WorkOrderStats.percentile(values.map(Span.minutes), p) == expected.map(Span.minutes))
    }
}

@Suite struct QuietHoursTests {
    let quiet = TimeRange(start: 22 * 60, end: 7 * 60)
    let beijing = 8 * 3600

    func at(_ text: String) -> Instant { RFC3339.parse(text)! }

    @Test(arguments: [
        ("2026-11-28T23:15:00+08:00", "2026-11-29T07:00:00+08:00"),
        ("2026-11-28T22:00:00+08:00", "2026-11-29T07:00:00+08:00"),
        ("2026-11-29T06:59:30+08:00", "2026-11-29T07:00:00+08:00"),
        ("2026-11-29T00:00:00+08:00", "2026-11-29T07:00:00+08:00"),
    ])
    func insideEndsAtTheEndOfQuietHours(now: String, end: String) {
        #expect(quiet.end(containing: at(now), offsetSeconds: beijing) == at(end))
    }

    @Test(arguments: ["2026-11-28T07:00:00+08:00", "2026-11-28T12:00:00+08:00", "2026-11-28T21:59:59+08:00"])
    func outsideIsNotDeferred(now: String) {
        #expect(quiet.end(containing: at(now), offsetSeconds: beijing) == nil)
    }

    @Test func aDaytimeRangeWorksToo() {
        let lunch = TimeRange(start: 12 * 60, end: 13 * 60 + 30)
        #expect(lunch.end(containing: at("2026-11-28T12:10:00+08:00"), offsetSeconds: beijing) == at("2026-11-28T13:30:00+08:00"))
        #expect(lunch.end(containing: at("2026-11-28T12:10:00Z"), offsetSeconds: 0) == at("2026-11-28T13:30:00Z"))
    }
}
