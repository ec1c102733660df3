import LinliCommands
import LinliCore
import LinliStore

/// Roles given and taken back in chat by the community office (SERVICES.md §5):
/// captains of buildings, grid leaders of grids, volunteers, party members,
/// mediators. A change is kept in the store over the community file and takes
/// effect at once; the open work orders the old holder had at that level pass to
/// whoever answers for them now, and both are told.
struct RolesFamily: Family {
    func run(_ command: RolesCommand, _ ctx: CommandContext) throws -> Outcome {
        guard ctx.isStaff else {
            throw LinliError(.forbidden, zh: "只有社区工作人员可以任免角色。", en: "Only the community office gives and takes back roles.")
        }
        switch command {
        case .role(let person, let role, let scope): return try change(person, role, scope, granted: true, ctx)
        case .unrole(let person, let role, let scope): return try change(person, role, scope, granted: false, ctx)
        case .roles: return try list(ctx)
        }
    }

    /// Open work orders passed from one person to another.
    struct Handover {
        var from: String
        var to: String
        var orders: [WorkOrder]

        /// What the one who had them and the one who has them now are told, and how urgently.
        func notices(_ d: Directory) -> (from: Localized, to: Localized, priority: Priority) {
            let ids = orders.map(\.id.description)
            let list = Localized(zh: ids.joined(separator: "、"), en: ids.joined(separator: ", "))
            let (fromName, toName) = (d.name(of: from), d.name(of: to))
            return (
                Localized(zh: "您的工单 \(list.zh) 已交接给\(toName)。", en: "Your work orders \(list.en) were handed over to \(toName)."),
                Localized(
                    zh: "【交接】\(fromName)的工单 \(list.zh) 现由您处理，发送“待办”查看。",
                    en: "[Handed over] \(fromName)'s work orders \(list.en) are yours now; send “queue” to see them."),
                orders.map { d.category($0.category)?.priority ?? .p2 }.min() ?? .p2
            )
        }
    }

