import Synchronization
import GRDB
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

extension StoreTransaction {
    private static let columnNames = [
        "number", "category", "building", "place", "details", "reporter", "origin_group", "state", "assignee_kind", "assignee", "level",
        "created_at", "accepted_at", "resolved_at", "closed_at", "result", "rating", "comment", "last_urged_at",
        "resolution", "overdue_at", "external_ref",
    ]
    private static let columns = columnNames.joined(separator: ", ")
    private static let insertSQL = "INSERT INTO work_orders(\(columns)) VALUES (\(Array(repeating: "?", count: columnNames.count).joined(separator: ",")))"

    public func insert(_ o: WorkOrder) throws {
        try run(Self.insertSQL, values: values(o))
    }

    /// Writes the columns in which `new` differs from `old` (the same order as read):
    /// indexes on columns that did not change are left alone.
    public func update(_ new: WorkOrder, from old: WorkOrder) throws {
        precondition(new.number == old.number, "a work order keeps its number")
        var mask = 0
        var arguments: [SQLValue] = []
        func field(_ column: Int, _ before: String?, _ after: String?) {
            guard before != after else { return }
            mask |= 1 << column
            arguments.append(.text(after))
        }
        func field(_ column: Int, _ before: Int64?, _ after: Int64?) {
            guard before != after else { return }
            mask |= 1 << column
            arguments.append(.int(after))
        }
        field(1, old.category, new.category)
        field(2, old.building, new.building)
        field(3, old.place, new.place)
        field(4, old.details, new.details)
        field(5, old.reporter, new.reporter)
        field(6, old.group, new.group)
        field(7, old.state.rawValue, new.state.rawValue)
        field(8, Self.kind(old.assignee), Self.kind(new.assignee))
        field(9, old.assignee?.id, new.assignee?.id)
        field(10, old.level.rawValue, new.level.rawValue)
        field(11, old.createdAt.milliseconds, new.createdAt.milliseconds)
        field(12, old.acceptedAt?.milliseconds, new.acceptedAt?.milliseconds)
        field(13, old.resolvedAt?.milliseconds, new.resolvedAt?.milliseconds)
        field(14, old.closedAt?.milliseconds, new.closedAt?.milliseconds)
        field(15, old.result, new.result)
        field(16, old.rating.map(Int64.init), new.rating.map(Int64.init))
        field(17, old.comment, new.comment)
        field(18, old.lastUrgedAt?.milliseconds, new.lastUrgedAt?.milliseconds)
        field(19, old.resolution?.rawValue, new.resolution?.rawValue)
        field(20, old.overdueAt?.milliseconds, new.overdueAt?.milliseconds)
        field(21, old.externalRef, new.externalRef)
        guard mask != 0 else { return }
        let sql = Self.updateSQL.withLock { cache in
            if let sql = cache[mask] { return sql }
            let columns = Self.columnNames.indices.filter { mask & (1 << $0) != 0 }
            let sql = "UPDATE work_orders SET \(columns.map { "\(Self.columnNames[$0]) = ?" }.joined(separator: ", ")) WHERE number = ?"
            cache[mask] = sql
            return sql
        }
        arguments.append(.int(new.number))
        try run(sql, values: arguments)
    }

    private static func kind(_ assignee: Assignee?) -> String? {
        switch assignee {
        case .person: "person"
        case .department: "department"
        case nil: nil
        }
    }

    /// UPDATE statements by the set of columns they write.
    private static let updateSQL = Mutex<[Int: String]>([:])

    public func workOrder(_ number: Int) throws -> WorkOrder? {
        try one("SELECT \(Self.columns) FROM work_orders WHERE number = ?", .int(number), decode: workOrder)
    }

    /// The open work orders a person reported, oldest first.
    public func openWorkOrders(reporter: String) throws -> [WorkOrder] {
        try many("""
            SELECT \(Self.columns) FROM work_orders
            WHERE reporter = ? AND state IN ('submitted','assigned','accepted','in_progress','reopened') ORDER BY number
            """, values: [.text(reporter)], decode: workOrder)
    }

