import Foundation
import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore
import Logging

/// One line of input as the reader saw it: an event, or why it is not one.
public enum InputItem: Sendable {
    case event(InboundEvent, line: Int)
    case bad(LineError, line: Int)

    /// The id a repeat of the event is known by, if it is an event that has one.
    var dedupeKey: String? {
        if case .event(let e, _) = self { e.dedupeKey } else { nil }
    }
}

/// The engine: the one writer. It takes events in order, runs them against the
/// service core in one transaction per batch, and returns what to print only
/// after that transaction has committed.
///
/// ```swift
/// let engine = try Engine(community: community, catalog: catalog, store: store, wallClock: { Instant.now })
/// let out = try engine.process([.event(event, line: 1)])
/// ```
public final class Engine {
    /// The community as it now stands: the community file with the role changes made in chat.
    var directory: Directory { state.directory }
    public let parser: CommandParser
    let store: Store
    let wallClock: () -> Instant
    /// The community's time zone (checked when the community file was read).
    let timeZone: TimeZone
    /// Writes outbound events as JSON for the outbox.
    private(set) var eventJSON = EventEncoder()
    /// The current batch's outcomes, inserted as it commits.
    private var kept = KeptOutcomes(encoder: EventEncoder())
    /// The group of the batch being handled (its index in `process(groups:)`).
    private var group = 0
    /// Which of the batch's event ids were handled before it.
    private var seen = Set<String>()
    /// How long a follow-up question waits for its answer.
    static let promptLifetime = Span.minutes(10)

    /// The in-memory mirror and caches the kernel's services write through.
    let state: KernelState
    /// The families, and which of them a command or a timer goes to.
    let dispatcher: Dispatcher
    /// Whether events run in savepoints (see `process`).
    var careful = false
    /// Whether the event handled is `linli serve`'s own tick: what it fires reaches a bridge only by webhook.
    var byTheClock = false
    /// At most this many messages from one sender per span of the bot's clock; the
    /// rest are answered `rate_limited` and not acted on. Nil: no limit.
    public var senderLimit: (count: Int, per: Span)?
    /// Recent message times per sender, for `senderLimit`. Not restored on a
    /// re-run: a batch re-run at worst counts its messages twice.
    var recentMessages: [String: [Instant]] = [:]
    /// Where the engine says what went wrong (stderr through `LinliLogHandler` by default).
    public var logger = Logger.linli("engine")
    /// Where counts and timings go (`linli serve`); nil: nowhere, at no cost.
    public var metrics: BotMetrics?
    /// What the current batch measured, reported once it commits (a re-run batch is not counted twice).
    private var measured = Measured()
    /// The command the current message ran, for its timing.
    var commandName = ""

    private struct Measured {
        var dedupeHits = 0
        var commands: [(name: String, nanoseconds: Int64)] = []
    }

    /// The bot's clock: the latest `ts` seen. Never goes back.
    public var clock: Instant { state.memory.clock }

    /// `families`, if given, limits the engine to those command families (their
    /// catalog `family:` names): other commands are unknown to it. For tests of one family.
    public init(community: Community, catalog: Catalog, store: Store, wallClock: @escaping () -> Instant, families: Set<String>? = nil) throws {
        bot = community.bot
        dispatcher = Dispatcher(only: families)
        let catalog = families.map { catalog.only($0) } ?? catalog
        parser = CommandParser(catalog: catalog, community: community)
        self.store = store
        self.wallClock = wallClock
        timeZone = TimeZone(identifier: community.timezone) ?? TimeZone(secondsFromGMT: 8 * 3600)!
        state = KernelState(
            memory: try store.read { try EngineMemory($0, community: community) }, community: community, parser: parser, timeZone: timeZone)
        eventJSON = EventEncoder(format: .json, formatTime: formatTime)
        kept = KeptOutcomes(encoder: eventJSON)
        // A database with a clock starts them now; a new one at its first event (so a
        // replay runs the same whenever it is run).
        if clock >= Self.earliest { try store.write { tx in try startDailyTimers(tx) } }
    }

