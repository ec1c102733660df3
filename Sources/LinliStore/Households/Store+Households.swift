import LinliCore

extension Visit {
    /// The `visits` table.
    static let codec = TableCodec<Visit>(
        table: "visits", key: "number",
        columns: [
            .init("number") { .int($0.number) },
            .init("household") { .text($0.household) },
            .init("visitor") { .text($0.visitor) },
            .init("notes") { .text($0.notes) },
            .init("at") { .int($0.at.milliseconds) },
            .init("report") { .int($0.report.map(Int64.init)) },
        ]
    ) { row in
        Visit(
            number: row.int("number"), household: row.text("household"), visitor: row.text("visitor"), notes: row.text("notes"),
            at: row.instant("at"), report: row.optionalInt("report"))
    }
}

/// Households (一户一档): visits, pairs made in chat, and what a household's file lists.
extension StoreTransaction {
    public func insert(_ v: Visit) throws { try insert(v, Visit.codec) }

    /// A household's visits, newest first.
    public func visits(household: String) throws -> [Visit] {
        try records(Visit.codec, "WHERE household = ? ORDER BY at DESC, number DESC", .text(household))
    }

    /// Whether work order `number` was filed from a household visit (its details are the visit's notes).
    public func isVisitReport(_ number: Int) throws -> Bool { try visitor(ofReport: number) != nil }

    /// Who filed work order `number` on a visit, if a visit filed it.
    public func visitor(ofReport number: Int) throws -> String? {
        try first("SELECT visitor FROM visits WHERE report = ? LIMIT 1", [Int64(number)]) { $0.text(0) }
    }

    /// The last visit to each of `households` (those never visited are absent).
    public func lastVisits(_ households: [String]) throws -> [String: Instant] {
        guard !households.isEmpty else { return [:] }
        let rows = try many(
            "SELECT household, max(at) FROM visits WHERE household IN (\(Self.marks(households.count))) GROUP BY household",
            values: households.map(SQLValue.text)
        ) { ($0.text(0), Instant(milliseconds: $0.int(1))) }
        return Dictionary(rows, uniquingKeysWith: max)
    }

    /// Pairs made (`active`) or ended in chat, in the order they were changed.
    public func pairChanges() throws -> [(pair: Pair, active: Bool, at: Instant)] {
        try many("SELECT member, household, active, at FROM pairs ORDER BY at, member, household", values: []) {
            (Pair(member: $0.text(0), household: $0.text(1)), $0.int(2) != 0, Instant(milliseconds: $0.int(3)))
        }
    }

    /// Makes or ends a pair.
    public func setPair(_ pair: Pair, active: Bool, by actor: String, at: Instant) throws {
        try run(
            """
            INSERT INTO pairs(member, household, active, "by", at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(member, household) DO UPDATE SET active = excluded.active, "by" = excluded."by", at = excluded.at
            """, .text(pair.member), .text(pair.household), .int(active ? 1 : 0), .text(actor), .int(at.milliseconds))
    }

    /// When `member` was last reminded of households to visit.
    public func lastVisitReminder(_ member: String) throws -> Instant? {
        try one("SELECT at FROM visit_reminders WHERE member = ?", .text(member)) { Instant(milliseconds: $0.int(0)) }
    }

    public func setVisitReminder(_ member: String, at: Instant) throws {
        try run(
            "INSERT INTO visit_reminders(member, at) VALUES (?, ?) ON CONFLICT(member) DO UPDATE SET at = excluded.at", .text(member),
            .int(at.milliseconds))
    }

    /// The reports of a household, newest first: those its members filed, and those
    /// filed for its room (`building`, `room`).
    public func householdWorkOrders(members: [String], building: String, room: String, limit: Int) throws -> [WorkOrder] {
        try many(
            """
            SELECT \(WorkOrder.codec.select) FROM work_orders
            WHERE reporter IN (\(Self.marks(members.count))) OR (building = ? AND place = ?)
            ORDER BY number DESC LIMIT \(limit)
            """, values: (members + [building, room]).map(SQLValue.text), decode: WorkOrder.codec.decode)
    }

    /// A household's bookings, newest first.
    public func householdBookings(_ household: String, limit: Int) throws -> [Booking] {
        try records(Booking.codec, "WHERE household = ? ORDER BY number DESC LIMIT \(limit)", .text(household))
    }

    /// A household's loans and service requests, newest first.
    public func householdRequests(_ household: String, limit: Int) throws -> [ServiceRequest] {
        try records(ServiceRequest.codec, "WHERE household = ? ORDER BY number DESC LIMIT \(limit)", .text(household))
    }

    /// The wishes some people made, newest first.
    public func wishes(wishers: [String], limit: Int) throws -> [Wish] {
        try records(
            Wish.codec, "WHERE wisher IN (\(Self.marks(wishers.count))) ORDER BY number DESC LIMIT \(limit)", values: wishers.map(SQLValue.text))
    }

    /// Each person's points total (those with no entry are absent).
    public func pointTotals(_ people: [String]) throws -> [String: Int] {
        let rows = try many(
            "SELECT person, sum(points) FROM points_ledger WHERE person IN (\(Self.marks(people.count))) GROUP BY person",
            values: people.map(SQLValue.text)
        ) { ($0.text(0), Int($0.int(1))) }
        return Dictionary(rows, uniquingKeysWith: +)
    }

    /// `?, ?, …` for `n` values (`NULL` for none, which matches nothing).
    static func marks(_ n: Int) -> String { n == 0 ? "NULL" : Array(repeating: "?", count: n).joined(separator: ", ") }
}
