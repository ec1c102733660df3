import LinliCore
import LinliStore

/// Work orders as last read or written by this engine, by number: the database
/// stays the truth (every write goes to both); this saves reading them back on
/// every command. Dropped whenever a batch rolls back.
final class WorkOrderCache {
    private var orders: [Int: WorkOrder] = [:]
    /// Their followers (most have none: every state change asks).
    fileprivate var followers: [Int: [Follower]] = [:]
    static let capacity = 1_000

    subscript(number: Int) -> WorkOrder? { orders[number] }

    func keep(_ order: WorkOrder) {
        if orders.count >= Self.capacity { orders.removeAll(keepingCapacity: true) }
        orders[order.number] = order
    }

    fileprivate func keep(_ followers: [Follower], of number: Int) {
        if self.followers.count >= Self.capacity { self.followers.removeAll(keepingCapacity: true) }
        self.followers[number] = followers
    }

    func removeAll() {
        orders.removeAll(keepingCapacity: true)
        followers.removeAll(keepingCapacity: true)
    }
}

/// The one way to read and write work orders: every family that touches one
/// (reports, statistics, later households and disputes) goes through it.
struct WorkOrderRepository {
    /// The reasons of the pushes that ask someone to accept an order.
    static let asks = ["new_report", "assigned", "escalated", "reopened"]

    fileprivate let cache: WorkOrderCache
    let tx: StoreTransaction

    init(cache: WorkOrderCache, tx: StoreTransaction) {
        self.cache = cache
        self.tx = tx
    }

    /// A work order, from the cache or the database.
    func find(_ number: Int) throws -> WorkOrder? {
        if let order = cache[number] { return order }
        let order = try tx.workOrder(number)
        if let order { cache.keep(order) }
        return order
    }

    /// A work order, or `not_found`.
    func load(_ id: RecordID) throws -> WorkOrder {
        guard let order = try find(id.number) else { throw LinliError.notFound(id) }
        return order
    }

    /// The open work orders a person holds at `level` in `buildings`, oldest first.
    func open(assignee: String, level: Level, buildings: [String]) throws -> [WorkOrder] {
        let orders = try tx.openWorkOrders(assignee: assignee, level: level, buildings: buildings)
        for order in orders { cache.keep(order) }
        return orders
    }

    /// Writes a new work order and its first history line.
    func insert(_ order: WorkOrder, history: HistoryEntry) throws {
        try tx.insert(order)
        cache.keep(order)
        cache.keep([], of: order.number)
        try tx.appendHistory(order.number, history)
    }

    /// Writes a changed work order (the columns that changed) and its history line.
    func save(_ order: WorkOrder, from before: WorkOrder, history: HistoryEntry) throws {
        try tx.update(order, from: before)
        cache.keep(order)
        try tx.appendHistory(order.number, history)
    }

    /// A history line on a work order that does not change it (a duplicate merged in, a follower).
    func note(_ order: WorkOrder, _ history: HistoryEntry) throws { try tx.appendHistory(order.number, history) }

    func history(_ number: Int) throws -> [HistoryEntry] { try tx.history(number) }

    /// A work order's followers, in the order they came.
    func followers(of number: Int) throws -> [Follower] {
        if let known = cache.followers[number] { return known }
        let followers = try tx.followers(of: number)
        cache.keep(followers, of: number)
        return followers
    }

    /// Adds a follower; one already following is left as they were.
    func follow(_ follower: Follower) throws {
        try tx.follow(follower)
        cache.followers[follower.workOrder] = nil
    }

    /// A follower's rating of the report they follow.
    func rate(follower user: String, of number: Int, _ score: Int, comment: String?) throws {
        try tx.rate(follower: user, of: number, score, comment: comment)
        cache.followers[number] = nil
    }
}
