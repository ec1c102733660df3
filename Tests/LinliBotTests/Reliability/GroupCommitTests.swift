import Dispatch
import Foundation
import LinliBot
import LinliCore
import LinliProtocol
import LinliTesting
import Synchronization
import Testing

@testable import LinliStore

/// `GroupCommit`: jobs handed in from many tasks are done in batches on one queue,
/// each caller getting its own job's output.
@Suite(.timeLimit(.minutes(1))) struct GroupCommitTests {
    @Test func concurrentJobsAreBatchedAndEachCallerGetsItsOwnOutput() async throws {
        let batches = Mutex<[Int]>([])
        let started = DispatchSemaphore(value: 0)
        let commit = GroupCommit<Int, Int>(queue: DispatchQueue(label: "test.group-commit")) { jobs in
            let first = batches.withLock { sizes in
                sizes.append(jobs.count)
                return sizes.count == 1
            }
            // The first batch takes a while: what arrives meanwhile goes into the next.
            if first {
                started.signal()
                Thread.sleep(forTimeInterval: 0.05)
            }
            return jobs.map { $0 * 2 }
        }
        let outputs = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            group.addTask { (0, try await commit.submit(0)) }
            await withCheckedContinuation { ready in
                DispatchQueue.global().async {
                    started.wait()
                    ready.resume()
                }
            }
            for n in 1..<200 { group.addTask { (n, try await commit.submit(n)) } }
            return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
        }
        #expect(outputs.count == 200 && outputs.allSatisfy { $0.value == $0.key * 2 })
        let sizes = batches.withLock { $0 }
        #expect(sizes.reduce(0, +) == 200, "every job was done once: \(sizes)")
        #expect(sizes.count < 200 && sizes.dropFirst().contains { $0 > 1 }, "jobs that came during a batch went together: \(sizes)")
    }

    @Test func aFailedBatchFailsItsJobsAndTheNextJobsAreStillDone() async throws {
        let calls = Atomic<Int>(0)
        struct Refused: Error {}
        let commit = GroupCommit<Int, Int>(queue: DispatchQueue(label: "test.group-commit")) { jobs in
            if calls.add(1, ordering: .relaxed).newValue == 1 { throw Refused() }
            return jobs
        }
        await #expect(throws: Refused.self) { try await commit.submit(1) }
        // One after another: each must find the queue told again (no drain left marked as queued).
        for n in 2...50 { #expect(try await commit.submit(n) == n) }
    }
}

/// What a batch's events came to is kept the same whether the batch is small (encoded
/// on the engine's thread) or large (encoded on the kept outcomes' queue, a chunk at a time).
@Suite struct KeptOutcomesBatchTests {
    /// Forty messages, some of them repeats of earlier ids in the same batch.
    func items() -> [InputItem] {
        (0..<40).map { i in
            let n = i % 30  // ids 0…9 come twice
            let text = n % 3 == 0 ? "报修 漏水 厨房滴水 \(n)" : (n % 3 == 1 ? "status" : "report light corridor lamp out \(n)")
            let json = #"{"id":"k\#(n)","ts":"2026-11-28T09:\#(String(format: "%02d", n)):00+08:00","group":"fudi-b3","from":"u-li","text":"\#(text)"}"#
            var splitter = LineSplitter(maxLine: 65_536)
            guard case .event(let e, _) = Array((json + "\n").utf8).withUnsafeBytes({ splitter.feed($0) })[0] else {
                Issue.record("line \(i) did not decode")
                return .event(InboundEvent(type: .tick), line: i + 1)
            }
            return .event(e, line: i + 1)
        }
    }

    @Test func oneLargeBatchAndSmallOnesGiveTheSameEventsAndKeepThem() throws {
        let large = try Conversation(), small = try Conversation()
        let all = items()
        let once = try large.engine.process(all)
        var oneByOne: [OutboundEvent] = []
        for item in all { oneByOne += try small.engine.process([item]) }
        #expect(once.count > 40 && once.map(\.id) == oneByOne.map(\.id) && once.map(\.text) == oneByOne.map(\.text))
        // Repeats in later batches come back from what each kept.
        for chat in [large, small] {
            let again = try chat.engine.process(all)
            #expect(again.map(\.id) == once.map(\.id) && again.map(\.text) == once.map(\.text))
        }
    }
}

/// `linli serve`'s engine commits a batch without waiting for the disk and goes on;
/// the batch's requests are answered once a sync has taken it there (PROTOCOL.md §4).
@Suite(.timeLimit(.minutes(1))) struct AnsweredOnceOnDiskTests {
    @Test func eachAnswerComesAfterTheSyncOfItsBatch() async throws {
        let store = try Store(path: BinaryRunner.temporaryDatabase())
        let log = try #require(store.log)
        let gate = EngineGate(try Fixtures.engine(store: store))
        for i in 1...5 {
            let json = #"{"id":"s\#(i)","ts":"2026-11-28T09:0\#(i):00+08:00","group":"fudi-b3","from":"u-li","text":"报修 漏水 厨房滴水 \#(i)"}"#
            var splitter = LineSplitter(maxLine: 65_536)
            let out = try await gate.process(Array((json + "\n").utf8).withUnsafeBytes { splitter.feed($0) })
            #expect(out.reply.ok, "\(out)")
            #expect(store.syncLaterCommits == i && log.synced == i, "answered with batch \(i) on disk")
        }
        // Concurrent requests: every answer still follows a sync of its batch, and batches share syncs.
        let (syncsBefore, commitsBefore) = (log.syncsMade, store.syncLaterCommits)
        let answers = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 6...30 {
                group.addTask {
                    let json = #"{"id":"s\#(i)","ts":"2026-11-28T10:00:00+08:00","group":"fudi-b3","from":"u-li","text":"status"}"#
                    var splitter = LineSplitter(maxLine: 65_536)
                    let items = Array((json + "\n").utf8).withUnsafeBytes { splitter.feed($0) }
                    let before = store.syncLaterCommits
                    let out = try await gate.process(items)
                    return out.reply.ok && log.synced > before
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(answers.count == 25 && answers.allSatisfy { $0 })
        #expect(log.synced == store.syncLaterCommits && log.syncsMade - syncsBefore <= store.syncLaterCommits - commitsBefore)
    }

    @Test func theStaffPagesShowWhatIsOnDiskOnly() async throws {
        let store = try Store(path: BinaryRunner.temporaryDatabase())
        let log = try #require(store.log)
        let engine = try Fixtures.engine(store: store)
        let gate = EngineGate(engine)
        // A batch committed without its sync (as a tick's is, or one whose answer waits).
        let json = #"{"id":"d1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"报修 漏水 厨房滴水"}"#
        var splitter = LineSplitter(maxLine: 65_536)
        _ = try engine.process(groups: [Array((json + "\n").utf8).withUnsafeBytes { splitter.feed($0) }], syncLater: true)
        let committed = store.syncLaterCommits
        #expect(log.synced < committed, "not on disk yet")
        let shown = try await gate.withDashboard { _ in store.syncLaterCommits }
        #expect(shown == committed && log.synced >= committed, "the page was answered after the sync")
    }
}
