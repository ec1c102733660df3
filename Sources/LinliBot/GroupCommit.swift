import Foundation
import Synchronization

/// Work handed in from many threads and done in batches on one serial queue: the
/// jobs that arrive while a batch is being done go into the next batch together
/// (group commit: one transaction, one sync, for all of them). `run` gets the jobs
/// in arrival order and returns one output for each.
public final class GroupCommit<Job: Sendable, Output: Sendable>: @unchecked Sendable {
    private let queue: DispatchQueue
    private let run: ([Job]) throws -> [Output]
    private let waiting = Mutex<[(job: Job, done: CheckedContinuation<Output, any Error>)]>([])

    /// `run` is called on `queue` only.
    public init(queue: DispatchQueue, _ run: @escaping ([Job]) throws -> [Output]) {
        self.queue = queue
        self.run = run
    }

    /// Does `job` with whatever else is waiting, off the caller's thread.
    public func submit(_ job: Job) async throws -> Output {
        try await withCheckedThrowingContinuation { done in
            waiting.withLock { $0.append((job, done)) }
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
            let outs = try run(jobs.map(\.job))
            for (job, out) in zip(jobs, outs) { job.done.resume(returning: out) }
        } catch {
            for job in jobs { job.done.resume(throwing: error) }
        }
    }
}
