import Foundation
import LinliCore
import LinliStore
import LinliWebhooks
import Logging
import Synchronization

/// Delivers the outbox endpoint by endpoint: each endpoint has at most
/// `perEndpoint` requests in flight, so one that hangs holds only its own pushes,
/// and a group robot one, so that a group reads its posts in the order they were made;
/// the answers are recorded by the next pass, a few milliseconds after they came (one
/// transaction for what arrived together), not when the slowest request of its pass
/// ends. A chat platform's reply is sent as soon as its callback commits
/// (`sendLeased`), without waiting for a pass. Failures are retried
/// with backoff for up to 24 hours, then kept as dead letters; a backlog for one
/// robot becomes one digest message instead of waiting out its rate limit.
///
/// ```swift
/// let outbox = OutboxService(store: store, community: community, client: CurlClient())
/// outbox.start()                    // delivers in the background while events come in
/// outbox.finish(drainingFor: .seconds(10))
/// ```
public final class OutboxService: @unchecked Sendable {
    let store: Store
    let endpoints: [String: Webhook]
    /// Endpoints that make their own requests (chat platforms), by outbox name.
    let channels: [String: any OutboxChannel]
    let client: CurlClient
    let clock: @Sendable () -> Instant
    let communityID: String
    /// Mobile numbers by person, for robots' @-mentions.
    let mobiles: [String: String]
    /// Where delivery attempts and dead letters are counted; nil: nowhere.
    let metrics: BotMetrics?
    let logger = Logger.linli("outbox")
    /// How long a push being sent is held before another deliverer may take it again
    /// (longer than the client's whole-transfer timeout).
    public static let lease = Span.minutes(1)
    static let batchLimit = 1_000
    /// How long the background loop waits after a pass that did something.
    static let gather = Span(milliseconds: 5)
    /// Requests in flight to one endpoint at most (the client opens at most 64
    /// connections to one host; the rest wait in it): what a hanging endpoint can hold.
    public static let perEndpoint = 256

    /// Requests `webhook` may have in flight: a robot's messages show in its group in
    /// the order they arrive, so they go one after another.
    func inFlightLimit(_ webhook: String) -> Int {
        guard let endpoint = endpoints[webhook], endpoint.format != .generic else { return Self.perEndpoint }
        return 1
    }

    let state: Mutex<State>
    let wake = DispatchSemaphore(value: 0)
    let stopped = DispatchSemaphore(value: 0)

    struct State {
        var limiter = RateLimiter()
        var random: any RandomNumberGenerator & Sendable
        var running = false
        var stopRequested = false
        /// `finish` has recorded its last answers: nothing more is sent.
        var finished = false
        /// Platform replies handed on (`sendLeased`) while their platform had no room
        /// in flight, oldest first: the next pass with room sends them.
        var waitingForRoom: [OutboxRow] = []
        /// Requests sent and not yet answered, by webhook.
        var inFlight: [String: Int] = [:]
        /// Answers not yet recorded.
        var answered: [(Plan, ChannelAnswer)] = []
        /// Pushes for webhooks the community file no longer names were buried.
        var strayBuried = false
    }

    /// One request to send: the pushes it carries (several in a digest).
    struct Plan: Sendable {
        var rows: [OutboxRow]
        var endpoint: Webhook
        var message: PushMessage
        /// Set for a channel's row: it sends the row itself (`endpoint` only names it).
        var channel: (any OutboxChannel)? = nil
    }

