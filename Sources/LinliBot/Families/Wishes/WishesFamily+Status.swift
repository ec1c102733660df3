import LinliCommands
import LinliCore
import LinliStore

/// `status W<n>` and `cancel W<n>`: the verbs a work order's reporter uses, for a wish.
extension WishesFamily {
    /// A wish's state, for its wisher, the office and the volunteer who has it; anyone
    /// else is refused as for another's report (the wish list shows open wishes without
    /// whose they are). In a group the text loses names, rooms and numbers, as in the
    /// list, and the whole reply goes privately.
    func status(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let wish = try loadWish(id, ctx.tx)
        guard wish.wisher == ctx.sender || wish.claimer == ctx.sender || ctx.isStaff else { throw LinliError.notYours(id) }
        let state = Self.state(of: wish, forWisher: wish.wisher == ctx.sender, ctx)
        let whole = Localized(zh: "\(id) \(wish.text)：\(state.zh)。", en: "\(id) \(wish.text): \(state.en).")
        let text = ctx.directory.anonymiser.text(wish.text)
        return Outcome(whole, refs: [id.description]).keepingPrivate(
            Localized(zh: "\(id) \(text)：\(wish.state.label(.zh))", en: "\(id) \(text): \(wish.state.label(.en))"), in: ctx)
    }

    /// Where a wish stands, as its wisher reads it (with what they can do next).
    static func state(of wish: Wish, forWisher: Bool, _ ctx: CommandContext) -> Localized {
        let id = wish.id
        let claimer = wish.claimer.map { ctx.people.name(of: $0) } ?? ""
        switch wish.state {
        case .open:
            return Localized(
                zh: "等待认领，还没有志愿者认领\(forWisher ? "；如不再需要，可发送：撤销 \(id)" : "")",
                en: "open, no volunteer has taken it on yet\(forWisher ? "; if you no longer need it: cancel \(id)" : "")")
        case .claimed:
            let day = wish.claimedAt.map { ctx.calendar.day(of: $0) }
            return Localized(
                zh: "已由\(claimer)认领\(day.map { "（\($0.spoken(.zh))）" } ?? "")，还没有完成",
                en: "taken on by \(claimer)\(day.map { " on \($0.spoken(.en))" } ?? ""), not fulfilled yet")
        case .fulfilled:
            return Localized(
                zh: "\(claimer)说已完成，\(forWisher ? "等您确认：谢谢 \(id)" : "等心愿人确认")",
                en: "\(claimer) says it is fulfilled; \(forWisher ? "to confirm: thanks \(id)" : "waiting for the wisher to confirm")")
        case .confirmed:
            return Localized(zh: "已实现（\(claimer)完成）", en: "came true (fulfilled by \(claimer))")
        case .cancelled:
            return Localized(zh: "已由心愿人撤销", en: "withdrawn by the wisher")
        }
    }

    /// The wisher withdraws a wish no volunteer has fulfilled; one who took it on is told.
    func cancel(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let wish = try loadWish(id, ctx.tx)
        guard wish.wisher == ctx.sender else { throw LinliError.forbidden(id) }
        _ = try write(wish, ctx.kernel) { try $0.cancel() }
        guard wish.state == .claimed, let claimer = wish.claimer else {
            return Outcome(zh: "已撤销心愿 \(id)。", en: "Withdrawn: wish \(id).", refs: [id.description])
        }
        // Whom, not by name: the reply may be read in a group, where a wish names no one.
        return Outcome(
            zh: "已撤销心愿 \(id)，已告诉认领的志愿者。", en: "Withdrawn: wish \(id); the volunteer who took it on has been told.", refs: [id.description],
            effects: [
                .notify(
                    to: claimer, reason: "status_changed",
                    text: Localized(
                        zh: "您认领的心愿 \(id) 已由心愿人撤销，不用再做了。谢谢您！", en: "Wish \(id) you took on was withdrawn by the wisher: nothing more to do. Thank you!"),
                    refs: [id.description])
            ])
    }
}

extension WishesFamily {
    /// `fulfil`, `完成` alone: the one wish the sender has claimed and not fulfilled. `claim`,
    /// `认领` alone with no wish open: said so, instead of asking which.
    func presume(_ missing: ArgSpec, of id: String, said: String, _ ctx: CommandContext) throws -> Presumption<String> {
        switch id {
        case "fulfil":
            let claimed = try ctx.tx.wishes(claimedBy: ctx.sender)
            guard !claimed.isEmpty else {
                return .refused(
                    LinliError(.notFound, zh: "您没有认领中的心愿。看看心愿墙：心愿列表", en: "You have no claimed wish to fulfil. See the open ones: wishes"))
            }
            guard claimed.count > 1 else { return .value(claimed[0].id.description) }
            return .choose(Localized(zh: "完成了哪个心愿？", en: "Which wish?")) { _ in claimed.map { "\($0.id) \($0.text)" } }
        case "claim":
            guard try ctx.tx.openWishes(limit: 1).isEmpty else { return .ask }
            return .refused(LinliError(.notFound, zh: "现在没有待认领的心愿。", en: "There is no open wish to claim now."))
        default:
            return .ask
        }
    }
}
