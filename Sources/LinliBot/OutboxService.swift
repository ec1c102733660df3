import Foundation
import LinliCore
import LinliStore
import LinliWebhooks
import Logging
import Synchronization

/// Delivers the outbox: claims due pushes, sends them through libcurl in parallel,
/// and records every attempt. Failures are retried with backoff for up to 24 hours,
/// then kept as dead letters; a backlog for one robot becomes one digest message
/// instead of waiting out its rate limit.
///
/// ```swift
/// let outbox = OutboxService(store: store, community: community, client: CurlClient())
/// outbox.start()                    // delivers in the background while events come in
/// outbox.finish(drainingFor: .seconds(10))
/// ```
public final class OutboxService: @unchecked Sendable {
    let store: Store
    let endpoints: [String: Webhook]
    let client: CurlClient
    let clock: @Sendable () -> Instant
    let communityID: String
    /// Mobile numbers by person, for robots' @-mentions.
    let mobiles: [String: String]
    /// Where delivery attempts and dead letters are counted; nil: nowhere.
    let metrics: BotMetrics?
    let logger = Logger.linli("outbox")
    /// How long a claimed push is held before another pass may take it again.
    static let lease = Span.minutes(1)
    static let batchLimit = 1_000

    private let state: Mutex<State>
    private let wake = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    private struct State {
        var limiter = RateLimiter()
        var random: any RandomNumberGenerator & Sendable
        var running = false
        var stopRequested = false
    }

