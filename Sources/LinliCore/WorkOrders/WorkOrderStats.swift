/// The published figures of a set of work orders (SERVICES.md §5, 考核评价).
///
/// - 办结率 (closure rate) = resolved or closed ÷ all, leaving out cancelled and duplicates;
///   its mix: confirmed by a rating, unconfirmed, unable, referred.
/// - 满意率 (satisfaction) = ratings of 4–5 ÷ ratings; rating rate = ratings ÷ resolved or closed.
/// - Times from report to acceptance and to resolution: median and 90th percentile,
///   by the nearest-rank method (the value at rank ⌈p·n⌉ of the sorted times).
/// - 响应率 (response rate) = accepted within the category's accept limit ÷ reports, but
///   cancelled ones, duplicates, and those still within their limit and not accepted yet
///   (one nobody accepted in time counts against it); on-time acceptance = the same ÷ accepted.
/// - Overdue = orders whose resolve deadline passed while they were open.
public struct WorkOrderStats: Sendable, Equatable {
    public var total = 0
    public var byState: [WorkOrderState: Int] = [:]
    /// All but cancelled and duplicates: the closure rate's denominator.
    public var counted = 0
    /// Resolved or closed.
    public var done = 0
    public var confirmed = 0
    public var unconfirmed = 0
    public var unable = 0
    public var referred = 0
    public var ratings = 0
    /// Ratings of 4 or 5.
    public var satisfied = 0
    public var accepted = 0
    public var acceptedOnTime = 0
    /// Of those, the counted ones (not cancelled, not duplicates): the response rate's numerator.
    public var responded = 0
    /// Counted ones accepted, or whose time to be accepted is over: the response rate's denominator.
    public var due = 0
    public var overdue = 0
    public var acceptMedian: Span?
    public var acceptP90: Span?
    public var resolveMedian: Span?
    public var resolveP90: Span?

    public init() {}

    public var closureRate: Double? { Self.ratio(done, counted) }
    public var satisfactionRate: Double? { Self.ratio(satisfied, ratings) }
    public var ratingRate: Double? { Self.ratio(ratings, raters) }
    public var onTimeAcceptRate: Double? { Self.ratio(acceptedOnTime, accepted) }
    public var responseRate: Double? { Self.ratio(responded, due) }

    static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    /// Computes the figures; `acceptLimit` gives how long after its report each order may
    /// be accepted on time (its category's limit, from when its handler could be told).
    /// `now`: what is still within that limit is not yet due (nil: everything is).
    public init(_ orders: [WorkOrder], asOf now: Instant? = nil, acceptLimit: (WorkOrder) -> Span) {
        var acceptTimes: [Span] = []
        var resolveTimes: [Span] = []
        for o in orders {
            total += 1
            byState[o.state, default: 0] += 1
            let isCounted = o.state != .cancelled && o.state != .duplicate
            if isCounted { counted += 1 }
            // The first acceptance: a reopened report was answered when it was first accepted.
            let firstAccepted = o.firstAcceptedAt ?? o.acceptedAt
            if isCounted, firstAccepted != nil || now.map({ o.createdAt.adding(acceptLimit(o)) <= $0 }) ?? true { due += 1 }
            if o.overdueAt != nil { overdue += 1 }
            if let at = firstAccepted {
                let t = at.since(o.createdAt)
                acceptTimes.append(t)
                accepted += 1
                if t <= acceptLimit(o) {
                    acceptedOnTime += 1
                    if isCounted { responded += 1 }
                }
            }
            guard o.state == .resolved || o.state == .closed else { continue }
            done += 1
            if let at = o.resolvedAt { resolveTimes.append(at.since(o.createdAt)) }
            if let rating = o.rating {
                ratings += 1
                if rating >= 4 { satisfied += 1 }
            }
            switch o.resolution {
            case .unable: unable += 1
            case .referred: referred += 1
            case .fixed, nil: if o.rating != nil { confirmed += 1 } else { unconfirmed += 1 }
            }
        }
        acceptMedian = Self.percentile(acceptTimes, 0.5)
        acceptP90 = Self.percentile(acceptTimes, 0.9)
        resolveMedian = Self.percentile(resolveTimes, 0.5)
        resolveP90 = Self.percentile(resolveTimes, 0.9)
    }

    /// Raters beside the work orders' reporters (a settled dispute's other party, the
    /// households that followed a report): the rating rate's denominator counts them too.
    public var otherRaters = 0
    /// Who was asked to rate: each resolved or closed order's reporter, and the other raters.
    public var raters: Int { done + otherRaters }

    /// Counts ratings given beside the work orders' own (a dispute's other party, followers, of
    /// `raters` asked): 满意率 and the rating rate count them.
    public mutating func count(ratings scores: [Int], of raters: Int) {
        ratings += scores.count
        satisfied += scores.filter { $0 >= 4 }.count
        otherRaters += raters
    }

    /// The nearest-rank percentile: the value at rank ⌈p·n⌉ of the sorted values.
    public static func percentile(_ values: [Span], _ p: Double) -> Span? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = max(1, Int((p * Double(sorted.count)).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }
}
