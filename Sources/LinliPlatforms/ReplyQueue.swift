import Foundation
import LinliStore
import Synchronization

/// Queues platforms' replies in the outbox with group commit, as `EngineGate` does
/// for events: the rows that arrive while one transaction is being written go
/// into the next one together, so a busy server syncs once for many callbacks
/// instead of once each. A row is committed before its callback is answered.
final class ReplyQueue: Sendable {
    private let store: Store
    private let queue = DispatchQueue(label: "linli.platform-replies")
    private let waiting = Mutex<[(row: OutboxRow, done: CheckedContinuation<Bool, any Error>)]>([])

    init(store: Store) { self.store = store }

    /// Queues `row` unless it is there already; true when it was queued now.
    func enqueueOnce(_ row: OutboxRow) async throws -> Bool {
        try await withCheckedThrowingContinuation { done in
            waiting.withLock { $0.append((row, done)) }
            queue.async { self.drain() }
        }
    }

    private func drain() {
        let jobs = waiting.withLock { jobs in
            defer { jobs.removeAll() }
            return jobs
        }
        guard !jobs.isEmpty else { return }
        do {
            let queued = try store.write { tx in try jobs.map { try tx.enqueueOnce($0.row) } }
            for (job, fresh) in zip(jobs, queued) { job.done.resume(returning: fresh) }
        } catch {
            for job in jobs { job.done.resume(throwing: error) }
        }
    }
}
