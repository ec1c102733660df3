import Foundation
import LinliCore
import LinliProtocol
import LinliStore

/// Timers: rows with a due time, fired in due order as the clock passes them,
/// before the event that moved the clock is handled, each through the family that
/// declared its kind (the kernel's own: pushes held back by quiet hours). A timer
/// that fell due while the bot was stopped fires on the first event after the restart, once.
extension Engine {
    /// Fires every timer due at or before the clock, in due order.
    func fireDueTimers(_ tx: StoreTransaction, into out: inout [OutboundEvent]) throws {
        guard let next = state.memory.nextTimer, next <= clock else { return }
        while let timer = try tx.nextTimer(dueBy: clock) {
            try tx.deleteTimer(timer.id)
            let effects: [Effect]
            if careful {
                do {
                    effects = try tx.savepoint { try fire(timer, tx) }
                } catch {
                    logger.error("timer \(timer.kind) for \(timer.subject) failed and was dropped", metadata: ["cause": "\(error)"])
                    continue
                }
            } else {
                do {
                    effects = try fire(timer, tx)
                } catch {
                    throw EventFailure(underlying: error)
                }
            }
            try emit(effects, tx, into: &out)
        }
        state.memory.nextTimer = try tx.earliestTimer()
    }

    /// Sets each family's daily timer that is not set yet, for its next time after the
    /// bot's clock: at the engine's start on a database that has a clock, else at its
    /// first event.
    func startDailyTimers(_ tx: StoreTransaction) throws {
        state.memory.dailyStarted = true
        let kernel = Kernel(tx: tx, now: clock, state: state)
        for (kind, minutes) in dispatcher.daily.sorted(by: { $0.key < $1.key }) where try !tx.hasTimer(subject: Self.dailySubject, kind: kind) {
            try kernel.timers.schedule(kind: kind, at: kernel.calendar.next(minutes: minutes), subject: Self.dailySubject, payload: "")
        }
    }

    /// The subject of the families' daily timers.
    static let dailySubject = "daily"

    private func fire(_ timer: TimerRow, _ tx: StoreTransaction) throws -> [Effect] {
        if let minutes = dispatcher.daily[timer.kind], timer.subject == Self.dailySubject {
            // The next one first: a day is never skipped, whatever this one does.
            try kernel(tx).timers.schedule(kind: timer.kind, at: kernel(tx).calendar.next(minutes: minutes), subject: timer.subject, payload: "")
        }
        if Kernel.isHeldPush(timer.kind) {
            guard let effect = Effect(held: timer) else { return [] }
            var now = effect
            now.priority = nil
            return [now]
        }
        return try dispatcher.fire(timer, kernel(tx)) ?? []
    }

    /// Writes pushes out now, or holds those that wait out quiet hours in a timer until
    /// they end (`Kernel.heldUntil`); returns when the held ones go, if any was held.
    @discardableResult
    func emit(
        _ effects: [Effect], _ tx: StoreTransaction, into out: inout [OutboundEvent], answering: InboundEvent? = nil
    ) throws -> Instant? {
        var heldUntil: Instant?
        for effect in effects {
            if let end = kernel(tx).heldUntil(effect, answering: answering) {
                heldUntil = heldUntil ?? end
                try kernel(tx).timers.hold(effect, until: end)
                continue
            }
            if let to = effect.to {
                let event = OutboundEvent(
                    type: .notify, id: nextID(), ts: clock, to: to, reason: effect.reason, text: effect.text(effect.replyLang ?? kernel(tx).people.language(of: to)),
                    refs: effect.refs)
                out.append(event)
                try queueForWebhook(event, tx)
            } else if let group = effect.group {
                // Posts are read by the whole group: in the group's language.
                let settings = directory.community.groupSettings[group]
                let event = OutboundEvent(
                    type: .post, id: nextID(), ts: clock, group: group, reason: effect.reason, text: effect.text(settings?.lang ?? .zh),
                    refs: effect.refs)
                out.append(event)
                let routes = directory.community.postRoutes(into: group)
                for route in routes.isEmpty && byTheClock ? directory.community.bridge.map { [($0, nil, 1)] } ?? [] : routes {
                    try queue(event, for: route.endpoint, recipient: group, chat: route.chat, copy: route.copy, tx)
                }
            }
        }
        return heldUntil
    }

    /// Queues a notify for its recipient's webhook (a person's or a department's), else the
    /// chat platform they have an account on (PLATFORMS.md §3), in the same transaction:
    /// it is delivered after commit, at least once.
    func queueForWebhook(_ event: OutboundEvent, _ tx: StoreTransaction) throws {
        guard let to = event.to else { return }
        let platform = directory.community.platform(forPushTo: to, person: directory.person(to))
        if let webhook = directory.person(to)?.webhook ?? directory.department(to)?.webhook {
            // A robot posts into a group: a sign-in link or what is kept from groups goes whole by their platform, if any.
            var event = event
            if directory.community.webhooks.first(where: { $0.id == webhook })?.format != .generic {
                let signIn = SignInLink.appears(in: event.text)
                let masked = signIn ? nil : kernel(tx).robotText(event, lang: kernel(tx).people.language(of: to))
                if signIn || masked != nil, let platform { return try queue(event, for: platform.outboxEndpoint, recipient: to, tx) }
                if signIn { return }
                event.text = masked ?? event.text
            }
            try queue(event, for: webhook, recipient: to, tx)
        } else if let platform {
            try queue(event, for: platform.outboxEndpoint, recipient: to, tx)
        } else if byTheClock, let bridge = directory.community.bridge {
            try queue(event, for: bridge, recipient: to, tx)  // no request's answer carries what the clock caused
        }
    }

    /// Queues an outbound event for a webhook (a person's, a department's, a group's
    /// robot) or a chat platform. A post for one chat of a platform names it in the
    /// row's event (`"chat"`, read only by that platform's channel); its second chat's
    /// row is the outbound id with `-2` (a message of its own, under its own idempotency key).
    private func queue(
        _ event: OutboundEvent, for webhook: String, recipient: String, chat: String? = nil, copy: Int = 1, _ tx: StoreTransaction
    ) throws {
        let now = wallClock()
        var json = eventJSON.jsonObject(event)
        if let chat {
            assert(json.last == "}", "an encoded event is one JSON object")
            json.removeLast()  // the object's closing brace
            json += ",\"chat\":"
            JSON.appendString(chat, to: &json)
            json += "}"
        }
        try tx.enqueue(
            OutboxRow(
                eventID: copy > 1 ? "\(event.id)-\(copy)" : event.id, webhook: webhook, recipient: recipient, reason: event.reason ?? "", text: event.text, refs: event.refs,
                event: json, createdAt: now, dueAt: now))
        state.memory.queuedPushes += 1
    }
}
