import LinliCore
import LinliStore

/// Micro-wishes (微心愿) and suggestions (民情收集).
extension Engine {
    func wish(_ text: String, _ ctx: Context) throws -> Outcome {
        _ = try ctx.requireBuilding()
        let w = Wish(number: nextNumber(.wish), text: text, wisher: ctx.sender, createdAt: clock)
        try ctx.tx.insert(w)
        return Outcome(zh: "已发布心愿 \(w.id)：\(text)。志愿者认领后会通知您。", en: "Wish \(w.id) posted: \(text). You will be told when a volunteer takes it on.",
                       refs: [w.id.description])
    }

    func loadWish(_ id: RecordID, _ tx: StoreTransaction) throws -> Wish {
        guard let w = try tx.wish(id.number) else {
            throw notFound(id)
        }
        return w
    }

    func claim(_ id: RecordID, _ ctx: Context) throws -> Outcome {
        guard !ctx.roles.isDisjoint(with: [.volunteer, .partyMember, .captain]) else {
            throw LinliError(.forbidden, zh: "志愿者、党员和楼栋长可以认领心愿。", en: "Volunteers, party members and captains claim wishes.", refs: [id.description])
        }
        var w = try loadWish(id, ctx.tx)
        try w.claim(by: ctx.sender, at: clock)
        try ctx.tx.update(w)
        try schedule(.wishClaim, at: clock.adding(Wish.claimLifetime), subject: id.description, ctx.tx)
        let name = directory.name(of: ctx.sender)
        return Outcome(zh: "已认领 \(id)：\(w.text)。完成后请发送：实现 \(id)（7天内未完成会自动释放）",
                       en: "Claimed \(id): \(w.text). When it is done: fulfil \(id) (an unfinished claim is released after 7 days)", refs: [id.description],
                       effects: [.notify(to: w.wisher, reason: "status_changed", text: Localized(
                        zh: "您的心愿 \(id) 已由\(name)认领。", en: "Your wish \(id) has been taken on by \(name)."), refs: [id.description])])
    }

    func fulfil(_ id: RecordID, _ ctx: Context) throws -> Outcome {
        var w = try loadWish(id, ctx.tx)
        try w.fulfil(by: ctx.sender, at: clock)
        try ctx.tx.update(w)
        try cancelTimers(id.description, [.wishClaim], ctx.tx)
        try schedule(.wishConfirm, at: clock.adding(Wish.confirmWindow), subject: id.description, ctx.tx)
        let name = directory.name(of: ctx.sender)
        return Outcome(zh: "已记录 \(id) 完成，等心愿人确认。", en: "Marked \(id) fulfilled; waiting for the wisher to confirm.", refs: [id.description],
                       effects: [.notify(to: w.wisher, reason: "status_changed", text: Localized(
                        zh: "\(name)说您的心愿 \(id) 已完成。确认请发送：谢谢 \(id)", en: "\(name) says your wish \(id) came true. To confirm: thanks \(id)"),
                        refs: [id.description])])
    }

    func thanks(_ id: RecordID, _ ctx: Context) throws -> Outcome {
        var w = try loadWish(id, ctx.tx)
        guard w.wisher == ctx.sender else { throw forbidden(id, ctx) }
        try w.confirm()
        try ctx.tx.update(w)
        try cancelTimers(id.description, [.wishConfirm], ctx.tx)
        return Outcome(zh: "谢谢！心愿 \(id) 已确认实现。", en: "Thank you! Wish \(id) is confirmed.", refs: [id.description], effects: try creditWish(w, ctx.tx))
    }

    /// A confirmed wish credits its claimer with the ledger's wish item.
    func creditWish(_ w: Wish, _ tx: StoreTransaction) throws -> [Effect] {
        guard let claimer = w.claimer, let item = pointsItem("wish") else { return [] }
        try tx.record(PointsEntry(person: claimer, item: item.id, points: item.points, note: w.text, actor: Self.system, at: clock, ref: w.id.description))
        return [.notify(to: claimer, reason: "status_changed", text: Localized(
            zh: "心愿 \(w.id) 已确认实现，积分 +\(item.points)。谢谢您！", en: "Wish \(w.id) is confirmed: +\(item.points) points. Thank you!"), refs: [w.id.description])]
    }

