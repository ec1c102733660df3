import LinliCore

/// Signed requests already answered, by `webhook-id` (PROTOCOL.md §4): a repeat —
/// the sender's retry or a captured request played again — gets the first answer
/// and changes nothing, also for events without an `id`. A repeat that arrives while
/// the first is being handled waits for its answer. Ids are kept for `keep` (at
/// least the signature window: an older request is refused as stale anyway), and
/// at most `capacity` of them (the oldest go first), so memory stays bounded
/// whatever the rate.
actor ReplayGuard {
    private var answers: [String: Task<String, any Error>] = [:]
    /// Ids in the order they came, with when: what expires first is at the front.
    private var order: [(id: String, at: Instant)] = []
    private var head = 0
    private let keep: Span
    private let capacity: Int

    init(keep: Span, capacity: Int = 50_000) {
        self.keep = keep
        self.capacity = capacity
    }

    /// The answer to request `id`: the first one's, or `handle()`'s if this is the first.
    func answer(_ id: String, now: Instant, _ handle: @escaping @Sendable () async throws -> String) async throws -> String {
        forget(before: now.adding(Span(milliseconds: -keep.milliseconds)))
        if let earlier = answers[id] { return try await earlier.value }
        let task = Task { try await handle() }
        answers[id] = task
        order.append((id, now))
        do {
            return try await task.value
        } catch {
            answers[id] = nil  // not answered: the sender may try again
            throw error
        }
    }

    /// Drops ids older than `cutoff`, and the oldest beyond `capacity`.
    private func forget(before cutoff: Instant) {
        while head < order.count, order[head].at <= cutoff || order.count - head > capacity {
            answers[order[head].id] = nil
            head += 1
        }
        if head > 1_024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
