import LinliCore
import LinliStore

/// Look-ups, rights and wording shared by the work-order handlers.
extension Engine {
    /// Who a new report in `building` goes to: its captain, else the grid leader, else the office.
    func firstResponder(for building: Building) -> (String?, Level) {
        if let captain = building.captain { return (captain, .captain) }
        if let leader = directory.gridLeader(of: building) { return (leader, .grid) }
        return (directory.firstStaff, .staff)
    }

    func load(_ id: RecordID, _ ctx: Context) throws -> WorkOrder {
        guard let order = try workOrder(id.number, ctx.tx) else {
            throw notFound(id)
        }
        return order
    }

    /// Who stands in what relation to a work order.
    enum Party {
        case reporter
        /// The assignee, or a member of the assigned department.
        case handler
        /// The building's captain, its grid leader, or staff.
        case manager
    }

    func may(_ user: String, _ parties: Set<Party>, _ order: WorkOrder) -> Bool {
        (parties.contains(.reporter) && order.reporter == user)
            || (parties.contains(.handler) && isHandler(user, of: order))
            || (parties.contains(.manager) && manages(user, order))
    }

    /// Loads a work order, checks that the sender is one of `parties`, applies the
    /// action `transition` gives, and writes the change and its history line.
    func change(_ id: RecordID, _ ctx: Context, by parties: Set<Party>, _ transition: (WorkOrder) throws -> WorkOrderAction) throws -> WorkOrder {
        var order = try load(id, ctx)
        guard may(ctx.sender, parties, order) else { throw forbidden(id, ctx) }
        let before = order
        let action = try transition(order)
        try order.apply(action, at: ctx.now)
        try commit(order, from: before, action, by: ctx.sender, ctx.tx)
        return order
    }

    /// Writes an applied action: the changed columns, the history line, and the
    /// clocks the new state runs (accept, resolve, feedback).
    func commit(_ order: WorkOrder, from before: WorkOrder, _ action: WorkOrderAction, by actor: String, _ tx: StoreTransaction) throws {
        try tx.update(order, from: before)
        remember(order)
        let (name, detail) = Self.history(of: action)
        try tx.appendHistory(order.number, HistoryEntry(at: clock, actor: actor, action: name, detail: detail))
        let subject = order.id.description
        switch action {
        case .assign, .escalate, .reopen:
            try cancelTimers(subject, [.accept, .remind, .overdue, .feedback], tx)
            try startAcceptClock(order, tx)
        case .accept:
            try cancelTimers(subject, [.accept], tx)
            try startResolveClock(order, tx)
            // Accepted within the category's limit: the ledger's on-time item, if it has one.
            if let at = order.acceptedAt, at.since(order.createdAt) <= limits(order).accept, let item = pointsItem("ontime") {
                try tx.record(PointsEntry(person: actor, item: item.id, points: item.points, note: nil, actor: Self.system, at: clock, ref: subject))
            }
        case .resolve:
            try cancelTimers(subject, [.accept, .remind, .overdue], tx)
            try schedule(.feedback, at: (order.resolvedAt ?? clock).adding(WorkOrder.feedbackWindow), subject: subject, tx)
        case .rate, .closeUnrated, .cancel:
            try cancelTimers(subject, [.accept, .remind, .overdue, .feedback], tx)
        case .note, .urge, .markOverdue:
            break
        }
    }

    /// How an action is written in a work order's history.
    static func history(of action: WorkOrderAction) -> (String, String?) {
        switch action {
        case .assign(let who, _): ("assign", who.id)
        case .escalate(let who, _, let ref): ("escalate", ref.map { "\(who.id) \($0)" } ?? who.id)
        case .closeUnrated: ("close", "unrated")
        case .markOverdue: ("overdue", nil)
        case .accept: ("accept", nil)
        case .note(let text): ("note", text)
        case .resolve(let result, let how): ("done", how == .fixed ? result : "\(how.rawValue): \(result)")
        case .rate(let score, let comment): ("rate", comment.map { "\(score) \($0)" } ?? "\(score)")
        case .reopen(let why): ("reopen", why)
        case .cancel: ("cancel", nil)
        case .urge: ("urge", nil)
        }
    }

    func notFound(_ id: RecordID) -> LinliError {
        LinliError(.notFound, zh: "没有找到 \(id)。", en: "There is no \(id).", refs: [id.description])
    }

    func forbidden(_ id: RecordID, _ ctx: Context) -> LinliError {
        LinliError(.forbidden, zh: "您不能操作 \(id)。", en: "You may not do that to \(id).", refs: [id.description])
    }

    /// The assignee, or a member of the assigned department.
    func isHandler(_ user: String, of order: WorkOrder) -> Bool {
        switch order.assignee {
        case .person(let id): id == user
        case .department(let id): directory.department(id)?.members.contains(user) ?? false
        case nil: false
        }
    }

    /// The building's captain, its grid leader, or staff.
    func manages(_ user: String, _ order: WorkOrder) -> Bool {
        directory.building(order.building).map { directory.manages(user, building: $0) } ?? directory.person(user)?.roles.contains(.staff) == true
    }