    public init(
        store: Store, community: Community, client: CurlClient, clock: @escaping @Sendable () -> Instant = Linli.wallClock,
        random: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(), metrics: BotMetrics? = nil,
        channels: [any OutboxChannel] = []
    ) {
        self.channels = Dictionary(channels.map { ($0.endpoint, $0) }, uniquingKeysWith: { a, _ in a })
        self.store = store
        self.metrics = metrics
        self.client = client
        self.clock = clock
        communityID = community.id
        mobiles = Dictionary(community.people.compactMap { p in p.mobile.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        endpoints = Dictionary(community.webhooks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        state = Mutex(State(random: random))
    }

    /// One pass: sends what is due now, waits for every answer and records them.
    /// Returns how many requests it sent.
    @discardableResult
    public func deliverDue() throws -> Int {
        let group = DispatchGroup()
        let sent = try pass(group: group).sent
        group.wait()
        try pass(sending: false)
        return sent
    }

    /// One pass, one transaction (one sync): records the answers that came in since
    /// the last pass; then, when `sending`, takes what is due for every endpoint with
    /// room in flight, plans it (rate limits, digests, disabled endpoints), leases it
    /// and sends it, each answer queued for the next pass.
    @discardableResult
    func pass(sending: Bool = true, group: DispatchGroup? = nil) throws -> (recorded: Int, sent: Int) {
        let answers = state.withLock { s in
            defer { s.answered.removeAll() }
            return s.answered
        }
        let now = clock()
        let (room, handed): ([(String, Int)], [OutboxRow]) =
            !sending
            ? ([], [])
            : state.withLock { s in
                var room = Dictionary(
                    uniqueKeysWithValues: (Array(endpoints.keys) + channels.keys).map { ($0, inFlightLimit($0) - s.inFlight[$0, default: 0]) })
                var handed: [OutboxRow] = []
                s.waitingForRoom.removeAll { row in
                    guard room[row.webhook, default: 0] > 0 else { return false }
                    room[row.webhook, default: 0] -= 1
                    handed.append(row)
                    return true
                }
                return (room.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, handed)
            }
        var verdicts: [String: Int] = [:]
        var dead = 0
        let plans: [Plan]
        do {
            plans = try store.writeOutbox { tx in
                dead = try record(answers, tx, now: now, verdicts: &verdicts)
                guard sending else { return [] }
                var plans = handed.map { row in
                    Plan(rows: [row], endpoint: Self.stand(row.webhook), message: message(row), channel: channels[row.webhook])
                }
                var refused: [(OutboxRow, String)] = []
                if !state.withLock({ $0.strayBuried }) {
                    refused += try tx.queued(notFor: Set(endpoints.keys).union(channels.keys)).map {
                        ($0, "no webhook '\($0.webhook)' in the community file")
                    }
                }
                for (webhook, room) in room {
                    if let channel = channels[webhook] {
                        plans += try tx.due(webhook: webhook, now: now, limit: room).map {
                            Plan(rows: [$0], endpoint: Self.stand(webhook), message: message($0), channel: channel)
                        }
                        continue
                    }
                    let endpoint = endpoints[webhook]!
                    // A generic endpoint takes one push a request; a robot's backlog may become one digest.
                    let rows = try tx.due(webhook: webhook, now: now, limit: endpoint.format == .generic ? room : Self.batchLimit)
                    guard !rows.isEmpty else { continue }
                    if try tx.disabledConfiguration(webhook) == endpoint.configuration {
                        refused += rows.map { ($0, "endpoint disabled after 410 Gone; change its configuration to enable it") }
                        continue
                    }
                    let (sending, held) = plan(rows, endpoint, room: room, now: now)
                    plans += sending
                    for (row, due) in held { try tx.reschedule(row.id, due: due, attempted: false, error: nil) }
                }
                for (row, reason) in refused { try tx.markDead(row.id, reason: reason, attempted: false) }
                dead += refused.count
                try tx.lease(plans.flatMap { $0.rows.map(\.id) }, until: now.adding(Self.lease))
                return plans
            }
        } catch {
            // A pass that failed (a lost connection, a deadlock PostgreSQL broke) keeps its
            // answers for the next: else their pushes would be sent again after the lease.
            state.withLock { s in
                s.answered.insert(contentsOf: answers, at: 0)
                s.waitingForRoom.insert(contentsOf: handed, at: 0)
            }
            throw error
        }
        // What is sent is on disk first (PROTOCOL.md §4): the server's engine answers a batch
        // once a sync has taken it there, and this pass may have read it before that.
        do {
            if !plans.isEmpty { try store.syncLog() }
        } catch {
            state.withLock { $0.waitingForRoom.insert(contentsOf: handed, at: 0) }  // the rest wait out their lease
            throw error
        }
        if let metrics {
            for (verdict, n) in verdicts { metrics.count("linli_delivery_attempts_total", [("result", verdict)], by: n) }
            if dead > 0 { metrics.count("linli_dead_letters_total", by: dead) }
        }
        state.withLock { s in
            s.strayBuried = s.strayBuried || sending
            for p in plans { s.inFlight[p.endpoint.id, default: 0] += 1 }
        }
        for p in plans { send(p, now: now, group: group) }
        return (answers.count, plans.count)
    }

    /// Sends one planned request (counted in flight already); its answer is queued
    /// for the next pass.
    func send(_ p: Plan, now: Instant, group: DispatchGroup?) {
        group?.enter()
        let answered: @Sendable (ChannelAnswer) -> Void = { [self] answer in
            state.withLock { s in
                s.inFlight[p.endpoint.id, default: 1] -= 1
                s.answered.append((p, answer))
            }
            wake.signal()
            group?.leave()
        }
        if let channel = p.channel {
            channel.deliver(p.rows[0], now: now, done: answered)
        } else {
            client.submit(WebhookFormatter.request(p.message, to: p.endpoint, now: now)) { result in
                answered(ChannelAnswer(result, format: p.endpoint.format))
            }
        }
    }

    /// What to send of one endpoint's due pushes (at most `room` requests) and what to
    /// hold until when; what is neither stays due for the next pass.
    private func plan(_ rows: [OutboxRow], _ endpoint: Webhook, room: Int, now: Instant) -> (sending: [Plan], held: [(OutboxRow, Instant)]) {
        state.withLock { s in
            let (webhook, windows) = (endpoint.id, endpoint.windows)
            let budget = s.limiter.available(webhook, windows: windows, now: now)
            func singles(_ rows: ArraySlice<OutboxRow>) -> [Plan] {
                rows.map { row in
                    s.limiter.record(webhook, at: now, windows: windows)
                    return Plan(rows: [row], endpoint: endpoint, message: message(row))
                }
            }
            if budget == 0 {
                let next = s.limiter.nextFree(webhook, windows: windows, now: now)
                return ([], rows.map { ($0, next) })
            }
            if rows.count <= budget { return (singles(rows.prefix(room)), []) }
            if endpoint.format == .generic {
                let next = s.limiter.nextFree(webhook, windows: windows, now: now.adding(.minutes(1)))
                return (singles(rows.prefix(budget)), rows.dropFirst(budget).map { ($0, next) })
            }
            // A backlog for a robot: one digest now rather than hours of waiting; what
            // does not fit in one message waits for the next pass.
            let (digest, taken) = WebhookFormatter.digest(
                rows.map(message), id: "\(communityID)-digest-\(rows[0].id)",
                maxBytes: WebhookFormatter.textLimit(endpoint.format, markdown: endpoint.markdown))
            s.limiter.record(webhook, at: now, windows: windows)
            return ([Plan(rows: Array(rows.prefix(taken)), endpoint: endpoint, message: digest)], [])
        }
    }

    /// Records what came of requests: delivered, retried later, or given up (dead,
    /// counted in the result). `verdicts` counts the answers by verdict.
    private func record(
        _ answers: [(Plan, ChannelAnswer)], _ tx: StoreTransaction, now: Instant, verdicts: inout [String: Int]
    ) throws -> Int {
        guard !answers.isEmpty else { return 0 }
        var dead = 0
        var attempts: [StoreTransaction.Attempt] = []
        var delivered: [(ids: [Int64], digest: String?)] = []
        for (plan, answer) in answers {
            let (verdict, status, error) = (answer.verdict, answer.status, answer.error)
            verdicts[verdict.name, default: 0] += 1
            attempts += plan.rows.map { StoreTransaction.Attempt(outboxID: $0.id, httpStatus: status, error: error, verdict: "\(verdict)") }
            if verdict != .delivered {
                // One line a request (a digest carries many pushes): the operator sees a failing endpoint without opening the metrics.
                let metadata: Logger.Metadata = [
                    "webhook": "\(plan.endpoint.id)", "pushes": "\(plan.rows.map(\.id))", "cause": "\(error ?? verdict.reason ?? status.map { "HTTP \($0)" } ?? "\(verdict)")",
                ]
                if case .retry = verdict { logger.warning("push not delivered; it will be retried", metadata: metadata) }
                else { logger.error("push given up (a dead letter: linli deliver --dead)", metadata: metadata) }
            }
            for row in plan.rows {
                switch verdict {
                case .delivered:
                    break
                case .retry(let after, let reason):
                    let wait = after ?? state.withLock { s in Backoff.delay(afterAttempts: row.attempts + 1, using: &s.random) }
                    let next = now.adding(wait)
                    if next > row.createdAt.adding(Backoff.giveUpAfter) {
                        dead += 1
                        try tx.markDead(row.id, reason: "gave up after 24 h: \(reason)", attempted: true)
                    } else {
                        try tx.reschedule(row.id, due: next, attempted: true, error: reason)
                    }
                case .permanent(let reason):
                    dead += 1
                    try tx.markDead(row.id, reason: reason, attempted: true)
                case .disable(let reason):
                    dead += 1
                    try tx.markDead(row.id, reason: reason, attempted: true)
                    try tx.disableEndpoint(plan.endpoint.id, configuration: plan.endpoint.configuration, reason: reason, at: now)
                }
            }
            if verdict == .delivered { delivered.append((plan.rows.map(\.id), plan.rows.count > 1 ? plan.message.id : nil)) }
            if case .retry = verdict {} else {
                // Sent or given up: no copy of a sign-in link's token stays in the database.
                for row in plan.rows where SignInLink.appears(in: row.text) {
                    try tx.rewrite(push: row.id, text: SignInLink.redacted(row.text), event: SignInLink.redacted(row.event))
                }
            }
        }
        try tx.recordAttempts(attempts, at: now)
        try tx.markDelivered(delivered.filter { $0.digest == nil }.flatMap(\.ids), at: now, digest: nil)
        for d in delivered where d.digest != nil { try tx.markDelivered(d.ids, at: now, digest: d.digest) }
        return dead
    }

    func message(_ row: OutboxRow) -> PushMessage {
        PushMessage(
            id: "\(communityID)-\(row.eventID)", to: row.recipient, reason: row.reason, text: row.text, refs: row.refs, event: Array(row.event.utf8),
            mentions: mobiles[row.recipient].map { [$0] } ?? [])
    }
}
