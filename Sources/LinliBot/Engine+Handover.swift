import LinliCore
import LinliProtocol
import LinliStore

extension Engine {
    /// A building's captain or a grid's leader changed in the community file between
    /// runs: the open work orders the one before held in that role go to whoever
    /// holds it now, as `任命` in chat would hand them over, at the first event after
    /// the start. Orders someone was given by name (`派单`) stay theirs.
    func handOverWhatTheFileMoved(_ tx: StoreTransaction, into out: inout [OutboundEvent]) throws {
        state.memory.fileHandedOver = true
        let k = kernel(tx)
        let d = k.directory
        let actor = d.community.bot?.id ?? "linli"
        func heldByRole(_ order: WorkOrder) throws -> Bool {
            try tx.history(order.number).last { ["assign", "escalate", "handover"].contains($0.action) }?.action != "assign"
        }
        var handovers: [RolesFamily.Handover] = []
        for holder in try tx.openHolders() {
            guard let person = holder.person, let building = d.building(holder.building) else { continue }
            switch holder.level {
            case .captain where building.captain != person:
                handovers += try RolesFamily.handOver(.captain, building.id, from: person, by: actor, k, only: heldByRole)
            case .grid where building.grid != nil && building.grid.flatMap(d.grid)?.leader != person:
                handovers += try RolesFamily.handOver(.gridLeader, building.grid, from: person, by: actor, k, only: heldByRole)
            default: continue
            }
        }
        var effects: [Effect] = []
        for handover in handovers {
            let notices = handover.notices(d)
            let refs = handover.orders.map(\.id.description)
            effects.append(.notify(to: handover.to, reason: "role_changed", text: notices.to, refs: refs, priority: notices.priority))
            effects.append(.notify(to: handover.from, reason: "role_changed", text: notices.from, refs: refs, priority: notices.priority))
            logger.notice(
                "the community file moved open work orders: handed over", metadata: ["from": "\(handover.from)", "to": "\(handover.to)", "orders": "\(refs)"])
        }
        try emit(effects, lang: .zh, tx, into: &out)
    }
}
