import LinliCommands
import LinliCore
import LinliStore

/// The work-order clocks (日常督办): the accept limit and the escalation ladder
/// 小事不出小区、大事不出社区 (captain → grid leader → staff), reminders at 50% and 90%
/// of the resolve limit, the overdue chase, and the feedback window.
extension WorkOrdersFamily {
    /// The accept clock: from when the assignee can be told (after quiet hours for
    /// pushes that wait), for the category's accept limit.
    func startAcceptClock(_ order: WorkOrder, _ ctx: Kernel) throws {
        let desk = WorkOrderDesk(ctx)
        try ctx.timers.schedule(
            WorkOrderClock.accept, at: ctx.calendar.deliveryTime(desk.priority(of: order)).adding(desk.limits(order).accept),
            subject: order.id.description)
    }

    /// One step of the resolve clock, from acceptance: reminders at 50% and 90%,
    /// overdue at 100%. One timer at a time: each step sets the next when it fires.
    func scheduleResolveStep(_ order: WorkOrder, percent: Int, _ ctx: Kernel) throws {
        guard let start = order.acceptedAt else { return }
        let due = start.adding(Span(milliseconds: WorkOrderDesk(ctx).limits(order).resolve.milliseconds * Int64(percent) / 100))
        if percent >= 100 {
            try ctx.timers.schedule(WorkOrderClock.overdue, at: due, subject: order.id.description)
        } else {
            try ctx.timers.schedule(WorkOrderClock.remind, at: due, subject: order.id.description, payload: String(percent))
        }
    }

    /// How often the top of the ladder (the office) is reminded of a report it has not accepted.
    static let topReminders = 3

    /// At the top of the ladder no one is above to go to: whoever holds it is reminded, one
    /// accept limit after another, `topReminders` times (it waited there for ever unseen).
    private func remindTheTop(_ order: WorkOrder, _ timer: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        let desk = WorkOrderDesk(ctx)
        let reminded = Int(timer.payload) ?? 0
        guard reminded < Self.topReminders, case .person(let holder)? = order.assignee else { return [] }
        let rid = order.id.description
        // As the accept clock runs: from when a push of its priority can be read (after quiet hours).
        let next = ctx.calendar.deliveryTime(desk.priority(of: order)).adding(desk.limits(order).accept)
        try ctx.timers.schedule(WorkOrderClock.accept, at: next, subject: rid, payload: String(reminded + 1))
        return [
            .notify(
                to: holder, reason: "reminder",
                text: Localized(
                    zh: "【待签收】\(desk.headline(order, .zh))：\(order.details)。仍未签收，请签收：签收 \(rid)",
                    en: "[Not accepted] \(desk.headline(order, .en)): \(order.details). Still not accepted. To accept: accept \(rid)"),
                refs: [rid], priority: desk.priority(of: order))
        ]
    }

    /// Nobody accepted in time: one rung up, with a notice naming the record and how
    /// long it waited; the clock restarts at the new level, from now. A department that does
    /// not accept is reported to the office but keeps the order.
    func acceptDeadlinePassed(_ order: WorkOrder, _ timer: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        let desk = WorkOrderDesk(ctx)
        guard order.awaitsAcceptance else { return [] }
        guard let (person, level) = desk.rung(above: order.level, for: order) else { return try remindTheTop(order, timer, ctx) }
        let rid = order.id.description
        // From when this level's clock started (the deadline less the limit) to when the notice
        // is read: now, or the end of quiet hours it waits for (it said 2小时30分钟 at 07:00).
        let waited = ctx.calendar.deliveryTime(desk.priority(of: order)).since(timer.dueAt.adding(Span(milliseconds: -desk.limits(order).accept.milliseconds)))
        let who = order.assignee.map { ctx.directory.name(of: $0.id) } ?? "—"
        let what = Localized(zh: "\(desk.headline(order, .zh))：\(order.details)", en: "\(desk.headline(order, .en)): \(order.details)")
        if order.level == .department {
            return [
                .notify(
                    to: person, reason: "escalated",
                    text: Localized(
                        zh: "【升级】\(what.zh)。\(who)已等待\(waited.spoken(.zh))未签收，请协调。",
                        en: "[Escalated] \(what.en). \(who) has not accepted it for \(waited.spoken(.en)); please follow up."), refs: [rid],
                    priority: desk.priority(of: order))
            ]
        }
        var next = order
        // The new level gets the whole limit from when it is told (now, or after quiet hours).
        let effects = try next.apply(.escalate(.person(person), level: level, ref: nil), at: ctx.now, limits: desk.limits(order))
        try commit(next, from: order, effects, by: Kernel.system, ctx)
        let (from, to) = (desk.role(of: order.assignee, in: order, .zh), EscalationLadder.name(level, .zh))
        let fromEn = [desk.role(of: order.assignee, in: order, .en), who].filter { !$0.isEmpty }.joined(separator: " ")
        let toEn = EscalationLadder.name(level, .en)
        return [
            .notify(
                to: person, reason: "escalated",
                text: Localized(
                    zh: "【升级】\(what.zh)。\(from)\(who)已等待\(waited.spoken(.zh))未签收，现升级到您（\(to)）。请签收：签收 \(rid)",
                    en:
                        "[Escalated] \(what.en). It waited \(waited.spoken(.en)) for \(fromEn) to accept; it is now with you (\(toEn)). Please accept it: accept \(rid)"
                ),
                refs: [rid], priority: desk.priority(of: order))
        ]
    }

