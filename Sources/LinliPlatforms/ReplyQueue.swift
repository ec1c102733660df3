import Foundation
import LinliBot
import LinliStore

/// Queues platforms' replies in the outbox with group commit, as `EngineGate` does
/// for events: a busy server syncs once for many callbacks instead of once each. A
/// row is committed before its callback is answered.
final class ReplyQueue: Sendable {
    private let batches: GroupCommit<OutboxRow, Bool>

    init(store: Store) {
        batches = GroupCommit(queue: DispatchQueue(label: "linli.platform-replies")) { rows in
            try store.write { tx in try rows.map { try tx.enqueueOnce($0) } }
        }
    }

    /// Queues `row` unless it is there already; true when it was queued now.
    func enqueueOnce(_ row: OutboxRow) async throws -> Bool { try await batches.submit(row) }
}
