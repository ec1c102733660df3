import LinliCore

/// The points ledger (`commands/points.yaml`).
public enum PointsCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case points, award, leaderboard }
    public static let family = "points"

    case points(person: String?)
    case award(person: String, item: String, note: String?)
    case leaderboard

    public init?(id: ID, args: Arguments) {
        switch id {
        case .points: self = .points(person: args.text("person"))
        case .award:
            guard let person = args.text("person"), let item = args.text("item") else { return nil }
            self = .award(person: person, item: item, note: args.text("note"))
        case .leaderboard: self = .leaderboard
        }
    }

    public var name: String {
        switch self {
        case .points: ID.points.rawValue
        case .award: ID.award.rawValue
        case .leaderboard: ID.leaderboard.rawValue
        }
    }

    public var command: Command { .points(self) }
}
