import Foundation
import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore
import Synchronization

/// An HTTP request body as LLP/1 input: one JSON event, a JSON array of events, or
/// NDJSON (one event a line). Each element or line is read like a stdin line, so
/// a bad one becomes an `error` event and the rest go on.
public enum IngressBody {
    /// The items of a body, or why the body as a whole is not events.
    public static func items(_ body: [UInt8], maxLine: Int = 65_536) -> Result<[InputItem], LineError> {
        let start = body.firstIndex { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 } ?? body.endIndex
        guard start < body.endIndex else { return .failure(LineError(.missingField, "the body holds no events")) }
        // One event written over several lines (pretty-printed): the whole body is one object.
        if body[start] == UInt8(ascii: "{"), body[start...].contains(10),
            (try? JSONSerialization.jsonObject(with: Data(body[start...]))) is [String: Any]
        {
            do throws(LineError) {
                let compact = body[start...].filter { $0 != 10 && $0 != 13 }
                guard let event = try LineDecoder().decode(compact[...]) else {
                    return .failure(LineError(.missingField, "the body holds no events"))
                }
                return .success([.event(event, line: 1)])
            } catch {
                return .success([.bad(error, line: 1)])
            }
        }
        // A JSON array of events; a body that only starts like one (`[fudi-b3] u-li: …`) is shorthand lines.
        if body[start] == UInt8(ascii: "["),
            let array = try? JSONSerialization.jsonObject(with: Data(body[start...]), options: [.fragmentsAllowed]) as? [Any]
        {
            guard !array.isEmpty else { return .failure(LineError(.missingField, "the array holds no events")) }
            let decoder = LineDecoder()
            let items: [InputItem] =
                array.enumerated().map { i, element in
                    guard element is [String: Any], let data = try? JSONSerialization.data(withJSONObject: element, options: [.sortedKeys]) else {
                        return .bad(LineError(.badJSON, "element \(i + 1) is not a JSON object"), line: i + 1)
                    }
                    do throws(LineError) {
                        guard let event = try decoder.decode(Array(data)[...]) else { return .bad(LineError(.badJSON, "empty element"), line: i + 1) }
                        return .event(event, line: i + 1)
                    } catch {
                        return .bad(error, line: i + 1)
                    }
                }
            // Some events among bad elements are answered one by one; none at all is not a batch of events.
            if !items.contains(where: { if case .event = $0 { true } else { false } }), case .bad(let error, _)? = items.first {
                return .failure(error)
            }
            return .success(items)
        }
        var splitter = LineSplitter(maxLine: maxLine)
        var items = body.withUnsafeBytes { splitter.feed($0) }
        items += splitter.finish()
        let events = items.filter { if case .event = $0 { true } else { false } }
        if events.isEmpty, case .bad(let error, _)? = items.first { return .failure(error) }
        guard !items.isEmpty else { return .failure(LineError(.missingField, "the body holds no events")) }
        return .success(items)
    }
}

/// The engine behind a serial queue, for callers on many threads (the HTTP server):
/// events are still handled one at a time, in arrival order, and the batches that
/// arrive while one is being handled are committed together (group commit).
public final class EngineGate: @unchecked Sendable {
    private let engine: Engine
    private let queue = DispatchQueue(label: "linli.engine")
    /// Where a batch waits for the sync that takes it to disk before it is answered, in
    /// batch order, while the engine's queue goes on.
    private let settling = DispatchQueue(label: "linli.sync")
    private let parser: CommandParser
    private let bot: Bot?
    /// Batches with their messages parsed, committed together.
    private let batches: GroupCommit<Job, [OutboundEvent]>
    private typealias Job = (items: [InputItem], parsed: [Engine.Preparsed?], then: Engine.AlsoKeep?)

    /// Called after a batch that queued webhook pushes (to wake the deliverer).
    private let pushesQueued: @Sendable () -> Void
    private let health: HealthKeeper

    /// What `GET /healthz` says, kept by the gate as batches and ticks go: no query
    /// per request.
    public struct Health: Sendable {
        /// Why the last batch (or tick) failed to commit; nil when it committed.
        public var storeError: String?
        /// Why a sync of the log failed: it stands until the server restarts (what the log
        /// held may not be on disk, whatever a later sync would say).
        public var syncError: String?
        /// Pushes waiting for delivery, counted at most once a second.
        public var outboxDepth: Int
        var counted: ContinuousClock.Instant
        /// When a batch or tick was last committed and on disk (or the gate opened): with
        /// the server's tick every second, a long while means the engine is stuck (waiting
        /// on a lock, or on a disk that does not sync).
        public var committed: ContinuousClock.Instant
    }

    public init(_ engine: Engine, pushesQueued: @escaping @Sendable () -> Void = {}) {
        self.engine = engine
        self.pushesQueued = pushesQueued
        parser = engine.parser
        bot = engine.bot
        let health = HealthKeeper(engine.store)
        self.health = health
        // A batch's commit does not wait for the disk: its callers are answered (and the
        // outbox woken) once a sync has taken it there, while the engine goes on with the next.
        let store = engine.store
        batches = GroupCommit(queue: queue, settling: settling) { jobs in
            let queued = engine.queuedPushes
            let outs = try health.noting {
                try engine.process(groups: jobs.map(\.items), parsed: jobs.map(\.parsed), then: jobs.map(\.then), syncLater: true)
            }
            return (outs, Self.settle(store, health, pushed: engine.queuedPushes != queued, pushesQueued))
        }
    }

