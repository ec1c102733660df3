import LinliCommands
import LinliCore
import LinliStore

/// Micro-wishes (微心愿): residents post them, volunteers, party members and
/// captains claim and fulfil them, the wisher confirms; the claimer earns points.
struct WishesFamily: Family {
    func run(_ command: WishesCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .wish(let text): try wish(text, ctx)
        case .claim(let id): try claim(id, ctx)
        case .fulfil(let id): try fulfil(id, ctx)
        case .thanks(let id): try thanks(id, ctx)
        }
    }

    func fire(_ timer: WishTimer, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        guard let id = RecordID(parsing: Substring(row.subject)), id.kind == .wish else { return [] }
        switch timer {
        case .claim: return try claimExpired(id, ctx)
        case .confirm: return try confirmDue(id, ctx)
        }
    }

    func wish(_ text: String, _ ctx: CommandContext) throws -> Outcome {
        _ = try ctx.requireBuilding()
        let w = Wish(number: ctx.numbers.next(.wish), text: text, wisher: ctx.sender, createdAt: ctx.now)
        try ctx.tx.insert(w)
        return Outcome(zh: "已发布心愿 \(w.id)：\(text)。志愿者认领后会通知您。", en: "Wish \(w.id) posted: \(text). You will be told when a volunteer takes it on.",
                       refs: [w.id.description])
    }

    func loadWish(_ id: RecordID, _ tx: StoreTransaction) throws -> Wish {
        guard let w = try tx.wish(id.number) else {
            throw LinliError.notFound(id)
        }
        return w
    }

    func claim(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        guard !ctx.roles.isDisjoint(with: [.volunteer, .partyMember, .captain]) else {
            throw LinliError(.forbidden, zh: "志愿者、党员和楼栋长可以认领心愿。", en: "Volunteers, party members and captains claim wishes.", refs: [id.description])
        }
        var w = try loadWish(id, ctx.tx)
        try w.claim(by: ctx.sender, at: ctx.now)
        try ctx.tx.update(w)
        try ctx.timers.schedule(WishTimer.claim, at: ctx.now.adding(Wish.claimLifetime), subject: id.description)
        let name = ctx.directory.name(of: ctx.sender)
        return Outcome(zh: "已认领 \(id)：\(w.text)。完成后请发送：实现 \(id)（7天内未完成会自动释放）",
                       en: "Claimed \(id): \(w.text). When it is done: fulfil \(id) (an unfinished claim is released after 7 days)", refs: [id.description],
                       effects: [.notify(to: w.wisher, reason: "status_changed", text: Localized(
                        zh: "您的心愿 \(id) 已由\(name)认领。", en: "Your wish \(id) has been taken on by \(name)."), refs: [id.description])])
    }

    func fulfil(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        var w = try loadWish(id, ctx.tx)
        try w.fulfil(by: ctx.sender, at: ctx.now)
        try ctx.tx.update(w)
        try ctx.timers.cancel(id.description, [WishTimer.claim])
        try ctx.timers.schedule(WishTimer.confirm, at: ctx.now.adding(Wish.confirmWindow), subject: id.description)
        let name = ctx.directory.name(of: ctx.sender)
        return Outcome(zh: "已记录 \(id) 完成，等心愿人确认。", en: "Marked \(id) fulfilled; waiting for the wisher to confirm.", refs: [id.description],
                       effects: [.notify(to: w.wisher, reason: "status_changed", text: Localized(
                        zh: "\(name)说您的心愿 \(id) 已完成。确认请发送：谢谢 \(id)", en: "\(name) says your wish \(id) came true. To confirm: thanks \(id)"),
                        refs: [id.description])])
    }

    func thanks(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        var w = try loadWish(id, ctx.tx)
        guard w.wisher == ctx.sender else { throw LinliError.forbidden(id) }
        try w.confirm()
        try ctx.tx.update(w)
        try ctx.timers.cancel(id.description, [WishTimer.confirm])
        return Outcome(zh: "谢谢！心愿 \(id) 已确认实现。", en: "Thank you! Wish \(id) is confirmed.", refs: [id.description], effects: try creditWish(w, ctx.kernel))
    }

    /// A confirmed wish credits its claimer with the ledger's wish item.
    func creditWish(_ w: Wish, _ ctx: Kernel) throws -> [Effect] {
        guard let claimer = w.claimer, let item = ctx.points.item("wish") else { return [] }
        try ctx.points.credit(claimer, item, note: w.text, by: Kernel.system, ref: w.id.description)
        return [.notify(to: claimer, reason: "status_changed", text: Localized(
            zh: "心愿 \(w.id) 已确认实现，积分 +\(item.points)。谢谢您！", en: "Wish \(w.id) is confirmed: +\(item.points) points. Thank you!"), refs: [w.id.description])]
    }

    /// An unfinished claim is released after 7 days.
    func claimExpired(_ id: RecordID, _ ctx: Kernel) throws -> [Effect] {
        guard var w = try ctx.tx.wish(id.number), w.state == .claimed, let claimer = w.claimer else { return [] }
        w.release()
        try ctx.tx.update(w)
        return [.notify(to: claimer, reason: "status_changed", text: Localized(
            zh: "您认领的心愿 \(id) 7天未完成，已释放给其他志愿者。", en: "Wish \(id) you claimed was not fulfilled within 7 days and is open again."), refs: [id.description])]
    }

    /// A fulfilled wish the wisher did not confirm within 3 days is confirmed.
    func confirmDue(_ id: RecordID, _ ctx: Kernel) throws -> [Effect] {
        guard var w = try ctx.tx.wish(id.number), w.state == .fulfilled else { return [] }
        try w.confirm()
        try ctx.tx.update(w)
        return try creditWish(w, ctx)
    }
}

/// The wishes' timers.
enum WishTimer: String, TimerKind {
    /// An unfinished claim runs out.
    case claim = "wish_claim"
    /// A fulfilled wish is confirmed if the wisher has not.
    case confirm = "wish_confirm"
}
