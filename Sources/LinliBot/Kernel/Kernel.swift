import Foundation
import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore

/// The engine's state that the kernel's services write through: the in-memory
/// mirror and the work-order cache. The engine copies `memory` before a batch and
/// puts it back (and drops the cache) when the batch rolls back.
final class KernelState {
    var memory: EngineMemory
    let orders = WorkOrderCache()
    /// The community as it now stands (kept in `memory`, so that it rolls back with it).
    var directory: Directory { memory.directory }
    let parser: CommandParser
    let timeZone: TimeZone
    /// The language each person last wrote to the bot in. Kept apart from `memory`:
    /// it changes on many messages, and a change there would copy every registration
    /// (the engine snapshots `memory` around each event). Not rolled back: it is a
    /// hint for pushes, and the database has the value that was committed.
    var wrote: [String: Lang]
    /// The community file as read, under the role changes `memory` applies.
    let community: Community
    /// The database's generation after this process's last batch, on a store other
    /// processes write too (PostgreSQL); nil: not known (read everything again).
    var generation: Int64?

    init(memory: EngineMemory, community: Community, parser: CommandParser, timeZone: TimeZone) {
        self.memory = memory
        self.community = community
        wrote = memory.registrations.compactMapValues(\.wrote)
        self.parser = parser
        self.timeZone = timeZone
    }

    /// Starts a batch on a store other processes write too, under its writer lock: if
    /// another process wrote since this one's last batch, the mirror and the caches
    /// are read again; then the generation is raised, for the others to see.
    func follow(_ tx: StoreTransaction) throws {
        let current = try catchUp(tx)
        generation = current + 1
        try tx.setMeta("generation", current + 1)
    }

    /// Reads the mirror and the caches again if another process wrote since this one
    /// last looked (a batch, or a staff page between batches); returns the generation
    /// `tx` sees.
    @discardableResult
    func catchUp(_ tx: StoreTransaction) throws -> Int64 {
        let current = try tx.meta("generation") ?? 0
        if current != generation {
            var fresh = try EngineMemory(tx, community: community)
            (fresh.queuedPushes, fresh.dailyStarted) = (memory.queuedPushes, memory.dailyStarted)
            memory = fresh
            wrote = memory.registrations.compactMapValues(\.wrote)
            orders.removeAll()
            generation = current
        }
        return current
    }
}

/// What a handler may use besides its command: the transaction, the time, the
/// community, and the kernel's named services (numbering, timers, the work-order
/// repository, the calendar, the escalation ladder, the points ledger, people).
/// It is made for each event; it never gives access to the engine.
struct Kernel {
    /// The actor named in history for what the bot does by itself.
    static let system = "linli"
    /// The kernel's own timer: a push held back by quiet hours (payload: the effect as
    /// JSON), of kind `push:<reason>` (`push` before the reason was kept), so that a
    /// family can drop the asks that no longer stand (`Timers.dropHeld`).
    static let pushTimer = "push"

    static func heldPush(_ reason: String) -> String { "\(pushTimer):\(reason)" }

    static func isHeldPush(_ kind: String) -> Bool { kind == pushTimer || kind.hasPrefix("\(pushTimer):") }

    let tx: StoreTransaction
    /// The bot's clock.
    let now: Instant
    private let state: KernelState

    init(tx: StoreTransaction, now: Instant, state: KernelState) {
        self.tx = tx
        self.now = now
        self.state = state
    }

    var directory: Directory { state.directory }

    /// When a push made now goes out: nil for now, else the end of quiet hours. Below
    /// P0 it waits, and so does one with no priority of its own, except in the
    /// conversation `answering` is part of: to its sender, or into its group.
    func heldUntil(_ effect: Effect, answering event: InboundEvent?) -> Instant? {
        let live = event.map { e in effect.to != nil ? effect.to == e.from : effect.group == e.group } ?? false
        return calendar.quietEnd(for: effect.priority ?? (live ? nil : Effect.routine))
    }

    /// The command catalog and parser (for help and suggestions).
    var parser: CommandParser { state.parser }

