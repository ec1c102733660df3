import LinliCore
import LinliStore

/// The engine's in-memory mirror of the small tables it reads on every event
/// (registrations, pending questions, record counters, the community as role
/// changes left it), plus its clock and outbound id counter. Every change is
/// written through to the store in the same transaction; being a value, a copy
/// taken before a savepoint is how the mirror rolls back with it.
struct EngineMemory {
    var clock: Instant
    var outSeq: Int64
    var counters: [RecordKind: Int]
    var registrations: [String: Registration]
    /// Pending questions by `chat \0 user`.
    var prompts: [String: Prompt]
    /// When the earliest timer falls due: no timer is looked for before then.
    var nextTimer: Instant?
    /// Pushes queued for webhooks since the engine started (tells the deliverer to look).
    var queuedPushes = 0
    /// Whether the families' daily timers are scheduled (see `Engine.startDailyTimers`).
    var dailyStarted = false
    /// Whether the orders a change of the community file left with the wrong person
    /// were handed over (see `RolesFamily.handOverWhatTheFileMoved`).
    var fileHandedOver = false
    /// The community file with the role changes made in chat applied. Immutable:
    /// a role change swaps in a new one, so a batch that rolls back puts the old back.
    var directory: Directory

    /// The mirror of the store's tables; `community` is the community file's.
    init(_ tx: StoreTransaction, community: Community) throws {
        clock = Instant(milliseconds: try tx.meta("clock") ?? 0)
        outSeq = try tx.meta("out_seq") ?? 0
        counters = try tx.counters()
        registrations = Dictionary(try tx.allRegistrations().map { ($0.user, $0) }, uniquingKeysWith: { _, b in b })
        prompts = Dictionary(try tx.allPrompts().map { (Self.key($0.chat, $0.user), $0) }, uniquingKeysWith: { _, b in b })
        nextTimer = try tx.earliestTimer()
        directory = Directory(community.applying(try tx.roleChanges()))
    }

    static func key(_ chat: String, _ user: String) -> String { chat + "\u{0}" + user }

    /// Persists the clock, the id counter and the record counters.
    func save(_ tx: StoreTransaction) throws {
        try tx.setMeta("clock", clock.milliseconds)
        try tx.setMeta("out_seq", outSeq)
        for (kind, last) in counters { try tx.setCounter(kind, last) }
    }
}