    /// Handles a batch of input in one transaction and returns the outbound events,
    /// in order. If the transaction fails, nothing of the batch took effect and the
    /// error is thrown; the engine's memory is as before the batch.
    ///
    /// A batch first runs without savepoints, trusting every handler to refuse
    /// before it writes. If an event fails unexpectedly, or refuses after writing,
    /// the whole batch is rolled back and run again with a savepoint around each
    /// event, so that only that event is undone: the same input gives the same
    /// output either way.
    public func process(_ items: [InputItem]) throws -> [OutboundEvent] {
        try process(groups: [items])[0]
    }

    /// Handles several batches (say, concurrent HTTP requests) in one transaction,
    /// in order, and returns each batch's outbound events: one commit for all.
    ///
    /// `parsed`, if given, holds each message's text already parsed (say, on
    /// another thread), in the shape of `groups`; the engine parses again only
    /// for a sender who has a question pending.
    ///
    /// `then`, if given, holds for each batch what its caller keeps of its outcome in the
    /// same transaction (a chat platform's reply queued for delivery): committed with
    /// the events or not at all.
    ///
    /// With `syncLater`, the commit returns before it is on disk: the caller syncs the
    /// store's log (`Store.syncLog(through:)`) before telling anyone of it (`EngineGate` does).
    public func process(
        groups: [[InputItem]], parsed: [[Preparsed?]]? = nil, then: [AlsoKeep?]? = nil, syncLater: Bool = false
    ) throws -> [[OutboundEvent]] {
        // A wall-clock tick with no timer due changes nothing: no transaction for it (unless a caller keeps something).
        if groups.allSatisfy({ $0.allSatisfy(isIdleTick) }), then?.allSatisfy({ $0 == nil }) ?? true { return groups.map { _ in [] } }
        do {
            return try run(groups, parsed, then, careful: false, syncLater: syncLater)
        } catch let failure as EventFailure {
            logger.warning("re-running a batch with savepoints", metadata: ["cause": "\(failure.underlying)"])
            return try run(groups, parsed, then, careful: true, syncLater: syncLater)
        }
    }

    /// What a caller writes of a batch's outbound events in the engine's transaction.
    public typealias AlsoKeep = @Sendable (StoreTransaction, [OutboundEvent]) throws -> Void

    /// How far past the wall clock a `ts` may be (`linli serve`: 5 minutes); nil: no bound.
    public var maxAheadOfWallClock: Span?

    /// Why a `ts` may not move the clock (PROTOCOL.md §4), or nil: outside the
    /// years 2000–2099, more than a year ahead of the bot's clock, or (in `linli serve`)
    /// too far past the wall clock. Such an event changes nothing.
    func outOfRange(_ ts: Instant?) -> String? {
        guard let ts else { return nil }
        func shown() -> String { RFC3339.format(ts, offsetSeconds: 0) }
        guard ts >= Self.earliest, ts < Self.latest else { return "'\(shown())' is outside the years 2000-2099" }
        if clock >= Self.earliest, ts > clock.adding(.days(366)) { return "'\(shown())' is more than a year ahead of the bot's clock" }
        if let ahead = maxAheadOfWallClock, ts > wallClock().adding(ahead) { return "'\(shown())' is ahead of the wall clock" }
        return nil
    }

    // The years as written are checked when the line is read; here, a day either side (RFC3339 reads offsets to ±23:59).
    static let earliest = Instant(milliseconds: 946_598_400_000)  // 2000-01-01T00:00:00+24:00
    static let latest = Instant(milliseconds: 4_102_531_200_000)  // 2100-01-01T00:00:00-24:00

    /// A tick without an id that fires no timer.
    private func isIdleTick(_ item: InputItem) -> Bool {
        guard case .event(let e, _) = item, e.type == .tick, e.id == nil, state.memory.dailyStarted, outOfRange(e.ts) == nil else { return false }
        return state.memory.nextTimer.map { $0 > (e.ts ?? wallClock()) } ?? true
    }

    /// A message read before the engine takes it: its text without the bot's name,
    /// whether the bot was called, and what that text parses to.
    public struct Preparsed: Sendable {
        let text: String
        let mentioned: Bool
        let result: ParseResult
    }