    /// Open work orders assigned to any of `assignees`, or in `buildings` with no
    /// one but the captain on them yet, oldest first.
    public func queue(assignees: [String], buildings: [String]) throws -> [WorkOrder] {
        let a = assignees.isEmpty ? "NULL" : Array(repeating: "?", count: assignees.count).joined(separator: ",")
        let b = buildings.isEmpty ? "NULL" : Array(repeating: "?", count: buildings.count).joined(separator: ",")
        return try many("""
            SELECT \(Self.columns) FROM work_orders
            WHERE state IN ('submitted','assigned','accepted','in_progress','reopened')
              AND (assignee IN (\(a)) OR (building IN (\(b)) AND state = 'submitted'))
            ORDER BY number
            """, values: (assignees + buildings).map(SQLValue.text), decode: workOrder)
    }

    /// The work orders of some buildings reported in `[from, to)`, oldest first: what statistics count.
    public func workOrders(buildings: [String], from: Instant?, to: Instant?) throws -> [WorkOrder] {
        guard !buildings.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: buildings.count).joined(separator: ",")
        let arguments = buildings.map(SQLValue.text) + [.int(from?.milliseconds ?? Int64.min), .int(to?.milliseconds ?? Int64.max)]
        return try many("""
            SELECT \(Self.columns) FROM work_orders
            WHERE building IN (\(marks)) AND created_at >= ? AND created_at < ? ORDER BY number
            """, values: arguments, decode: workOrder)
    }

    /// Adds a line to a work order's history.
    public func appendHistory(_ number: Int, _ entry: HistoryEntry) throws {
        try run("""
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

    private func values(_ o: WorkOrder) -> [SQLValue] {
        [
            .int(o.number), .text(o.category), .text(o.building), .text(o.place), .text(o.details), .text(o.reporter), .text(o.group),
            .text(o.state.rawValue), .text(Self.kind(o.assignee)), .text(o.assignee?.id), .text(o.level.rawValue), .int(o.createdAt.milliseconds),
            .int(o.acceptedAt?.milliseconds), .int(o.resolvedAt?.milliseconds), .int(o.closedAt?.milliseconds), .text(o.result),
            .int(o.rating.map(Int64.init)), .text(o.comment), .int(o.lastUrgedAt?.milliseconds), .text(o.resolution?.rawValue),
            .int(o.overdueAt?.milliseconds), .text(o.externalRef),
        ]
    }

    /// Decodes a row selected with `columns`, by position.
    private func workOrder(_ row: Columns) -> WorkOrder {
        func instant(_ i: Int32) -> Instant? { row.optionalInt(i).map(Instant.init(milliseconds:)) }
        let assignee: Assignee? = switch (row.optionalText(8), row.optionalText(9)) {
        case ("person", let id?): .person(id)
        case ("department", let id?): .department(id)
        default: nil
        }
        var o = WorkOrder(
            number: Int(row.int(0)), category: row.text(1), building: row.text(2), place: row.optionalText(3), details: row.text(4),
            reporter: row.text(5), group: row.optionalText(6), assignee: assignee,
            level: Level(rawValue: row.text(10)) ?? .captain, createdAt: instant(11) ?? Instant(milliseconds: 0))
        o.state = WorkOrderState(rawValue: row.text(7)) ?? .submitted
        o.acceptedAt = instant(12)
        o.resolvedAt = instant(13)
        o.closedAt = instant(14)
        o.result = row.optionalText(15)
        o.rating = row.optionalInt(16).map(Int.init)
        o.comment = row.optionalText(17)
        o.lastUrgedAt = instant(18)
        o.resolution = row.optionalText(19).flatMap(Resolution.init)
        o.overdueAt = instant(20)
        o.externalRef = row.optionalText(21)
        return o
    }
}
