import LinliCore

/// Signed requests already answered, by `webhook-id` (PROTOCOL.md §4): a repeat —
/// the sender's retry or a captured request played again — gets the first answer
/// and changes nothing, also for events without an `id`. A repeat that arrives while
/// the first is being handled waits for its answer. Ids are kept for `keep` (at
/// least the signature window: an older request is refused as stale anyway).
actor ReplayGuard {
    private var answers: [String: (at: Instant, answer: Task<String, any Error>)] = [:]
    private let keep: Span

    init(keep: Span) { self.keep = keep }

    /// The answer to request `id`: the first one's, or `handle()`'s if this is the first.
    func answer(_ id: String, now: Instant, _ handle: @escaping @Sendable () async throws -> String) async throws -> String {
        let cutoff = now.adding(Span(milliseconds: -keep.milliseconds))
        if answers.count > 1_000 { answers = answers.filter { $0.value.at > cutoff } }
        if let earlier = answers[id], earlier.at > cutoff { return try await earlier.answer.value }
        let task = Task { try await handle() }
        answers[id] = (now, task)
        do {
            return try await task.value
        } catch {
            answers[id] = nil  // not answered: the sender may try again
            throw error
        }
    }
}
