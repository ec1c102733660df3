import LinliCore
import Synchronization

/// Signed requests already answered, by `webhook-id` (PROTOCOL.md §4): a repeat —
/// the sender's retry or a captured request played again — gets the first answer
/// and changes nothing, also for events without an `id`. A repeat that arrives while
/// the first is being handled waits for its answer. Ids are kept for `keep` (at
/// least the signature window: an older request is refused as stale anyway), and
/// at most `capacity` of them (the oldest go first), so memory stays bounded
/// whatever the rate. The first is handled on the caller's task: no actor or task of
/// its own to hop to and back.
final class ReplayGuard: Sendable {
    private struct State {
        var answers: [String: String] = [:]
        /// Ids being handled, with the repeats waiting for their answer.
        var running: [String: [CheckedContinuation<String, any Error>]] = [:]
        /// Ids in the order they came, with when: what expires first is at the front.
        var order: [(id: String, at: Instant)] = []
        var head = 0
    }

    private let state = Mutex(State())
    private let keep: Span
    private let capacity: Int

    init(keep: Span, capacity: Int = 50_000) {
        self.keep = keep
        self.capacity = capacity
    }

    /// The first request of an id ended without an answer, and a repeat came too late to
    /// wait for it: the sender tries again.
    struct Unanswered: Error {}

    /// The answer to request `id`: the first one's, or `handle()`'s if this is the first.
    func answer(_ id: String, now: Instant, _ handle: () async throws -> String) async throws -> String {
        enum Turn {
            case answered(String), waits, first
        }
        let cutoff = now.adding(Span(milliseconds: -keep.milliseconds))
        let turn = state.withLock { s -> Turn in
            forget(before: cutoff, &s)
            if let answer = s.answers[id] { return .answered(answer) }
            if s.running[id] != nil { return .waits }
            s.running[id] = []
            return .first
        }
        switch turn {
        case .answered(let answer):
            return answer
        case .waits:
            return try await withCheckedThrowingContinuation { waiting in
                let now = state.withLock { s -> Result<String, any Error>? in
                    if let answer = s.answers[id] { return .success(answer) }
                    guard s.running[id] != nil else { return .failure(Unanswered()) }
                    s.running[id]!.append(waiting)
                    return nil
                }
                if let now { waiting.resume(with: now) }
            }
        case .first:
            let result = await Result(awaiting: handle)
            let waiting = state.withLock { s in
                // Kept from when it is answered, so that `forget` drops it in time; one not
                // answered is not kept at all: the sender may try again.
                if case .success(let answer) = result {
                    s.answers[id] = answer
                    s.order.append((id, now))
                }
                return s.running.removeValue(forKey: id) ?? []
            }
            for w in waiting { w.resume(with: result) }
            return try result.get()
        }
    }

    /// Drops ids older than `cutoff`, and the oldest beyond `capacity`.
    private func forget(before cutoff: Instant, _ s: inout State) {
        while s.head < s.order.count, s.order[s.head].at <= cutoff || s.order.count - s.head > capacity {
            s.answers[s.order[s.head].id] = nil
            s.head += 1
        }
        if s.head > 1_024, s.head * 2 > s.order.count {
            s.order.removeFirst(s.head)
            s.head = 0
        }
    }
}

extension Result where Failure == any Error {
    /// The result of an async body.
    init(awaiting body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