    /// Gives (`granted`) or takes back a role, then hands over the open work orders
    /// that went with it.
    func change(_ who: String, _ role: Role, _ scopeWord: String?, granted: Bool, _ ctx: CommandContext) throws -> Outcome {
        guard let person = try ctx.people.resolve(who, mentions: ctx.mentions) else {
            throw LinliError(
                .usage, zh: "不认识“\(who)”：请写人员编号、姓名或 @某人。", en: "I don't know “\(who)”: give a person's id, name or an @mention.")
        }
        guard RoleChange.changeable.contains(role) else {
            throw LinliError(.usage, zh: "“\(role.rawValue)”不能在群里任免。", en: "“\(role.rawValue)” is not given or taken back in chat.")
        }
        let before = ctx.directory
        let scope = try self.scope(of: role, scopeWord, granted: granted, ctx)
        let name = ctx.people.name(of: person)
        let title = Self.title(role, scope, before)
        guard granted != Self.holds(person, role, scope, before) else {
            if granted { return Outcome(zh: "\(name)已经是\(title.zh)。", en: "\(name) is \(title.en) already.") }
            throw LinliError(.notFound, zh: "\(name)不是\(title.zh)。", en: "\(name) is not \(title.en).")
        }
        // Whoever held the building or grid before (a captain replaced), or the person losing it.
        let old =
            granted
            ? (role == .captain ? scope.flatMap { before.building($0)?.captain } : scope.flatMap { before.grid($0)?.leader }) : person
        try ctx.people.change(
            RoleChange(
                person: person, name: before.person(person) == nil ? ctx.people.registration(person)?.name : nil, role: role, scope: scope,
                granted: granted, actor: ctx.sender, at: ctx.now))
        // Whom an appointment replaced; a building or grid left with nobody, said (reports go up a rung).
        let replaced = granted ? old.map(ctx.people.name(of:)) : nil
        let vacant = !granted && scope != nil
        var outcome =
            granted
            ? Outcome(
                zh: "已任命\(name)为\(title.zh)\(replaced.map { "（接替\($0)）" } ?? "")。",
                en: "\(name) is now \(title.en)\(replaced.map { ", taking over from \($0)" } ?? "").")
            : Outcome(
                zh: "已免去\(name)的\(title.zh)职务。\(vacant ? "\(title.zh)现在空缺，请尽快任命。" : "")",
                en: "\(name) is no longer \(title.en).\(vacant ? " There is no \(title.en) now; please appoint one." : "")")
        // What each person is told, in order: the one whose role changed first.
        var told: [(to: String, lines: [Localized], priority: Priority?)] = [
            (
                person,
                [
                    granted
                        ? Localized(zh: "您已被任命为\(title.zh)。", en: "You are now \(title.en).")
                        : Localized(zh: "您已不再担任\(title.zh)。", en: "You are no longer \(title.en).")
                ], nil
            )
        ]
        func tell(_ to: String, _ line: Localized, _ priority: Priority?) {
            if let i = told.firstIndex(where: { $0.to == to }) {
                told[i].lines.append(line)
                told[i].priority = [told[i].priority, priority].compactMap { $0 }.min()
            } else {
                told.append((to, [line], priority))
            }
        }
        if granted, let old {
            tell(old, Localized(zh: "您已不再担任\(title.zh)，由\(name)接任。", en: "You are no longer \(title.en); \(name) takes over."), nil)
        }
        if let old {
            for handover in try Self.handOver(role, scope, from: old, by: ctx.sender, ctx.kernel) {
                let ids = handover.orders.map(\.id.description)
                let (from, to) = (ctx.directory.name(of: handover.from), ctx.directory.name(of: handover.to))
                let list = Localized(zh: ids.joined(separator: "、"), en: ids.joined(separator: ", "))
                outcome.text = Localized(
                    zh: "\(outcome.text.zh)\n\(list.zh) 已从\(from)交接给\(to)。", en: "\(outcome.text.en)\n\(list.en) handed over from \(from) to \(to).")
                outcome.refs += ids
                let notices = handover.notices(ctx.directory)
                tell(handover.from, notices.from, notices.priority)
                tell(handover.to, notices.to, notices.priority)
            }
        }
        // A captain replaced: the requests that went up to them are the successor's, and so are
        // the building's bookings awaiting approval (asked of whoever is captain when they answer).
        if granted, role == .captain, let old, let scope {
            let requests = try ServicesFamily.handOver(from: old, to: person, building: scope, ctx.kernel)
            let bookings = try ctx.tx.pendingBookings().filter { ctx.directory.building(ofHome: $0.household)?.id == scope }.map(\.id.description)
            if !requests.isEmpty {
                let list = Localized(zh: requests.joined(separator: "、"), en: requests.joined(separator: ", "))
                tell(person, Localized(zh: "转给您签收的服务申请：\(list.zh)（签收 \(requests[0])）", en: "Requests for you to accept: \(list.en) (accept \(requests[0]))"), nil)
                tell(old, Localized(zh: "\(list.zh) 已交接给\(name)。", en: "\(list.en) handed over to \(name)."), nil)
            }
            if !bookings.isEmpty {
                let list = Localized(zh: bookings.joined(separator: "、"), en: bookings.joined(separator: ", "))
                tell(
                    person,
                    Localized(
                        zh: "待您审批的预约：\(list.zh)（批准 \(bookings[0])；拒绝 \(bookings[0]) 原因）",
                        en: "Bookings for you to approve: \(list.en) (approve \(bookings[0]); decline \(bookings[0]) <why>)"), nil)
            }
        }
        outcome.effects = told.filter { $0.to != ctx.sender }.map { t in
            .notify(
                to: t.to, reason: "role_changed",
                text: Localized(zh: t.lines.map(\.zh).joined(separator: "\n"), en: t.lines.map(\.en).joined(separator: "\n")), refs: outcome.refs,
                priority: t.priority)
        }
        // An alert still waiting on the one replaced asks the successor.
        if granted, let old, let scope {
            let buildings = role == .captain ? [scope] : before.community.buildings.filter { $0.grid == scope }.map(\.id)
            outcome.effects += try AlertsFamily.handOver(from: old, to: person, buildings: Set(buildings), ctx.kernel)
        }
        return outcome
    }

