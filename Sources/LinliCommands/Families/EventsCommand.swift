import LinliCore

/// Neighbourhood events (`commands/events.yaml`).
public enum EventsCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case events, event, join, leave, signups }
    public static let family = "events"
    public static let recordKinds: Set<RecordKind> = [.event]

    case events
    case create(title: String, date: DateSpec, start: Int, capacity: Int?)
    case join(RecordID)
    case leave(RecordID)
    /// Who has signed up: for whoever posted it, and the office.
    case signups(RecordID)

    public init?(id: ID, args: Arguments) {
        switch id {
        case .events: self = .events
        case .event:
            guard let title = args.text("title"), let date = args.date("date"), let start = args.int("time") else { return nil }
            self = .create(title: title, date: date, start: start, capacity: args.int("capacity"))
        case .join:
            guard let r = args.record() else { return nil }
            self = .join(r)
        case .leave:
            guard let r = args.record() else { return nil }
            self = .leave(r)
        case .signups:
            guard let r = args.record() else { return nil }
            self = .signups(r)
        }
    }

    public var name: String {
        switch self {
        case .events: ID.events.rawValue
        case .create: ID.event.rawValue
        case .join: ID.join.rawValue
        case .leave: ID.leave.rawValue
        case .signups: ID.signups.rawValue
        }
    }

    public var command: Command { .events(self) }
}
