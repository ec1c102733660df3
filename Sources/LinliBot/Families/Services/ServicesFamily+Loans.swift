import LinliCommands
import LinliCore
import LinliStore

/// Loans of items from stock: one record `S<n>` per loan, of one item or several
/// (`借两把伞`), returned whole (`归还 S1`) or in part (`还 S1 一把`, `还 1 把伞`).
extension ServicesFamily {
    /// `return`, `归还` alone: the sender's one item still out; with none, said so; with
    /// several (or one loan of two umbrellas: one may come back), asked which.
    func presume(_ missing: ArgSpec, of id: String, said: String, _ ctx: CommandContext) throws -> Presumption<String> {
        guard id == "return" else { return .ask }
        let out = try ctx.directory.community.services.filter(\.isLoan).flatMap { try ctx.tx.openLoans(requester: ctx.sender, service: $0.id) }
        guard !out.isEmpty else { return .refused(LinliError(.notFound, zh: "您没有未还的借用物品。", en: "You have nothing out on loan.")) }
        return out.count == 1 && out[0].quantity - out[0].returned == 1 ? .value(out[0].id.description) : .ask
    }

    /// Lends `count` items when the stock allows all of them; otherwise nothing is lent
    /// and the reply says how many are left.
    func lend(_ s: Service, count: Int, household: String, details: String?, _ ctx: CommandContext) throws -> Outcome {
        guard let stock = s.stock, let loan = s.loan else { throw LinliError(.invalidState, zh: "\(s.name)不外借。", en: "\(s.title.en) is not lent.") }
        let left = max(0, stock - (try ctx.tx.onLoan(s.id)))
        guard left > 0 else {
            throw LinliError(.limit, zh: "\(s.name)已经借完了，请稍后再试。", en: "\(s.title.en): none free to lend right now; please try again later.")
        }
        guard count <= left else {
            throw LinliError(
                .limit, zh: "\(s.name)只剩\(left)\(s.unit)，借不了\(count)\(s.unit)；可以少借一些，例如：借 \(left) \(s.unit)\(s.name)",
                en: "\(s.title.en): only \(left) left, so \(count) cannot be lent; you may borrow fewer, e.g. borrow \(left) \(s.names.first ?? s.id)"
            )
        }
        let number = ctx.numbers.next(.service)
        // Due in quiet hours (lent at 23:31): due when they end, so the reminder that it is due
        // comes when it is, not hours after.
        let due = ctx.calendar.quietEnd(for: Effect.routine, at: ctx.now.adding(loan)) ?? ctx.now.adding(loan)
        let request = ServiceRequest(
            number: number, service: s.id, requester: ctx.sender, household: household, details: details,
            isLoan: true, createdAt: ctx.now, dueAt: due, quantity: count)
        try ctx.tx.insert(request)
        try ctx.timers.schedule(ServiceClock.loanDue, at: due, subject: request.id.description)
        // The day and the hour: a one-day loan made at 09:00 is due at 09:00 the next day, not before that day.
        let (day, time) = (ctx.calendar.day(of: due), ctx.calendar.clockTime(due))
        let what = Self.items(s, count)
        return Outcome(
            zh: "已借出 \(request.id)：\(what.zh)，请在\(day.spoken(.zh)) \(time)前归还（归还 \(request.id)）。",
            en: "Lent \(request.id): \(what.en), due back by \(time) on \(day.spoken(.en)) (return \(request.id)).", refs: [request.id.description])
    }

    /// `count` items of `s` in words: `爱心伞一把`, `爱心伞3把`; `one Umbrella`, `Umbrella × 3`.
    static func items(_ s: Service, _ count: Int) -> Localized {
        count == 1
            ? Localized(zh: "\(s.name)一\(s.unit)", en: "one \(s.title.en)")
            : Localized(zh: "\(s.name)\(count)\(s.unit)", en: "\(s.title.en) × \(count)")
    }

