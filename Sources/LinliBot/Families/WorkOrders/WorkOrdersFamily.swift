import LinliCommands
import LinliCore
import LinliStore

/// Work orders (SERVICES.md §1): report, route, take, progress, resolve, rate, and
/// the clocks that chase them (日常督办).
struct WorkOrdersFamily: Family {
    func run(_ command: WorkOrdersCommand, _ ctx: CommandContext) throws -> Outcome {
        do {
            return try handle(command, ctx)
        } catch let error as LinliError where error.privately == nil && ![.notFound, .forbidden].contains(error.code) && ctx.group != nil {
            // PROTOCOL.md §2.2: why a private record cannot be done (its state, its deadline) is not
            // said in a group. (That it is not found, or not the sender's, says nothing.)
            guard let id = command.record, let order = try ctx.workOrders.find(id.number), WorkOrderDesk(ctx.kernel).keptFromGroups(order) else {
                throw error
            }
            throw error.keptPrivate(id, in: ctx)
        } catch let error as LinliError where error.code == .forbidden {
            // `cancel R1` of another's private report is told what `status R1` is: there is no R1.
            guard let id = command.record, let order = try ctx.workOrders.find(id.number), try WorkOrderDesk(ctx.kernel).unseen(order, by: ctx.sender) else { throw error }
            throw LinliError.notFound(id)
        }
    }

