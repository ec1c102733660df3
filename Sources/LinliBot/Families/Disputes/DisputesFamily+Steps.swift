import LinliCommands
import LinliCore
import LinliStore

/// The steps after the invitation: attending, the agreement and its confirmations,
/// the respondent's rating, consent and publicising, and the confirmation clock.
extension DisputesFamily {
    /// A party says they will come.
    func attend(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let before = try invited(id, ctx)
        let side = try self.side(before, ctx)
        var dispute = before
        let (result, transition) = try dispute.apply(.attend(side), at: ctx.now)
        let when = Self.when(dispute.meeting, ctx.directory)
        if case .already = result {
            return Outcome(zh: "您已答复会参加：\(when.zh)。", en: "You said you will attend already: \(when.en).", refs: [id.description])
        }
        try write(dispute, from: before, transition, history: ("attend", nil), ctx)
        let who = Self.label(side, dispute, ctx.directory)
        return Outcome(
            zh: "好的，已记下您会参加 \(id) 的议事：\(when.zh)。", en: "Thank you: you will attend the meeting on \(id), \(when.en).",
            refs: [id.description],
            effects: [
                Self.tell(
                    dispute.mediator, id, reason: "status_changed",
                    Localized(zh: "\(who.zh)会参加 \(id) 的调解议事（\(when.zh)）。", en: "\(who.en) will attend the mediation of \(id) (\(when.en))."))
            ])
    }

    /// The mediator records what both sides agreed; each party is asked, on their own, to confirm it.
    func agree(_ id: RecordID, terms: String, _ ctx: CommandContext) throws -> Outcome {
        let order = try self.order(id, ctx.kernel)
        try requireRunner(order, ctx)
        let before = try invited(id, ctx)
        // The agreement is what the meeting came to: not before it has begun.
        let start = ctx.calendar.instant(before.meeting.day, before.meeting.start)
        guard ctx.now >= start else {
            let when = Self.when(before.meeting, ctx.directory)
            throw LinliError(
                .invalidState, zh: "\(id) 的议事定在 \(when.zh)，还没开始；议事后再记录协议。",
                en: "The meeting on \(id) is set for \(when.en) and has not begun; record the agreement after it.", refs: [id.description])
        }
        var dispute = before
        let (_, transition) = try dispute.apply(.agree(terms), at: ctx.now)
        // Whoever records the agreement carries the dispute from here: the parties' answers, the reminders and the points are theirs.
        dispute.mediator = ctx.sender
        try write(dispute, from: before, transition, history: ("agree", terms), ctx)
        let ask = Localized(
            zh: "【调解协议】\(id) 双方在调解员主持下达成协议：\(terms)\n请确认：确认 \(id)（3天内）",
            en: "[Mediation agreement] \(id): with the mediator's help both sides agreed: \(terms)\nPlease confirm it: confirm \(id) (within 3 days)")
        return Outcome(
            zh: "已记录 \(id) 的协议，已分别请双方确认；3天内没有都确认会告诉您。",
            en: "Agreement on \(id) recorded; each party is asked to confirm it. If both have not within 3 days, you will hear.",
            refs: [id.description],
            effects: [dispute.complainant.person, dispute.respondent.person].filter { $0 != ctx.sender }.map {
                Self.tell($0, id, reason: "status_changed", ask)
            })
    }

    /// A party confirms the agreement; the second confirmation settles the dispute:
    /// the work order is resolved with the terms and both parties are asked to rate it.
    func confirm(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let before = try invited(id, ctx)
        let side = try self.side(before, ctx)
        var dispute = before
        let (result, transition) = try dispute.apply(.confirm(side), at: ctx.now, credit: "mediation")
        if case .already = result {
            return Outcome(zh: "您已确认过 \(id) 的协议。", en: "You confirmed the agreement of \(id) already.", refs: [id.description])
        }
        try write(dispute, from: before, transition, history: ("confirm", nil), ctx)
        let who = Self.label(side, dispute, ctx.directory)
        guard result == .settled else {
            return Outcome(
                zh: "已确认 \(id) 的协议，谢谢！等另一方也确认后即告办结。",
                en: "Confirmed the agreement of \(id). Thank you! It is settled once the other side confirms too.",
                refs: [id.description],
                effects: [
                    Self.tell(
                        dispute.mediator, id, reason: "status_changed",
                        Localized(zh: "\(who.zh)已确认 \(id) 的协议，等待另一方。", en: "\(who.en) confirmed the agreement of \(id); waiting for the other side."))
                ])
        }
        var order = try self.order(id, ctx.kernel)
        if order.state.isOpen {
            let old = order
            let effects = try order.apply(.resolve(dispute.terms ?? "", .fixed), at: ctx.now, limits: WorkOrderDesk(ctx.kernel).limits(order))
            try WorkOrdersFamily().commit(order, from: old, effects, by: dispute.mediator, ctx.kernel)
        }
        let ask = Localized(
            zh: "\(id) 的协议双方都已确认，调解办结。请评价这次调解（1-5分）：评价 \(id) 5\n如同意匿名公开调解结果（不含姓名、房号），请回复：同意公开 \(id)",
            en:
                "Both sides confirmed the agreement of \(id); the mediation is done. Please rate it 1-5: rate \(id) 5\nIf you agree that the outcome be posted without names or rooms: consent \(id)"
        )
        let toMediator = Self.tell(
            dispute.mediator, id, reason: "status_changed",
            Localized(
                zh: "\(who.zh)已确认，\(id) 的协议双方都已确认，已办结并请双方评价。",
                en: "\(who.en) confirmed: both sides confirmed the agreement of \(id). It is resolved and both are asked to rate it."))
        return Outcome(
            zh: "已确认 \(id) 的协议，双方都已确认，调解办结。谢谢！", en: "Confirmed the agreement of \(id). Both sides have now; the mediation is done. Thank you!",
            refs: [id.description],
            effects: [toMediator]
                + [dispute.complainant.person, dispute.respondent.person].map { Self.tell($0, id, reason: "rating_request", ask) })
    }

