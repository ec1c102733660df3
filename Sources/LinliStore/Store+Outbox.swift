import Foundation
import LinliCore

/// A push waiting for (or done with) delivery to a webhook. Written in the same
/// transaction as the change that caused it; times are wall-clock.
public struct OutboxRow: Sendable, Equatable {
    public enum Status: String, Sendable { case queued, delivered, dead }

    public var id: Int64
    /// The outbound event's id: stable across retries, so receivers can drop repeats.
    public var eventID: String
    public var webhook: String
    public var recipient: String
    public var reason: String
    public var text: String
    public var refs: [String]
    /// The outbound event as JSON.
    public var event: String
    public var createdAt: Instant
    public var dueAt: Instant
    public var attempts: Int
    public var status: Status
    public var lastError: String?

    public init(
        id: Int64 = 0, eventID: String, webhook: String, recipient: String, reason: String, text: String, refs: [String],
        event: String, createdAt: Instant, dueAt: Instant, attempts: Int = 0, status: Status = .queued, lastError: String? = nil
    ) {
        self.id = id
        self.eventID = eventID
        self.webhook = webhook
        self.recipient = recipient
        self.reason = reason
        self.text = text
        self.refs = refs
        self.event = event
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.attempts = attempts
        self.status = status
        self.lastError = lastError
    }
}

extension StoreTransaction {
    private static let outboxColumns = "id, event_id, webhook, recipient, reason, text, refs, event, created_at, due_at, attempts, status, last_error"

    private static func outboxRow(_ r: Columns) -> OutboxRow {
        let refs: String = r[6]
        return OutboxRow(
            id: r[0], eventID: r[1], webhook: r[2], recipient: r[3], reason: r[4], text: r[5],
            refs: refs.isEmpty ? [] : refs.split(separator: ",").map(String.init), event: r[7],
            createdAt: Instant(milliseconds: r[8]), dueAt: Instant(milliseconds: r[9]), attempts: r[10],
            status: OutboxRow.Status(rawValue: r[11]) ?? .queued, lastError: r[12])
    }

    /// Queues a push.
    public func enqueue(_ row: OutboxRow) throws {
        try execute(Self.insertOutbox, Self.values(of: row))
    }

