import LinliCore

/// What the outbox gave up on (`commands/deliveries.yaml`).
public enum DeliveriesCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case deliveries }
    public static let family = "deliveries"

    case deliveries

    public init?(id: ID, args: Arguments) { self = .deliveries }

    public var name: String { ID.deliveries.rawValue }

    public var command: Command { .deliveries(self) }
}
