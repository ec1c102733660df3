import LinliCore
import Synchronization
import Testing

@testable import LinliHTTP

/// The replay guard on its own: repeats that come while the first is handled wait for
/// its answer; a first that fails leaves the id free for the sender's retry.
@Suite struct ReplayGuardTests {
    let now = Instant(milliseconds: 1_790_000_000_000)

    @Test func repeatsWhileTheFirstIsHandledGetItsAnswer() async throws {
        let replays = ReplayGuard(keep: .minutes(10))
        let handled = Counter()
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await replays.answer("msg_1", now: now) {
                        let n = handled.n.add(1, ordering: .relaxed).newValue
                        try await Task.sleep(for: .milliseconds(100))
                        return "answer \(n)"
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(handled.n.load(ordering: .relaxed) == 1)
        #expect(answers == Array(repeating: "answer 1", count: 20))
        #expect(try await replays.answer("msg_1", now: now) { "again" } == "answer 1", "a later repeat too")
        #expect(try await replays.answer("msg_2", now: now) { "another" } == "another")
    }

    struct Down: Error {}

    final class Counter: Sendable { let n = Atomic<Int>(0) }

    @Test func aFirstThatFailsLeavesTheIDForTheRetry() async throws {
        let replays = ReplayGuard(keep: .minutes(10))
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<5 {
                group.addTask {
                    do {
                        _ = try await replays.answer("msg_1", now: now) {
                            try await Task.sleep(for: .milliseconds(100 + i))
                            throw Down()
                        }
                        return false
                    } catch {
                        return error is Down
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes == Array(repeating: true, count: 5), "the waiting repeats get the first's failure")
        #expect(try await replays.answer("msg_1", now: now) { "kept" } == "kept", "the retry is handled")
    }

    @Test func idsAreForgottenAfterTheirTimeAndBeyondCapacity() async throws {
        let replays = ReplayGuard(keep: .minutes(10), capacity: 2)
        _ = try await replays.answer("a", now: now) { "A" }
        #expect(try await replays.answer("a", now: now.adding(.minutes(9))) { "A2" } == "A")
        #expect(try await replays.answer("a", now: now.adding(.minutes(11))) { "A3" } == "A3", "forgotten after keep")
        for id in ["b", "c", "d"] { _ = try await replays.answer(id, now: now.adding(.minutes(12))) { id } }
        #expect(try await replays.answer("b", now: now.adding(.minutes(12))) { "B2" } == "B2", "the oldest beyond capacity")
    }

    /// A first answered after others came and went is kept from when it is answered, and
    /// forgotten in its turn like any other (it was kept for ever: memory grew).
    @Test func anAnswerThatComesLateIsForgottenInItsTurn() async throws {
        let replays = ReplayGuard(keep: .minutes(10), capacity: 2)
        async let slow = replays.answer("slow", now: now) {
            try await Task.sleep(for: .milliseconds(300))
            return "S"
        }
        try await Task.sleep(for: .milliseconds(50))
        for id in ["b", "c", "d"] { _ = try await replays.answer(id, now: now) { id } }
        #expect(try await slow == "S")
        for id in ["e", "f"] { _ = try await replays.answer(id, now: now) { id } }
        #expect(try await replays.answer("slow", now: now) { "S2" } == "S2", "forgotten beyond capacity, as any other")
    }
}
