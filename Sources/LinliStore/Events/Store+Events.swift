import LinliCore

extension CommunityEvent {
    /// The `events` table.
    static let codec = TableCodec<CommunityEvent>(
        table: "events", key: "number",
        columns: [
            .init("number") { .int($0.number) },
            .init("title") { .text($0.title) },
            .init("day") { .int($0.day.index) },
            .init("start_minute") { .int($0.start) },
            .init("capacity") { .int($0.capacity.map(Int64.init)) },
            .init("creator") { .text($0.creator) },
            .init("created_at") { .int($0.createdAt.milliseconds) },
        ]
    ) { row in
        CommunityEvent(
            number: row.int("number"), title: row.text("title"), day: LocalDay(index: row.int("day")), start: row.int("start_minute"),
            capacity: row.optionalInt("capacity"), creator: row.text("creator"), createdAt: row.instant("created_at"))
    }
}

/// Neighbourhood events and their participants.
extension StoreTransaction {
    public func insert(_ e: CommunityEvent) throws { try insert(e, CommunityEvent.codec) }

    public func event(_ number: Int) throws -> CommunityEvent? { try records(CommunityEvent.codec, "WHERE number = ?", .int(number)).first }

    /// Events on or after `day`, soonest first.
    public func events(from day: LocalDay) throws -> [CommunityEvent] {
        try records(CommunityEvent.codec, "WHERE day >= ? ORDER BY day, start_minute, number", .int(day.index))
    }

    public func participants(_ event: Int) throws -> [String] {
        try all("SELECT user FROM event_participants WHERE event = ? ORDER BY joined_at, user", [event]) { $0[0] as String }
    }

    /// Adds a participant; false when they were in already.
    public func join(_ event: Int, user: String, at: Instant) throws -> Bool {
        try execute("INSERT INTO event_participants(event, user, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [event, user, at.milliseconds])
            > 0
    }

    /// Removes a participant; false when they were not in.
    public func leave(_ event: Int, user: String) throws -> Bool {
        try execute("DELETE FROM event_participants WHERE event = ? AND user = ?", [event, user]) > 0
    }
}
