import LinliCore
import LinliStore

/// The work-order clocks (日常督办): the accept limit and the escalation ladder
/// 小事不出小区、大事不出社区 (captain → grid leader → staff), reminders at 50% and 90%
/// of the resolve limit, the overdue chase, and the feedback window.
extension Engine {
    /// The actor named in a work order's history for what the clocks do.
    static let system = "linli"

    func limits(_ order: WorkOrder) -> (accept: Span, resolve: Span) { limits(category: order.category) }

    /// The accept clock: from when the assignee can be told (after quiet hours for
    /// pushes that wait), for the category's accept limit.
    func startAcceptClock(_ order: WorkOrder, _ tx: StoreTransaction) throws {
        try schedule(.accept, at: deliveryTime(priority(of: order)).adding(limits(order).accept), subject: order.id.description, tx)
    }

    /// The resolve clock, from acceptance: reminders at 50% and 90%, overdue at 100%.
    /// One timer at a time: each step sets the next when it fires.
    func startResolveClock(_ order: WorkOrder, _ tx: StoreTransaction) throws {
        try scheduleResolveStep(order, percent: 50, tx)
    }

    private func scheduleResolveStep(_ order: WorkOrder, percent: Int, _ tx: StoreTransaction) throws {
        guard let start = order.acceptedAt else { return }
        let due = start.adding(Span(milliseconds: limits(order).resolve.milliseconds * Int64(percent) / 100))
        if percent >= 100 {
            try schedule(.overdue, at: due, subject: order.id.description, tx)
        } else {
            try schedule(.remind, at: due, subject: order.id.description, payload: String(percent), tx)
        }
    }

    /// The next rung of the ladder above a work order's level, if any.
    func rung(above level: Level, building: String) -> (person: String, level: Level)? {
        let b = directory.building(building)
        switch level {
        case .captain:
            if let leader = b.flatMap(directory.gridLeader(of:)) { return (leader, .grid) }
            return directory.firstStaff.map { ($0, .staff) }
        case .grid, .department:
            return directory.firstStaff.map { ($0, .staff) }
        case .staff:
            return nil
        }
    }

    /// Nobody accepted in time: one rung up, with a notice naming the record and how
    /// long it waited; the clock restarts at the new level, from now. A department that does
    /// not accept is reported to the office but keeps the order.
    func acceptDeadlinePassed(_ order: WorkOrder, _ timer: TimerRow, _ tx: StoreTransaction) throws -> [Effect] {
        guard order.awaitsAcceptance, let (person, level) = rung(above: order.level, building: order.building) else { return [] }
        let rid = order.id.description
        // From when this level's clock started (the deadline less the limit) to now.
        let waited = clock.since(timer.dueAt.adding(Span(milliseconds: -limits(order).accept.milliseconds)))
        let who = order.assignee.map { directory.name(of: $0.id) } ?? "—"
        let what = Localized(zh: "\(rid) \(categoryName(order, .zh)) · \(buildingName(order))\(order.place.map { " \($0)" } ?? "")：\(order.details)",
                             en: "\(rid) \(categoryName(order, .en)) · \(buildingName(order))\(order.place.map { " \($0)" } ?? ""): \(order.details)")
        if order.level == .department {
            return [.notify(to: person, reason: "escalated", text: Localized(
                zh: "【升级】\(what.zh)。\(who)已等待\(waited.spoken(.zh))未签收，请协调。",
                en: "[Escalated] \(what.en). \(who) has not accepted it for \(waited.spoken(.en)); please follow up."), refs: [rid], priority: priority(of: order))]
        }
        var next = order
        let action = WorkOrderAction.escalate(.person(person), level: level, ref: nil)
        try next.apply(action, at: clock)
        try tx.update(next, from: order)
        remember(next)
        try tx.appendHistory(order.number, HistoryEntry(at: clock, actor: Self.system, action: "escalate", detail: person))
        // The new level gets the whole limit from when it is told (now, or after quiet hours).
        try startAcceptClock(next, tx)
        return [.notify(to: person, reason: "escalated", text: Localized(
            zh: "【升级】\(what.zh)。\(levelName(order.level, .zh))\(who)已等待\(waited.spoken(.zh))未签收，现升级到您（\(levelName(level, .zh))）。请签收：签收 \(rid)",
            en: "[Escalated] \(what.en). It waited \(waited.spoken(.en)) for \(levelName(order.level, .en)) \(who) to accept; it is now with you (\(levelName(level, .en))). Please accept it: accept \(rid)"),
            refs: [rid], priority: priority(of: order))]
    }

