import Foundation
import LinliCore
import LinliProtocol
import LinliStore

/// Timers: rows with a due time, fired in due order as the clock passes them,
/// before the event that moved the clock is handled. A timer that fell due while
/// the bot was stopped fires on the first event after the restart, once.
extension Engine {
    enum TimerKind: String {
        /// A work order not accepted in time climbs the ladder.
        case accept
        /// The assignee is reminded at 50% and 90% of the resolve limit (payload: the percentage).
        case remind
        /// The resolve limit passed.
        case overdue
        /// The feedback window after resolution passed without a rating.
        case feedback
        /// A push held back by quiet hours (payload: the effect as JSON).
        case push
        /// Shortly before a booking starts.
        case bookingReminder = "booking_reminder"
        /// A loan fell due (and again every 2 days).
        case loanDue = "loan_due"
        /// An hour before an event.
        case eventReminder = "event_reminder"
        /// An unfinished claim of a wish runs out.
        case wishClaim = "wish_claim"
        /// A fulfilled wish is confirmed if the wisher has not.
        case wishConfirm = "wish_confirm"
    }

    func schedule(_ kind: TimerKind, at due: Instant, subject: String, payload: String = "", _ tx: StoreTransaction) throws {
        try tx.schedule(TimerRow(dueAt: due, kind: kind.rawValue, subject: subject, payload: payload))
        if memory.nextTimer.map({ due < $0 }) ?? true { memory.nextTimer = due }
    }

    func cancelTimers(_ subject: String, _ kinds: [TimerKind], _ tx: StoreTransaction) throws {
        try tx.cancelTimers(subject: subject, kinds: kinds.map(\.rawValue))
    }

    /// Fires every timer due at or before the clock, in due order.
    func fireDueTimers(_ tx: StoreTransaction, into out: inout [OutboundEvent]) throws {
        guard let next = memory.nextTimer, next <= clock else { return }
        while let timer = try tx.nextTimer(dueBy: clock) {
            try tx.deleteTimer(timer.id)
            guard let kind = TimerKind(rawValue: timer.kind) else { continue }
            let effects: [Effect]
            if careful {
                do {
                    effects = try tx.savepoint { try fire(kind, timer, tx) }
                } catch {
                    FileHandle.standardError.write(Data("linli: timer \(timer.kind) for \(timer.subject) failed and was dropped: \(error)\n".utf8))
                    continue
                }
            } else {
                do {
                    effects = try fire(kind, timer, tx)
                } catch {
                    throw EventFailure(underlying: error)
                }
            }
            try emit(effects, lang: .zh, tx, into: &out)
        }
        memory.nextTimer = try tx.earliestTimer()
    }

    private func fire(_ kind: TimerKind, _ timer: TimerRow, _ tx: StoreTransaction) throws -> [Effect] {
        if kind == .push {
            guard let effect = try? JSONDecoder().decode(Effect.self, from: Data(timer.payload.utf8)) else { return [] }
            var now = effect
            now.priority = nil
            return [now]
        }
        guard let id = RecordID(parsing: Substring(timer.subject)) else { return [] }
        switch kind {
        case .bookingReminder: return try bookingReminder(id, tx)
        case .loanDue: return try loanOverdue(id, tx)
        case .eventReminder: return try eventReminder(id, tx)
        case .wishClaim: return try wishClaimExpired(id, tx)
        case .wishConfirm: return try wishConfirmDue(id, tx)
        case .accept, .remind, .overdue, .feedback, .push: break
        }
        guard id.kind == .workOrder, let order = try workOrder(id.number, tx) else { return [] }
        switch kind {
        case .accept: return try acceptDeadlinePassed(order, timer, tx)
        case .remind: return try remind(order, percent: Int(timer.payload) ?? 50, tx)
        case .overdue: return try resolveDeadlinePassed(order, tx)
        case .feedback: return try feedbackWindowPassed(order, tx)
        case .push, .bookingReminder, .loanDue, .eventReminder, .wishClaim, .wishConfirm: return []
        }
    }

    /// Writes pushes out now, or, for a work order's pushes below P0 during quiet
    /// hours, holds them in a timer until quiet hours end.
    func emit(_ effects: [Effect], lang: Lang, _ tx: StoreTransaction, into out: inout [OutboundEvent]) throws {
        for effect in effects {
            if let end = quietEnd(for: effect.priority) {
                var held = effect
                held.lang = held.lang ?? lang
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                try schedule(.push, at: end, subject: effect.refs.first ?? "", payload: String(decoding: try encoder.encode(held), as: UTF8.self), tx)
                continue
            }
            if let to = effect.to {
                let event = OutboundEvent(type: .notify, id: nextID(), ts: clock, to: to, reason: effect.reason, text: effect.text(language(of: to)), refs: effect.refs)
                out.append(event)
                try queueForWebhook(event, tx)
            } else if let group = effect.group {
                out.append(OutboundEvent(type: .post, id: nextID(), ts: clock, group: group, reason: effect.reason, text: effect.text(effect.lang ?? lang), refs: effect.refs))
            }
        }
    }

    /// Queues a notify for its recipient's webhook (a person's or a department's), in
    /// the same transaction: it is delivered after commit, at least once.
    func queueForWebhook(_ event: OutboundEvent, _ tx: StoreTransaction) throws {
        guard let to = event.to, let webhook = directory.person(to)?.webhook ?? directory.department(to)?.webhook else { return }
        let now = wallClock()
        try tx.enqueue(OutboxRow(eventID: event.id, webhook: webhook, recipient: to, reason: event.reason ?? "", text: event.text, refs: event.refs,
                                 event: eventJSON.jsonObject(event), createdAt: now, dueAt: now))
        memory.queuedPushes += 1
    }

    /// When a push of this priority sent now would have to wait for quiet hours to end.
    func quietEnd(for priority: Priority?) -> Instant? {
        guard let priority, priority != .p0, let quiet = directory.community.quietHours else { return nil }
        return quiet.end(containing: clock, offsetSeconds: offset(at: clock))
    }

    /// When someone told now can start acting: now, or the end of quiet hours.
    func deliveryTime(_ priority: Priority?) -> Instant { quietEnd(for: priority) ?? clock }
}
