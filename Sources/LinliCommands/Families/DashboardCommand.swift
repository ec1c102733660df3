import LinliCore

/// The staff pages' sign-in (`commands/dashboard.yaml`).
public enum DashboardCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case dashboard }
    public static let family = "dashboard"

    /// A one-time link to the staff pages.
    case dashboard

    public init?(id: ID, args: Arguments) {
        switch id {
        case .dashboard: self = .dashboard
        }
    }

    public var name: String { ID.dashboard.rawValue }

    public var command: Command { .dashboard(self) }
}
