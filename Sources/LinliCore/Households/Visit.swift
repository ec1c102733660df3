/// A party member's (or a captain's, or staff's) visit to a household, `V<n>`
/// (党员包户 走访). Its notes are private to staff, the household's captain and the
/// visitor.
public struct Visit: Sendable, Equatable {
    public var number: Int
    /// The household visited, `b3-501`.
    public var household: String
    public var visitor: String
    public var notes: String
    public var at: Instant
    /// The report filed on the visit, if one was.
    public var report: Int?

    public init(number: Int, household: String, visitor: String, notes: String, at: Instant, report: Int? = nil) {
        self.number = number
        self.household = household
        self.visitor = visitor
        self.notes = notes
        self.at = at
        self.report = report
    }

    public var id: RecordID { RecordID(.visit, number) }
}

/// A party member looking after a household (包户).
public struct Pair: Sendable, Hashable {
    public var member: String
    public var household: String

    public init(member: String, household: String) {
        self.member = member
        self.household = household
    }
}

/// Visit coverage over paired households: which were visited within the period,
/// which are overdue and which were never visited.
public struct Coverage: Sendable, Equatable {
    /// Paired households (each counted once however many members look after it).
    public var paired: Int
    /// Of those, visited within the period.
    public var visited: Int
    /// Paired, never visited at all.
    public var neverVisited: [String]
    /// Paired and not visited within the period (never visited ones included), in household order.
    public var overdue: [String]

    /// Coverage of `households` given the last visit to each, at `now`, for a period of `every`.
    public init(households: some Sequence<String>, lastVisit: [String: Instant], now: Instant, every: Span) {
        let all = Set(households).sorted()
        let since = now.adding(Span(milliseconds: -every.milliseconds))
        paired = all.count
        overdue = all.filter { lastVisit[$0].map { $0 <= since } ?? true }
        visited = paired - overdue.count
        neverVisited = all.filter { lastVisit[$0] == nil }
    }

    /// Visited within the period ÷ paired, as a whole percentage, rounded (100 when nothing is paired).
    public var percent: Int { paired == 0 ? 100 : (visited * 200 + paired) / (2 * paired) }
}