    /// A reminder to whoever handles it, at 50% or 90% of the resolve limit.
    func remind(_ order: WorkOrder, percent: Int, _ ctx: Kernel) throws -> [Effect] {
        let desk = WorkOrderDesk(ctx)
        guard order.state.isOpen, let deadline = order.resolveDeadline(desk.limits(order).resolve) else { return [] }
        try scheduleResolveStep(order, percent: percent < 90 ? 90 : 100, ctx)
        let rid = order.id.description
        guard deadline > ctx.now else { return [] }  // fired late, past the deadline: the overdue notice says it
        // The deadline as a time, not as what is left: a reminder held over quiet hours is read later.
        let (day, time) = (ctx.calendar.day(of: deadline), ctx.calendar.clockTime(deadline))
        return desk.notifyHandlers(
            order, except: "", reason: "reminder",
            text: Localized(
                zh:
                    "【提醒】\(rid) \(desk.categoryName(order, .zh)) · \(desk.buildingName(order))：办结时限已过\(percent)%，请在\(day.spoken(.zh)) \(time)前办结。办结后请发送：办结 \(rid) 处理结果",
                en:
                    "[Reminder] \(rid) \(desk.categoryName(order, .en)) · \(desk.buildingName(order, .en)): \(percent)% of the time to resolve it has passed; it is due by \(time) on \(day.spoken(.en)). When done: done \(rid) <result>"
            ))
    }

    /// The resolve limit passed: an overdue notice to whoever handles it and to the
    /// rung above the one who has it (not above the order's level: an order escalated
    /// to the office and then taken by the captain is chased by the grid leader).
    func resolveDeadlinePassed(_ order: WorkOrder, _ ctx: Kernel) throws -> [Effect] {
        guard order.state.isOpen, order.acceptedAt != nil else { return [] }
        let desk = WorkOrderDesk(ctx)
        var next = order
        let effects = try next.apply(.markOverdue, at: ctx.now, limits: desk.limits(order))
        try commit(next, from: order, effects, by: Kernel.system, ctx)
        let rid = order.id.description
        let limit = desk.limits(order).resolve
        let who = order.assignee.map { ctx.directory.name(of: $0.id) } ?? "—"
        var pushes = desk.notifyHandlers(
            order, except: "", reason: "overdue",
            text: Localized(
                zh: "【超期】\(rid) \(desk.categoryName(order, .zh)) · \(desk.buildingName(order))：已超过办结时限（\(limit.spoken(.zh))），请尽快办结或说明进展：进展 \(rid) 内容",
                en:
                    "[Overdue] \(rid) \(desk.categoryName(order, .en)) · \(desk.buildingName(order, .en)): past its \(limit.spoken(.en)) limit. Please resolve it or post progress: note \(rid) <text>"
            ))
        let level = ctx.ladder.level(of: order.assignee, building: order.building) ?? order.level
        if let (above, _) = desk.rung(above: level, for: order), !pushes.contains(where: { $0.to == above }) {
            pushes.append(
                .notify(
                    to: above, reason: "overdue",
                    text: Localized(
                        zh: "【超期督办】\(rid) \(desk.categoryName(order, .zh)) · \(desk.buildingName(order))：\(who)处理已超过时限（\(limit.spoken(.zh))），请督办。",
                        en:
                            "[Overdue] \(rid) \(desk.categoryName(order, .en)) · \(desk.buildingName(order, .en)): \(who) is past the \(limit.spoken(.en)) limit; please follow up."
                    ),
                    refs: [rid], priority: desk.priority(of: order)))
        }
        return pushes
    }

    /// No rating within the feedback window: closed as resolved-unconfirmed.
    func feedbackWindowPassed(_ order: WorkOrder, _ ctx: Kernel) throws -> [Effect] {
        guard order.state == .resolved else { return [] }
        let desk = WorkOrderDesk(ctx)
        var next = order
        let effects = try next.apply(.closeUnrated, at: ctx.now, limits: desk.limits(order))
        try commit(next, from: order, effects, by: Kernel.system, ctx)
        let rid = order.id.description
        // The reopen window runs from the resolution: the day it ends, as a date.
        let end = (order.resolvedAt ?? ctx.now).adding(WorkOrder.reopenWindow)
        let until = Localized(
            zh: "\(ctx.calendar.day(of: end).spoken(.zh)) \(ctx.calendar.clockTime(end))", en: "\(ctx.calendar.clockTime(end)) \(ctx.calendar.day(of: end).spoken(.en))")
        return try desk.notifyReporter(order, except: "", reason: "status_changed") { r in
            r == .reporter
                ? Localized(
                    zh: "您的报修 \(rid) 办结后3天未评价，已自动关闭（办结未确认）。如仍有问题，\(until.zh)前可回复：没解决 \(rid)",
                    en:
                        "Your report \(rid) was not rated within 3 days of resolution and has been closed as unconfirmed. If it is still a problem, until \(until.en): reopen \(rid)"
                )
                : Localized(zh: "您关注的报修 \(rid) 已关闭（报修人未评价）。", en: "A report you follow: \(rid) is closed (its reporter did not rate it).")
        }
    }
}

/// The work-order clocks are timers of the work-order family.
extension WorkOrderClock: TimerKind {}
