import LinliCore

/// Which work orders a list shows (the staff pages, their CSV, Open311).
public struct WorkOrderQuery: Sendable, Equatable {
    /// Only these buildings (nil: every building).
    public var buildings: [String]?
    public var states: [WorkOrderState]?
    public var categories: [String]?
    /// Reported in `[from, to)`.
    public var from: Instant?
    public var to: Instant?
    /// Only orders whose resolve deadline passed (true) or not (false).
    public var overdue: Bool?
    public var numbers: [Int]?
    public var limit: Int
    public var offset: Int

    public init(
        buildings: [String]? = nil, states: [WorkOrderState]? = nil, categories: [String]? = nil, from: Instant? = nil, to: Instant? = nil,
        overdue: Bool? = nil, numbers: [Int]? = nil, limit: Int = 50, offset: Int = 0
    ) {
        self.buildings = buildings
        self.states = states
        self.categories = categories
        self.from = from
        self.to = to
        self.overdue = overdue
        self.numbers = numbers
        self.limit = limit
        self.offset = offset
    }
}

extension StoreTransaction {
    /// The work orders `query` asks for, newest first, and how many there are in all.
    public func workOrders(_ query: WorkOrderQuery) throws -> (orders: [WorkOrder], total: Int) {
        var clauses: [String] = []
        var values: [SQLValue] = []
        func among(_ column: String, _ items: [SQLValue]?) {
            guard let items else { return }
            clauses.append(items.isEmpty ? "0" : "\(column) IN (\(Self.marks(items.count)))")
            values += items
        }
        among("building", query.buildings?.map(SQLValue.text))
        among("state", query.states?.map { .text($0.rawValue) })
        among("category", query.categories?.map(SQLValue.text))
        among("number", query.numbers?.map { .int($0) })
        if let from = query.from {
            clauses.append("created_at >= ?")
            values.append(.int(from.milliseconds))
        }
        if let to = query.to {
            clauses.append("created_at < ?")
            values.append(.int(to.milliseconds))
        }
        if let overdue = query.overdue { clauses.append(overdue ? "overdue_at IS NOT NULL" : "overdue_at IS NULL") }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        // Newest first: by number (the index on building keeps each building's orders in
        // number order), or for a period of every building by `created_at` then number,
        // the same order (numbers follow the bot's clock, which never goes back), so that
        // the period's index is read backwards and the read stops at the limit.
        let byTime = query.buildings == nil && (query.from != nil || query.to != nil)
        let order = byTime ? "created_at DESC, number DESC" : "number DESC"
        let total = try many("SELECT count(*) FROM work_orders \(filter)", values: values, limit: 1) { Int($0.int(0)) }.first ?? 0
        let orders = try many(
            "SELECT \(WorkOrder.codec.select) FROM work_orders \(filter) ORDER BY \(order) LIMIT ? OFFSET ?",
            values: values + [.int(query.limit), .int(query.offset)], decode: WorkOrder.codec.decode)
        return (orders, total)
    }

    /// The open work orders of some buildings past their resolve deadline, the longest overdue first.
    public func overdueWorkOrders(buildings: [String]) throws -> [WorkOrder] {
        guard !buildings.isEmpty else { return [] }
        return try many(
            """
            SELECT \(WorkOrder.codec.select) FROM work_orders
            WHERE +building IN (\(Self.marks(buildings.count))) AND overdue_at IS NOT NULL
              AND state IN ('submitted','assigned','accepted','in_progress','reopened')
            ORDER BY overdue_at, number
            """, values: buildings.map(SQLValue.text), decode: WorkOrder.codec.decode)
    }
}