    var numbers: Numbering { Numbering(state: state) }
    var timers: Timers { Timers(state: state, tx: tx, calendar: calendar) }
    var workOrders: WorkOrderRepository { WorkOrderRepository(cache: state.orders, tx: tx) }
    var calendar: LocalCalendar { LocalCalendar(now: now, timeZone: state.timeZone, quietHours: directory.community.quietHours) }
    var ladder: EscalationLadder { EscalationLadder(directory: directory) }
    var points: PointsLedger { PointsLedger(directory: directory, tx: tx, now: now) }
    var people: People { People(state: state, tx: tx, directory: directory, now: now) }
}

/// Record numbers: 1, 2, 3… per kind.
struct Numbering {
    fileprivate let state: KernelState

    /// The next number of a record kind.
    func next(_ kind: RecordKind) -> Int {
        let n = (state.memory.counters[kind] ?? 0) + 1
        state.memory.counters[kind] = n
        return n
    }
}

/// Timers: rows with a due time, fired by the engine in due order through the
/// family that declared their kind.
struct Timers {
    fileprivate let state: KernelState
    let tx: StoreTransaction
    let calendar: LocalCalendar

    /// Whether a push may be held now. Outside quiet hours, once the timers due by now
    /// have fired (before the event at hand), none is: each fell due at their end.
    private var mayHold: Bool {
        calendar.quietEnd(for: Effect.routine) != nil || state.memory.nextTimer.map { $0 <= calendar.now } ?? false
    }

    func schedule(_ kind: some TimerKind, at due: Instant, subject: String, payload: String = "") throws {
        try schedule(kind: kind.rawValue, at: due, subject: subject, payload: payload)
    }

    func schedule(kind: String, at due: Instant, subject: String, payload: String) throws {
        try tx.schedule(TimerRow(dueAt: due, kind: kind, subject: subject, payload: payload))
        if state.memory.nextTimer.map({ due < $0 }) ?? true { state.memory.nextTimer = due }
    }

    func cancel<T: TimerKind>(_ subject: String, _ kinds: [T]) throws {
        try tx.cancelTimers(subject: subject, kinds: kinds.map(\.rawValue))
    }

    /// Holds a push until the end of quiet hours. A status notice (or the request to rate
    /// the result, which gives it) replaces the status notice about the same record still
    /// held for the same person, and a booking's news its older news: at 07:00 they read
    /// where it stands, not a step the night has since passed ("已由钱工签收" after it was
    /// resolved, "is approved" after it was cancelled).
    func hold(_ push: Effect, until end: Instant) throws {
        let subject = push.about ?? push.refs.first ?? ""
        if let older = Self.supersedes[push.reason], !subject.isEmpty, let to = push.to {
            for (row, old) in try held(subject, reasons: [older]) where old.to == to { try tx.deleteTimer(row.id) }
        }
        try schedule(kind: Kernel.heldPush(push.reason), at: end, subject: subject, payload: push.json)
    }

    /// Which held push a newer one about the same record, for the same person, replaces.
    static let supersedes = ["status_changed": "status_changed", "rating_request": "status_changed", "booking": "booking"]

    /// Drops the pushes about `subject` held for quiet hours with one of these reasons:
    /// an ask to accept an order that someone has since accepted is not sent at 07:00.
    func dropHeld(_ subject: String, reasons: [String]) throws {
        guard mayHold else { return }
        try tx.cancelTimers(subject: subject, kinds: reasons.map(Kernel.heldPush))
    }

    /// Who the pushes about `subject` held for quiet hours with one of these reasons
    /// are for: they have not been told yet (nor need be told it is moot).
    func heldFor(_ subject: String, reasons: [String]) throws -> Set<String> {
        Set(try held(subject, reasons: reasons).compactMap(\.push.to))
    }

    /// Readdresses the pushes about `subject` held for quiet hours with one of these
    /// reasons from `old` to `new`: a role handed over in the night.
    func readdressHeld(_ subject: String, reasons: [String], from old: String, to new: String) throws {
        for (row, var push) in try held(subject, reasons: reasons) where push.to == old {
            push.to = new
            try tx.deleteTimer(row.id)
            try schedule(kind: row.kind, at: row.dueAt, subject: subject, payload: push.json)
        }
    }

