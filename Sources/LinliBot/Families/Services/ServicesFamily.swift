import LinliCommands
import LinliCore
import LinliStore

/// Free services and loans (便民服务): umbrellas and power banks lent from stock,
/// haircuts and the 24-hour 红色管家 handled by a person or whoever is on duty, who
/// accept and finish them; a request nobody accepts in time goes to the building's
/// captain, then to the office.
struct ServicesFamily: Family {
    func run(_ command: ServicesCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .services: try servicesList(ctx)
        case .request(let service, let details, let count): try request(service: service, details: details, count: count, ctx)
        case .giveBack(let id, let count, let service): try giveBack(id, count: count, service: service, ctx)
        case .status(let id): try status(id, ctx)
        case .accept(let id): try accept(id, ctx)
        case .done(let id, let result): try done(id, result: result, ctx)
        case .cancel(let id): try cancel(id, ctx)
        }
    }

    func fire(_ timer: ServiceClock, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        guard let id = RecordID(parsing: Substring(row.subject)), id.kind == .service else { return [] }
        switch timer {
        case .loanDue: return try loanOverdue(id, ctx)
        case .accept: return try acceptLimitPassed(id, ctx)
        }
    }

    func service(_ id: String, _ directory: Directory) throws -> Service {
        guard let s = directory.community.services.first(where: { $0.id == id }) else {
            throw LinliError(.notFound, zh: "没有这项服务。", en: "There is no such service.")
        }
        return s
    }

    func servicesList(_ ctx: CommandContext) throws -> Outcome {
        var zh: [String] = []
        var en: [String] = []
        for s in ctx.directory.community.services {
            let word = s.names.first ?? s.id
            if let stock = s.stock, let loan = s.loan {
                let left = stock - (try ctx.tx.onLoan(s.id))
                zh.append("\(s.name)（\(word)）：可借 \(left)/\(stock)，借期\(loan.spoken(.zh))")
                en.append("\(s.title.en) (\(word)): \(left) of \(stock) available, lent for \(loan.spoken(.en))")
            } else {
                let who = s.handler(atMinute: ctx.calendar.minuteOfDay).map { ctx.directory.name(of: $0) } ?? "—"
                zh.append("\(s.name)（\(word)）：\(s.rota.isEmpty ? "" : "24小时值班，")当前由\(who)负责")
                en.append("\(s.title.en) (\(word)): \(s.rota.isEmpty ? "" : "on call round the clock, ")now handled by \(who)")
            }
        }
        return Outcome(
            zh: "便民服务（申请：申请 <服务>）：\n" + zh.joined(separator: "\n"),
            en: "Free services (to ask: request <service>):\n" + en.joined(separator: "\n"))
    }

    func request(service id: String, details: String?, count: Int, _ ctx: CommandContext) throws -> Outcome {
        let household = try ctx.requireHousehold()
        let s = try service(id, ctx.directory)
        if s.isLoan { return try lend(s, count: count, household: household, details: details, ctx) }
        guard count == 1 else {
            throw LinliError(
                .usage, zh: "\(s.name)每次申请一份；数量只用于可借的物品。", en: "\(s.title.en) is asked for once at a time; a quantity is for items on loan.")
        }
        let handler = s.handler(atMinute: ctx.calendar.minuteOfDay)
        guard handler != ctx.sender else {
            // Asking oneself would only escalate, unanswered, to the captain and the office.
            throw LinliError(
                .invalidState, zh: "\(s.name)现在就由您负责，不用向自己申请。", en: "You are the one who handles \(s.title.en) now; there is no need to ask yourself.")
        }
        let number = ctx.numbers.next(.service)
        // 红色管家: the captain is told at once too, whoever is on duty; the request is then theirs as well.
        let captain = s.urgent ? ctx.directory.building(ofHome: household)?.captain.flatMap { $0 == handler || $0 == ctx.sender ? nil : $0 } : nil
        var request = ServiceRequest(
            number: number, service: s.id, requester: ctx.sender, household: household, details: details,
            isLoan: false, createdAt: ctx.now, dueAt: nil, handler: handler)
        if captain != nil { request.level = .captain }
        try ctx.tx.insert(request)
        // The accept clock runs from when the handler can be told (after quiet hours unless urgent).
        try ctx.timers.schedule(ServiceClock.accept, at: ctx.calendar.deliveryTime(s.priority).adding(s.accept), subject: request.id.description)
        let sid = request.id.description
        let what = Localized(
            zh: "【\(s.urgent ? "紧急" : "服务申请")】\(sid) \(s.name)：\(ctx.senderLabel)\(details.map { "，\($0)" } ?? "")。请签收：签收 \(sid)",
            en:
                "[\(s.urgent ? "Urgent" : "Service request")] \(sid) \(s.title.en): \(ctx.senderLabel)\(details.map { ", \($0)" } ?? ""). Please accept it: accept \(sid)"
        )
        var effects = handler.map { [Effect.notify(to: $0, reason: "service_request", text: what, refs: [sid], priority: s.priority)] } ?? []
        if let captain { effects.append(.notify(to: captain, reason: "service_request", text: what, refs: [sid], priority: s.priority)) }
        guard let handler else {
            return Outcome(zh: "已收到 \(sid)：\(s.name)。", en: "Received \(sid): \(s.title.en).", refs: [sid], effects: effects)
        }
        let name = ctx.directory.name(of: handler)
        if s.urgent {
            let also = captain.map {
                Localized(zh: "，楼栋长\(ctx.directory.name(of: $0))也已知悉", en: "; your captain \(ctx.directory.name(of: $0)) has been told too")
            }
            return Outcome(
                zh: "已收到 \(sid)：\(s.name)。已通知值班的\(name)，签收后会马上联系您\(also?.zh ?? "")。",
                en: "Received \(sid): \(s.title.en). \(name), on duty, has been alerted and will contact you once they accept it\(also?.en ?? "").",
                refs: [sid], effects: effects)
        }
        if let told = ctx.calendar.quietEnd(for: s.priority) {
            let at = ctx.calendar.clockTime(told)
            var outcome = Outcome(
                zh: "已收到 \(sid)：\(s.name)。现在是夜间免打扰时段，\(at)通知\(name)。",
                en: "Received \(sid): \(s.title.en). It is quiet hours: \(name) will be told at \(at).", refs: [sid], effects: effects)
            outcome.saysWhenHeld = true
            return outcome
        }
        return Outcome(
            zh: "已收到 \(sid)：\(s.name)，已转给\(name)，会尽快联系您。", en: "Received \(sid): \(s.title.en); \(name) has been told and will contact you.",
            refs: [sid], effects: effects)
    }

    /// A handler, whoever it went up to, or staff take a request; the others it was put
    /// to (the one on duty, the captain of an urgent one) are told, if they were asked.
    func accept(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let asked = try askedOf(id, ctx)
        let (r, s) = try change(id, ctx, by: { user, r in r.mayBeHandled(by: user, try? service(r.service, ctx.directory), ctx.directory) }) {
            .accept(by: ctx.sender)
        }
        let name = ctx.directory.name(of: ctx.sender)
        let others = asked.flatMap {
            tell(
                $0, except: ctx.sender, r, s,
                Localized(zh: "\(id) \(s.name)已由\(name)签收，您无需再处理。", en: "\(id) (\(s.title.en)) was accepted by \(name); nothing to do."))
        }
        return Outcome(
            zh: "已签收 \(id)（\(s.name)，\(ctx.directory.name(of: r.requester)) \(r.household)）。办完请发送：办结 \(id)",
            en: "Accepted \(id) (\(s.title.en), \(ctx.directory.name(of: r.requester)) \(r.household)). When it is done: done \(id)",
            refs: [id.description],
            effects: tell(
                r.requester, except: ctx.sender, r, s,
                Localized(
                    zh: "您申请的\(s.name)（\(id)）已由\(name)签收，会尽快联系您。",
                    en: "Your request \(id) (\(s.title.en)) was accepted by \(name), who will contact you."
                )) + others)
    }

    /// Whom an open request was put to (its handler, the captain it went up to or was
    /// told of when urgent), without those whose ask is still held for the morning.
    func askedOf(_ id: RecordID, _ ctx: CommandContext) throws -> [String] {
        guard let r = try ctx.tx.serviceRequest(id.number), r.state == .open else { return [] }
        let unasked = try ctx.timers.heldFor(id.description, reasons: Self.asks)
        // The captain was asked once it reached them, or at once for an urgent one, and stays asked past the office;
        // so does whoever was on duty when it came in (the first asked).
        let captain = r.level != nil ? ctx.directory.building(ofHome: r.household)?.captain : nil
        let onDuty = try? service(r.service, ctx.directory).handler(atMinute: ctx.calendar.minuteOfDay(at: r.createdAt))
        return [r.handler, captain, onDuty ?? nil].compactMap { $0 }.reduce(into: [String]()) {
            if !$0.contains($1) && !unasked.contains($1) && $1 != r.requester { $0.append($1) }
        }
    }

    /// A captain replaced: the requests that went up to them and nobody took yet are the
    /// successor's to take (an ask held for the morning goes to them too). Returns their ids.
    static func handOver(from old: String, to new: String, building: String, _ ctx: Kernel) throws -> [String] {
        var moved: [String] = []
        for r in try ctx.tx.openRequests(services: ctx.directory.community.services.filter { !$0.isLoan }.map(\.id))
        where r.state == .open && r.handler == old && r.level == .captain && ctx.directory.building(ofHome: r.household)?.id == building {
            var next = r
            next.handler = new
            try ctx.tx.update(next, from: r)
            try ctx.timers.readdressHeld(r.id.description, reasons: asks, from: old, to: new)
            moved.append(r.id.description)
        }
        return moved
    }

    /// The reasons of the pushes that ask someone to take a request.
    static let asks = ["service_request", "escalated"]

    /// Whoever may take it finishes it, with what was done if said.
    func done(_ id: RecordID, result: String?, _ ctx: CommandContext) throws -> Outcome {
        let (r, s) = try change(id, ctx, by: { user, r in r.mayBeHandled(by: user, try? service(r.service, ctx.directory), ctx.directory) }) {
            .finish(by: ctx.sender, result: result)
        }
        let said = Localized(zh: result.map { "：\($0)" } ?? "", en: result.map { ": \($0)" } ?? "")
        return Outcome(
            zh: "已办结 \(id)（\(s.name)），已告知申请人。", en: "Done: \(id) (\(s.title.en)); the requester has been told.", refs: [id.description],
            effects: tell(
                r.requester, except: ctx.sender, r, s,
                Localized(
                    zh: "您申请的\(s.name)（\(id)）已办结\(said.zh)。", en: "Your request \(id) (\(s.title.en)) is done\(said.en).")))
    }

    /// The requester withdraws an open request; whoever has it, or was asked to take it, is told.
    func cancel(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let asked = try askedOf(id, ctx)
        let (r, s) = try change(id, ctx, by: { user, r in r.requester == user }) { .cancel }
        let told = r.acceptedBy.map { [$0] } ?? asked
        return Outcome(
            zh: "已撤销 \(id)（\(s.name)）。", en: "Withdrawn: \(id) (\(s.title.en)).", refs: [id.description],
            effects: told.flatMap {
                tell(
                    $0, except: ctx.sender, r, s,
                    Localized(
                        zh: "\(id) \(s.name)已由申请人撤销，无需处理。", en: "\(id) (\(s.title.en)) was withdrawn by the requester; nothing to do."))
            })
    }

    /// Loads a request, refuses a loan, checks that the sender is `allowed`, applies
    /// the action and writes it (`write`).
    func change(
        _ id: RecordID, _ ctx: CommandContext, by allowed: (String, ServiceRequest) -> Bool, _ action: () -> ServiceAction
    ) throws -> (ServiceRequest, Service) {
        guard let r = try ctx.tx.serviceRequest(id.number) else { throw LinliError.notFound(id) }
        try r.refuseIfLoan()
        guard allowed(ctx.sender, r) else { throw LinliError.forbidden(id) }
        let s = try service(r.service, ctx.directory)
        return (try write(r, ctx.kernel) { try $0.apply(action(), at: ctx.now) }, s)
    }

    /// A push about `request` to `user`, unless they are the one acting.
    func tell(_ user: String, except sender: String, _ request: ServiceRequest, _ service: Service, _ text: Localized) -> [Effect] {
        user == sender ? [] : [.notify(to: user, reason: "status_changed", text: text, refs: [request.id.description], priority: service.priority)]
    }

    /// The one write path of a request that exists: the change, its clocks.
    @discardableResult
    func write(_ request: ServiceRequest, _ ctx: Kernel, _ change: (inout ServiceRequest) throws -> Transition<ServiceClock>) throws -> ServiceRequest
    {
        var next = request
        let transition = try change(&next)
        try ctx.tx.update(next, from: request)
        try ctx.timers.apply(transition, subject: request.id.description)
        // Taken, done or withdrawn in the night: the asks to take it held for the morning are moot.
        if next.state != .open { try ctx.timers.dropHeld(request.id.description, reasons: Self.asks) }
        return next
    }

    /// A loan past due: a reminder to the borrower, again every 2 days; the
    /// service's handler is told after the second.
    func loanOverdue(_ id: RecordID, _ ctx: Kernel) throws -> [Effect] {
        guard let open = try ctx.tx.serviceRequest(id.number), open.isLoan, open.state == .open, let s = try? service(open.service, ctx.directory)
        else { return [] }
        let r = try write(open, ctx) { $0.remind(at: ctx.now) }
        var effects: [Effect] = [
            .notify(
                to: r.requester, reason: "reminder",
                text: Localized(
                    zh: "【归还提醒】您借的\(s.name)（\(id)）已到期，请尽快归还：归还 \(id)",
                    en: "[Return reminder] The \(s.title.en) you borrowed (\(id)) is due back; please return it: return \(id)"),
                refs: [id.description], priority: Effect.routine)
        ]
        if r.reminders >= 2, let handler = s.handler ?? ctx.directory.firstStaff {
            effects.append(
                .notify(
                    to: handler, reason: "overdue",
                    text: Localized(
                        zh: "【逾期未还】\(id) \(s.name)：\(ctx.directory.name(of: r.requester))（\(r.household)）已提醒\(r.reminders)次仍未归还。",
                        en:
                            "[Overdue loan] \(id) \(s.title.en): \(ctx.directory.name(of: r.requester)) (\(r.household)) has been reminded \(r.reminders) times."
                    ), refs: [id.description], priority: Effect.routine))
        }
        return effects
    }

    /// Nobody accepted a request in time: it goes to the requester's building captain,
    /// then to the office, each with the service's accept limit from when they are told;
    /// never to whoever asked for it (a captain's own request goes to the office).
    func acceptLimitPassed(_ id: RecordID, _ ctx: Kernel) throws -> [Effect] {
        guard let open = try ctx.tx.serviceRequest(id.number), !open.isLoan, open.state == .open,
            let s = try? service(open.service, ctx.directory)
        else { return [] }
        let asked: (String) -> String? = { [open.handler, open.requester].contains($0) ? nil : $0 }
        let captain = open.level == nil ? ctx.directory.building(ofHome: open.household)?.captain.flatMap(asked) : nil
        let next: (String, Level)? = captain.map { ($0, .captain) } ?? (open.level == .staff ? nil : ctx.directory.firstStaff.flatMap(asked).map { ($0, .staff) })
        guard let (person, level) = next else { return [] }
        let who = open.handler.map { ctx.directory.name(of: $0) } ?? "—"
        let due = ctx.calendar.deliveryTime(s.priority).adding(s.accept)
        try write(open, ctx) { try $0.apply(.escalate(to: person, level: level, due: due), at: ctx.now) }
        let sid = id.description
        let requester = "\(ctx.directory.name(of: open.requester)) \(open.household)"
        // Whoever asked for help urgently is told it has gone on to someone else: nobody came yet.
        let told = Effect.notify(
            to: open.requester, reason: "escalated",
            text: Localized(
                zh: "您申请的 \(sid) \(s.name)：\(who)未能及时签收，已转给\(ctx.directory.name(of: person))（\(EscalationLadder.name(level, .zh))）。",
                en: "Your \(sid) \(s.title.en): \(who) could not take it in time; it is now with \(ctx.directory.name(of: person)) (\(EscalationLadder.name(level, .en)))."),
            refs: [sid], priority: s.priority)
        return (s.urgent ? [told] : []) + [
            .notify(
                to: person, reason: "escalated",
                text: Localized(
                    zh:
                        "【升级】\(sid) \(s.name)：\(requester)\(open.details.map { "，\($0)" } ?? "")。\(who)超过\(s.accept.spoken(.zh))未签收，现转给您（\(EscalationLadder.name(level, .zh))）。请签收：签收 \(sid)",
                    en:
                        "[Escalated] \(sid) \(s.title.en): \(requester)\(open.details.map { ", \($0)" } ?? ""). \(who) did not accept it within \(s.accept.spoken(.en)); it is now with you (\(EscalationLadder.name(level, .en))). Please accept it: accept \(sid)"
                ),
                refs: [sid], priority: s.priority)
        ]
    }
}

extension ServiceClock: TimerKind {}