    public init(
        store: Store, community: Community, client: CurlClient, clock: @escaping @Sendable () -> Instant = Linli.wallClock,
        random: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(), metrics: BotMetrics? = nil
    ) {
        self.store = store
        self.metrics = metrics
        self.client = client
        self.clock = clock
        communityID = community.id
        mobiles = Dictionary(community.people.compactMap { p in p.mobile.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        endpoints = Dictionary(community.webhooks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        state = Mutex(State(random: random))
    }

    /// One pass: delivers what is due now. Returns how many pushes it attempted.
    @discardableResult
    public func deliverDue() throws -> Int {
        guard let pass = try prepare() else { return 0 }
        try complete(pass, client.send(pass.requests))
        return pass.plans.count
    }

    /// The pushes of one pass, planned: what to send, hold back or refuse.
    struct Pass {
        var now: Instant
        var plans: [(rows: [OutboxRow], endpoint: Webhook, message: PushMessage)]
        var held: [(OutboxRow, Instant)]
        var refused: [(OutboxRow, String)]
        var requests: [HTTPRequest]
    }

    /// Claims what is due and plans it (rate limits, digests, disabled endpoints).
    func prepare() throws -> Pass? {
        let now = clock()
        let rows = try store.write { try $0.claimDue(now: now, lease: Self.lease, limit: Self.batchLimit) }
        guard !rows.isEmpty else { return nil }
        let disabled = try store.read { tx in
            try Set(rows.map(\.webhook)).filter { w in try tx.disabledConfiguration(w) == endpoints[w]?.configuration }
        }
        var plans: [(rows: [OutboxRow], endpoint: Webhook, message: PushMessage)] = []
        var held: [(OutboxRow, Instant)] = []
        var refused: [(OutboxRow, String)] = []
        state.withLock { s in
            for (webhook, group) in Dictionary(grouping: rows, by: \.webhook).sorted(by: { $0.key < $1.key }) {
                guard let endpoint = endpoints[webhook] else {
                    refused += group.map { ($0, "no webhook '\(webhook)' in the community file") }
                    continue
                }
                if disabled.contains(webhook) {
                    refused += group.map { ($0, "endpoint disabled after 410 Gone; change its configuration to enable it") }
                    continue
                }
                let windows = endpoint.windows
                let budget = s.limiter.available(webhook, windows: windows, now: now)
                if budget == 0 {
                    let next = s.limiter.nextFree(webhook, windows: windows, now: now)
                    held += group.map { ($0, next) }
                } else if group.count <= budget {
                    for row in group {
                        plans.append(([row], endpoint, message(row)))
                        s.limiter.record(webhook, at: now, windows: windows)
                    }
                } else if endpoint.format == .generic {
                    let next = s.limiter.nextFree(webhook, windows: windows, now: now.adding(.minutes(1)))
                    for row in group.prefix(budget) {
                        plans.append(([row], endpoint, message(row)))
                        s.limiter.record(webhook, at: now, windows: windows)
                    }
                    held += group.dropFirst(budget).map { ($0, next) }
                } else {
                    // A backlog for a robot: one digest now rather than hours of waiting; what
                    // does not fit in one message waits for the next pass.
                    let (digest, taken) = WebhookFormatter.digest(
                        group.map(message), id: "\(communityID)-digest-\(group[0].id)",
                        maxBytes: WebhookFormatter.textLimit(endpoint.format, markdown: endpoint.markdown))
                    plans.append((Array(group.prefix(taken)), endpoint, digest))
                    held += group.dropFirst(taken).map { ($0, now) }
                    s.limiter.record(webhook, at: now, windows: windows)
                }
            }
        }
        return Pass(
            now: now, plans: plans, held: held, refused: refused,
            requests: plans.map { WebhookFormatter.request($0.message, to: $0.endpoint, now: now) })
    }

    /// Records what came of a pass's requests.
    func complete(_ pass: Pass, _ results: [Result<HTTPResponse, TransportError>]) throws {
        let (now, plans, held, refused) = (pass.now, pass.plans, pass.held, pass.refused)
        let wall = Date(timeIntervalSince1970: Double(now.milliseconds) / 1000)
        var verdicts: [String: Int] = [:]
        var dead = 0
        try store.write { tx in
            func bury(_ id: Int64, _ reason: String, attempted: Bool) throws {
                dead += 1
                try tx.markDead(id, reason: reason, attempted: attempted)
            }
            for (row, due) in held { try tx.reschedule(row.id, due: due, attempted: false, error: nil) }
            for (row, reason) in refused { try bury(row.id, reason, attempted: false) }
            var attempts: [StoreTransaction.Attempt] = []
            var delivered: [(ids: [Int64], digest: String?)] = []
            for (plan, result) in zip(plans, results) {
                let verdict = Classifier.classify(result, format: plan.endpoint.format, now: wall)
                verdicts[verdict.name, default: 0] += 1
                let status: Int? = if case .success(let r) = result { r.status } else { nil }
                let error: String? = if case .failure(let e) = result { e.message } else { nil }
                attempts += plan.rows.map { StoreTransaction.Attempt(outboxID: $0.id, httpStatus: status, error: error, verdict: "\(verdict)") }
                if verdict == .delivered {
                    delivered.append((plan.rows.map(\.id), plan.rows.count > 1 ? plan.message.id : nil))
                    continue
                }
                for row in plan.rows {
                    switch verdict {
                    case .delivered:
                        break
                    case .retry(let after, let reason):
                        let wait = after ?? state.withLock { s in Backoff.delay(afterAttempts: row.attempts + 1, using: &s.random) }
                        let next = now.adding(wait)
                        if next > row.createdAt.adding(Backoff.giveUpAfter) {
                            try bury(row.id, "gave up after 24 h: \(reason)", attempted: true)
                        } else {
                            try tx.reschedule(row.id, due: next, attempted: true, error: reason)
                        }
                    case .permanent(let reason):
                        try bury(row.id, reason, attempted: true)
                    case .disable(let reason):
                        try bury(row.id, reason, attempted: true)
                        try tx.disableEndpoint(plan.endpoint.id, configuration: plan.endpoint.configuration, reason: reason, at: now)
                    }
                }
            }
            try tx.recordAttempts(attempts, at: now)
            let singles = delivered.filter { $0.digest == nil }.flatMap(\.ids)
            try tx.markDelivered(singles, at: now, digest: nil)
            for d in delivered where d.digest != nil { try tx.markDelivered(d.ids, at: now, digest: d.digest) }
        }
        if let metrics {
            for (verdict, n) in verdicts { metrics.count("linli_delivery_attempts_total", [("result", verdict)], by: n) }
            if dead > 0 { metrics.count("linli_dead_letters_total", by: dead) }
        }
    }

    /// Delivers pass after pass while the network is busy: the next pass is claimed
    /// and planned while the previous one's requests are in flight. Returns how many
    /// pushes it attempted.
    @discardableResult
    public func deliverAllDue() throws -> Int {
        var attempted = 0
        var inFlight: (Pass, CurlClient.Pending)?
        while true {
            let next = try prepare().map { ($0, client.submit($0.requests)) }
            if let (pass, pending) = inFlight {
                try complete(pass, pending.wait())
                attempted += pass.plans.count
            }
            guard let next else { return attempted }
            inFlight = next
        }
    }

    private func message(_ row: OutboxRow) -> PushMessage {
        PushMessage(
            id: "\(communityID)-\(row.eventID)", to: row.recipient, reason: row.reason, text: row.text, refs: row.refs, event: Array(row.event.utf8),
            mentions: mobiles[row.recipient].map { [$0] } ?? [])
    }

    /// Delivers in the background until `finish`, waking when poked or when the next push falls due.
    public func start() {
        let first = state.withLock { s in
            defer { s.running = true }
            return !s.running
        }
        guard first else { return }
        let thread = Thread { [self] in
            while !state.withLock({ $0.stopRequested }) {
                do {
                    if try deliverAllDue() > 0 { continue }
                } catch {
                    logger.error("delivery failed", metadata: ["cause": "\(error)"])
                }
                _ = wake.wait(timeout: .now() + .milliseconds(250))
            }
            stopped.signal()
        }
        thread.name = "linli-outbox"
        thread.start()
    }

    /// New pushes were committed: deliver them now.
    public func poke() { wake.signal() }

    /// Stops the background loop, then keeps delivering for up to `drain` while
    /// pushes fall due within it. What is left stays queued.
    public func finish(drainingFor drain: Span) {
        let wasRunning = state.withLock { s in
            s.stopRequested = true
            return s.running
        }
        if wasRunning {
            wake.signal()
            stopped.wait()
        }
        let deadline = clock().adding(drain)
        while clock() < deadline {
            do {
                if try deliverAllDue() > 0 { continue }
                guard let next = try store.read({ try $0.nextOutboxDue() }), next < deadline else { return }
                let wait = max(0, min(next.milliseconds, deadline.milliseconds) - clock().milliseconds)
                Thread.sleep(forTimeInterval: Double(wait) / 1000 + 0.01)
            } catch {
                logger.error("delivery failed", metadata: ["cause": "\(error)"])
                return
            }
        }
    }
}