    /// A person id, a name, `@name`, an @-mention or a department id or name.
    func resolveAssignee(_ target: String, _ ctx: Context) throws -> Assignee {
        let t = target.hasPrefix("@") ? String(target.dropFirst()) : target
        let community = directory.community
        if let d = community.departments.first(where: { $0.id.lowercased() == t.lowercased() || $0.name == t }) { return .department(d.id) }
        if let p = community.people.first(where: { $0.id == t || $0.name == t }) { return .person(p.id) }
        if target.hasPrefix("@"), ctx.mentions.count == 1 { return .person(ctx.mentions[0]) }
        throw LinliError(.notFound, zh: "不认识“\(target)”：请写人员编号、姓名或部门（\(community.departments.map(\.id).joined(separator: "、"))）。",
                         en: "I don't know “\(target)”: name a person (id or name) or a department (\(community.departments.map(\.id).joined(separator: ", "))).")
    }

    /// Pushes to whoever handles the order: the assignee, or each member of its department.
    func notifyHandlers(_ order: WorkOrder, except sender: String, reason: String, text: Localized) -> [Effect] {
        let rid = order.id.description
        let targets: [String] = switch order.assignee {
        case .person(let id): [id]
        // A department's members, and the department itself when it has a webhook (its robot).
        case .department(let id): directory.department(id).map { $0.members.isEmpty || $0.webhook != nil ? $0.members + [$0.id] : $0.members } ?? [id]
        case nil: []
        }
        return targets.filter { $0 != sender }.map { .notify(to: $0, reason: reason, text: text, refs: [rid], priority: priority(of: order)) }
    }

    /// A push to the reporter, unless the reporter is the one acting.
    func notifyReporter(_ order: WorkOrder, _ ctx: Context, reason: String, text: Localized) -> [Effect] {
        notifyReporter(order, except: ctx.sender, reason: reason, text: text)
    }

    func notifyReporter(_ order: WorkOrder, except sender: String, reason: String, text: Localized) -> [Effect] {
        order.reporter == sender ? [] : [.notify(to: order.reporter, reason: reason, text: text, refs: [order.id.description], priority: priority(of: order))]
    }

    func priority(of order: WorkOrder) -> Priority { directory.category(order.category)?.priority ?? .p2 }

    func reporterLabel(_ ctx: Context) -> String {
        let name = ctx.person?.name ?? ctx.registration?.name ?? ctx.displayName ?? ctx.sender
        return ctx.home.map { "\(name) \($0)" } ?? name
    }

    func room(_ home: String) -> String {
        home.firstIndex(of: "-").map { String(home[home.index(after: $0)...]) } ?? home
    }

    func categoryName(_ order: WorkOrder, _ lang: Lang) -> String { directory.category(order.category)?.name(lang) ?? order.category }

    func buildingName(_ order: WorkOrder) -> String { directory.building(order.building)?.name ?? order.building }

    func levelName(_ level: Level, _ lang: Lang) -> String {
        switch (level, lang) {
        case (.captain, .zh): "楼栋长"
        case (.grid, .zh): "网格长"
        case (.staff, .zh): "社区"
        case (.department, .zh): "部门"
        case (.captain, .en): "captain"
        case (.grid, .en): "grid leader"
        case (.staff, .en): "the office:"
        case (.department, .en): "department"
        }
    }

    /// `R1 漏水 · 3栋 501：已签收（周永林）`
    func summaryLine(_ o: WorkOrder, _ lang: Lang) -> String {
        let place = o.place.map { " \($0)" } ?? ""
        let who = o.assignee.map { directory.name(of: $0.id) }
        switch lang {
        case .zh: return "\(o.id) \(categoryName(o, .zh)) · \(buildingName(o))\(place)：\(o.state.label(.zh))\(who.map { "（\($0)）" } ?? "")"
        case .en: return "\(o.id) \(categoryName(o, .en)) · \(buildingName(o))\(place): \(o.state.label(.en))\(who.map { " (\($0))" } ?? "")"
        }
    }

    func historyLine(_ e: HistoryEntry, _ lang: Lang) -> String {
        let time = RFC3339.format(e.at, offsetSeconds: offset(at: e.at))
        let shortTime = "\(time.dropFirst(5).prefix(5)) \(time.dropFirst(11).prefix(5))"  // 11-28 09:10
        // Routing lines name a person or department: show the name.
        let shown = ["assign", "escalate"].contains(e.action) ? e.detail.map { d in
            d.split(separator: " ").map { directory.name(of: String($0)) }.joined(separator: " ")
        } : e.detail
        let detail = shown.map { lang == .zh ? "：\($0)" : ": \($0)" } ?? ""
        let actor = e.actor == Self.system ? "Linli" : directory.name(of: e.actor)
        return "\(shortTime) \(actor) \(Self.actionLabels[e.action]?(lang) ?? e.action)\(detail)"
    }

    /// History actions as a reader says them.
    static let actionLabels: [String: Localized] = [
        "report": Localized(zh: "报修", en: "reported"),
        "assign": Localized(zh: "交办", en: "assigned"),
        "accept": Localized(zh: "签收", en: "accepted"),
        "note": Localized(zh: "进展", en: "noted"),
        "done": Localized(zh: "办结", en: "resolved"),
        "rate": Localized(zh: "评价", en: "rated"),
        "reopen": Localized(zh: "退回", en: "reopened"),
        "cancel": Localized(zh: "撤销", en: "withdrew"),
        "urge": Localized(zh: "催办", en: "chased"),
        "escalate": Localized(zh: "升级", en: "escalated"),
        "close": Localized(zh: "自动关闭", en: "closed"),
        "overdue": Localized(zh: "超期", en: "overdue"),
    ]
}
