import LinliCore

/// One line of a work order's history: who did what, when.
public struct HistoryEntry: Sendable, Equatable {
    public var at: Instant
    public var actor: String
    public var action: String
    public var detail: String?

    public init(at: Instant, actor: String, action: String, detail: String?) {
        self.at = at
        self.actor = actor
        self.action = action
        self.detail = detail
    }
}

extension WorkOrder {
    /// The `work_orders` table.
    static let codec = TableCodec<WorkOrder>(
        table: "work_orders", key: "number",
        columns: [
            .init("number") { .int($0.number) },
            .init("category") { .text($0.category) },
            .init("building") { .text($0.building) },
            .init("place") { .text($0.place) },
            .init("details") { .text($0.details) },
            .init("reporter") { .text($0.reporter) },
            .init("origin_group") { .text($0.group) },
            .init("state") { .text($0.state.rawValue) },
            .init("assignee_kind") { .text(assigneeKind($0.assignee)) },
            .init("assignee") { .text($0.assignee?.id) },
            .init("level") { .text($0.level.rawValue) },
            .init("created_at") { .int($0.createdAt.milliseconds) },
            .init("accepted_at") { .int($0.acceptedAt?.milliseconds) },
            .init("resolved_at") { .int($0.resolvedAt?.milliseconds) },
            .init("closed_at") { .int($0.closedAt?.milliseconds) },
            .init("result") { .text($0.result) },
            .init("rating") { .int($0.rating.map(Int64.init)) },
            .init("comment") { .text($0.comment) },
            .init("last_urged_at") { .int($0.lastUrgedAt?.milliseconds) },
            .init("resolution") { .text($0.resolution?.rawValue) },
            .init("overdue_at") { .int($0.overdueAt?.milliseconds) },
            .init("external_ref") { .text($0.externalRef) },
            .init("first_accepted_at") { .int($0.firstAcceptedAt?.milliseconds) },
        ]
    ) { row in
        let assignee: Assignee? =
            switch (row.optionalText("assignee_kind"), row.optionalText("assignee")) {
            case ("person", let id?): .person(id)
            case ("department", let id?): .department(id)
            default: nil
            }
        var o = WorkOrder(
            number: row.int("number"), category: row.text("category"), building: row.text("building"), place: row.optionalText("place"),
            details: row.text("details"), reporter: row.text("reporter"), group: row.optionalText("origin_group"), assignee: assignee,
            level: Level(rawValue: row.text("level")) ?? .captain, createdAt: row.instant("created_at"))
        o.state = WorkOrderState(rawValue: row.text("state")) ?? .submitted
        o.acceptedAt = row.optionalInstant("accepted_at")
        o.resolvedAt = row.optionalInstant("resolved_at")
        o.closedAt = row.optionalInstant("closed_at")
        o.result = row.optionalText("result")
        o.rating = row.optionalInt("rating")
        o.comment = row.optionalText("comment")
        o.lastUrgedAt = row.optionalInstant("last_urged_at")
        o.resolution = row.optionalText("resolution").flatMap(Resolution.init)
        o.overdueAt = row.optionalInstant("overdue_at")
        o.externalRef = row.optionalText("external_ref")
        o.firstAcceptedAt = row.optionalInstant("first_accepted_at")
        return o
    }

    private static func assigneeKind(_ assignee: Assignee?) -> String? {
        switch assignee {
        case .person: "person"
        case .department: "department"
        case nil: nil
        }
    }
}

extension StoreTransaction {
    public func insert(_ o: WorkOrder) throws {
        try insert(o, WorkOrder.codec)
    }

    /// Writes the columns in which `new` differs from `old`: indexes on columns that
    /// did not change are left alone.
    public func update(_ new: WorkOrder, from old: WorkOrder) throws {
        precondition(new.number == old.number, "a work order keeps its number")
        try update(new, from: old, WorkOrder.codec)
    }

    public func workOrder(_ number: Int) throws -> WorkOrder? {
        try records(WorkOrder.codec, "WHERE number = ?", .int(number)).first
    }

    /// The open work orders a person reported or follows (merged, 我也是), oldest first.
    public func openWorkOrders(reportedOrFollowedBy person: String) throws -> [WorkOrder] {
        try records(
            WorkOrder.codec,
            """
            WHERE (reporter = ? OR number IN (SELECT work_order FROM followers WHERE user = ?))
              AND state IN ('submitted','assigned','accepted','in_progress','reopened') ORDER BY number
            """, .text(person), .text(person))
    }