    /// A row's insert into the outbox (`enqueueOnce` adds what to do when it is there).
    static let insertOutbox = """
        INSERT INTO outbox(event_id, webhook, recipient, reason, text, refs, event, created_at, due_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// What `insertOutbox` binds for `row`.
    static func values(of row: OutboxRow) -> [any SQLArgument] {
        [
            row.eventID, row.webhook, row.recipient, row.reason, row.text, row.refs.joined(separator: ","),
            row.event, row.createdAt.milliseconds, row.dueAt.milliseconds,
        ]
    }

    /// Queued pushes for webhooks other than `known` (the community file no longer names them).
    public func queued(notFor known: Set<String>) throws -> [OutboxRow] {
        let except = known.isEmpty ? "" : "AND webhook NOT IN (\(Array(repeating: "?", count: known.count).joined(separator: ", ")))"
        return try all(
            "SELECT \(Self.outboxColumns) FROM outbox WHERE status = 'queued' \(except) ORDER BY id\(claimed)", known.sorted(), cached: false,
            Self.outboxRow)
    }

    /// Up to `limit` queued pushes for `webhook` due by `now`, oldest first.
    public func due(webhook: String, now: Instant, limit: Int) throws -> [OutboxRow] {
        try all(
            "SELECT \(Self.outboxColumns) FROM outbox WHERE webhook = ? AND status = 'queued' AND due_at <= ? ORDER BY due_at, id LIMIT ?\(claimed)",
            [webhook, now.milliseconds, limit], Self.outboxRow)
    }

    /// On PostgreSQL, where deliverers of several processes run at once: the rows read
    /// are locked to the end of the transaction, and rows another deliverer holds are
    /// passed over, not waited for. (SQLite has one writer at a time anyway.)
    private var claimed: String { postgres == nil ? "" : " FOR UPDATE SKIP LOCKED" }

    /// Leases pushes being sent until `until`: another deliverer will not take them
    /// meanwhile, and if this one dies they come back (delivery is at least once).
    public func lease(_ ids: [Int64], until: Instant) throws {
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try execute("UPDATE outbox SET due_at = ? WHERE id IN (\(marks))", [until.milliseconds] + chunk)
        }
    }

    /// One delivery attempt and what came of it.
    public struct Attempt: Sendable {
        public var outboxID: Int64
        public var httpStatus: Int?
        public var error: String?
        public var verdict: String
        public init(outboxID: Int64, httpStatus: Int?, error: String?, verdict: String) {
            self.outboxID = outboxID
            self.httpStatus = httpStatus
            self.error = error
            self.verdict = verdict
        }
    }

    /// Records attempts made at `at`, many rows a statement.
    public func recordAttempts(_ attempts: [Attempt], at: Instant) throws {
        for chunk in stride(from: 0, to: attempts.count, by: 100).map({ attempts[$0..<min($0 + 100, attempts.count)] }) {
            let marks = Array(repeating: "(?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
            var arguments: [any SQLArgument] = []
            for a in chunk { arguments += [a.outboxID, at.milliseconds, a.httpStatus, a.error, a.verdict] as [any SQLArgument] }
            try execute("INSERT INTO delivery_attempts(outbox_id, at, http_status, error, verdict) VALUES \(marks)", arguments)
        }
    }

    /// Marks pushes delivered at `at` (in a digest, if `digest` names it).
    public func markDelivered(_ ids: [Int64], at: Instant, digest: String?) throws {
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try execute(
                "UPDATE outbox SET status = 'delivered', delivered_at = ?, attempts = attempts + 1, last_error = NULL, digest_id = ? WHERE id IN (\(marks))",
                [at.milliseconds, digest] + chunk)
        }
    }

    /// Puts a push back in the queue for `due`; `attempted` counts the try that failed.
    public func reschedule(_ id: Int64, due: Instant, attempted: Bool, error: String?) throws {
        try execute(
            "UPDATE outbox SET due_at = ?, attempts = attempts + ?, last_error = coalesce(?, last_error) WHERE id = ?",
            [due.milliseconds, attempted ? 1 : 0, error, id])
    }

    /// Replaces a finished push's text and event (a sign-in link's token taken out).
    public func rewrite(push id: Int64, text: String, event: String) throws {
        try execute("UPDATE outbox SET text = ?, event = ? WHERE id = ?", [text, event, id])
    }

    public func markDead(_ id: Int64, reason: String, attempted: Bool) throws {
        try execute(
            "UPDATE outbox SET status = 'dead', attempts = attempts + ?, last_error = ?, told = 0 WHERE id = ?", [attempted ? 1 : 0, reason, id])
    }

    /// The dead letters, oldest first.
    public func deadLetters() throws -> [OutboxRow] {
        try all("SELECT \(Self.outboxColumns) FROM outbox WHERE status = 'dead' ORDER BY id", cached: false, Self.outboxRow)
    }

    /// Queues every dead letter again, due at `now`, with a fresh count. Returns how many.
    public func retryDead(now: Instant) throws -> Int {
        try execute(
            "UPDATE outbox SET status = 'queued', due_at = ?, attempts = 0, created_at = ? WHERE status = 'dead'",
            [now.milliseconds, now.milliseconds])
    }

    /// Makes every queued push due at `now`, whatever its backoff (after an outage is fixed).
    public func flushQueued(now: Instant) throws -> Int {
        try execute("UPDATE outbox SET due_at = ? WHERE status = 'queued'", [now.milliseconds])
    }

    /// Pushes waiting for delivery.
    public func outboxDepth() throws -> Int {
        try first("SELECT count(*) FROM outbox WHERE status = 'queued'") { $0[0] as Int } ?? 0
    }

    /// When the next queued push falls due.
    public func nextOutboxDue() throws -> Instant? {
        try first("SELECT min(due_at) FROM outbox WHERE status = 'queued'") { ($0[0] as Int64?).map(Instant.init(milliseconds:)) } ?? nil
    }

    /// Every row of the outbox, for audits and tests.
    public func outbox() throws -> [OutboxRow] {
        try all("SELECT \(Self.outboxColumns) FROM outbox ORDER BY id", cached: false, Self.outboxRow)
    }

    /// The HTTP statuses of a push's attempts, in order (nil where there was no response).
    public func attempts(_ id: Int64) throws -> [Int?] {
        try all("SELECT http_status FROM delivery_attempts WHERE outbox_id = ? ORDER BY rowid", [id], cached: false) { $0[0] as Int? }
    }

    /// The configuration an endpoint was disabled with (410 Gone), if it was.
    public func disabledConfiguration(_ webhook: String) throws -> String? {
        try first("SELECT disabled_configuration FROM endpoints WHERE webhook = ?", [webhook]) { $0[0] as String }
    }

    public func disableEndpoint(_ webhook: String, configuration: String, reason: String, at: Instant) throws {
        try execute(
            """
            INSERT INTO endpoints(webhook, disabled_configuration, disabled_at, reason) VALUES (?, ?, ?, ?)
            ON CONFLICT(webhook) DO UPDATE SET disabled_configuration = excluded.disabled_configuration, disabled_at = excluded.disabled_at,
                reason = excluded.reason, told = 0
            """, [webhook, configuration, at.milliseconds, reason])
    }

    /// Endpoints disabled after a 410 Gone: the webhook, when, and why (`untold`: only
    /// those the office has not been told of yet).
    public func disabledEndpoints(untold: Bool = false) throws -> [(webhook: String, at: Instant, reason: String)] {
        try all("SELECT webhook, disabled_at, reason FROM endpoints \(untold ? "WHERE told = 0" : "") ORDER BY webhook", cached: false) {
            ($0[0] as String, Instant(milliseconds: $0[1]), ($0[2] as String?) ?? "")
        }
    }

    /// Dead letters the office has not been told of yet, oldest first.
    public func untoldDeadLetters() throws -> [OutboxRow] {
        try all("SELECT \(Self.outboxColumns) FROM outbox WHERE status = 'dead' AND told = 0 ORDER BY id", cached: false, Self.outboxRow)
    }

    /// The office has been told of these dead letters and disabled endpoints: only
    /// those listed, since a deliverer of another process may give up on one more (or
    /// disable another endpoint) meanwhile, to be told of in the next note.
    public func markTold(deadLetters ids: [Int64], endpoints: [(webhook: String, at: Instant)]) throws {
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try execute("UPDATE outbox SET told = 1 WHERE status = 'dead' AND id IN (\(marks))", chunk)
        }
        for endpoint in endpoints {
            try execute("UPDATE endpoints SET told = 1 WHERE webhook = ? AND disabled_at = ?", [endpoint.webhook, endpoint.at.milliseconds])
        }
    }
}
