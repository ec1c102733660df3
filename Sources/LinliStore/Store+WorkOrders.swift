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
    private static let columns = "number, category, building, place, details, reporter, origin_group, state, assignee_kind, assignee, level, created_at, accepted_at, resolved_at, closed_at, result, rating, comment, last_urged_at"

    public func insert(_ o: WorkOrder) throws {
        try db.cachedStatement(sql: "INSERT INTO work_orders(\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            .execute(arguments: StatementArguments(values(o)))
    }

    public func update(_ o: WorkOrder) throws {
        let names = Self.columns.split(separator: ",").dropFirst()
        let marks = Array(repeating: "?", count: names.count).joined(separator: ",")
        try db.cachedStatement(sql: "UPDATE work_orders SET (\(names.joined(separator: ","))) = (\(marks)) WHERE number = ?")
            .execute(arguments: StatementArguments(values(o).dropFirst() + [o.number]))
    }

    public func workOrder(_ number: Int) throws -> WorkOrder? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.columns) FROM work_orders WHERE number = ?"), arguments: [number]).map(workOrder)
    }

    /// The open work orders a person reported, oldest first.
    public func openWorkOrders(reporter: String) throws -> [WorkOrder] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(Self.columns) FROM work_orders
            WHERE reporter = ? AND state IN ('submitted','assigned','accepted','in_progress','reopened') ORDER BY number
            """), arguments: [reporter]).map(workOrder)
    }

    /// Open work orders assigned to any of `assignees`, or in `buildings` with no
    /// one but the captain on them yet, oldest first.
    public func queue(assignees: [String], buildings: [String]) throws -> [WorkOrder] {
        let a = assignees.isEmpty ? "NULL" : Array(repeating: "?", count: assignees.count).joined(separator: ",")
        let b = buildings.isEmpty ? "NULL" : Array(repeating: "?", count: buildings.count).joined(separator: ",")
        return try Row.fetchAll(db, sql: """
            SELECT \(Self.columns) FROM work_orders
            WHERE state IN ('submitted','assigned','accepted','in_progress','reopened')
              AND (assignee IN (\(a)) OR (building IN (\(b)) AND state = 'submitted'))
            ORDER BY number
            """, arguments: StatementArguments(assignees + buildings)).map(workOrder)
    }

    /// Adds a line to a work order's history.
    public func appendHistory(_ number: Int, _ entry: HistoryEntry) throws {
        try db.cachedStatement(sql: """
            INSERT INTO history(work_order, seq, at, actor, action, detail)
            VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM history WHERE work_order = ?1), ?2, ?3, ?4, ?5)
            """).execute(arguments: [number, entry.at.milliseconds, entry.actor, entry.action, entry.detail])
    }

    /// A work order's history, in order.
    public func history(_ number: Int) throws -> [HistoryEntry] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT at, actor, action, detail FROM history WHERE work_order = ? ORDER BY seq"), arguments: [number])
            .map { HistoryEntry(at: Instant(milliseconds: $0["at"]), actor: $0["actor"], action: $0["action"], detail: $0["detail"]) }
    }

    private func values(_ o: WorkOrder) -> [(any DatabaseValueConvertible)?] {
        let kind: String? = switch o.assignee {
        case .person: "person"
        case .department: "department"
        case nil: nil
        }
        return [
            o.number, o.category, o.building, o.place, o.details, o.reporter, o.group, o.state.rawValue, kind, o.assignee?.id,
            o.level.rawValue, o.createdAt.milliseconds, o.acceptedAt?.milliseconds, o.resolvedAt?.milliseconds, o.closedAt?.milliseconds,
            o.result, o.rating, o.comment, o.lastUrgedAt?.milliseconds,
        ]
    }

    private func workOrder(_ row: Row) -> WorkOrder {
        func instant(_ column: String) -> Instant? { (row[column] as Int64?).map(Instant.init(milliseconds:)) }
        let assignee: Assignee? = switch (row["assignee_kind"] as String?, row["assignee"] as String?) {
        case ("person", let id?): .person(id)
        case ("department", let id?): .department(id)
        default: nil
        }
        var o = WorkOrder(
            number: row["number"], category: row["category"], building: row["building"], place: row["place"], details: row["details"],
            reporter: row["reporter"], group: row["origin_group"], assignee: assignee,
            level: Level(rawValue: row["level"]) ?? .captain, createdAt: instant("created_at") ?? Instant(milliseconds: 0))
        o.state = WorkOrderState(rawValue: row["state"]) ?? .submitted
        o.acceptedAt = instant("accepted_at")
        o.resolvedAt = instant("resolved_at")
        o.closedAt = instant("closed_at")
        o.result = row["result"]
        o.rating = row["rating"]
        o.comment = row["comment"]
        o.lastUrgedAt = instant("last_urged_at")
        return o
    }
}
