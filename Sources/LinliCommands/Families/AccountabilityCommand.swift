import LinliCore

/// Public accountability 晒事 (`commands/accountability.yaml`).
public enum AccountabilityCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case publish }
    public static let family = "accountability"

    /// `what`: a building and a period, in any order, both optional.
    case publish(what: String?)

    public init?(id: ID, args: Arguments) {
        switch id {
        case .publish: self = .publish(what: args.text("what"))
        }
    }

    public var name: String {
        switch self {
        case .publish: ID.publish.rawValue
        }
    }

    public var command: Command { .accountability(self) }
}
