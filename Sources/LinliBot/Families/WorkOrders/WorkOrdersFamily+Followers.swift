import LinliCommands
import LinliCore
import LinliStore

/// Households that follow a report they did not file: a duplicate merged into it
/// (并单), or a neighbour with the same trouble (我也是). They are told of its changes
/// through the reporter's notices (`WorkOrderDesk.notifyReporter`) and asked to rate it.
extension WorkOrdersFamily {
    /// 并单: whoever manages the duplicate's building (and the kept one's) closes it as a duplicate of `into`;
    /// its reporter (and its own followers) follow `into` from then on.
    func merge(_ id: RecordID, into target: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let kept = try ctx.workOrders.load(target)
        guard desk.manages(ctx.sender, kept) else { throw LinliError.forbidden(target) }
        guard kept.state.isOpen else {
            throw LinliError(
                .invalidState, zh: "\(target) 当前\(kept.state.label(.zh))，不能再并入。",
                en: "\(target) is \(kept.state.label(.en)); nothing can be merged into it.",
                refs: [target.description])
        }
        // A private report (noise, a neighbour) and a public one are never the same matter:
        // merged, one's reporter would follow the other's, and withdrawing one would close both.
        if desk.isPrivate(try ctx.workOrders.load(id)) != desk.isPrivate(kept) {
            // In a group, which one is private is not said there.
            throw LinliError(
                .invalidState, zh: "\(id) 和 \(target) 一个是私密事项、一个不是，不是同一问题，不能合并。",
                en: "\(id) and \(target) are not the same matter (one is private), so they cannot be merged.", refs: [id.description, target.description]
            ).keptPrivate(Localized(zh: "\(id) 和 \(target) 不能合并", en: "\(id) and \(target) cannot be merged"), in: ctx)
        }
        let unasked = try ctx.timers.heldFor(id.description, reasons: WorkOrderRepository.asks)
        let duplicate = try change(id, ctx, by: [.manager]) { _ in .merge(into: target) }
        try ctx.workOrders.note(kept, HistoryEntry(at: ctx.now, actor: ctx.sender, action: "merge", detail: id.description))
        let moving =
            [
                Follower(
                    workOrder: target.number, user: duplicate.reporter, household: ctx.people.home(of: duplicate.reporter), via: id.number,
                    at: ctx.now)
            ]
            + (try ctx.workOrders.followers(of: id.number)).map {
                Follower(workOrder: target.number, user: $0.user, household: $0.household, via: id.number, at: ctx.now)
            }
        for f in moving where f.user != kept.reporter { try ctx.workOrders.follow(f) }
        let (rid, tid) = (id.description, target.description)
        var effects = try desk.notifyReporter(duplicate, except: ctx.sender, reason: "status_changed") { r in
            Localized(
                zh: "\(r.report.zh) \(rid) 与 \(tid) 是同一问题，已并入 \(tid) 一并处理。\(tid) 有进展会告诉您，办结后请您评价。",
                en:
                    "\(r.report.en) \(rid) is the same matter as \(tid) and has been merged into it. You will hear of \(tid)'s progress and be asked to rate it."
            )
        }
        effects += desk.notifyHandlers(
            duplicate, except: unasked.union([ctx.sender]), reason: "status_changed",
            text: Localized(zh: "\(rid) 已并入 \(tid)（重复报修），无需另行处理。", en: "\(rid) was merged into \(tid) as a duplicate; nothing more to do on it."))
        let affected = desk.affectedLine(kept, try ctx.workOrders.followers(of: target.number))
        let merged = Outcome(
            zh: "已将 \(rid) 并入 \(tid)\(affected.zh)，报修人会收到 \(tid) 的进展。",
            en: "Merged \(rid) into \(tid)\(affected.en); its reporter will follow \(tid).",
            refs: [rid, tid], effects: effects)
        // That two private matters are one (the same neighbour, heard by two households) is not said in a group.
        guard desk.keptFromGroups(kept) || desk.keptFromGroups(duplicate) else { return merged }
        return merged.keepingPrivate(Localized(zh: "\(rid)、\(tid) 私密事项，已办理", en: "\(rid), \(tid): private matters, done"), in: ctx)
    }

    /// 我也是: a resident of the report's building follows it. A private report, or
    /// one of another building that is private, reads as not found.
    func metoo(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let building = try ctx.requireBuilding()
        guard let order = try ctx.workOrders.find(id.number), try !desk.hidden(order, from: ctx.sender) else { throw LinliError.notFound(id) }
        guard !desk.keptFromGroups(order) else { throw LinliError.notYours(id) }
        let rid = id.description
        guard order.building == building.id else {
            throw LinliError(
                .forbidden, zh: "\(rid) 是\(desk.buildingName(order))的报修，只有本楼住户可以关注。",
                en: "\(rid) is a report of \(desk.buildingName(order, .en)); only its residents can follow it.", refs: [rid])
        }
        guard order.reporter != ctx.sender else {
            throw LinliError(.usage, zh: "\(rid) 是您自己的报修。", en: "\(rid) is your own report.", refs: [rid])
        }
        guard order.state.isOpen else {
            throw LinliError(
                .invalidState, zh: "\(rid) 当前\(order.state.label(.zh))。如问题仍在，请重新报修。",
                en: "\(rid) is \(order.state.label(.en)). If the trouble is still there, please report it again.", refs: [rid])
        }
        let before = try ctx.workOrders.followers(of: order.number)
        if !before.contains(where: { $0.user == ctx.sender }) {
            try ctx.workOrders.follow(Follower(workOrder: order.number, user: ctx.sender, household: ctx.home, via: nil, at: ctx.now))
            try ctx.workOrders.note(order, HistoryEntry(at: ctx.now, actor: ctx.sender, action: "metoo", detail: ctx.home))
        }
        let affected = desk.affectedLine(order, try ctx.workOrders.followers(of: order.number))
        return Outcome(
            zh: "已记下：您家也受 \(rid)（\(desk.categoryName(order, .zh))）影响\(affected.zh)。有进展会告诉您，办结后请您评价。",
            en:
                "Noted: your household is affected by \(rid) (\(desk.categoryName(order, .en))) too\(affected.en). You will hear of its progress and be asked to rate it.",
            refs: [rid])
    }

    /// A follower rates the report they follow, once it is resolved: kept with them,
    /// the report's own rating and state are the reporter's.
    func rateAsFollower(_ follower: Follower, _ id: RecordID, score: Int, comment: String?, _ ctx: CommandContext) throws -> Outcome {
        let order = try ctx.workOrders.load(id)
        try order.checkRating(score, follower: true, rated: follower.rating != nil)
        try ctx.workOrders.rate(follower: ctx.sender, of: order.number, score, comment: comment)
        try ctx.workOrders.note(
            order, HistoryEntry(at: ctx.now, actor: ctx.sender, action: "rate", detail: comment.map { "\(score) \($0)" } ?? "\(score)"))
        return Outcome(
            zh: "谢谢您的评价：\(id) \(score)分。", en: "Thank you for rating \(id): \(score)/5.", refs: [id.description],
            effects: WorkOrderDesk(ctx.kernel).notifyHandlers(
                order, except: ctx.sender, reason: "status_changed",
                text: Localized(
                    zh: "\(id) 获评 \(score)分（受影响住户）\(comment.map { "：\($0)" } ?? "")。",
                    en: "\(id) was rated \(score)/5 by an affected household\(comment.map { ": \($0)" } ?? "").")))
    }
}
