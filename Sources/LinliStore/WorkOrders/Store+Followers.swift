import LinliCore

/// A household following a report it did not file (a duplicate merged into it, or
/// 我也是): told of its changes and asked to rate it, like its reporter.
public struct Follower: Sendable, Equatable {
    public var workOrder: Int
    public var user: String
    /// The follower's household when they followed: what `affected households` counts.
    public var household: String?
    /// The duplicate merged into the report (`merge`); nil for 我也是.
    public var via: Int?
    public var at: Instant
    public var rating: Int?
    public var comment: String?

    public init(workOrder: Int, user: String, household: String?, via: Int?, at: Instant, rating: Int? = nil, comment: String? = nil) {
        self.workOrder = workOrder
        self.user = user
        self.household = household
        self.via = via
        self.at = at
        self.rating = rating
        self.comment = comment
    }

    /// The `followers` table.
    static let codec = TableCodec<Follower>(
        table: "followers", key: "work_order",
        columns: [
            .init("work_order") { .int($0.workOrder) },
            .init("user") { .text($0.user) },
            .init("household") { .text($0.household) },
            .init("via") { .int($0.via.map(Int64.init)) },
            .init("at") { .int($0.at.milliseconds) },
            .init("rating") { .int($0.rating.map(Int64.init)) },
            .init("comment") { .text($0.comment) },
        ]
    ) { row in
        Follower(
            workOrder: row.int("work_order"), user: row.text("user"), household: row.optionalText("household"), via: row.optionalInt("via"),
            at: row.instant("at"), rating: row.optionalInt("rating"), comment: row.optionalText("comment"))
    }
}

/// Followers of work orders.
extension StoreTransaction {
    /// Adds a follower; one already following is left as they were.
    public func follow(_ f: Follower) throws {
        try run(
            "INSERT INTO followers(work_order, user, household, via, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", .int(f.workOrder),
            .text(f.user),
            .text(f.household), .int(f.via.map(Int64.init)), .int(f.at.milliseconds))
    }

    /// A work order's followers, in the order they came.
    public func followers(of workOrder: Int) throws -> [Follower] {
        try records(Follower.codec, "WHERE work_order = ? ORDER BY at, user", .int(workOrder))
    }

    /// The followers of several work orders, by work order.
    public func followers(of workOrders: [Int]) throws -> [Int: [Follower]] {
        guard !workOrders.isEmpty else { return [:] }
        let all = try records(
            Follower.codec, "WHERE work_order IN (\(Self.marks(workOrders.count))) ORDER BY at, user", values: workOrders.map { .int($0) })
        return Dictionary(grouping: all, by: \.workOrder)
    }

    /// A follower's rating of the report they follow.
    public func rate(follower user: String, of workOrder: Int, _ score: Int, comment: String?) throws {
        try run(
            "UPDATE followers SET rating = ?, comment = ? WHERE work_order = ? AND user = ?", .int(score), .text(comment), .int(workOrder),
            .text(user))
    }
}