    /// Passes the open work orders `old` held at the role's level (captain, grid) in
    /// the buildings of `scope` (all, when nil) to whoever answers for each now;
    /// `actor` made the change.
    static func handOver(
        _ role: Role, _ scope: String?, from old: String, by actor: String, _ ctx: Kernel, only: (WorkOrder) throws -> Bool = { _ in true }
    ) throws -> [Handover] {
        let buildings = ctx.directory.community.buildings
        let level: Level
        let inScope: [Building]
        switch role {
        case .captain: (level, inScope) = (.captain, buildings.filter { scope == nil || $0.id == scope })
        case .gridLeader: (level, inScope) = (.grid, buildings.filter { $0.grid != nil && (scope == nil || $0.grid == scope) })
        default: return []
        }
        var handovers: [Handover] = []
        for var order in try ctx.workOrders.open(assignee: old, level: level, buildings: inScope.map(\.id)) where try only(order) {
            guard let building = ctx.directory.building(order.building) else { continue }
            // A captain's matter goes to whoever a new report would; a grid leader's one rung above a captain.
            let next: (String?, Level)? =
                level == .captain
                ? ctx.ladder.firstResponder(for: building) : ctx.ladder.rung(above: .captain, building: building.id).map { ($0.person, $0.level) }
            guard let (first, firstLevel) = next, var to = first, to != old else { continue }
            var toLevel = firstLevel
            // Never to either side of a dispute: the rung above takes it.
            let desk = WorkOrderDesk(ctx)
            if desk.isParty(to, order) {
                guard let up = desk.rung(above: toLevel, for: order), up.person != old else { continue }
                (to, toLevel) = up
            }
            let before = order
            let effects = try order.apply(.handOver(.person(to), level: toLevel), at: ctx.now)
            try ctx.workOrders.save(
                order, from: before,
                history: HistoryEntry(at: ctx.now, actor: actor, action: effects.history.action, detail: effects.history.detail))
            // An ask held for the morning goes to whoever answers for it by then.
            try ctx.timers.readdressHeld(order.id.description, reasons: WorkOrderRepository.asks, from: old, to: to)
            if let i = handovers.firstIndex(where: { $0.to == to }) {
                handovers[i].orders.append(order)
            } else {
                handovers.append(Handover(from: old, to: to, orders: [order]))
            }
        }
        return handovers
    }

    /// Who holds which role now, and the last changes made in chat with who made them.
    func list(_ ctx: CommandContext) throws -> Outcome {
        let d = ctx.directory
        func who(_ ids: [String?], _ lang: Lang) -> String {
            let shown = ids.compactMap { $0 }.map(d.name(of:))
            return shown.isEmpty ? "—" : shown.joined(separator: lang == .zh ? "、" : ", ")
        }
        func lines(_ lang: Lang) -> [String] {
            var lines = d.community.buildings.map { b in
                lang == .zh ? "\(b.name) 楼栋长：\(who([b.captain], lang))" : "\(b.title.en) captain: \(who([b.captain], lang))"
            }
            lines += d.community.grids.map { g in
                lang == .zh ? "\(g.name) 网格长：\(who([g.leader], lang))" : "\(g.name) grid leader: \(who([g.leader], lang))"
            }
            for role in [Role.volunteer, .partyMember, .mediator] {
                let holders = d.community.people.filter { $0.roles.contains(role) }.map(\.id)
                lines.append("\(Self.names[role]!.plural(lang))\(lang == .zh ? "：" : ": ")\(who(holders, lang))")
            }
            return lines
        }
        let changes = try ctx.tx.roleChanges().suffix(10)
        func history(_ lang: Lang) -> String {
            guard !changes.isEmpty else { return "" }
            let rows = changes.map { c in
                let time = "\(ctx.calendar.day(of: c.at).description) \(ctx.calendar.clockTime(c.at))"
                let what = Self.title(c.role, c.scope, d)(lang)
                let verb = c.granted ? Localized(zh: "任命", en: "appointed") : Localized(zh: "免去", en: "took back")
                return lang == .zh
                    ? "\(time) \(d.name(of: c.actor)) \(verb.zh) \(d.name(of: c.person)) \(what)"
                    : "\(time) \(d.name(of: c.actor)) \(verb.en) \(d.name(of: c.person)): \(what)"
            }
            return (lang == .zh ? "\n最近任免：\n" : "\nRecent changes:\n") + rows.joined(separator: "\n")
        }
        return Outcome(
            zh: lines(.zh).joined(separator: "\n") + history(.zh), en: lines(.en).joined(separator: "\n") + history(.en))
    }