    /// The work orders awaiting `person`'s rating: resolved and reported by them; or, resolved
    /// or closed since `closedSince` (the reporter's rating closes an order), followed by them
    /// or a mediation in which they are the other party; not rated by them yet.
    public func workOrders(awaitingRatingBy person: String, closedSince: Instant) throws -> [WorkOrder] {
        try records(
            WorkOrder.codec,
            """
            WHERE (state = 'resolved' AND reporter = ?1 AND rating IS NULL)
              OR ((state = 'resolved' OR (state = 'closed' AND closed_at >= ?2))
                AND (number IN (SELECT work_order FROM followers WHERE user = ?1 AND rating IS NULL)
                  OR number IN (SELECT number FROM disputes WHERE respondent = ?1 AND respondent_rating IS NULL)))
            ORDER BY number
            """, .text(person), .int(closedSince.milliseconds))
    }

    /// Where open work orders are and who holds them: each building, level and
    /// person (nil: a department) with one or more, and the lowest number there.
    public func openHolders() throws -> [(building: String, level: Level, person: String?, first: Int)] {
        try many(
            """
            SELECT building, level, CASE WHEN assignee_kind = 'person' THEN assignee END, min(number) FROM work_orders
            WHERE state IN ('submitted','assigned','accepted','in_progress','reopened')
            GROUP BY building, level, assignee_kind, assignee ORDER BY min(number)
            """, values: [], decode: { ($0.text(0), Level(rawValue: $0.text(1)) ?? .captain, $0.optionalText(2), Int($0.int(3))) })
    }

    /// The open work orders a person holds at `level` in `buildings`, oldest first:
    /// what passes to whoever takes their role over.
    public func openWorkOrders(assignee: String, level: Level, buildings: [String]) throws -> [WorkOrder] {
        guard !buildings.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: buildings.count).joined(separator: ",")
        return try many(
            """
            SELECT \(WorkOrder.codec.select) FROM work_orders
            WHERE assignee_kind = 'person' AND assignee = ? AND level = ? AND building IN (\(marks))
              AND state IN ('submitted','assigned','accepted','in_progress','reopened')
            ORDER BY number
            """, values: [.text(assignee), .text(level.rawValue)] + buildings.map(SQLValue.text), decode: WorkOrder.codec.decode)
    }

    /// Open work orders assigned to any of `assignees`, or in `buildings` with no
    /// one but the captain on them yet, oldest first.
    public func queue(assignees: [String], buildings: [String]) throws -> [WorkOrder] {
        try many(
            """
            SELECT \(WorkOrder.codec.select) FROM work_orders
            WHERE state IN ('submitted','assigned','accepted','in_progress','reopened')
              AND (assignee IN (\(Self.marks(assignees.count))) OR (building IN (\(Self.marks(buildings.count))) AND state = 'submitted'))
            ORDER BY number
            """, values: (assignees + buildings).map(SQLValue.text), decode: WorkOrder.codec.decode)
    }

    /// The work orders of some buildings reported in `[from, to)`, oldest first: what statistics count.
    /// (`+building`: the time index, not the building index, narrows a period down.)
    public func workOrders(buildings: [String], from: Instant?, to: Instant?) throws -> [WorkOrder] {
        guard !buildings.isEmpty else { return [] }
        let arguments = buildings.map(SQLValue.text) + [.int(from?.milliseconds ?? Int64.min), .int(to?.milliseconds ?? Int64.max)]
        return try many(
            """
            SELECT \(WorkOrder.codec.select) FROM work_orders
            WHERE +building IN (\(Self.marks(buildings.count))) AND created_at >= ? AND created_at < ? ORDER BY number
            """, values: arguments, decode: WorkOrder.codec.decode)
    }
    /// Adds a line to a work order's history.
    public func appendHistory(_ number: Int, _ entry: HistoryEntry) throws {
        try run(
            """
            INSERT INTO history(work_order, seq, at, actor, action, detail)
            VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM history WHERE work_order = ?1), ?2, ?3, ?4, ?5)
            """, .int(number), .int(entry.at.milliseconds), .text(entry.actor), .text(entry.action), .text(entry.detail))
    }

    /// A work order's history, in order.
    public func history(_ number: Int) throws -> [HistoryEntry] {
        try many("SELECT at, actor, action, detail FROM history WHERE work_order = ? ORDER BY seq", values: [.int(number)]) {
            HistoryEntry(at: Instant(milliseconds: $0.int(0)), actor: $0.text(1), action: $0.text(2), detail: $0.optionalText(3))
        }
    }
}