    /// What each message of `items` parses to, on whatever thread: for `process(groups:parsed:)`.
    public static func parse(_ items: [InputItem], with parser: CommandParser, bot: Bot?) -> [Preparsed?] {
        items.map { item in
            guard case .event(let e, _) = item, e.type == .message, e.text != nil else { return nil }
            let (text, mentioned) = Addressing.address(e, bot: bot, names: parser.spacedNames)
            return Preparsed(text: text, mentioned: mentioned, result: parser.parse(text, strict: e.group != nil && !mentioned))
        }
    }

    /// An event that could not be completed without a savepoint.
    struct EventFailure: Error {
        var underlying: any Error
    }

    private func run(
        _ groups: [[InputItem]], _ parsed: [[Preparsed?]]?, _ then: [AlsoKeep?]?, careful: Bool, syncLater: Bool
    ) throws -> [[OutboundEvent]] {
        let saved = state.memory
        self.careful = careful
        measured = Measured()
        kept.begin()
        do {
            let outs = try store.write(syncLater: syncLater) { tx in
                if store.isShared { try state.follow(tx) }
                seen = try tx.handled(groups.flatMap { $0.compactMap(\.dedupeKey) })
                var outs: [[OutboundEvent]] = []
                for (g, items) in groups.enumerated() {
                    group = g
                    var out: [OutboundEvent] = []
                    for (i, item) in items.enumerated() {
                        switch item {
                        case .bad(let error, let line):
                            out.append(
                                OutboundEvent(
                                    type: .error, id: nextID(), ts: clock, text: error.text, ok: false, code: error.code.rawValue, line: line))
                        case .event(let event, let line):
                            if let refused = outOfRange(event.ts) {
                                out.append(
                                    OutboundEvent(
                                        type: .error, id: nextID(), ts: clock, text: refused, ok: false, code: LineErrorCode.badTimestamp.rawValue,
                                        line: line))
                            } else {
                                try handle(event, parsed: parsed?[g][i], tx, into: &out)
                            }
                        }
                    }
                    try then?[g]?(tx, out)
                    outs.append(out)
                }
                // Printed as kept: encoded once.
                for (entry, json) in zip(kept.entries, try kept.finish(tx)) {
                    for (k, text) in json.enumerated() { outs[entry.group][entry.first + k].encoded = text }
                }
                try state.memory.save(tx)
                return outs
            }
            if let metrics {
                if measured.dedupeHits > 0 { metrics.count("linli_dedupe_hits_total", by: measured.dedupeHits) }
                for c in measured.commands { metrics.commandHandled(c.name, nanoseconds: c.nanoseconds) }
            }
            return outs
        } catch {
            restore(saved)
            throw error
        }
    }

    /// How many pushes were queued for webhooks since the engine started.
    public var queuedPushes: Int { state.memory.queuedPushes }

    /// A work order's history, for audits and tests.
    public func history(_ number: Int) throws -> [HistoryEntry] {
        try store.read { try $0.history(number) }
    }

    /// What handlers and timers act through, for this transaction at the bot's clock.
    func kernel(_ tx: StoreTransaction) -> Kernel {
        Kernel(tx: tx, now: clock, state: state)
    }

    /// The stored outcome of an event that got no reply (chatter, a tick, a join).
    static let silent = "silent"

    /// The bot as the chats know it, from the community file.
    public let bot: Bot?

    /// Puts the engine's memory back as it was (its writes were rolled back).
    func restore(_ saved: EngineMemory) {
        state.memory = saved
        state.orders.removeAll()
        state.generation = nil
    }

    func nextID() -> String {
        state.memory.outSeq += 1
        return "o\(state.memory.outSeq)"
    }

