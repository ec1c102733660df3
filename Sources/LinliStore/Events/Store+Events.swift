import GRDB
import LinliCore

/// Neighbourhood events and their participants.
extension StoreTransaction {
    private static let eventColumns = "number, title, day, start_minute, capacity, creator, created_at"

    private static func event(_ r: Row) -> CommunityEvent {
        CommunityEvent(number: r[0], title: r[1], day: LocalDay(index: r[2]), start: r[3], capacity: r[4], creator: r[5], createdAt: Instant(milliseconds: r[6]))
    }

    public func insert(_ e: CommunityEvent) throws {
        try db.cachedStatement(sql: "INSERT INTO events(\(Self.eventColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [e.number, e.title, e.day.index, e.start, e.capacity, e.creator, e.createdAt.milliseconds])
    }

    public func event(_ number: Int) throws -> CommunityEvent? {
        try first("SELECT \(Self.eventColumns) FROM events WHERE number = ?", [number], Self.event)
    }

    /// Events on or after `day`, soonest first.
    public func events(from day: LocalDay) throws -> [CommunityEvent] {
        try all("SELECT \(Self.eventColumns) FROM events WHERE day >= ? ORDER BY day, start_minute, number", [day.index], Self.event)
    }

    public func participants(_ event: Int) throws -> [String] {
        try all("SELECT user FROM event_participants WHERE event = ? ORDER BY joined_at, user", [event]) { $0[0] as String }
    }

    /// Adds a participant; false when they were in already.
    public func join(_ event: Int, user: String, at: Instant) throws -> Bool {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_participants(event, user, joined_at) VALUES (?, ?, ?)")
            .execute(arguments: [event, user, at.milliseconds])
        return db.changesCount > 0
    }

    /// Removes a participant; false when they were not in.
    public func leave(_ event: Int, user: String) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM event_participants WHERE event = ? AND user = ?").execute(arguments: [event, user])
        return db.changesCount > 0
    }
}
