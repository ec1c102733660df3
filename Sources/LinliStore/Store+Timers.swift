import LinliCore

/// Something to do when the clock passes `dueAt`: an escalation, a reminder, a
/// deferred push. `subject` is the record it is about (`R1`), `payload` its data.
public struct TimerRow: Sendable, Equatable {
    public var id: Int64
    public var dueAt: Instant
    public var kind: String
    public var subject: String
    public var payload: String

    public init(id: Int64 = 0, dueAt: Instant, kind: String, subject: String, payload: String = "") {
        self.id = id
        self.dueAt = dueAt
        self.kind = kind
        self.subject = subject
        self.payload = payload
    }
}

extension StoreTransaction {
    /// Adds a timer.
    public func schedule(_ t: TimerRow) throws {
        try run(
            "INSERT INTO timers(due_at, kind, subject, payload) VALUES (?, ?, ?, ?)", .int(t.dueAt.milliseconds), .text(t.kind), .text(t.subject),
            .text(t.payload))
    }

    /// The first timer due at or before `instant`, in due order (ties: the order they were set).
    public func nextTimer(dueBy instant: Instant) throws -> TimerRow? {
        try first("SELECT id, due_at, kind, subject, payload FROM timers WHERE due_at <= ? ORDER BY due_at, id LIMIT 1", [instant.milliseconds]) {
            TimerRow(id: $0[0], dueAt: Instant(milliseconds: $0[1]), kind: $0[2], subject: $0[3], payload: $0[4])
        }
    }

    /// When the earliest timer falls due, if there is one.
    public func earliestTimer() throws -> Instant? {
        try first("SELECT min(due_at) FROM timers") { ($0[0] as Int64?).map(Instant.init(milliseconds:)) } ?? nil
    }

    public func deleteTimer(_ id: Int64) throws {
        try execute("DELETE FROM timers WHERE id = ?", [id])
    }

    /// Drops the timers of a record, of the given kinds.
    public func cancelTimers(subject: String, kinds: [String]) throws {
        // One statement whatever the kinds; not `kind IN (…)`, which builds a temporary b-tree per run.
        try run(
            "DELETE FROM timers WHERE subject = ? AND instr(?, ',' || kind || ',') > 0", .text(subject),
            .text("," + kinds.joined(separator: ",") + ","))
    }

    /// The timers of a record of the given kinds, in due order.
    public func timers(subject: String, kinds: [String]) throws -> [TimerRow] {
        try all(
            "SELECT id, due_at, kind, subject, payload FROM timers WHERE subject = ? AND instr(?, ',' || kind || ',') > 0 ORDER BY due_at, id",
            [subject, "," + kinds.joined(separator: ",") + ","]
        ) { TimerRow(id: $0[0], dueAt: Instant(milliseconds: $0[1]), kind: $0[2], subject: $0[3], payload: $0[4]) }
    }

    /// Whether a timer of `kind` for `subject` is waiting.
    public func hasTimer(subject: String, kind: String) throws -> Bool {
        try first("SELECT 1 FROM timers WHERE subject = ? AND kind = ? LIMIT 1", [subject, kind]) { _ in true } ?? false
    }

    /// How many timers are waiting.
    public func pendingTimers() throws -> Int {
        try first("SELECT count(*) FROM timers") { $0[0] as Int } ?? 0
    }
}
