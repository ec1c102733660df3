import GRDB
import LinliCore

extension StoreTransaction {
    private static let bookingColumns = "number, venue, day, start_minute, end_minute, booker, household, purpose, state, created_at"

    private static func booking(_ r: Row) -> Booking {
        Booking(number: r[0], venue: r[1], day: LocalDay(index: r[2]), start: r[3], end: r[4], booker: r[5], household: r[6], purpose: r[7],
                state: Booking.State(rawValue: r[8]) ?? .cancelled, createdAt: Instant(milliseconds: r[9]))
    }

    public func insert(_ b: Booking) throws {
        try db.cachedStatement(sql: "INSERT INTO bookings(\(Self.bookingColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [b.number, b.venue, b.day.index, b.start, b.end, b.booker, b.household, b.purpose, b.state.rawValue, b.createdAt.milliseconds])
    }

    public func booking(_ number: Int) throws -> Booking? {
        try first("SELECT \(Self.bookingColumns) FROM bookings WHERE number = ?", [number], Self.booking)
    }

    public func setState(_ state: Booking.State, ofBooking number: Int) throws {
        try db.cachedStatement(sql: "UPDATE bookings SET state = ? WHERE number = ?").execute(arguments: [state.rawValue, number])
    }

    /// The bookings of a venue on a day that hold their slot, by start.
    public func bookings(venue: String, day: LocalDay) throws -> [Booking] {
        try all("SELECT \(Self.bookingColumns) FROM bookings WHERE venue = ? AND day = ? AND state IN ('pending', 'confirmed') ORDER BY start_minute",
                [venue, day.index], Self.booking)
    }

    /// How many bookings of a venue a household holds in the days `[from, to)`.
    public func householdBookings(venue: String, household: String, from: LocalDay, to: LocalDay) throws -> Int {
        try first("SELECT count(*) FROM bookings WHERE venue = ? AND household = ? AND day >= ? AND day < ? AND state IN ('pending', 'confirmed')",
                  [venue, household, from.index, to.index]) { $0[0] as Int } ?? 0
    }

    /// A person's bookings from `day` on that hold their slot, soonest first.
    public func bookings(booker: String, from day: LocalDay) throws -> [Booking] {
        try all("SELECT \(Self.bookingColumns) FROM bookings WHERE booker = ? AND day >= ? AND state IN ('pending', 'confirmed') ORDER BY day, start_minute",
                [booker, day.index], Self.booking)
    }

    /// Bookings waiting for approval in some venues, oldest first.
    public func pendingBookings() throws -> [Booking] {
        try all("SELECT \(Self.bookingColumns) FROM bookings WHERE state = 'pending' ORDER BY number", [], Self.booking)
    }
}