    /// A reminder to whoever handles it, at 50% or 90% of the resolve limit.
    func remind(_ order: WorkOrder, percent: Int, _ tx: StoreTransaction) throws -> [Effect] {
        guard order.state.isOpen, let deadline = order.resolveDeadline(limits(order).resolve) else { return [] }
        try scheduleResolveStep(order, percent: percent < 90 ? 90 : 100, tx)
        let rid = order.id.description
        let left = deadline.since(clock)
        guard left.milliseconds > 0 else { return [] }  // fired late, past the deadline: the overdue notice says it
        return notifyHandlers(order, except: "", reason: "reminder", text: Localized(
            zh: "【提醒】\(rid) \(categoryName(order, .zh)) · \(buildingName(order))：办结时限已过\(percent)%，还剩\(left.spoken(.zh))。办结后请发送：办结 \(rid) 处理结果",
            en: "[Reminder] \(rid) \(categoryName(order, .en)) · \(buildingName(order)): \(percent)% of the time to resolve it has passed, \(left.spoken(.en)) left. When done: done \(rid) <result>"))
    }

    /// The resolve limit passed: an overdue notice to whoever handles it and to the level above.
    func resolveDeadlinePassed(_ order: WorkOrder, _ tx: StoreTransaction) throws -> [Effect] {
        guard order.state.isOpen, order.acceptedAt != nil else { return [] }
        var next = order
        try next.apply(.markOverdue, at: clock)
        try commit(next, from: order, .markOverdue, by: Self.system, tx)
        let rid = order.id.description
        let limit = limits(order).resolve
        let who = order.assignee.map { directory.name(of: $0.id) } ?? "—"
        var effects = notifyHandlers(order, except: "", reason: "overdue", text: Localized(
            zh: "【超期】\(rid) \(categoryName(order, .zh)) · \(buildingName(order))：已超过办结时限\(limit.spoken(.zh))，请尽快办结或说明进展：进展 \(rid) 内容",
            en: "[Overdue] \(rid) \(categoryName(order, .en)) · \(buildingName(order)): past its \(limit.spoken(.en)) limit. Please resolve it or post progress: note \(rid) <text>"))
        if let (above, _) = rung(above: order.level, building: order.building), !effects.contains(where: { $0.to == above }) {
            effects.append(.notify(to: above, reason: "overdue", text: Localized(
                zh: "【超期督办】\(rid) \(categoryName(order, .zh)) · \(buildingName(order))：\(who)处理已超过时限\(limit.spoken(.zh))，请督办。",
                en: "[Overdue] \(rid) \(categoryName(order, .en)) · \(buildingName(order)): \(who) is past the \(limit.spoken(.en)) limit; please follow up."),
                refs: [rid], priority: priority(of: order)))
        }
        return effects
    }

    /// No rating within the feedback window: closed as resolved-unconfirmed.
    func feedbackWindowPassed(_ order: WorkOrder, _ tx: StoreTransaction) throws -> [Effect] {
        guard order.state == .resolved else { return [] }
        var next = order
        try next.apply(.closeUnrated, at: clock)
        try commit(next, from: order, .closeUnrated, by: Self.system, tx)
        let rid = order.id.description
        return notifyReporter(order, except: "", reason: "status_changed", text: Localized(
            zh: "您的报修 \(rid) 办结后3天未评价，已自动关闭（办结未确认）。如仍有问题，7天内可回复：没解决 \(rid)",
            en: "Your report \(rid) was not rated within 3 days of resolution and has been closed as unconfirmed. If it is still a problem, within 7 days: reopen \(rid)"))
    }
}
