import LinliCommands
import LinliCore
import LinliStore

/// Free services and loans (便民服务): umbrellas and power banks lent from stock,
/// haircuts and the 24-hour 红色管家 handled by a person or whoever is on duty.
struct ServicesFamily: Family {
    func run(_ command: ServicesCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .services: try servicesList(ctx)
        case .request(let service, let details): try request(service: service, details: details, ctx)
        case .giveBack(let id): try giveBack(id, ctx)
        }
    }

    func fire(_ timer: ServiceClock, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        guard let id = RecordID(parsing: Substring(row.subject)), id.kind == .service else { return [] }
        switch timer {
        case .loanDue: return try loanOverdue(id, ctx)
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
                en.append("\(s.name) (\(word)): \(left) of \(stock) available, lent for \(loan.spoken(.en))")
            } else {
                let who = s.handler(atMinute: ctx.calendar.minuteOfDay).map { ctx.directory.name(of: $0) } ?? "—"
                zh.append("\(s.name)（\(word)）：\(s.rota.isEmpty ? "" : "24小时值班，")当前由\(who)负责")
                en.append("\(s.name) (\(word)): \(s.rota.isEmpty ? "" : "on call round the clock, ")now handled by \(who)")
            }
        }
        return Outcome(
            zh: "便民服务（申请：申请 <服务>）：\n" + zh.joined(separator: "\n"),
            en: "Free services (to ask: request <service>):\n" + en.joined(separator: "\n"))
    }

    func request(service id: String, details: String?, _ ctx: CommandContext) throws -> Outcome {
        let household = try ctx.requireHousehold()
        let s = try service(id, ctx.directory)
        let number: Int
        if let stock = s.stock, let loan = s.loan {
            guard try ctx.tx.onLoan(s.id) < stock else {
                throw LinliError(.limit, zh: "\(s.name)已经借完了，请稍后再试。", en: "All the \(s.name) are out; please try again later.")
            }
            number = ctx.numbers.next(.service)
            let due = ctx.now.adding(loan)
            let request = ServiceRequest(
                number: number, service: s.id, requester: ctx.sender, household: household, details: details,
                isLoan: true, createdAt: ctx.now, dueAt: due)
            try ctx.tx.insert(request)
            try ctx.timers.schedule(ServiceClock.loanDue, at: due, subject: request.id.description)
            let dueText = Localized(zh: ctx.calendar.day(of: due).spoken(.zh), en: ctx.calendar.day(of: due).spoken(.en))
            return Outcome(
                zh: "已借出 \(request.id)：\(s.name)一件，请在\(dueText.zh)前归还（归还 \(request.id)）。",
                en: "Lent \(request.id): one \(s.name), due back by \(dueText.en) (return \(request.id)).", refs: [request.id.description])
        }
        number = ctx.numbers.next(.service)
        let request = ServiceRequest(
            number: number, service: s.id, requester: ctx.sender, household: household, details: details,
            isLoan: false, createdAt: ctx.now, dueAt: nil)
        try ctx.tx.insert(request)
        let sid = request.id.description
        guard let handler = s.handler(atMinute: ctx.calendar.minuteOfDay) else {
            return Outcome(zh: "已收到 \(sid)：\(s.name)。", en: "Received \(sid): \(s.name).", refs: [sid])
        }
        let name = ctx.directory.name(of: handler)
        return Outcome(
            zh: "已收到 \(sid)：\(s.name)，已转给\(name)，会尽快联系您。", en: "Received \(sid): \(s.name); \(name) has been told and will contact you.",
            refs: [sid],
            effects: [
                .notify(
                    to: handler, reason: "service_request",
                    text: Localized(
                        zh: "【服务申请】\(sid) \(s.name)：\(ctx.senderLabel)\(details.map { "，\($0)" } ?? "")。",
                        en: "[Service request] \(sid) \(s.name): \(ctx.senderLabel)\(details.map { ", \($0)" } ?? "")."), refs: [sid])
            ])
    }

    func giveBack(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        guard let r = try ctx.tx.serviceRequest(id.number) else {
            throw LinliError.notFound(id)
        }
        let s = try service(r.service, ctx.directory)
        guard r.requester == ctx.sender || ctx.isStaff || s.handler == ctx.sender else { throw LinliError.forbidden(id) }
        try write(r, ctx.kernel) { try $0.giveBack() }
        return Outcome(zh: "已归还 \(id)，谢谢！", en: "Returned \(id), thank you!", refs: [id.description])
    }

    /// The one write path of a request that exists: the change, its clocks.
    @discardableResult
    func write(_ request: ServiceRequest, _ ctx: Kernel, _ change: (inout ServiceRequest) throws -> Transition<ServiceClock>) throws -> ServiceRequest
    {
        var next = request
        let transition = try change(&next)
        try ctx.tx.update(next, from: request)
        try ctx.timers.apply(transition, subject: request.id.description)
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
                    en: "[Return reminder] The \(s.name) you borrowed (\(id)) is due back; please return it: return \(id)"), refs: [id.description])
        ]
        if r.reminders >= 2, let handler = s.handler ?? ctx.directory.firstStaff {
            effects.append(
                .notify(
                    to: handler, reason: "overdue",
                    text: Localized(
                        zh: "【逾期未还】\(id) \(s.name)：\(ctx.directory.name(of: r.requester))（\(r.household)）已提醒\(r.reminders)次仍未归还。",
                        en:
                            "[Overdue loan] \(id) \(s.name): \(ctx.directory.name(of: r.requester)) (\(r.household)) has been reminded \(r.reminders) times."
                    ), refs: [id.description]))
        }
        return effects
    }
}

extension ServiceClock: TimerKind {}
