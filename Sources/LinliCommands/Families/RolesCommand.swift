import LinliCore

/// Roles given and taken back in chat by the office (`commands/roles.yaml`).
public enum RolesCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case role, unrole, roles }
    public static let family = "roles"

    /// `scope`: the building of a captain, the grid of a grid leader.
    case role(person: String, role: Role, scope: String?)
    case unrole(person: String, role: Role, scope: String?)
    case roles

    public init?(id: ID, args: Arguments) {
        switch id {
        case .role, .unrole:
            guard let person = args.text("person"), let role = args.text("role").flatMap(Role.init(rawValue:)) else { return nil }
            self =
                id == .role
                ? .role(person: person, role: role, scope: args.text("scope")) : .unrole(person: person, role: role, scope: args.text("scope"))
        case .roles: self = .roles
        }
    }

    public var name: String {
        switch self {
        case .role: ID.role.rawValue
        case .unrole: ID.unrole.rawValue
        case .roles: ID.roles.rawValue
        }
    }

    public var command: Command { .roles(self) }
}