    /// 请邻里评事 by the other party (the one who raised it rates the work order as any reporter does).
    static func rateAsRespondent(_ id: RecordID, score: Int, comment: String?, _ ctx: CommandContext) throws -> Outcome? {
        guard let before = try ctx.tx.dispute(id.number), before.respondent.person == ctx.sender else { return nil }
        var dispute = before
        let (_, transition) = try dispute.apply(.rate(.respondent, score), at: ctx.now)
        // The comment is kept and told, as the complainant's is: the dissatisfied side's reason is what matters.
        try DisputesFamily().write(dispute, from: before, transition, history: ("rate", "\(score)\(comment.map { " \($0)" } ?? "")"), ctx)
        return Outcome(
            zh: "谢谢您的评价：\(id) \(score)分。", en: "Thank you for rating \(id): \(score)/5.", refs: [id.description],
            effects: [
                tell(
                    dispute.mediator, id, reason: "status_changed",
                    Localized(
                        zh: "\(id) 的对方评价调解 \(score)分\(comment.map { "：\($0)" } ?? "")。",
                        en: "The other party rated the mediation of \(id) \(score)/5\(comment.map { ": \($0)" } ?? "")."))
            ])
    }

    /// A party agrees that the outcome be published without names or rooms.
    func consent(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let before = try invited(id, ctx)
        let side = try self.side(before, ctx)
        var dispute = before
        let (result, transition) = try dispute.apply(.consent(side), at: ctx.now)
        if case .already = result {
            return Outcome(zh: "您已同意公开 \(id) 的调解结果。", en: "You consented to publicising \(id) already.", refs: [id.description])
        }
        try write(dispute, from: before, transition, history: ("consent", nil), ctx)
        let who = Self.label(side, dispute, ctx.directory)
        let both = dispute.withoutConsent.isEmpty
        return Outcome(
            zh: "已记下：您同意匿名公开 \(id) 的调解结果（不含姓名、房号）。", en: "Noted: you agree that the outcome of \(id) be posted without names or rooms.",
            refs: [id.description],
            effects: [
                Self.tell(
                    dispute.mediator, id, reason: "status_changed",
                    Localized(
                        zh: "\(who.zh)同意公开 \(id) 的调解结果。\(both ? "双方都已同意，可以晒事：公开 \(id)" : "")",
                        en: "\(who.en) consented to publicising \(id).\(both ? " Both have: publicise \(id)" : "")"))
            ])
    }

    /// 向邻里晒事: the anonymised outcome to the building's groups, once both consented.
    func publicise(_ id: RecordID, outcome text: String?, _ ctx: CommandContext) throws -> Outcome {
        let order = try self.order(id, ctx.kernel)
        try requireRunner(order, ctx)
        let before = try invited(id, ctx)
        // Settled, then reopened: not a settled matter to post until it is resolved again.
        if before.isSettled, order.state.isOpen {
            throw LinliError(
                .invalidState, zh: "\(id) 已重新打开，再次办结后才能晒事。", en: "\(id) was reopened; its outcome is posted once it is resolved again.",
                refs: [id.description])
        }
        if let text { try Self.checkAnonymous(text, before, ctx) }
        if before.isSettled, before.publicisedAt == nil, !before.withoutConsent.isEmpty {
            let missing = before.withoutConsent.map { Self.label($0, before, ctx.directory) }
            throw LinliError(
                .forbidden, zh: "\(id) 需双方都同意才能公开，还没有同意：\(missing.map(\.zh).joined(separator: "、"))。",
                en: "\(id) is publicised only when both parties consent; not yet: \(missing.map(\.en).joined(separator: ", ")).",
                refs: [id.description])
        }
        var dispute = before
        let (result, transition) = try dispute.apply(.publicise, at: ctx.now)
        if case .already = result {
            return Outcome(zh: "\(id) 的调解结果已经公开过了。", en: "The outcome of \(id) was posted already.", refs: [id.description])
        }
        try write(dispute, from: before, transition, history: ("publicise", text), ctx)
        let building = ctx.directory.building(order.building)
        // The mediator's words end as a sentence before the thanks that follow them.
        let ended = { (t: String, stop: String) in "。！？.!?…".contains(t.last ?? "。") ? t : t + stop }
        let said =
            text.map { Localized(zh: ended($0, "。"), en: ended($0, ".")) }
            ?? Localized(zh: "双方在调解员主持下当面商议，达成协议并各自确认。", en: "Both sides talked it over with a mediator, reached an agreement and each confirmed it.")
        let post = Localized(
            zh: "【晒事】\(building?.name ?? "本楼")一起邻里纠纷已调解办结：\(said.zh)感谢两位邻居的理解。",
            en:
                "[Outcome] A dispute between neighbours in \(building?.title.en ?? "the building") was settled by mediation: \(said.en) Thanks to both neighbours."
        )
        let groups = building?.groups ?? []
        return Outcome(
            zh: "已把 \(id) 的调解结果匿名晒到 \(groups.count) 个群（不含姓名、房号）。",
            en: "Posted the outcome of \(id) to \(English.count(groups.count, "group")), without names or rooms.", refs: [id.description],
            effects: groups.map { .post(group: $0, reason: "publicised", text: post, refs: [id.description]) })
    }