    /// Items back: all of loan `id` or `count` of it; or, without an id, `count` (else all)
    /// of the sender's loans of `serviceID`, oldest first. Nothing changes when more
    /// would come back than are out.
    func giveBack(_ id: RecordID?, count: Int?, service serviceID: String?, _ ctx: CommandContext) throws -> Outcome {
        guard let id else { return try giveBack(count: count, service: serviceID ?? "", ctx) }
        guard let r = try ctx.tx.serviceRequest(id.number) else { throw LinliError.notFound(id) }
        let s = try service(r.service, ctx.directory)
        guard r.requester == ctx.sender || ctx.isStaff || s.handler == ctx.sender else { throw LinliError.forbidden(id) }
        if let serviceID, serviceID != r.service {
            let named = try service(serviceID, ctx.directory)
            throw LinliError(
                .usage, zh: "\(id) 借的是\(s.name)，不是\(named.name)。", en: "\(id) is a loan of \(s.title.en), not \(named.title.en).",
                refs: [id.description])
        }
        let after = try write(r, ctx.kernel) { try $0.giveBack(count, unit: s.unit) }
        let back = after.returned - r.returned
        // Recorded by the office or the handler: the borrower hears what is back, and who took it.
        let told: [Effect] =
            r.requester == ctx.sender
            ? []
            : [
                .notify(
                    to: r.requester, reason: "status_changed",
                    text: Localized(
                        zh: "您借的 \(id) 已登记归还\(Self.items(s, back).zh)（\(ctx.directory.name(of: ctx.sender))登记）\(after.out > 0 ? "，还有 \(after.out) \(s.unit)未还" : "")。",
                        en: "\(id): \(Self.items(s, back).en) recorded as returned by \(ctx.directory.name(of: ctx.sender))\(after.out > 0 ? "; \(after.out) still out" : "")."),
                    refs: [id.description])
            ]
        guard after.state == .returned else {
            return Outcome(
                zh: "已归还 \(id) 中的\(Self.items(s, back).zh)，还有 \(after.out) \(s.unit)未还。",
                en: "Returned \(Self.items(s, back).en) of \(id); \(after.out) still out.", refs: [id.description], effects: told)
        }
        if r.quantity == 1 || back == r.quantity {
            return Outcome(zh: "已归还 \(id)，谢谢！", en: "Returned \(id), thank you!", refs: [id.description], effects: told)
        }
        return Outcome(
            zh: "已归还 \(id) 中的\(Self.items(s, back).zh)，已全部还清，谢谢！", en: "Returned \(Self.items(s, back).en) of \(id); all back now, thank you!",
            refs: [id.description], effects: told)
    }

    /// `还 1 把伞`: the sender's loans of an item, oldest first, until `count` are back.
    private func giveBack(count: Int?, service serviceID: String, _ ctx: CommandContext) throws -> Outcome {
        let s = try service(serviceID, ctx.directory)
        guard s.isLoan else {
            throw LinliError(.invalidState, zh: "\(s.name)不是借用的物品。", en: "\(s.title.en) is not an item on loan.")
        }
        let loans = try ctx.tx.openLoans(requester: ctx.sender, service: s.id)
        let out = loans.reduce(0) { $0 + $1.out }
        guard out > 0 else {
            throw LinliError(.notFound, zh: "您没有未还的\(s.name)。", en: "You have no \(s.title.en) out on loan.")
        }
        let wanted = count ?? out
        guard wanted <= out else {
            throw LinliError(
                .invalidState, zh: "您只有 \(out) \(s.unit)\(s.name)未还，还不了 \(wanted) \(s.unit)。",
                en: "You have only \(out) out on loan (\(s.title.en)), not \(wanted).")
        }
        var remaining = wanted
        var touched: [String] = []
        for loan in loans where remaining > 0 {
            let n = min(remaining, loan.out)
            try write(loan, ctx.kernel) { try $0.giveBack(n) }
            remaining -= n
            touched.append(loan.id.description)
        }
        let ids = Localized(zh: touched.joined(separator: "、"), en: touched.joined(separator: ", "))
        let still = out - wanted
        return Outcome(
            zh: "已归还\(Self.items(s, wanted).zh)（\(ids.zh)）\(still > 0 ? "，还有 \(still) \(s.unit)未还" : "")，谢谢！",
            en: "Returned \(Self.items(s, wanted).en) (\(ids.en))\(still > 0 ? "; \(still) still out" : ""), thank you!", refs: touched)
    }

    /// `进度 S1`: one request or loan, to whoever asked for it or may handle it. In a
    /// group it reads without the household and what was asked (a 红色管家 call may be private).
    func status(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        guard let r = try ctx.tx.serviceRequest(id.number) else { throw LinliError.notFound(id) }
        guard r.requester == ctx.sender || r.mayBeHandled(by: ctx.sender, try? service(r.service, ctx.directory), ctx.directory) else {
            throw LinliError.notYours(id)
        }
        let inGroup = ctx.group != nil
        func line(_ lang: Lang) -> String {
            let title = ctx.directory.community.serviceTitle(r.service)(lang) + r.countShown
            let who = inGroup ? "" : lang == .zh ? "（\(ctx.directory.name(of: r.requester)) \(r.household)）" : " (\(ctx.directory.name(of: r.requester)) \(r.household))"
            var state = r.state.label(lang)
            if let due = r.dueAt, r.state == .open {
                let (day, time) = (ctx.calendar.day(of: due), ctx.calendar.clockTime(due))
                state = lang == .zh ? "借用中，\(day.spoken(.zh)) \(time)前归还" : "on loan, due back by \(time) on \(day.spoken(.en))"
            } else if let handler = r.handler, !r.isLoan, r.state != .cancelled {
                state += lang == .zh ? "（\(ctx.directory.name(of: handler))）" : " (\(ctx.directory.name(of: handler)))"
            }
            let details = inGroup ? nil : r.details
            return lang == .zh
                ? "\(id) \(title)\(who)：\(state)\(details.map { "\n内容：\($0)" } ?? "")"
                : "\(id) \(title)\(who): \(state)\(details.map { "\nAsked: \($0)" } ?? "")"
        }
        return Outcome(zh: line(.zh), en: line(.en), refs: [id.description])
    }
}