    /// What a batch's answers (or, after a tick, the outbox's wake-up) wait for: the sync
    /// that takes it to disk, noted in the health. Nil on a store whose commits are on disk already.
    private static func settle(
        _ store: Store, _ health: HealthKeeper, pushed: Bool, _ pushesQueued: @escaping @Sendable () -> Void
    ) -> GroupCommit<Job, [OutboundEvent]>.Settle? {
        let through = store.syncLaterCommits
        @Sendable func settled() throws {
            do {
                try store.syncLog(through: through)
            } catch {
                health.synced(error)
                throw error
            }
            health.synced(nil)
            if pushed { pushesQueued() }
        }
        guard store.syncsLater else {
            try? settled()
            return nil
        }
        return settled
    }

    /// The message a platform's signature was taken with, if it was, read off the engine's queue.
    public func signatureTaken(platform: String, sign: String) throws -> String? {
        try engine.store.read { try $0.signatureTaken(platform: platform, sign: sign) }
    }

    /// The platforms' signatures taken since `since`, as the store keeps them.
    public func signaturesTaken(since: Instant) throws -> [(platform: String, sign: String, eventID: String, at: Instant)] {
        try engine.store.read { try $0.signaturesTaken(since: since) }
    }

    /// Whether other servers may share the store (PostgreSQL).
    public var storeIsShared: Bool { engine.store.isShared }

    /// The health as of the last batch or tick.
    public var currentHealth: Health { health.state.withLock { $0 } }

    /// Handles a batch off the caller's thread, in one transaction with whatever
    /// else is waiting. Its messages are parsed first, on the caller's thread.
    /// `then` writes what the caller keeps of the outcome in that transaction.
    public func process(_ items: [InputItem], then: Engine.AlsoKeep? = nil) async throws -> [OutboundEvent] {
        try await batches.submit((items, Engine.parse(items, with: parser, bot: bot), then))
    }

    /// Moves the engine's clock to the wall clock every `interval`, on the engine's
    /// own queue (not Swift's cooperative threads, which requests may keep busy):
    /// the timers that fell due fire with no event arriving, their pushes queued for
    /// webhooks as usual. Cancel the returned timer to stop.
    public func startTicking(
        every interval: DispatchTimeInterval, onError: @escaping @Sendable (any Error) -> Void = { _ in }
    ) -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        // The first at once: the clock is the wall clock's before the first event (an error
        // answered before any message was stamped 1970).
        timer.schedule(deadline: .now(), repeating: interval, leeway: .milliseconds(50))
        timer.setEventHandler { [self] in
            do {
                let queued = engine.queuedPushes
                try health.noting(probing: true) {
                    _ = try engine.process(groups: [[.event(InboundEvent(type: .tick), line: 0)]], syncLater: true)
                }
                if let settle = Self.settle(engine.store, health, pushed: engine.queuedPushes != queued, pushesQueued) {
                    settling.async {
                        do { try settle() } catch { onError(error) }
                    }
                }
            } catch {
                onError(error)
            }
        }
        timer.resume()
        return timer
    }

    /// Runs `body` with the staff pages' reader on the engine's queue, between batches:
    /// the community as it now stands and the bot's clock.
    public func withDashboard<T: Sendable>(_ body: @escaping @Sendable (Dashboard) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                let read = Result { try engine.withDashboard(body) }
                // What it read may be a batch not on disk yet: shown once it is.
                let (store, through) = (engine.store, engine.store.syncLaterCommits)
                settling.async { continuation.resume(with: read.flatMap { value in Result { try store.syncLog(through: through) }.map { value } }) }
            }
        }
    }

    /// Writes a timestamp as the engine does.
    public var formatTime: @Sendable (LinliCore.Instant) -> String { engine.formatTime }
}

/// Keeps `EngineGate.Health` as batches and ticks go, on the engine's queue.
private final class HealthKeeper: Sendable {
    let state: Mutex<EngineGate.Health>
    let store: Store
    private let probes = Atomic<Int>(0)

    init(_ store: Store) {
        self.store = store
        let depth = try? store.read { try $0.outboxDepth() }
        state = Mutex(
            .init(
                storeError: depth == nil ? "the outbox could not be read" : nil, syncError: nil, outboxDepth: depth ?? 0, counted: .now,
                committed: .now))
    }

    /// Runs a batch, noting whether it committed, and the outbox's depth when a
    /// second has passed since it was last counted. The batch's outcome is its own:
    /// a count that fails after it committed is only noted.
    func noting<T>(probing: Bool = false, _ batch: () throws -> T) throws -> T {
        let result: T
        do {
            result = try batch()
            // A tick with nothing due writes nothing: after a failure one in five writes, so
            // that a database still locked is not reported well (and one free again is),
            // and events still get their turn between the waits for the lock.
            if probing, state.withLock({ $0.storeError != nil }) {
                guard probes.add(1, ordering: .relaxed).newValue % 5 == 1 else { return result }  // the failure stands
                try store.write { try $0.setMeta("health_probe", 1) }
            }
        } catch {
            state.withLock { $0.storeError = "\(error)" }
            throw error
        }
        let now = ContinuousClock.now
        let due = state.withLock { h in h.storeError != nil || now - h.counted >= .seconds(1) }
        guard due else { return result }
        let depth = Result { try store.read { try $0.outboxDepth() } }
        state.withLock { h in
            switch depth {
            case .success(let n): (h.storeError, h.outboxDepth, h.counted) = (nil, n, now)
            case .failure(let error): h.storeError = "\(error)"
            }
        }
        return result
    }

    /// Notes a batch or tick on disk (its sync returned), or why its sync failed: then every
    /// later sync fails too, and `/healthz` says so.
    func synced(_ error: (any Error)?) {
        state.withLock { h in
            if let error {
                h.syncError = "the log could not be synced (\(error))"
            } else {
                h.committed = .now
            }
        }
    }
}