    /// The pushes about `subject` held for quiet hours with one of these reasons, with their timers.
    private func held(_ subject: String, reasons: [String]) throws -> [(row: TimerRow, push: Effect)] {
        guard mayHold else { return [] }
        return try tx.timers(subject: subject, kinds: reasons.map(Kernel.heldPush)).compactMap { row in Effect(held: row).map { (row, $0) } }
    }

    /// Carries out a transition's clocks for the record `subject`: stops, then starts.
    func apply<T: TimerKind>(_ transition: Transition<T>, subject: String) throws {
        if !transition.stop.isEmpty { try cancel(subject, transition.stop) }
        for start in transition.start { try schedule(start.clock, at: start.at, subject: subject) }
    }
}

/// Who people are beyond the community file: what they told Linli in chat, and the
/// roles the office gave them there.
struct People {
    fileprivate let state: KernelState
    let tx: StoreTransaction
    let directory: Directory
    let now: Instant

    func registration(_ user: String) -> Registration? { state.memory.registrations[user] }

    /// A person's household: registered in chat, else from the community file.
    func home(of user: String) -> String? { registration(user)?.home ?? directory.person(user)?.home }

    /// What a person is called: the community file's name, else the one they gave when registering, else their id.
    func name(of user: String) -> String {
        directory.person(user) != nil ? directory.name(of: user) : registration(user)?.name ?? directory.name(of: user)
    }

    /// Binds `user` to a household (a pending request for it is settled), with a line in their history.
    func register(_ user: String, home: String, name: String?, by actor: String) throws {
        let old = state.memory.registrations[user]
        try tx.register(user, home: home, name: name, at: now)
        if old?.pending != nil { try tx.setPending(user, home: nil, name: nil, at: now) }
        let action = home == self.home(of: user) ? "registered again" : self.home(of: user) == nil ? "registered" : "moved"
        try tx.appendPersonHistory(user, at: now, actor: actor, action: action, detail: home)
        state.memory.registrations[user] = Registration(user: user, home: home, name: name ?? old?.name, lang: old?.lang, wrote: old?.wrote)
    }

    /// Asks to register `user` in `home` (nil: drops the request), with a line in their history.
    func setPending(_ user: String, home: String?, name: String?, by actor: String, action: String) throws {
        try tx.setPending(user, home: home, name: name, at: now)
        try tx.appendPersonHistory(user, at: now, actor: actor, action: action, detail: home ?? registration(user)?.pending)
        var r = state.memory.registrations[user] ?? Registration(user: user, home: nil, name: nil, lang: nil)
        r.pending = home
        if let name { r.name = name }
        state.memory.registrations[user] = r
    }

    /// Everyone waiting to be confirmed in a household of one of `buildings`.
    func pending(in buildings: Set<String>) -> [Registration] {
        state.memory.registrations.values.filter { r in r.pending.flatMap(directory.building(ofHome:)).map { buildings.contains($0.id) } ?? false }
            .sorted { $0.user < $1.user }
    }

    func setLang(_ user: String, _ lang: Lang) throws {
        try tx.setLang(user, lang, at: now)
        var r = state.memory.registrations[user] ?? Registration(user: user, home: nil, name: nil, lang: nil)
        r.lang = lang
        state.memory.registrations[user] = r
    }

    /// Gives or takes back a role: kept in the store and effective at once (the
    /// kernel's community is rebuilt with it; a batch that rolls back restores the old).
    func change(_ change: RoleChange) throws {
        try tx.record(change)
        state.memory.directory = Directory(state.memory.directory.community.applying([change]))
    }

    /// Records the language `user` last wrote to the bot in, when it changed.
    func noteWritten(_ user: String, _ lang: Lang) throws {
        guard state.wrote[user] != lang else { return }
        try tx.setWrote(user, lang, at: now)
        state.wrote[user] = lang
    }

    /// The language a person reads pushes in (PROTOCOL.md §2.3): the one they chose,
    /// else the community file's, else the one they last wrote to the bot in, else Chinese.
    func language(of user: String) -> Lang {
        let r = registration(user)
        return r?.lang ?? directory.person(user)?.lang ?? state.wrote[user] ?? .zh
    }

