import LinliCore

extension Booking {
    /// The `bookings` table.
    static let codec = TableCodec<Booking>(
        table: "bookings", key: "number",
        columns: [
            .init("number") { .int($0.number) },
            .init("venue") { .text($0.venue) },
            .init("day") { .int($0.day.index) },
            .init("start_minute") { .int($0.start) },
            .init("end_minute") { .int($0.end) },
            .init("booker") { .text($0.booker) },
            .init("household") { .text($0.household) },
            .init("purpose") { .text($0.purpose) },
            .init("state") { .text($0.state.rawValue) },
            .init("created_at") { .int($0.createdAt.milliseconds) },
            .init("private") { .int($0.isPrivate ? 1 : 0) },
        ]
    ) { row in
        Booking(
            number: row.int("number"), venue: row.text("venue"), day: LocalDay(index: row.int("day")), start: row.int("start_minute"),
            end: row.int("end_minute"), booker: row.text("booker"), household: row.text("household"), purpose: row.optionalText("purpose"),
            state: Booking.State(rawValue: row.text("state")) ?? .cancelled, createdAt: row.instant("created_at"),
            isPrivate: row.bool("private"))
    }
}

extension StoreTransaction {
    public func insert(_ b: Booking) throws { try insert(b, Booking.codec) }

    public func booking(_ number: Int) throws -> Booking? { try records(Booking.codec, "WHERE number = ?", .int(number)).first }

    /// Writes the columns in which `new` differs from `old`.
    public func update(_ new: Booking, from old: Booking) throws { try update(new, from: old, Booking.codec) }

    /// The bookings of a venue on a day that hold their slot, by start.
    public func bookings(venue: String, day: LocalDay) throws -> [Booking] {
        try records(
            Booking.codec, "WHERE venue = ? AND day = ? AND state IN ('pending', 'confirmed') ORDER BY start_minute", .text(venue), .int(day.index))
    }

    /// How many bookings of a venue a household holds in the days `[from, to)`.
    public func householdBookings(venue: String, household: String, from: LocalDay, to: LocalDay) throws -> Int {
        try first(
            "SELECT count(*) FROM bookings WHERE venue = ? AND household = ? AND day >= ? AND day < ? AND state IN ('pending', 'confirmed')",
            [venue, household, from.index, to.index]
        ) { $0[0] as Int } ?? 0
    }

    /// A person's bookings from `day` on that hold their slot, soonest first.
    public func bookings(booker: String, from day: LocalDay) throws -> [Booking] {
        try records(
            Booking.codec, "WHERE booker = ? AND day >= ? AND state IN ('pending', 'confirmed') ORDER BY day, start_minute", .text(booker),
            .int(day.index))
    }

    /// Bookings waiting for approval in some venues, oldest first.
    public func pendingBookings() throws -> [Booking] {
        try records(Booking.codec, "WHERE state = 'pending' ORDER BY number")
    }
}
