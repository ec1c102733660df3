import Foundation
import Synchronization

/// Work handed in from many threads and done in batches on one serial queue: the
/// jobs that arrive while a batch is being done go into the next batch together
/// (group commit: one transaction, one sync, for all of them). `run` gets the jobs
/// in arrival order and returns one output for each.
///
/// `run` may also return a `settle` for its batch (the sync that takes its commit to
/// disk): the batch's callers get their outputs once it returns, in batch order, on a
/// queue of its own, while the next batch is being done.
public final class GroupCommit<Job: Sendable, Output: Sendable>: @unchecked Sendable {
    public typealias Settle = @Sendable () throws -> Void
    private typealias Waiting = (job: Job, done: CheckedContinuation<Output, any Error>)
    private let queue: DispatchQueue
    private let settling: DispatchQueue
    private let run: ([Job]) throws -> (outputs: [Output], settle: Settle?)
    /// The jobs waiting, and whether a drain is already on the queue for them.
    private let waiting = Mutex<(jobs: [Waiting], drainQueued: Bool)>(([], false))

    /// `run` is called on `queue` only; the settles it returns on `settling`, in order.
    public init(queue: DispatchQueue, settling: DispatchQueue, _ run: @escaping ([Job]) throws -> (outputs: [Output], settle: Settle?)) {
        self.queue = queue
        self.settling = settling
        self.run = run
    }

    /// A group commit whose batches need no settling.
    public convenience init(queue: DispatchQueue, _ run: @escaping ([Job]) throws -> [Output]) {
        self.init(queue: queue, settling: queue) { (try run($0), nil) }
    }

    /// Does `job` with whatever else is waiting, off the caller's thread.
    public func submit(_ job: Job) async throws -> Output {
        try await withCheckedThrowingContinuation { done in
            // One drain on the queue takes every job waiting: the jobs that come while it waits add none.
            let queueDrain = waiting.withLock { waiting in
                waiting.jobs.append((job, done))
                defer { waiting.drainQueued = true }
                return !waiting.drainQueued
            }
            if queueDrain { queue.async { self.drain() } }
        }
    }

    private func drain() {
        let jobs = waiting.withLock { waiting in
            defer { waiting = ([], false) }
            return waiting.jobs
        }
        guard !jobs.isEmpty else { return }
        do {
            let (outs, settle) = try run(jobs.map(\.job))
            guard let settle else { return Self.answer(jobs, .success(outs)) }
            settling.async { Self.answer(jobs, Result { try settle() }.map { outs }) }
        } catch {
            Self.answer(jobs, .failure(error))
        }
    }

    private static func answer(_ jobs: [Waiting], _ outs: Result<[Output], any Error>) {
        switch outs {
        case .success(let outs): for (job, out) in zip(jobs, outs) { job.done.resume(returning: out) }
        case .failure(let error): for job in jobs { job.done.resume(throwing: error) }
        }
    }
}
