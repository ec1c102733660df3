import Foundation
import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore

/// One line of input as the reader saw it: an event, or why it is not one.
public enum InputItem: Sendable {
    case event(InboundEvent, line: Int)
    case bad(LineError, line: Int)
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
    let directory: Directory
    let parser: CommandParser
    let store: Store
    let wallClock: () -> Instant
    /// How long a follow-up question waits for its answer.
    static let promptLifetime = Span.minutes(10)

    /// The bot's clock: the latest `ts` seen. Never goes back.
    public private(set) var clock: Instant
    private var outSeq: Int64

    public init(community: Community, catalog: Catalog, store: Store, wallClock: @escaping () -> Instant) throws {
        directory = Directory(community)
        parser = CommandParser(catalog: catalog, categories: community.categories)
        self.store = store
        self.wallClock = wallClock
        (clock, outSeq) = try store.read { tx in
            (Instant(milliseconds: try tx.meta("clock") ?? 0), try tx.meta("out_seq") ?? 0)
        }
    }

    /// Handles a batch of input in one transaction and returns the outbound events,
    /// in order. If the transaction fails, nothing of the batch took effect and the
    /// error is thrown; the engine's clock and counters are as before the batch.
    public func process(_ items: [InputItem]) throws -> [OutboundEvent] {
        let saved = (clock, outSeq)
        do {
            return try store.write { tx in
                var out: [OutboundEvent] = []
                for item in items {
                    switch item {
                    case .bad(let error, let line):
                        out.append(OutboundEvent(type: .error, id: nextID(), ts: clock, text: error.text, ok: false, code: error.code.rawValue, line: line))
                    case .event(let event, _):
                        try handle(event, tx, into: &out)
                    }
                }
                try tx.setMeta("clock", clock.milliseconds)
                try tx.setMeta("out_seq", outSeq)
                return out
            }
        } catch {
            (clock, outSeq) = saved
            throw error
        }
    }

    /// A work order's history, for audits and tests.
    public func history(_ number: Int) throws -> [HistoryEntry] {
        try store.read { try $0.history(number) }
    }

    func nextID() -> String {
        outSeq += 1
        return "o\(outSeq)"
    }

    private func handle(_ event: InboundEvent, _ tx: StoreTransaction, into out: inout [OutboundEvent]) throws {
        if let id = event.id, let earlier = try tx.outcome(ofEvent: id) {
            if event.type == .message {
                out.append(OutboundEvent(type: .reply, id: nextID(), ts: clock, inReplyTo: id, group: event.group, to: event.from,
                                         text: earlier.text, ok: earlier.ok, code: earlier.code, refs: earlier.refs))
            }
            return
        }
        clock = max(clock, event.ts ?? wallClock())
        let outcome: Outcome?
        let countBefore = out.count
        let savedSeq = outSeq
        do {
            outcome = try tx.savepoint {
                switch event.type {
                case .message: try message(event, tx)
                case .join: try join(event, tx)
                case .tick, .leave: nil
                }
            }
        } catch {
            // Not the sender's fault: undo this event alone, answer politely, log the cause.
            out.removeSubrange(countBefore...)
            outSeq = savedSeq
            let reference = "E\(clock.milliseconds % 1_000_000)"
            FileHandle.standardError.write(Data("linli: internal error \(reference) handling event \(event.id ?? "-"): \(error)\n".utf8))
            outcome = event.type == .message
                ? Outcome(error: LinliError(.internal, zh: "抱歉，系统出了点问题（\(reference)），请稍后再试。", en: "Sorry, something went wrong on our side (\(reference)). Please try again later."))
                : nil
        }
        if let outcome {
            let lang = outcome.lang
            if event.type == .message {
                out.append(OutboundEvent(type: .reply, id: nextID(), ts: clock, inReplyTo: event.id, group: event.group, to: event.from,
                                         text: outcome.text(lang), ok: outcome.ok, code: outcome.code?.rawValue, refs: outcome.refs))
            }
            for effect in outcome.effects {
                switch effect {
                case .notify(let to, let reason, let text, let refs):
                    out.append(OutboundEvent(type: .notify, id: nextID(), ts: clock, to: to, reason: reason, text: text(try language(of: to, tx)), refs: refs))
                case .post(let group, let reason, let text, let refs):
                    out.append(OutboundEvent(type: .post, id: nextID(), ts: clock, group: group, reason: reason, text: text(lang), refs: refs))
                }
            }
            if let id = event.id, event.type == .message {
                try tx.saveOutcome(StoredOutcome(ok: outcome.ok, code: outcome.code?.rawValue, text: outcome.text(lang), refs: outcome.refs), ofEvent: id, at: clock.milliseconds)
            }
        }
        if let id = event.id, event.type != .message {
            try tx.saveOutcome(StoredOutcome(ok: true, code: nil, text: "", refs: []), ofEvent: id, at: clock.milliseconds)
        }
    }

    /// The language a person reads pushes in: their choice, else Chinese.
    func language(of user: String, _ tx: StoreTransaction) throws -> Lang {
        try tx.registration(user)?.lang ?? directory.person(user)?.lang ?? .zh
    }
}