    /// The household a room names: `b3-501` or `3栋501` anywhere; `501` in a building's
    /// group, else in `orIn` (say, the sender's own building). Else `usage`.
    func household(_ room: String, group: String?, orIn own: Building?) throws(LinliError) -> (building: Building, home: String) {
        let folded = Grammar.fold(room)
        var building: Building?
        var unit = folded
        if let dash = folded.firstIndex(of: "-"), folded.first?.isLetter == true {
            let id = String(folded[..<dash]).lowercased()
            guard let b = directory.building(id) else {
                let known = directory.community.buildings.map(\.id).joined(separator: ", ")
                throw LinliError(.usage, zh: "没有“\(id)”这个楼栋（有：\(known)）。", en: "There is no building “\(id)” (there are: \(known)).")
            }
            building = b
            unit = String(folded[folded.index(after: dash)...])
        } else if let dash = folded.firstIndex(of: "-"), let b = directory.community.buildings.first(where: { $0.name == folded[..<dash] + "栋" }) {
            // `3-1206`: building 3, room 1206.
            building = b
            unit = String(folded[folded.index(after: dash)...])
        } else if let b = directory.community.buildings.first(where: { folded.hasPrefix($0.name) && folded.count > $0.name.count }) {
            building = b
            unit = String(folded.dropFirst(b.name.count))
        } else if let b = directory.community.buildings.first(where: { folded.lowercased().hasPrefix($0.title.en.lowercased() + " ") }) {
            // `Building 3 1203`: its English name, then the room.
            building = b
            unit = String(folded.dropFirst(b.title.en.count + 1))
        } else {
            building = group.flatMap(directory.building(ofGroup:)) ?? own
        }
        unit = unit.replacingOccurrences(of: "室", with: "").replacingOccurrences(of: "号", with: "")
        guard let building else {
            throw LinliError(
                .usage, zh: "请在楼栋群里写房号，或写明楼栋，例如：b3-501", en: "Give the room in a building group, or name the building, e.g. b3-501")
        }
        guard !unit.isEmpty, unit.count <= 8, unit.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter || $0 == "-") }) else {
            throw LinliError(.usage, zh: "“\(room)”不像房号，例如：501", en: "“\(room)” does not look like a room, e.g. 501").about(room)
        }
        // `0501` is 501 (not a household of its own): unless the building's rooms are written so,
        // or someone lives there already.
        if unit.count > 1, unit.first == "0", unit.allSatisfy({ ("0"..."9").contains($0) }) {
            let digits = unit.drop { $0 == "0" }
            let stripped = digits.isEmpty ? "0" : String(digits)
            if members(of: "\(building.id)-\(unit)").isEmpty, building.hasRoom(stripped), building.rooms == nil || !building.hasRoom(unit) { unit = stripped }
        }
        return (building, "\(building.id)-\(unit)")
    }

    /// Everyone of a household: registered in chat, or given a home by the community file.
    func members(of home: String) -> [String] {
        let file = directory.community.people.filter { $0.home == home && registration($0.id)?.home == nil }.map(\.id)
        return file + state.memory.registrations.values.filter { $0.home == home }.map(\.user).sorted()
    }

    /// A person by id, name or @mention (`mentions`: the message's), or a registered id.
    /// Two people of one name are not guessed between (`Directory.person(named:)`).
    func resolve(_ word: String, mentions: [String]) throws(LinliError) -> String? {
        let t = word.hasPrefix("@") ? String(word.dropFirst()) : word
        if let p = try directory.person(named: word, mentions: mentions) { return p.id }
        if word.hasPrefix("@"), mentions.count == 1 { return mentions[0] }
        if registration(t).map({ $0.home != nil || $0.pending != nil }) == true { return t }
        // The name a resident gave when registering in chat, if only one gave it.
        let named = state.memory.registrations.values.filter { $0.name == t && ($0.home != nil || $0.pending != nil) }
        return named.count == 1 ? named[0].user : nil
    }
}
