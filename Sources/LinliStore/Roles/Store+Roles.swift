import LinliCore

extension RoleChange {
    /// The `role_changes` table (its `id` orders the changes).
    static let codec = TableCodec<RoleChange>(
        table: "role_changes", key: "id",
        columns: [
            .init("person") { .text($0.person) },
            .init("name") { .text($0.name) },
            .init("role") { .text($0.role.rawValue) },
            .init("scope") { .text($0.scope) },
            .init("granted") { .int($0.granted ? 1 : 0) },
            .init("actor") { .text($0.actor) },
            .init("at") { .int($0.at.milliseconds) },
        ]
    ) { row in
        RoleChange(
            person: row.text("person"), name: row.optionalText("name"), role: Role(rawValue: row.text("role")) ?? .volunteer,
            scope: row.optionalText("scope"), granted: row.bool("granted"), actor: row.text("actor"), at: row.instant("at"))
    }
}

/// Role changes made in chat: only ever added, and read back in order.
extension StoreTransaction {
    public func record(_ change: RoleChange) throws { try insert(change, RoleChange.codec) }

    /// Every role change, oldest first.
    public func roleChanges() throws -> [RoleChange] { try records(RoleChange.codec, "ORDER BY id") }
}
