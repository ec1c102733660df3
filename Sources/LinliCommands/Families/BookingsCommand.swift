import LinliCore

/// Bookings of shared spaces (`commands/bookings.yaml`); `cancel B<n>` is shared with work orders.
public enum BookingsCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case venues, book, bookings, schedule, approve, decline }
    public static let family = "bookings"
    public static let recordKinds: Set<RecordKind> = [.booking]

    case venues(DateSpec?)
    case book(venue: String, date: DateSpec?, times: TimeRange, purpose: String?)
    case bookings
    case schedule(venue: String, date: DateSpec?)
    case approve(RecordID)
    case decline(RecordID, why: String?)
    case cancel(RecordID)

    public init?(id: ID, args: Arguments) {
        switch id {
        case .venues: self = .venues(args.date("date"))
        case .book:
            guard let venue = args.text("venue"), let times = args.times("times") else { return nil }
            self = .book(venue: venue, date: args.date("date"), times: times, purpose: args.text("purpose"))
        case .bookings: self = .bookings
        case .schedule:
            guard let venue = args.text("venue") else { return nil }
            self = .schedule(venue: venue, date: args.date("date"))
        case .approve:
            guard let r = args.record() else { return nil }
            self = .approve(r)
        case .decline:
            guard let r = args.record() else { return nil }
            self = .decline(r, why: args.text("why"))
        }
    }

    public init?(sharedVerb verb: String, args: Arguments) {
        guard verb == "cancel", let r = args.record(), r.kind == .booking else { return nil }
        self = .cancel(r)
    }

    public var name: String {
        switch self {
        case .venues: ID.venues.rawValue
        case .book: ID.book.rawValue
        case .bookings: ID.bookings.rawValue
        case .schedule: ID.schedule.rawValue
        case .approve: ID.approve.rawValue
        case .decline: ID.decline.rawValue
        case .cancel: "cancel"
        }
    }

    public var command: Command { .bookings(self) }
}