    // MARK: Words

    /// A role as people read it.
    struct RoleNames {
        var zh: String
        var en: String
        /// Someone who holds it, in a sentence: `a volunteer`.
        var withArticle: String
        var pluralEn: String

        func plural(_ lang: Lang) -> String { lang == .zh ? zh : pluralEn }
    }

    static let names: [Role: RoleNames] = [
        .captain: RoleNames(zh: "楼栋长", en: "captain", withArticle: "a captain", pluralEn: "Captains"),
        .gridLeader: RoleNames(
            zh: "网格长", en: "grid leader", withArticle: "a grid leader",
            pluralEn: "Grid leaders"),
        .volunteer: RoleNames(zh: "志愿者", en: "volunteer", withArticle: "a volunteer", pluralEn: "Volunteers"),
        .partyMember: RoleNames(zh: "党员", en: "party member", withArticle: "a party member", pluralEn: "Party members"),
        .mediator: RoleNames(zh: "调解员", en: "mediator", withArticle: "a mediator", pluralEn: "Mediators"),
    ]

    /// The building of a captain or the grid of a grid leader: the one named, else
    /// (when giving the role) the building group's; nil for the other roles, and for
    /// taking back all of a person's buildings or grids.
    func scope(of role: Role, _ word: String?, granted: Bool, _ ctx: CommandContext) throws -> String? {
        let d = ctx.directory
        let here = ctx.group.flatMap(d.building(ofGroup:))
        let (places, what, fallback, example): ([(id: String, name: String)], Localized, String?, String)
        switch role {
        case .captain:
            (places, what, fallback, example) = (d.community.buildings.map { ($0.id, $0.name) }, Localized(zh: "楼栋", en: "building"), here?.id, "b1")
        case .gridLeader:
            (places, what, fallback, example) = (d.community.grids.map { ($0.id, $0.name) }, Localized(zh: "网格", en: "grid"), here?.grid, "g1")
        default:
            if let word {
                throw LinliError(
                    .usage, zh: "\(Self.names[role]!.zh)不分楼栋或网格，请去掉“\(word)”。",
                    en: "A \(Self.names[role]!.en) has no building or grid; leave out “\(word)”.")
            }
            return nil
        }
        if let word {
            let w = Grammar.fold(word).lowercased()
            guard let place = places.first(where: { $0.id.lowercased() == w || $0.name == word }) else {
                throw LinliError(
                    .usage, zh: "没有“\(word)”这个\(what.zh)（有：\(places.map(\.name).joined(separator: "、"))）。",
                    en: "There is no \(what.en) “\(word)” (there are: \(places.map(\.id).joined(separator: ", "))).")
            }
            return place.id
        }
        guard granted else { return nil }
        guard let fallback else {
            throw LinliError(
                .usage, zh: "哪个\(what.zh)？例如：任命 李阿姨 \(Self.names[role]!.zh) \(example)",
                en: "Which \(what.en)? e.g. role u-li \(role.rawValue) \(example)")
        }
        return fallback
    }

    /// Whether `person` holds the role (over `scope`, or over any building or grid when nil).
    static func holds(_ person: String, _ role: Role, _ scope: String?, _ d: Directory) -> Bool {
        switch role {
        case .captain: d.community.buildings.contains { $0.captain == person && (scope == nil || $0.id == scope) }
        case .gridLeader: d.community.grids.contains { $0.leader == person && (scope == nil || $0.id == scope) }
        default: d.person(person)?.roles.contains(role) ?? false
        }
    }

    /// `1栋楼栋长` / `captain of 1栋`; `志愿者` / `a volunteer`.
    static func title(_ role: Role, _ scope: String?, _ d: Directory) -> Localized {
        let n = names[role]!
        let place: Localized? =
            switch role {
            case .captain: scope.map { d.building($0)?.title ?? Localized(zh: $0, en: $0) }
            case .gridLeader: scope.map { d.grid($0)?.name ?? $0 }.map { Localized(zh: $0, en: $0) }  // a grid has one name
            default: nil
            }
        guard let place else { return Localized(zh: n.zh, en: n.withArticle) }
        return Localized(zh: "\(place.zh)\(n.zh)", en: "\(n.en) of \(place.en)")
    }
}