    private func handle(_ event: InboundEvent, parsed: Preparsed?, _ tx: StoreTransaction, into out: inout [OutboundEvent]) throws {
        if let key = event.dedupeKey, let events = kept.events(of: key) {
            // A repeat within the batch.
            measured.dedupeHits += 1
            out += events
            return
        }
        if let key = event.dedupeKey, seen.contains(key), let earlier = try tx.outcome(ofEvent: key) {
            measured.dedupeHits += 1
            // The same outbound events as the first time, with their ids: a bridge
            // delivers what it has not delivered yet (PROTOCOL.md §4).
            if let events = earlier.events {
                out += events.split(separator: "\n").compactMap { OutboundEvent(json: String($0)) }
                return
            }
            if event.type == .message, earlier.code != Self.silent {
                out.append(
                    OutboundEvent(
                        type: .reply, id: nextID(), ts: clock, inReplyTo: event.id, group: event.group, to: event.from,
                        text: earlier.text, ok: earlier.ok, code: earlier.code, refs: earlier.refs))
            }
            return
        }
        let started = metrics == nil ? nil : ContinuousClock.now
        defer {
            if let started, event.type == .message {
                let elapsed = ContinuousClock.now - started
                measured.commands.append((commandName, elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000))
            }
        }
        state.memory.clock = max(clock, event.ts ?? wallClock())
        if !state.memory.dailyStarted { try startDailyTimers(tx) }
        if !state.memory.fileHandedOver {  // captains or grid leaders the community file changed: once, at the first event
            state.memory.fileHandedOver = true
            try emit(try RolesFamily.handOverWhatTheFileMoved(kernel(tx)), tx, into: &out)
        }
        let firstOut = out.count
        byTheClock = event.type == .tick && event.id == nil && event.ts == nil
        defer { byTheClock = false }
        try fireDueTimers(tx, into: &out)
        let outcome: Outcome?
        let countBefore = out.count
        let saved = state.memory
        func body() throws -> Outcome? {
            switch event.type {
            case .message: try message(event, parsed: parsed, tx)
            case .join: dispatcher.welcome(event, kernel(tx))
            case .tick, .leave: nil
            }
        }
        do {
            outcome = try careful ? tx.savepoint(body) : body()
        } catch let failure as EventFailure {
            throw failure
        } catch  where !careful {
            throw EventFailure(underlying: error)
        } catch {
            // Not the sender's fault: undo this event alone, answer politely, log the cause.
            out.removeSubrange(countBefore...)
            restore(saved)
            let reference = "E\(clock.milliseconds % 1_000_000)"
            logger.error("internal error \(reference) handling event \(event.id ?? "-")", metadata: ["cause": "\(error)"])
            outcome =
                event.type == .message
                ? Outcome(
                    error: LinliError(
                        .internal, zh: "抱歉，系统出了点问题（\(reference)），请稍后再试。",
                        en: "Sorry, something went wrong on our side (\(reference)). Please try again later."))
                : nil
        }
        if let outcome {
            let lang = outcome.lang ?? .zh
            let reply = out.count
            if event.type == .message {
                out.append(
                    OutboundEvent(
                        type: .reply, id: nextID(), ts: clock, inReplyTo: event.id, group: event.group, to: event.from,
                        text: outcome.text(lang), ok: outcome.ok, code: outcome.code?.rawValue, refs: outcome.refs))
            }
            // “已发到 6 个群” at midnight: the reply says when what waits out quiet hours goes.
            if let end = try emit(outcome.effects, tx, into: &out, answering: event), reply < out.count, outcome.ok, !outcome.saysWhenHeld {
                let at = kernel(tx).calendar.clockTime(end)
                out[reply].text += Localized(zh: "（夜间免打扰，通知于\(at)发出）", en: " (Quiet hours: the notices go out at \(at).)")(lang)
            }
        }
        // Kept with everything the event caused, timers its clock fired included (chatter,
        // ticks and joins are seen once too); an internal error is not kept, so that the
        // same event can be tried again.
        if let key = event.dedupeKey, outcome?.code != .internal {
            // The reply's text is in the events already: not kept twice (the log and the file stay smaller).
            let stored =
                if let outcome, event.type == .message {
                    StoredOutcome(ok: outcome.ok, code: outcome.code?.rawValue, text: "", refs: outcome.refs)
                } else {
                    StoredOutcome(ok: true, code: Self.silent, text: "", refs: [])
                }
            kept.keep(key, stored, at: clock.milliseconds, events: out[firstOut...], group: group, from: firstOut)
        }
    }

}