    private func handle(_ command: WorkOrdersCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .report(let category, let place, let details): try report(category: category, place: place, details: details, ctx)
        case .status(let id): try status(id, ctx)
        case .queue: try queue(ctx)
        case .urge(let id, let note): try urge(id, note: note, ctx)
        case .cancel(let id): try cancel(id, ctx)
        case .rate(let id, let score, let comment): try rate(id, score: score, comment: comment, ctx)
        case .reopen(let id, let why): try reopen(id, why: why, ctx)
        case .accept(let id): try accept(id, ctx)
        case .assign(let id, let to): try assign(id, to: to, ctx)
        case .note(let id, let text): try note(id, text: text, ctx)
        case .done(let id, let result): try done(id, result: result, ctx)
        case .escalate(let id, let detail): try escalate(id, detail: detail, ctx)
        case .stats(let what): try stats(what, ctx)
        case .merge(let id, let into): try merge(id, into: into, ctx)
        case .metoo(let id): try metoo(id, ctx)
        }
    }

    func fire(_ clock: WorkOrderClock, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        guard let id = RecordID(parsing: Substring(row.subject)), id.kind == .workOrder, let order = try ctx.workOrders.find(id.number) else {
            return []
        }
        switch clock {
        case .accept: return try acceptDeadlinePassed(order, row, ctx)
        case .remind: return try remind(order, percent: Int(row.payload) ?? 50, ctx)
        case .overdue: return try resolveDeadlinePassed(order, ctx)
        case .feedback: return try feedbackWindowPassed(order, ctx)
        }
    }

    // MARK: The write path

    /// Loads a work order, checks that the sender is one of `parties`, applies the
    /// action `transition` gives, and writes it (`commit`).
    func change(
        _ id: RecordID, _ ctx: CommandContext, by parties: Set<WorkOrderDesk.Party>,
        _ transition: (WorkOrder) throws -> WorkOrderAction
    ) throws -> WorkOrder {
        var order = try ctx.workOrders.load(id)
        guard
            try WorkOrderDesk(ctx.kernel).may(ctx.sender, parties, order)
                || parties.contains(.follower) && ctx.workOrders.followers(of: order.number).contains(where: { $0.user == ctx.sender })
        else { throw LinliError.forbidden(id) }
        let before = order
        let effects = try order.apply(try transition(order), at: ctx.now, limits: WorkOrderDesk(ctx.kernel).limits(order))
        try commit(order, from: before, effects, by: ctx.sender, ctx.kernel)
        return order
    }

    /// The reasons of the pushes that press whoever handles an order to resolve it (a
    /// chase, the 50% and 90% reminders, overdue notices).
    static let presses = ["reminder", "overdue"]

    /// Writes an applied action and what it causes: the changed columns, the history
    /// line, the clocks it stops and starts, the points it earns. The one write path of
    /// an existing work order.
    func commit(_ order: WorkOrder, from before: WorkOrder, _ effects: WorkOrderEffects, by actor: String, _ ctx: Kernel) throws {
        try ctx.workOrders.save(
            order, from: before, history: HistoryEntry(at: ctx.now, actor: actor, action: effects.history.action, detail: effects.history.detail))
        let subject = order.id.description
        if !effects.stop.isEmpty { try ctx.timers.cancel(subject, effects.stop) }
        // Accepted, resolved, withdrawn or passed to someone else in the night: the asks
        // to accept it held for the morning are moot; so are the presses to resolve it once
        // it is, and a request to rate it once rated.
        let moot =
            (![.submitted, .assigned, .reopened].contains(order.state) || order.assignee != before.assignee ? WorkOrderRepository.asks : [])
            + (order.state.isOpen ? [] : Self.presses) + (order.state == .resolved ? [] : ["rating_request"])
        try ctx.timers.dropHeld(subject, reasons: moot)
        switch effects.start {
        case .accept?: try startAcceptClock(order, ctx)
        case .resolve?: try scheduleResolveStep(order, percent: 50, ctx)
        case .feedback?:
            try ctx.timers.schedule(WorkOrderClock.feedback, at: (order.resolvedAt ?? ctx.now).adding(WorkOrder.feedbackWindow), subject: subject)
        case nil: break
        }
        // Once per order: accepting it again after a reopen earns nothing more.
        if effects.acceptedOnTime, let item = ctx.points.item("ontime"), try !ctx.tx.wasCredited(actor, item: item.id, ref: subject) {
            try ctx.points.credit(actor, item, note: nil, by: Kernel.system, ref: subject)
        }
    }

    // MARK: Commands

    func report(category categoryID: String, place: String?, details: String, _ ctx: CommandContext) throws -> Outcome {
        let (building, place) = try Self.reportedBuilding(place: place, details: details, ctx)
        guard let category = ctx.directory.category(categoryID) else {
            throw LinliError(.usage, zh: "没有“\(categoryID)”这个类别。", en: "There is no category “\(categoryID)”.")
        }
        let filed = try file(
            category, in: building, place: place ?? ctx.home.map(Self.room), details: details, reporter: ctx.sender, group: ctx.group,
            from: ctx.senderLabel, by: ctx.sender, ctx.kernel)
        let (order, assignee, level, effects) = (filed.order, filed.assignee, filed.level, filed.effects)
        let rid = order.id.description
        let what = Self.what(category, building, order.place)
        let handler = assignee.map { ctx.directory.name(of: $0) } ?? "社区"
        if category.isPrivate && ctx.group != nil {
            return Outcome(
                zh: "已收到 \(rid)，已私下转给\(handler)处理，内容不会在群里公开。进度请私聊我发送：进度 \(rid)",
                en: "Got it: \(rid), passed privately to \(handler); nothing is shown in the group. Ask me privately: status \(rid)",
                refs: [rid], effects: effects)
        }
        // At night the push waits for quiet hours to end, and so does the accept clock: say so.
        if let told = ctx.calendar.quietEnd(for: category.priority), assignee != nil, assignee != ctx.sender {
            let at = ctx.calendar.clockTime(told)
            var outcome = Outcome(
                zh:
                    "已受理 \(rid)（\(what.zh)）：\(details.closed(.zh))现在是夜间免打扰时段，\(at)通知\(EscalationLadder.holder(level, handler, .zh))，之后\(category.accept.spoken(.zh))内签收。",
                en:
                    "Got it: \(rid) (\(what.en)): \(details.closed(.en)) It is quiet hours: \(EscalationLadder.holder(level, handler, .en)) will be told at \(at) and has \(category.accept.spoken(.en)) from then to accept it.",
                refs: [rid], effects: effects)
            outcome.saysWhenHeld = true
            return outcome
        }
        return Outcome(
            zh: "已受理 \(rid)（\(what.zh)）：\(details.closed(.zh))已转\(EscalationLadder.holder(level, handler, .zh))，\(category.accept.spoken(.zh))内签收。",
            en:
                "Got it: \(rid) (\(what.en)): \(details.closed(.en)) Sent to \(EscalationLadder.holder(level, handler, .en)), to be accepted within \(category.accept.spoken(.en)).",
            refs: [rid], effects: effects)
    }

    /// Where a report is: the sender's own building; for someone the community file names
    /// who has no home (office staff, a grid leader), the building its place (`3-502`,
    /// `b3-502`), its group or its words (`3栋楼道`) name, asked for when none does.
    static func reportedBuilding(place: String?, details: String, _ ctx: CommandContext) throws -> (Building, String?) {
        if let building = ctx.building { return (building, place) }
        try ctx.requireKnown()
        if let place, let (building, home) = try? ctx.people.household(place, group: ctx.group, orIn: nil) {
            return (building, room(home))
        }
        if let building = ctx.group.flatMap(ctx.directory.building(ofGroup:))
            ?? ctx.directory.building(mentionedIn: [place, details].compactMap { $0 }.joined(separator: " "))
        {
            return (building, place)
        }
        throw LinliError(
            .usage, zh: "请写明哪栋楼，例如：报修 漏水 3栋 楼道水管爆了", en: "Say which building, e.g. report leak b3 stairwell pipe burst")
    }

    /// A report filed and routed: the new order, who has it, and the push that tells them.
    struct Filed {
        var order: WorkOrder
        var assignee: String?
        var level: Level
        var effects: [Effect]
    }

    /// The one way a report is filed: a resident's own, or one a visitor files for a
    /// household (`by` names who filed it in the history; `from` is how the handler's
    /// push names where it came from). Routes it to the building's first responder
    /// and starts the accept clock.
    func file(
        _ category: Category, in building: Building, place: String?, details: String, reporter: String, group: String?, from: String,
        by actor: String, _ ctx: Kernel
    ) throws -> Filed {
        let (assignee, level) = ctx.ladder.firstResponder(for: building, raisedBy: reporter)
        var order = WorkOrder(
            number: ctx.numbers.next(.workOrder), category: category.id, building: building.id, place: place, details: details, reporter: reporter,
            group: group, assignee: assignee.map(Assignee.person), level: level, createdAt: ctx.now)
        order.state = .submitted
        try ctx.workOrders.insert(order, history: HistoryEntry(at: ctx.now, actor: actor, action: "report", detail: details))
        try startAcceptClock(order, ctx)
        let rid = order.id.description
        var effects: [Effect] = []
        if let assignee, assignee != actor {
            let what = Self.what(category, building, order.place)
            effects.append(
                .notify(
                    to: assignee, reason: "new_report",
                    text: Localized(
                        zh: "【新报修】\(rid) \(what.zh)：\(details)（\(from)）。请在\(category.accept.spoken(.zh))内签收：签收 \(rid)",
                        en:
                            "[New report] \(rid) \(what.en): \(details) (\(from)). Please accept within \(category.accept.spoken(.en)): accept \(rid)"
                    ),
                    refs: [rid], priority: category.priority))
        }
        return Filed(order: order, assignee: assignee, level: level, effects: effects)
    }

    /// What a report is about, as its pushes name it: `漏水 · 3栋 501`.
    static func what(_ category: Category, _ building: Building, _ place: String?) -> Localized {
        let at = place.map { " \($0)" } ?? ""
        return Localized(zh: "\(category.name(.zh)) · \(building.title.zh)\(at)", en: "\(category.name(.en)) · \(building.title.en)\(at)")
    }

    func status(_ id: RecordID?, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        guard let id else {
            // Anyone the community file names (office staff, departments) has records of their own.
            try ctx.requireKnown()
            let open = try ctx.tx.openWorkOrders(reportedOrFollowedBy: ctx.sender)
            let requests = try ctx.tx.openRequests(requester: ctx.sender)
            let toRate = try Self.awaitingRating(ctx)
            let rate = { (inGroup: Bool) in toRate.isEmpty ? nil : Self.toRateLine(toRate, desk, inGroup: inGroup) }
            guard !open.isEmpty || !requests.isEmpty else {
                let none = Localized(zh: "您没有未办结的记录。", en: "You have no open records.")
                return Outcome(rate(ctx.group != nil).map { Localized(zh: "\(none.zh)\n\($0.zh)", en: "\(none.en)\n\($0.en)") } ?? none)
            }
            func requestLine(_ r: ServiceRequest, _ lang: Lang) -> String {
                let title = ctx.directory.community.serviceTitle(r.service)(lang)
                let name = title + r.countShown
                guard let due = r.dueAt else {
                    return lang == .zh ? "\(r.id) \(name)：\(r.state.label(.zh))" : "\(r.id) \(name): \(r.state.label(.en))"
                }
                // The day and the hour, as the loan was given: "before the 1st" would be a day early.
                let (day, time) = (ctx.calendar.day(of: due), ctx.calendar.clockTime(due))
                if due <= ctx.now {
                    return lang == .zh
                        ? "\(r.id) \(name)：已逾期（应于\(day.spoken(.zh)) \(time)前归还），请尽快归还"
                        : "\(r.id) \(name): overdue (due back by \(time) on \(day.spoken(.en))), please return it soon"
                }
                return lang == .zh
                    ? "\(r.id) \(name)：借用中，\(day.spoken(.zh)) \(time)前归还" : "\(r.id) \(name): on loan, due back by \(time) on \(day.spoken(.en))"
            }
            func list(_ line: (WorkOrder) -> String, inGroup: Bool) -> Localized {
                let lines = (open.map(line) + requests.map { requestLine($0, ctx.lang) }).joined(separator: "\n")
                let more = rate(inGroup)
                return Localized(
                    zh: "您未办结的记录：\n\(lines)\(more.map { "\n" + $0.zh } ?? "")", en: "Your open records:\n\(lines)\(more.map { "\n" + $0.en } ?? "")")
            }
            let outcome = Outcome(list({ desk.summaryLine($0, ctx.lang) }, inGroup: false), refs: open.map(\.id.description) + requests.map(\.id.description))
            guard ctx.group != nil, (open + toRate).contains(where: desk.keptFromGroups) else { return outcome }
            return outcome.keepingPrivate(list({ desk.publicLine($0, ctx.lang) }, inGroup: true), in: ctx)
        }
        let order = try ctx.workOrders.load(id)
        let followers = try ctx.workOrders.followers(of: order.number)
        guard desk.may(ctx.sender, [.reporter, .filer, .handler, .manager], order) || followers.contains(where: { $0.user == ctx.sender }) else {
            // (A private report is not there for whoever may not see it: `run` says `not_found`.)
            // A neighbour asking after an open report of their building may follow it (one not private: a dispute's other party may not).
            guard order.state.isOpen, ctx.building?.id == order.building, !desk.keptFromGroups(order) else { throw LinliError.notYours(id) }
            throw LinliError(
                .forbidden, zh: "您无权查看 \(id)。您家也有这个问题的话，可以发送：我也是 \(id)，之后的进展会告诉您。",
                en: "You may not view \(id). If your home has the same trouble, send: me too \(id), and you will hear how it goes.", refs: [id.description])
        }
        let last = try ctx.workOrders.history(order.number).last
        let latest =
            last.map { entry in
                Localized(zh: "\n最近：\(desk.historyLine(entry, .zh))", en: "\nLatest: \(desk.historyLine(entry, .en))")
            } ?? Localized(zh: "", en: "")
        let affected = desk.affectedLine(order, followers)
        let outcome = Outcome(
            zh: "\(desk.summaryLine(order, .zh))\(affected.zh)\(latest.zh)", en: "\(desk.summaryLine(order, .en))\(affected.en)\(latest.en)",
            refs: [id.description])
        guard ctx.group != nil, desk.keptFromGroups(order) else { return outcome }
        return outcome.keepingPrivate(Localized(zh: desk.publicLine(order, .zh), en: desk.publicLine(order, .en)), in: ctx)
    }

    /// The open work orders waiting on the sender (or their department), or in the buildings they captain with no one on them yet.
    private func waiting(_ ctx: CommandContext) throws -> [WorkOrder] {
        let assignees = [ctx.sender] + ctx.directory.departments(of: ctx.sender).map(\.id)
        return try ctx.tx.queue(assignees: assignees, buildings: ctx.directory.community.buildings.filter { $0.captain == ctx.sender }.map(\.id))
    }

    /// The reports waiting for the sender to accept them.
    func awaiting(_ ctx: CommandContext) throws -> [Localized] {
        try waiting(ctx).filter { $0.acceptedAt == nil }.map {
            Localized(zh: "\($0.id) 等您签收，请发送：签收 \($0.id)", en: "\($0.id) awaits your acceptance: send “accept \($0.id)”")
        }
    }

    /// The open work orders and service requests waiting on the sender.
    func queue(_ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let open = try waiting(ctx)
        let services = Dictionary(ctx.directory.community.services.map { ($0.id, $0) }) { first, _ in first }
        let requests = try ctx.tx.openRequests(services: ctx.directory.community.services.filter { !$0.isLoan }.map(\.id))
            .filter { $0.waitsOn(ctx.sender, services[$0.service], ctx.directory) }
        guard !open.isEmpty || !requests.isEmpty else { return Outcome(zh: "没有等您处理的工单。", en: "Nothing is waiting on you.") }
        let followers = try ctx.tx.followers(of: open.map(\.number))
        let count = open.count + requests.count
        // `S2 义剪（李阿姨 b1-502）：待签收`
        func requestLine(_ r: ServiceRequest, _ lang: Lang) -> String {
            let what = "\(r.id) \(services[r.service]?.title(lang) ?? r.service)"
            let who = "\(ctx.directory.name(of: r.requester)) \(r.household)"
            return lang == .zh ? "\(what)（\(who)）：\(r.state.label(.zh))" : "\(what) (\(who)): \(r.state.label(.en))"
        }
        func list(_ line: (WorkOrder) -> String) -> Localized {
            let lines =
                (open.map { o in line(o) + desk.affectedLine(o, followers[o.number] ?? [])(ctx.lang) }
                + requests.map { requestLine($0, ctx.lang) })
                .joined(separator: "\n")
            return Localized(zh: "等您处理的工单（\(count)）：\n\(lines)", en: "Waiting on you (\(count)):\n\(lines)")
        }
        let outcome = Outcome(list { desk.summaryLine($0, ctx.lang) }, refs: open.map(\.id.description) + requests.map(\.id.description))
        guard ctx.group != nil, open.contains(where: desk.keptFromGroups) else { return outcome }
        return outcome.keepingPrivate(list { desk.publicLine($0, ctx.lang) }, in: ctx)
    }

    /// The reporter withdraws a report, unless other households follow it (a duplicate
    /// merged into it, 我也是): their trouble is still there. A dispute's meeting is called off.
    func cancel(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let rid = id.description
        let unasked = try ctx.timers.heldFor(rid, reasons: WorkOrderRepository.asks)
        let order = try change(id, ctx, by: [.reporter]) { order in
            let others = Set(try ctx.workOrders.followers(of: order.number).map { $0.household ?? $0.user })
            // One that is no longer open is refused for that, whoever follows it.
            guard others.isEmpty || !order.state.isOpen else {
                throw LinliError(
                    .invalidState, zh: "\(rid) 还关系到另外 \(others.count) 户（并单或“我也是”），不能撤销。如问题已解决，请告诉处理人办结。",
                    en: "\(rid) concerns \(English.count(others.count, "other household")) too (merged or “me too”), so it cannot be withdrawn. If the trouble is gone, tell the handler to close it.",
                    refs: [rid])
            }
            return .cancel
        }
        let followers = try desk.notifyReporter(order, except: ctx.sender, reason: "status_changed") { r in
            Localized(zh: "\(r.report.zh) \(rid) 已由报修人撤销。", en: "\(r.report.en) \(rid) was withdrawn by its reporter.")
        }
        return Outcome(
            zh: "已撤销 \(rid)。", en: "Withdrawn: \(rid).", refs: [rid],
            effects: desk.notifyHandlers(
                order, except: unasked.union([ctx.sender]), reason: "status_changed",
                text: Localized(zh: "\(rid) 已由报修人撤销，无需处理。", en: "\(rid) was withdrawn by the reporter; nothing to do.")) + followers
                + (try DisputesFamily.callOff(id, ctx)))
    }

    /// Words that, leading a result, say how it turned out.
    func rate(_ id: RecordID, score: Int, comment: String?, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        // A dispute is rated by both parties (SERVICES.md §1a): the other party's rating is the dispute's.
        if let outcome = try DisputesFamily.rateAsRespondent(id, score: score, comment: comment, ctx) { return outcome }
        if let follower = try ctx.workOrders.followers(of: id.number).first(where: { $0.user == ctx.sender }) {
            return try rateAsFollower(follower, id, score: score, comment: comment, ctx)
        }
        // Whoever resolved a report of their own does not rate it: 满意率 counts neighbours' ratings.
        if try ctx.workOrders.load(id).assignee == .person(ctx.sender) {
            throw LinliError(.forbidden, zh: "\(id) 是您自己办结的，不能自己评价。", en: "You resolved \(id) yourself, so you cannot rate it.")
        }
        let order = try change(id, ctx, by: [.reporter]) { _ in .rate(score, comment: comment) }
        let rid = id.description
        return Outcome(
            zh: "谢谢您的评价：\(rid) \(score)分。", en: "Thank you for rating \(rid): \(score)/5.", refs: [rid],
            effects: desk.notifyHandlers(
                order, except: ctx.sender, reason: "status_changed",
                text: Localized(
                    zh: "\(rid) 获评 \(score)分\(comment.map { "：\($0)" } ?? "")。", en: "\(rid) was rated \(score)/5\(comment.map { ": \($0)" } ?? "").")
            ))
    }

    func reopen(_ id: RecordID, why: String?, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let order = try change(id, ctx, by: [.reporter]) { _ in .reopen(why: why) }
        let rid = id.description
        var effects = desk.notifyHandlers(
            order, except: ctx.sender, reason: "reopened",
            text: Localized(
                zh: "\(rid) 被报修人退回：没解决\(why.map { "（\($0)）" } ?? "")。请重新签收：签收 \(rid)",
                en: "\(rid) was sent back by the reporter: not fixed\(why.map { " (\($0))" } ?? ""). Please accept it again: accept \(rid)"))
        if let (above, _) = desk.rung(above: order.level, for: order), !effects.contains(where: { $0.to == above }) {
            let who = order.assignee.map { ctx.directory.name(of: $0.id) } ?? "—"
            effects.append(
                .notify(
                    to: above, reason: "status_changed",
                    text: Localized(
                        zh: "\(rid) \(desk.categoryName(order, .zh)) · \(desk.buildingName(order)) 被报修人退回（没解决），已交回\(who)。",
                        en:
                            "\(rid) \(desk.categoryName(order, .en)) · \(desk.buildingName(order, .en)) was sent back by the reporter (not fixed); it is with \(who) again."
                    ),
                    refs: [rid], priority: desk.priority(of: order)))
        }
        effects += try desk.notifyReporter(order, except: ctx.sender, reason: "status_changed") { r in
            Localized(zh: "\(r.report.zh) \(rid) 被报修人退回（没解决），已重新打开。", en: "\(r.report.en) \(rid) was sent back by its reporter (not fixed).")
        }
        return Outcome(zh: "已重新打开 \(rid)，已退回处理人。", en: "Reopened \(rid); it is back with its handler.", refs: [rid], effects: effects)
    }

    /// 吹哨: staff whistle in a department (`escalate R1 water ref:12345-6 …`); anyone
    /// handling or overseeing the order moves it one rung up the ladder.
    /// The room part of a home such as `b3-501`.
    static func room(_ home: String) -> String {
        home.firstIndex(of: "-").map { String(home[home.index(after: $0)...]) } ?? home
    }
}
