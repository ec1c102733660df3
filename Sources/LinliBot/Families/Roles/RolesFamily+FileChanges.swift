import LinliCore
import LinliStore

extension RolesFamily {
    /// A building's captain or a grid's leader changed in the community file between
    /// runs: the open work orders the one before held in that role go to whoever
    /// holds it now, as `任命` in chat would hand them over; the engine calls this at
    /// the first event after the start. Orders someone was given by name (`派单`)
    /// stay theirs. Returns what the two sides of each handover are told.
    static func handOverWhatTheFileMoved(_ k: Kernel) throws -> [Effect] {
        let d = k.directory
        let actor = d.community.bot?.id ?? "linli"
        /// Held by `person` as the role's holder of before: not given by name, and not theirs
        /// for a role of their own now (the building's grid leader or staff who took it, the
        /// mediator of a dispute).
        func heldByRole(_ person: String, _ building: Building) -> (WorkOrder) throws -> Bool {
            let roles = d.person(person)?.roles ?? []
            return { order in
                guard d.gridLeader(of: building) != person, !roles.contains(.staff),
                    !(roles.contains(.mediator) && order.category == DisputesFamily.category)
                else { return false }
                return try k.tx.history(order.number).last { ["assign", "escalate", "handover"].contains($0.action) }?.action != "assign"
            }
        }
        var handovers: [Handover] = []
        for holder in try k.tx.openHolders() {
            guard let person = holder.person, let building = d.building(holder.building) else { continue }
            switch holder.level {
            case .captain where building.captain != person:
                handovers += try handOver(.captain, building.id, from: person, by: actor, k, only: heldByRole(person, building))
            case .grid where building.grid != nil && building.grid.flatMap(d.grid)?.leader != person:
                handovers += try handOver(.gridLeader, building.grid, from: person, by: actor, k, only: heldByRole(person, building))
            default: continue
            }
        }
        return handovers.flatMap { handover -> [Effect] in
            let notices = handover.notices(d)
            let refs = handover.orders.map(\.id.description)
            return [
                .notify(to: handover.to, reason: "role_changed", text: notices.to, refs: refs, priority: notices.priority),
                .notify(to: handover.from, reason: "role_changed", text: notices.from, refs: refs, priority: notices.priority),
            ]
        }
    }
}
