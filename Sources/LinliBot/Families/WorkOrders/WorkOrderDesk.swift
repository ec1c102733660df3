import LinliCommands
import LinliCore
import LinliStore

/// What the work-order handlers share: who stands in what relation to an order,
/// who is told, and how an order reads in either language.
struct WorkOrderDesk {
    let directory: Directory
    let calendar: LocalCalendar
    let tx: StoreTransaction
    let people: People
    let workOrders: WorkOrderRepository

    init(_ kernel: Kernel) {
        directory = kernel.directory
        calendar = kernel.calendar
        tx = kernel.tx
        people = kernel.people
        workOrders = kernel.workOrders
    }

    /// Who stands in what relation to a work order.
    enum Party {
        case reporter
        /// A household that follows it: a duplicate merged into it, or 我也是.
        case follower
        /// Who filed it on a household visit (the household is its reporter): follows and chases it.
        case filer
        /// The assignee, or a member of the assigned department.
        case handler
        /// The building's captain, its grid leader, or staff.
        case manager
    }

    func may(_ user: String, _ parties: Set<Party>, _ order: WorkOrder) -> Bool {
        // A dispute's other party is none of these to it, a captain or staff though they be.
        if isOtherParty(user, order) { return false }
        return (parties.contains(.reporter) && order.reporter == user)
            || (parties.contains(.filer) && (try? tx.visitor(ofReport: order.number)) == user)
            || (parties.contains(.handler) && isHandler(user, of: order))
            || (parties.contains(.manager) && manages(user, order))
    }

    /// How long after its report an order may be accepted and count as on time: its
    /// category's accept limit, from when its handler could be told (a report made in
    /// quiet hours, from their end, as its accept clock runs).
    func acceptAllowance(_ order: WorkOrder) -> Span {
        let told = calendar.quietEnd(for: priority(of: order), at: order.createdAt) ?? order.createdAt
        return Span(milliseconds: limits(order).accept.milliseconds + told.since(order.createdAt).milliseconds)
    }

    /// Whether `user` is the other side of a dispute (its other party, or one of that
    /// household; not its reporter): shown it, in a status or a household file, they would
    /// learn who complained (SERVICES.md §1a). A dispute that cannot be read counts as theirs.
    func isOtherParty(_ user: String, _ order: WorkOrder) -> Bool {
        guard order.category == DisputesFamily.category, order.reporter != user else { return false }
        do {
            return try tx.dispute(order.number).map { otherSide(of: $0).contains(user) } ?? false
        } catch {
            return true
        }
    }

    /// A dispute's other party and the members of their household.
    func otherSide(of dispute: Dispute) -> Set<String> {
        Set([dispute.respondent.person] + (dispute.respondentHome.map(people.members(of:)) ?? []))
    }

    /// The rung above `level` that takes `order`: past either side of a dispute, who would
    /// learn who complained (or be asked to settle their own matter), and past the one who
    /// holds it now (a captain who is the grid leader too goes on to the office).
    func rung(above level: Level, for order: WorkOrder) -> (person: String, level: Level)? {
        let ladder = EscalationLadder(directory: directory)
        var next = ladder.rung(above: level, building: order.building)
        while let n = next, isParty(n.person, order) || order.assignee == .person(n.person) {
            next = ladder.rung(above: n.level, building: order.building)
        }
        return next
    }

