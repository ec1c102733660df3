/// A role given or taken back in chat by the office (`role`, `unrole`; SERVICES.md §5).
/// Kept in the store, the changes are applied over the community file in order
/// (`Community.applying`): the community as it now stands.
public struct RoleChange: Sendable, Equatable {
    public var person: String
    /// The person's name, for someone the community file does not list.
    public var name: String?
    public var role: Role
    /// The building of a captain, the grid of a grid leader; nil for the other roles,
    /// and for taking back every building or grid a person holds.
    public var scope: String?
    /// Given (true) or taken back (false).
    public var granted: Bool
    /// Who did it, and when.
    public var actor: String
    public var at: Instant

    public init(person: String, name: String?, role: Role, scope: String?, granted: Bool, actor: String, at: Instant) {
        self.person = person
        self.name = name
        self.role = role
        self.scope = scope
        self.granted = granted
        self.actor = actor
        self.at = at
    }

    /// The roles the office gives and takes back in chat (staff is the community file's).
    public static let changeable: [Role] = [.captain, .gridLeader, .volunteer, .partyMember, .mediator]
}

extension Community {
    /// The community with `changes` applied in order.
    public func applying(_ changes: [RoleChange]) -> Community {
        var community = self
        for change in changes { community.apply(change) }
        return community
    }

    /// Applies one role change. A captain or grid leader given a building or grid
    /// replaces its holder; whoever holds no building (no grid) any more loses the
    /// role. Someone the file does not list is added when given a role.
    public mutating func apply(_ change: RoleChange) {
        if !people.contains(where: { $0.id == change.person }) {
            guard change.granted else { return }
            people.append(Person(id: change.person, name: change.name ?? change.person))
        }
        /// Whether a building or grid is the change's: the one named, or when taking back with none named, any.
        func named(_ id: String) -> Bool { id == change.scope || (!change.granted && change.scope == nil) }
        var touched: Set<String> = [change.person]
        switch change.role {
        case .captain:
            for i in buildings.indices where named(buildings[i].id) {
                if change.granted, let old = buildings[i].captain { touched.insert(old) }
                if change.granted {
                    buildings[i].captain = change.person
                } else if buildings[i].captain == change.person {
                    buildings[i].captain = nil
                }
            }
        case .gridLeader:
            for i in grids.indices where named(grids[i].id) {
                if change.granted, let old = grids[i].leader { touched.insert(old) }
                if change.granted { grids[i].leader = change.person } else if grids[i].leader == change.person { grids[i].leader = nil }
            }
        default: break
        }
        for i in people.indices where touched.contains(people[i].id) {
            let id = people[i].id
            let holds =
                switch change.role {
                case .captain: buildings.contains { $0.captain == id }
                case .gridLeader: grids.contains { $0.leader == id }
                default: change.granted
                }
            if holds { people[i].roles.insert(change.role) } else { people[i].roles.remove(change.role) }
        }
    }
}