    /// An unfinished claim is released after 7 days.
    func wishClaimExpired(_ id: RecordID, _ tx: StoreTransaction) throws -> [Effect] {
        guard var w = try tx.wish(id.number), w.state == .claimed, let claimer = w.claimer else { return [] }
        w.release()
        try tx.update(w)
        return [.notify(to: claimer, reason: "status_changed", text: Localized(
            zh: "您认领的心愿 \(id) 7天未完成，已释放给其他志愿者。", en: "Wish \(id) you claimed was not fulfilled within 7 days and is open again."), refs: [id.description])]
    }

    /// A fulfilled wish the wisher did not confirm within 3 days is confirmed.
    func wishConfirmDue(_ id: RecordID, _ tx: StoreTransaction) throws -> [Effect] {
        guard var w = try tx.wish(id.number), w.state == .fulfilled else { return [] }
        try w.confirm()
        try tx.update(w)
        return try creditWish(w, tx)
    }

    // MARK: Suggestions

    func suggest(_ text: String, _ ctx: Context) throws -> Outcome {
        let building = try ctx.requireBuilding()
        let p = Proposal(number: nextNumber(.proposal), text: text, proposer: ctx.sender, household: ctx.home ?? building.id, answer: nil, support: 0, createdAt: clock)
        try ctx.tx.insert(p)
        return Outcome(zh: "已收到建议 \(p.id)：\(text)。邻居可以发送“附议 \(p.id)”支持。", en: "Suggestion \(p.id) received: \(text). Neighbours can support it: +1 \(p.id)",
                       refs: [p.id.description])
    }

    func support(_ id: RecordID, _ ctx: Context) throws -> Outcome {
        let building = try ctx.requireBuilding()
        guard let p = try ctx.tx.proposal(id.number) else {
            throw notFound(id)
        }
        guard p.answer == nil else { throw LinliError(.invalidState, zh: "\(id) 已答复。", en: "\(id) has been answered.", refs: [id.description]) }
        guard try ctx.tx.support(p.number, household: ctx.home ?? building.id, user: ctx.sender, at: clock) else {
            throw LinliError(.conflict, zh: "您家已经附议过 \(id)。", en: "Your household supports \(id) already.", refs: [id.description])
        }
        return Outcome(zh: "已附议 \(id)，现有 \(p.support + 1) 户支持。", en: "You support \(id); \(p.support + 1) households now.", refs: [id.description])
    }

    func suggestionsList(_ ctx: Context) throws -> Outcome {
        let list = try ctx.tx.openProposals()
        guard !list.isEmpty else { return Outcome(zh: "目前没有待答复的建议。", en: "There are no open suggestions.") }
        return Outcome(zh: "待答复的建议：\n" + list.map { "\($0.id) \($0.text)（\($0.support) 户附议）" }.joined(separator: "\n"),
                       en: "Open suggestions:\n" + list.map { "\($0.id) \($0.text) (\($0.support) households)" }.joined(separator: "\n"),
                       refs: list.map(\.id.description))
    }

    func answer(_ id: RecordID, text: String, _ ctx: Context) throws -> Outcome {
        guard ctx.isStaff else { throw LinliError(.forbidden, zh: "建议由社区答复。", en: "The community office answers suggestions.", refs: [id.description]) }
        guard let p = try ctx.tx.proposal(id.number) else {
            throw notFound(id)
        }
        guard p.answer == nil else { throw LinliError(.invalidState, zh: "\(id) 已答复。", en: "\(id) has been answered.", refs: [id.description]) }
        try ctx.tx.answer(p.number, text)
        var told: [String] = []
        for user in [p.proposer] + (try ctx.tx.supporters(p.number)) where !told.contains(user) && user != ctx.sender { told.append(user) }
        return Outcome(zh: "已答复 \(id)，已通知 \(told.count) 人。", en: "Answered \(id); \(told.count) people told.", refs: [id.description],
                       effects: told.map { .notify(to: $0, reason: "status_changed", text: Localized(
                        zh: "社区答复了建议 \(id)（\(p.text)）：\(text)", en: "The community answered suggestion \(id) (\(p.text)): \(text)"), refs: [id.description]) })
    }
}
