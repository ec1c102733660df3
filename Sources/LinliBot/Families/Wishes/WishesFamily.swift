import LinliCommands
import LinliCore
import LinliStore

/// Micro-wishes (微心愿): residents post them, volunteers, party members and
/// captains claim and fulfil them, the wisher confirms; the claimer earns points.
struct WishesFamily: Family {
    func run(_ command: WishesCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .wish(let text): try wish(text, ctx)
        case .wishes: try openWishes(ctx)
        case .claim(let id): try claim(id, ctx)
        case .fulfil(let id): try fulfil(id, ctx)
        case .thanks(let id): try thanks(id, ctx)
        case .status(let id): try status(id, ctx)
        case .cancel(let id): try cancel(id, ctx)
        }
    }

    func fire(_ timer: WishClock, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        guard let id = RecordID(parsing: Substring(row.subject)), id.kind == .wish else { return [] }
        switch timer {
        case .claim: return try claimExpired(id, ctx)
        case .confirm: return try confirmDue(id, ctx)
        }
    }

    func wish(_ text: String, _ ctx: CommandContext) throws -> Outcome {
        try ctx.requireKnown()
        let w = Wish(number: ctx.numbers.next(.wish), text: text, wisher: ctx.sender, createdAt: ctx.now)
        try ctx.tx.insert(w)
        return Outcome(
            zh: "已发布心愿 \(w.id)：\(text)。志愿者认领后会通知您。", en: "Wish \(w.id) posted: \(text). You will be told when a volunteer takes it on.",
            refs: [w.id.description], effects: Self.announce(w, ctx.kernel))
    }

    /// A wish waiting for a volunteer is told to the volunteers of the wisher's grid (all
    /// of them when the grid has none), in their language, not at night; the wisher is not named.
    /// `except`: a volunteer who already knows it (whose claim lapsed).
    static func announce(_ wish: Wish, _ ctx: Kernel, except: String? = nil) -> [Effect] {
        let directory = ctx.directory
        let volunteers = directory.community.people.filter { $0.roles.contains(.volunteer) && $0.id != wish.wisher && $0.id != except }
        func grid(_ person: String) -> String? { ctx.people.home(of: person).flatMap(directory.building(ofHome:))?.grid }
        let wisherGrid = grid(wish.wisher)
        let near = volunteers.filter { wisherGrid != nil && grid($0.id) == wisherGrid }
        return (near.isEmpty ? volunteers : near).map { volunteer in
            .notify(
                to: volunteer.id, reason: "new_wish",
                text: Localized(
                    zh: "【微心愿】\(wish.id)：\(wish.text)。认领请发送：认领 \(wish.id)", en: "[Wish] \(wish.id): \(wish.text). To take it on: claim \(wish.id)"),
                refs: [wish.id.description], priority: Effect.routine)
        }
    }

    /// The wishes waiting for a volunteer, each with its number to claim it by. The list
    /// names no wisher; in a group, a wish's text loses names, rooms and numbers too.
    func openWishes(_ ctx: CommandContext) throws -> Outcome {
        let limit = 20
        let open = try ctx.tx.openWishes(limit: limit + 1)
        guard !open.isEmpty else { return Outcome(zh: "现在没有等待认领的心愿。", en: "No wish is waiting for a volunteer now.") }
        let anonymiser = ctx.group == nil ? nil : ctx.directory.anonymiser
        let lines = open.prefix(limit).map { w in "\(w.id) \(anonymiser?.text(w.text) ?? w.text)" }.joined(separator: "\n")
        let more = open.count > limit ? Localized(zh: "\n……还有更多", en: "\n…and more") : Localized(zh: "", en: "")
        return Outcome(
            zh: "等待认领的心愿：\n\(lines)\(more.zh)\n志愿者认领请发送：认领 W编号",
            en: "Wishes waiting for a volunteer:\n\(lines)\(more.en)\nVolunteers take one on with: claim W<n>", refs: open.prefix(limit).map(\.id.description))
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
        let wish = try loadWish(id, ctx.tx)
        // Whose wish it is and where they live: the volunteer is to find them (privately only).
        let wisher = [ctx.directory.name(of: wish.wisher), ctx.kernel.people.home(of: wish.wisher)].compactMap { $0 }.joined(separator: " ")
        if wish.state == .claimed, wish.claimer == ctx.sender {
            func taken(_ from: String?) -> Localized {
                Localized(
                    zh: "\(id) 已由您认领\(from.map { "（心愿人：\($0)）" } ?? "")。完成后请发送：实现 \(id)",
                    en: "You have taken on \(id) already\(from.map { " (from \($0))" } ?? ""). When it is done: fulfil \(id)")
            }
            return Outcome(taken(wisher), refs: [id.description]).keepingPrivate(taken(nil), in: ctx)
        }
        let (w, _) = try write(wish, ctx.kernel) { try $0.claim(by: ctx.sender, at: ctx.now) }
        let name = ctx.directory.name(of: ctx.sender)
        func claimed(_ text: String, from: String? = nil) -> Localized {
            Localized(
                zh: "已认领 \(id)：\(text)\(from.map { "（心愿人：\($0)）" } ?? "")。完成后请发送：实现 \(id)（7天内未完成会自动释放）",
                en: "Claimed \(id): \(text)\(from.map { " (from \($0))" } ?? ""). When it is done: fulfil \(id) (an unfinished claim is released after 7 days)")
        }
        let outcome = Outcome(
            claimed(w.text, from: wisher), refs: [id.description],
            effects: [
                .notify(
                    to: w.wisher, reason: "status_changed",
                    text: Localized(
                        zh: "您的心愿 \(id) 已由\(name)认领。", en: "Your wish \(id) has been taken on by \(name)."), refs: [id.description])
            ])
        // A wish often says how to reach the wisher (a room, a phone number): a group reads it as the wish list
        // shows it, without whose it is.
        return outcome.keepingPrivate(claimed(ctx.directory.anonymiser.text(w.text)), in: ctx)
    }

    func fulfil(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let (w, _) = try write(try loadWish(id, ctx.tx), ctx.kernel) { try $0.fulfil(by: ctx.sender, at: ctx.now) }
        let name = ctx.directory.name(of: ctx.sender)
        return Outcome(
            zh: "已记录 \(id) 完成，等心愿人确认。", en: "Marked \(id) fulfilled; waiting for the wisher to confirm.", refs: [id.description],
            effects: [
                .notify(
                    to: w.wisher, reason: "status_changed",
                    text: Localized(
                        zh: "\(name)说您的心愿 \(id) 已完成。确认请发送：谢谢 \(id)", en: "\(name) says your wish \(id) came true. To confirm: thanks \(id)"),
                    refs: [id.description])
            ])
    }

    func thanks(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let wish = try loadWish(id, ctx.tx)
        guard wish.wisher == ctx.sender else { throw LinliError.forbidden(id) }
        let (_, credited) = try write(wish, ctx.kernel) { try $0.confirm() }
        return Outcome(zh: "谢谢！心愿 \(id) 已确认实现。", en: "Thank you! Wish \(id) is confirmed.", refs: [id.description], effects: credited)
    }

    /// The one write path of a wish that exists: the change, its clocks, and the
    /// points it earns (with the push that tells the claimer).
    func write(_ wish: Wish, _ ctx: Kernel, _ change: (inout Wish) throws -> Transition<WishClock>) throws -> (Wish, [Effect]) {
        var next = wish
        let transition = try change(&next)
        try ctx.tx.update(next, from: wish)
        try ctx.timers.apply(transition, subject: wish.id.description)
        // Claimed in the night: the volunteers' ask held for the morning is moot.
        if next.state != .open { try ctx.timers.dropHeld(wish.id.description, reasons: ["new_wish"]) }
        guard let credit = transition.credit, let item = ctx.points.item(credit.item) else { return (next, []) }
        try ctx.points.credit(credit.person, item, note: wish.text, by: Kernel.system, ref: wish.id.description)
        return (
            next,
            [
                .notify(
                    to: credit.person, reason: "status_changed",
                    text: Localized(
                        zh: "心愿 \(wish.id) 已确认实现，积分 +\(item.points)。谢谢您！", en: "Wish \(wish.id) is confirmed: +\(item.points) points. Thank you!"),
                    refs: [wish.id.description])
            ]
        )
    }

    /// An unfinished claim is released after 7 days.
    func claimExpired(_ id: RecordID, _ ctx: Kernel) throws -> [Effect] {
        guard let w = try ctx.tx.wish(id.number), w.state == .claimed, let claimer = w.claimer else { return [] }
        _ = try write(w, ctx) {
            $0.release()
            return .none
        }
        return [
            .notify(
                to: claimer, reason: "status_changed",
                text: Localized(
                    zh: "您认领的心愿 \(id) 7天未完成，已释放给其他志愿者。", en: "Wish \(id) you claimed was not fulfilled within 7 days and is open again."),
                refs: [id.description], priority: Effect.routine),
            // The wisher was told it was taken on: they hear that it is waiting again.
            .notify(
                to: w.wisher, reason: "status_changed",
                text: Localized(
                    zh: "您的心愿 \(id) 认领后7天未完成，已重新开放，等待其他志愿者认领。",
                    en: "Your wish \(id) was not fulfilled within 7 days of being taken on; it is open again for another volunteer."),
                refs: [id.description], priority: Effect.routine),
        ] + Self.announce(w, ctx, except: claimer)
    }

    /// A fulfilled wish the wisher did not confirm within 3 days is confirmed.
    func confirmDue(_ id: RecordID, _ ctx: Kernel) throws -> [Effect] {
        guard let w = try ctx.tx.wish(id.number), w.state == .fulfilled else { return [] }
        let name = w.claimer.map { ctx.people.name(of: $0) } ?? ""
        return try write(w, ctx) { try $0.confirm() }.1 + [
            .notify(
                to: w.wisher, reason: "status_changed",
                text: Localized(
                    zh: "您的心愿 \(id) 已由\(name)完成，3天内没有收到您的确认，已自动确认。",
                    en: "Your wish \(id) was fulfilled by \(name); with no word from you in 3 days, it is now confirmed."),
                refs: [id.description])
        ]
    }
}

extension WishClock: TimerKind {}