    /// Whether `user` is on either side of a dispute (who raised it, the other party or
    /// their household): no one to hand it to.
    func isParty(_ user: String, _ order: WorkOrder) -> Bool {
        order.category == DisputesFamily.category && (order.reporter == user || isOtherParty(user, order))
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

    /// Refuses to hand `order` to `person` when it is about them (they reported it, follow it,
    /// or are a party to the dispute: they would read who complained, and could close it;
    /// the refusal does not say so), or when they handle no records: a resident with no
    /// other role and in no department.
    func requireMayHandle(_ person: String, _ order: WorkOrder) throws {
        let (rid, name) = (order.id.description, directory.name(of: person))
        let follows = try workOrders.followers(of: order.number).contains { $0.user == person }
        if order.reporter == person || follows || isParty(person, order) {
            // Why is not said: in a group it would tell who a private report is about.
            throw LinliError(.forbidden, zh: "\(rid) 不能交给\(name)处理。", en: "\(rid) cannot be handed to \(name).", refs: [rid])
        }
        let roles = directory.person(person)?.roles ?? []
        guard roles.subtracting([.resident]).isEmpty, !directory.community.departments.contains(where: { $0.members.contains(person) }) else { return }
        throw LinliError(
            .forbidden, zh: "\(name)不能接手 \(rid)：只能交给楼栋长、网格长、社区工作人员、志愿者、调解员、党员或部门。",
            en: "\(name) cannot take \(rid): reports go to captains, grid leaders, staff, volunteers, mediators, party members or departments.",
            refs: [rid])
    }

    /// A person id, a name, `@name`, an @-mention or a department id or name (written in
    /// Traditional characters too: `紅色物業`, `陳師傅`).
    func resolveAssignee(_ target: String, mentions: [String]) throws -> Assignee {
        let written = target.hasPrefix("@") ? String(target.dropFirst()) : target
        let community = directory.community
        if let d = department(written) {
            try requireAnswered(d)
            return .department(d.id)
        }
        if let p = try directory.person(named: target, mentions: mentions) ?? directory.person(named: Grammar.simplified(written)) { return .person(p.id) }
        if target.hasPrefix("@"), mentions.count == 1 { return .person(mentions[0]) }
        if let d = department(written, partly: true) {
            try requireAnswered(d)
            return .department(d.id)
        }
        throw LinliError(
            .notFound, zh: "不认识“\(target)”：请写人员编号、姓名或部门（\(community.departments.map(\.name).joined(separator: "、"))）。",
            en: "I don't know “\(target)”: name a person (id or name) or a department (\(community.departments.map(\.id).joined(separator: ", "))).")
        .about(target)
    }

    /// A department by a word, as written or in Simplified characters (`紅色物業`); `partly`
    /// by part of its name too (`Directory.department(named:partly:)`).
    func department(_ word: String, partly: Bool = false) -> Department? {
        [word, Grammar.simplified(word)].lazy.compactMap { directory.department(named: $0, partly: partly) }.first
    }

    /// Tells whoever held `before` and no longer holds `after` (its person, or its
    /// department's members and robot) that it is off their hands; not those in
    /// `unasked`, whose ask to accept it was held for the morning and never sent.
    func tellFormerHandlers(_ before: WorkOrder, _ after: WorkOrder, except sender: String, unasked: Set<String>, _ text: Localized) -> [Effect] {
        guard before.assignee != after.assignee else { return [] }
        // Not whoever holds it now (a department's member it was passed to): they are asked to take it, not told it is off their hands.
        let holders: [String] =
            switch after.assignee {
            case .person(let id): [id]
            case .department(let id): directory.department(id)?.members ?? []
            case nil: []
            }
        return notifyHandlers(before, except: unasked.union([sender]).union(holders), reason: "status_changed", text: text)
    }

    /// Pushes to whoever handles the order: the assignee, or each member of its department.
    func notifyHandlers(_ order: WorkOrder, except sender: String, reason: String, text: Localized) -> [Effect] {
        notifyHandlers(order, except: [sender], reason: reason, text: text)
    }

    /// Pushes to whoever handles the order, but the sender and those whose ask to accept
    /// it is still held for the morning (they were never asked).
    func notifyHandlers(_ order: WorkOrder, except spared: Set<String>, reason: String, text: Localized) -> [Effect] {
        let rid = order.id.description
        let targets: [String] =
            switch order.assignee {
            case .person(let id): [id]
            // A department's members, and the department itself when it has a webhook (its robot).
            case .department(let id):
                directory.department(id).map { $0.members.isEmpty || $0.webhook != nil ? $0.members + [$0.id] : $0.members } ?? [id]
            case nil: []
            }
        return targets.filter { !spared.contains($0) }.map { .notify(to: $0, reason: reason, text: text, refs: [rid], priority: priority(of: order)) }
    }

    /// A department the community file gives no members and no webhook: no one there
    /// would hear of an order or could accept it, so none is routed to it.
    func requireAnswered(_ d: Department) throws {
        guard d.members.isEmpty, d.webhook == nil else { return }
        throw LinliError(
            .invalidState, zh: "\(d.name)在社区文件里没有成员，也没有 webhook：没有人能收到或签收。请先为它添加成员或 webhook。",
            en: "\(d.name) has no members and no webhook in the community file: no one there would hear of it or could accept it. Add members or a webhook first.")
    }

    /// Who a reporter's notice is for: the reporter, or a household that follows the
    /// report (a duplicate merged into it, or 我也是).
    enum Reader {
        case reporter, follower

        /// How the notice names the report: 您的报修 / 您关注的报修.
        var report: Localized {
            switch self {
            case .reporter: Localized(zh: "您的报修", en: "Your report")
            case .follower: Localized(zh: "您关注的报修", en: "A report you follow:")
            }
        }
    }

    /// A push to the reporter and to each follower, unless they are the one acting:
    /// every notice of a change reaches them all. `text` words it for each reader.
    func notifyReporter(_ order: WorkOrder, except sender: String, reason: String, text: (Reader) -> Localized) throws -> [Effect] {
        let rid = order.id.description
        let readers = [(order.reporter, Reader.reporter)] + (try workOrders.followers(of: order.number)).map { ($0.user, Reader.follower) }
        return readers.filter { $0.0 != sender }.map {
            .notify(to: $0.0, reason: reason, text: text($0.1), refs: [rid], priority: priority(of: order))
        }
    }

    /// `（3户受影响）`: the households a report affects (the reporter's and each
    /// follower's), when followers make it more than one; else nothing.
    func affectedLine(_ order: WorkOrder, _ followers: [Follower]) -> Localized {
        let households = Set([people.home(of: order.reporter) ?? order.reporter] + followers.map { $0.household ?? $0.user }).count
        guard households > 1 else { return Localized(zh: "", en: "") }
        return Localized(zh: "（\(households)户受影响）", en: " (\(English.count(households, "household")) affected)")
    }

    func priority(of order: WorkOrder) -> Priority { directory.category(order.category)?.priority ?? .p2 }

    /// The category's limits.
    func limits(_ category: String) -> WorkOrderLimits {
        let c = directory.category(category)
        return WorkOrderLimits(accept: c?.accept ?? WorkOrderLimits.standard.accept, resolve: c?.resolve ?? WorkOrderLimits.standard.resolve)
    }

    func limits(_ order: WorkOrder) -> WorkOrderLimits { limits(order.category) }

    /// A record of a private category (disputes, noise): never shown in a group.
    func isPrivate(_ order: WorkOrder) -> Bool { directory.category(order.category)?.isPrivate ?? false }

    /// Who has it, by role: 楼栋长, 网格长, 社区, 部门, 志愿者 (not always 楼栋长).
    func role(of assignee: Assignee?, in order: WorkOrder, _ lang: Lang) -> String {
        if let level = EscalationLadder(directory: directory).level(of: assignee, building: order.building) {
            return EscalationLadder.name(level, lang)
        }
        if case .person(let id) = assignee, directory.person(id)?.roles.contains(.volunteer) == true {
            return lang == .zh ? "志愿者" : "volunteer"
        }
        return ""
    }

    // MARK: Wording

    /// Whether a group reads no more than an order's number: a private category, or a
    /// report filed from a household visit (its details are the visit's notes).
    func keptFromGroups(_ order: WorkOrder) -> Bool {
        isPrivate(order) || (try? tx.isVisitReport(order.number)) == true
    }

    /// Whether `order` is not there for `sender`, who may not see it: private, and they are
    /// not the other party to its dispute (invited to a meeting about it, they know of it).
    func hidden(_ order: WorkOrder, from sender: String) throws -> Bool {
        try keptFromGroups(order) && tx.dispute(order.number)?.respondent.person != sender
    }

    /// Whether `sender` may not so much as know of `order` (what `status` answers `not_found`
    /// for): hidden from them, and they are none of its reporter, filer, handler, managers
    /// and followers.
    func unseen(_ order: WorkOrder, by sender: String) throws -> Bool {
        try !may(sender, [.reporter, .filer, .handler, .manager], order) && hidden(order, from: sender)
            && !workOrders.followers(of: order.number).contains { $0.user == sender }
    }

    /// A line that names a record only when it is private: what a group may read.
    func publicLine(_ o: WorkOrder, _ lang: Lang) -> String {
        guard keptFromGroups(o) else { return summaryLine(o, lang) }
        return lang == .zh ? "\(o.id) 私密事项" : "\(o.id) private matter"
    }

    func categoryName(_ order: WorkOrder, _ lang: Lang) -> String { directory.category(order.category)?.name(lang) ?? order.category }

    func buildingName(_ order: WorkOrder, _ lang: Lang = .zh) -> String { directory.building(order.building)?.title(lang) ?? order.building }

    /// `R1 漏水 · 3栋 501`
    func headline(_ o: WorkOrder, _ lang: Lang) -> String {
        "\(o.id) \(categoryName(o, lang)) · \(buildingName(o, lang))\(o.place.map { " \($0)" } ?? "")"
    }

    /// `R1 漏水 · 3栋 501：已签收（周永林）`
    func summaryLine(_ o: WorkOrder, _ lang: Lang) -> String {
        // Who holds it; a withdrawn or merged one no one does (named, it read as if they withdrew it).
        let who = [.cancelled, .duplicate].contains(o.state) ? nil : o.assignee.map { directory.name(of: $0.id) }
        switch lang {
        case .zh: return "\(headline(o, .zh))：\(o.state.label(.zh))\(who.map { "（\($0)）" } ?? "")"
        case .en: return "\(headline(o, .en)): \(o.state.label(.en))\(who.map { " (\($0))" } ?? "")"
        }
    }

    func historyLine(_ e: HistoryEntry, _ lang: Lang) -> String {
        let time = RFC3339.format(e.at, offsetSeconds: calendar.offset(at: e.at))
        let shortTime = "\(time.dropFirst(5).prefix(5)) \(time.dropFirst(11).prefix(5))"  // 11-28 09:10
        let detail = detail(e, lang).map { lang == .zh ? "：\($0)" : ": \($0)" } ?? ""
        let actor = e.actor == Kernel.system ? "Linli" : directory.name(of: e.actor)
        return "\(shortTime) \(actor) \(Self.actionLabels[e.action]?(lang) ?? e.action)\(detail)"
    }

    /// A history line's detail as `lang` reads it: routing lines name the person or
    /// department; an outcome, a meeting and what the bot writes itself are said in `lang`.
    func detail(_ e: HistoryEntry, _ lang: Lang) -> String? {
        e.detail.map { d in
            if ["assign", "escalate", "handover"].contains(e.action) {
                return d.split(separator: " ").map { directory.name(of: String($0)) }.joined(separator: " ")
            }
            return Self.detailLabels[d]?(lang) ?? (e.action == "done" ? Resolution.spoken(d, lang) : nil)
                ?? (e.action == "invite" ? DisputesFamily.spokenHistory(d, directory, lang) : nil) ?? d
        }
    }

    /// Details the bot writes itself, as a reader says them.
    static let detailLabels: [String: Localized] = [
        "unrated": Localized(zh: "办结后未评价", en: "not rated after resolution")
    ]

    /// History actions as a reader says them.
    static let actionLabels: [String: Localized] = [
        "report": Localized(zh: "报修", en: "reported"),
        "assign": Localized(zh: "交办", en: "assigned"),
        "handover": Localized(zh: "交接", en: "handed over"),
        "accept": Localized(zh: "签收", en: "accepted"),
        "note": Localized(zh: "进展", en: "noted"),
        "done": Localized(zh: "办结", en: "resolved"),
        "rate": Localized(zh: "评价", en: "rated"),
        "reopen": Localized(zh: "退回", en: "reopened"),
        "cancel": Localized(zh: "撤销", en: "withdrew"),
        "urge": Localized(zh: "催办", en: "chased"),
        "supervise": Localized(zh: "督办", en: "supervised"),
        "duplicate": Localized(zh: "并单，并入", en: "merged as a duplicate into"),
        "merge": Localized(zh: "并入重复报修", en: "took in the duplicate"),
        "metoo": Localized(zh: "也受影响", en: "is affected too"),
        "escalate": Localized(zh: "升级", en: "escalated"),
        "close": Localized(zh: "自动关闭", en: "closed"),
        "overdue": Localized(zh: "超期", en: "overdue"),
        "invite": Localized(zh: "约调解议事", en: "set a mediation meeting"),
        "attend": Localized(zh: "答复参加议事", en: "will attend the meeting"),
        "agree": Localized(zh: "记录调解协议", en: "recorded the agreement"),
        "confirm": Localized(zh: "确认协议", en: "confirmed the agreement"),
        "consent": Localized(zh: "同意公开", en: "consented to publicising"),
        "publicise": Localized(zh: "晒事", en: "publicised the outcome"),
    ]
}