    /// Refuses an outcome that names a party (their id, their name or part of it: `Emma`,
    /// 菊珍), anyone in the community file, a room or a floor.
    static func checkAnonymous(_ text: String, _ dispute: Dispute, _ ctx: CommandContext) throws {
        let people = [dispute.complainant.person, dispute.respondent.person]
        let homes = people.compactMap(ctx.people.home(of:)) + [dispute.respondentHome].compactMap { $0 }
        let rooms = homes.flatMap { [$0, WorkOrdersFamily.room($0)] }
        let words = people + people.map(ctx.people.name(of:)).flatMap(nameParts) + rooms
        let lowered = text.lowercased()
        let named = words.contains { !$0.isEmpty && lowered.contains($0.lowercased()) } || ctx.directory.anonymiser.text(text) != text
        // A numeral right before 室, 楼, 层 or 号 (502室, 8楼, 十层); 楼上楼下 and 晚十点 are not places.
        let chars = Array(text)
        let roomLike = chars.indices.dropFirst().contains { "室楼层号".contains(chars[$0]) && chars[$0 - 1].isNumber }
        guard !named && !roomLike else {
            throw LinliError(
                .usage, zh: "晒事内容不能有姓名或房号，请改写后再发（或只发：公开 \(dispute.id)）。",
                en: "The outcome must not name anyone or a room; write it again (or send just: publicise \(dispute.id)).",
                refs: [dispute.id.description])
        }
    }

    /// A name and the parts people are called by: `Emma Brown`, `Emma`, `Brown`; 李菊珍 and 菊珍.
    static func nameParts(_ name: String) -> [String] {
        let words = name.split(separator: " ").map(String.init).filter { $0.count >= 2 }
        let given = name.count >= 3 && !name.contains(" ") && name.unicodeScalars.allSatisfy { $0.value >= 0x4E00 } ? [String(name.suffix(2))] : []
        return [name] + (words.count > 1 ? words : []) + given
    }

    /// Three days after the agreement without both confirmations: the mediator hears who has not.
    func confirmDeadlinePassed(_ dispute: Dispute, _ ctx: Kernel) throws -> [Effect] {
        var copy = dispute
        guard case .unconfirmed(let sides) = try copy.apply(.confirmDeadline, at: ctx.now).0, !sides.isEmpty else { return [] }
        let names = sides.map { Self.label($0, dispute, ctx.directory) }
        let id = dispute.id
        return [
            Self.tell(
                dispute.mediator, id, reason: "reminder",
                Localized(
                    zh: "【提醒】\(id) 的调解协议记录已满3天，还没有确认：\(names.map(\.zh).joined(separator: "、"))。请跟进。",
                    en:
                        "[Reminder] The agreement of \(id) was recorded 3 days ago; not confirmed yet by: \(names.map(\.en).joined(separator: ", ")). Please follow up."
                ))
        ]
    }
}

extension DisputesFamily {
    /// What `stats` shows of the disputes among `orders`: the line that counts them apart
    /// (reported, mediated, agreed, publicised; nothing when there are none) and the
    /// other parties' ratings, which 满意率 counts beside the complainants'.
    static func figures(_ orders: [WorkOrder], _ ctx: Kernel) throws -> (line: Localized, ratings: [Int], raters: Int) {
        let numbers = orders.filter { $0.category == category }.map(\.number)
        guard !numbers.isEmpty else { return (Localized(zh: "", en: ""), [], 0) }
        let disputes = try ctx.tx.disputes(numbers)
        let agreed = disputes.filter(\.isSettled).count
        let publicised = disputes.filter { $0.publicisedAt != nil }.count
        return (
            Localized(
                zh: "\n纠纷 \(numbers.count) 件：调解 \(disputes.count)，达成协议 \(agreed)，晒事 \(publicised)",
                en: "\nDisputes: \(numbers.count), mediated \(disputes.count), agreed \(agreed), publicised \(publicised)"),
            disputes.compactMap(\.respondent.rating), agreed
        )
    }
}
