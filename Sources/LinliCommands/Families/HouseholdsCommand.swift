import LinliCore

/// Households: 一户一档 and 党员包户 (`commands/households.yaml`).
public enum HouseholdsCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case household, pair, unpair, visit, visits }
    public static let family = "households"

    case household(room: String?)
    case pair(person: String, rooms: String)
    case unpair(person: String, rooms: String?)
    case visit(room: String, notes: String)
    case visits(who: String?)

    public init?(id: ID, args: Arguments) {
        switch id {
        case .household: self = .household(room: args.text("room"))
        case .pair:
            guard let person = args.text("person"), let rooms = args.text("rooms") else { return nil }
            self = .pair(person: person, rooms: rooms)
        case .unpair:
            guard let person = args.text("person") else { return nil }
            self = .unpair(person: person, rooms: args.text("rooms"))
        case .visit:
            guard let room = args.text("room"), let notes = args.text("notes") else { return nil }
            self = .visit(room: room, notes: notes)
        case .visits: self = .visits(who: args.text("who"))
        }
    }

    public var name: String {
        switch self {
        case .household: ID.household.rawValue
        case .pair: ID.pair.rawValue
        case .unpair: ID.unpair.rawValue
        case .visit: ID.visit.rawValue
        case .visits: ID.visits.rawValue
        }
    }

    public var command: Command { .households(self) }
}
