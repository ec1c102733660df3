import LinliCommands
import LinliCore
import LinliStore

/// Households: 一户一档 (a household's file) and 党员包户 (party members paired with
/// households, their visits, coverage and reminders).
struct HouseholdsFamily: Family {
    enum Timer: String, TimerKind {
        /// Every morning: members with paired households overdue for a visit are told.
        case reminders = "visit_reminders"
    }

    /// At 09:00 local time.
    var daily: (timer: Timer, minutes: Int)? { (.reminders, 9 * 60) }
    /// A member reminded is not reminded again for this long.
    static let remindAgain = Span.days(7)
    /// How often each paired household is to be visited when the community file does not say.
    static let defaultEvery = Span.days(30)
    /// The meta key of the first morning reminders were looked for.
    static let sinceKey = "visits_since"
    /// At most this many records of each kind are listed in a household's file.
    static let shown = 5

    func run(_ command: HouseholdsCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .household(let room): try household(room, ctx)
        case .pair(let who, let rooms): try pair(who, rooms, ctx)
        case .unpair(let who, let rooms): try unpair(who, rooms, ctx)
        case .visit(let room, let notes): try visit(room, notes, ctx)
        case .visits(let who): try visits(who, ctx)
        }
    }

    // MARK: Pairs

    /// The pairs in force: the community file's, with those made and ended in chat.
    func pairs(_ ctx: Kernel) throws -> Set<Pair> { Set(try pairsSince(ctx).keys) }

    /// The pairs in force, each with when it was made in chat (nil: by the community file):
    /// only a party member's (one whose role was taken back keeps no household's notes).
    func pairsSince(_ ctx: Kernel) throws -> [Pair: Instant?] {
        var pairs: [Pair: Instant?] = [:]
        for p in ctx.directory.community.people { for home in p.pairs { pairs[Pair(member: p.id, household: home)] = .some(nil) } }
        for (pair, active, at) in try ctx.tx.pairChanges() { pairs[pair] = active ? .some(at) : nil }
        return pairs.filter { ctx.directory.person($0.key.member)?.roles.contains(.partyMember) == true }
    }

    /// A party member named by id, name or mention, or `not_found` / `usage`.
    private func member(_ who: String, _ ctx: CommandContext) throws -> String {
        guard let id = try ctx.people.resolve(who, mentions: ctx.mentions) else {
            throw LinliError.unknownName(who)
        }
        guard ctx.directory.person(id)?.roles.contains(.partyMember) == true else {
            let name = ctx.directory.name(of: id)
            throw LinliError(.usage, zh: "\(name)不是党员，不能包户。", en: "\(name) is not a party member, so cannot be paired with households.")
        }
        return id
    }

    /// A household named by `room`, one of its building's rooms: a party member pairs
    /// with, or visits, only a home that exists.
    static func realHousehold(_ room: String, _ ctx: CommandContext, orIn own: Building?) throws -> (building: Building, home: String) {
        let (building, home) = try ctx.people.household(room, group: ctx.group, orIn: own)
        let unit = String(home.dropFirst(building.id.count + 1))
        guard (building.rooms ?? .plausible).accepts(unit) else {
            throw LinliError(
                .usage, zh: "\(building.name)没有\(unit)这一户，请核对房号。", en: "\(building.title.en) has no room \(unit); please check the number.")
        }
        return (building, home)
    }

    /// Households named in free text, `b3-501 b3-502` or `501 502` in a building's group.
    private func households(_ rooms: String, _ ctx: CommandContext) throws -> [String] {
        var words: [String] = []
        for word in rooms.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "，" || $0 == "、" || $0 == "\u{3000}" }).map(String.init) {
            // `3栋 801`: a building and its room, written apart, are one household.
            if let last = words.last?.unicodeScalars.last, Grammar.buildingEnds.contains(last), word.first?.isNumber == true { words[words.count - 1] += word } else { words.append(word) }
        }
        var out: [String] = []
        for word in words {
            let home = try Self.realHousehold(String(word), ctx, orIn: nil).home
            if !out.contains(home) { out.append(home) }
        }
        guard !out.isEmpty else { throw LinliError(.usage, zh: "请写房号，例如：b3-501", en: "Give the households, e.g. b3-501") }
        return out
    }

    private func requireStaff(_ ctx: CommandContext) throws {
        guard ctx.isStaff else { throw LinliError(.forbidden, zh: "包户由社区安排。", en: "The community office arranges pairs.") }
    }

    func pair(_ who: String, _ rooms: String, _ ctx: CommandContext) throws -> Outcome {
        try requireStaff(ctx)
        let id = try member(who, ctx)
        let homes = try households(rooms, ctx)
        let current = try pairs(ctx.kernel)
        let added = homes.filter { !current.contains(Pair(member: id, household: $0)) }
        for home in added { try ctx.tx.setPair(Pair(member: id, household: home), active: true, by: ctx.sender, at: ctx.now) }
        let all = current.filter { $0.member == id }.map(\.household).count + added.count
        let name = ctx.directory.name(of: id)
        let list = homes.joined(separator: " ")
        var outcome = Outcome(
            zh: "已安排\(name)联系包户：\(list)（共包\(all)户）。", en: "\(name) now looks after \(list) (\(English.count(all, "household")) in all).")
        if !added.isEmpty, id != ctx.sender {
            outcome.effects.append(
                .notify(
                    to: id, reason: "paired",
                    text: Localized(
                        zh: "社区安排您联系包户：\(added.joined(separator: " "))。走访后发送：走访 房号 情况",
                        en: "The community office paired you with \(added.joined(separator: " ")). After a visit send: visit <room> <notes>"),
                    refs: []))
        }
        return outcome
    }

    func unpair(_ who: String, _ rooms: String?, _ ctx: CommandContext) throws -> Outcome {
        try requireStaff(ctx)
        guard let id = try ctx.people.resolve(who, mentions: ctx.mentions) else {
            throw LinliError.unknownName(who)
        }
        let mine = try pairs(ctx.kernel).filter { $0.member == id }
        let ended = try rooms.map { try households($0, ctx) }.map { homes in mine.filter { homes.contains($0.household) } } ?? mine
        let name = ctx.directory.name(of: id)
        guard !ended.isEmpty else {
            throw LinliError(.notFound, zh: "\(name)没有这些包户。", en: "\(name) is not paired with those households.")
        }
        for pair in ended { try ctx.tx.setPair(pair, active: false, by: ctx.sender, at: ctx.now) }
        let list = ended.map(\.household).sorted().joined(separator: " ")
        return Outcome(zh: "已解除\(name)的包户：\(list)。", en: "\(name) no longer looks after \(list).")
    }

    // MARK: The household's file

    func household(_ room: String?, _ ctx: CommandContext) throws -> Outcome {
        let (building, home): (Building, String)
        if let room {
            (building, home) = try ctx.people.household(room, group: ctx.group, orIn: ctx.building)
        } else {
            guard let own = ctx.home, let b = ctx.building else {
                guard ctx.person != nil else { throw ctx.notRegistered }
                // Staff and grid leaders without a home of their own look households up by room.
                throw LinliError(
                    .usage, zh: "您没有登记住户。查看一户请写房号，例如：户档 3-502",
                    en: "You have no household of your own. Name one to see it, e.g. household b3-502")
            }
            (building, home) = (b, own)
        }
        let members = ctx.people.members(of: home)
        let paired = try pairs(ctx.kernel).filter { $0.household == home }.map(\.member).sorted()
        let access = HouseholdAccess(
            isMember: ctx.home == home, isStaff: ctx.isStaff, isCaptain: building.captain == ctx.sender,
            isGridLeader: ctx.directory.gridLeader(of: building) == ctx.sender, isPaired: paired.contains(ctx.sender))
        guard access.view > .none else {
            throw LinliError(.forbidden, zh: "只能查看自己家的户档。", en: "You may only see your own household's file.")
        }
        let file = try HouseholdFile(home: home, building: building, members: members, paired: paired, withVisits: access.view == .withVisits, ctx)
        return Outcome(file.text, refs: file.refs)
            // In a group, not even whose (which flat) it is.
            .keepingPrivate(Localized(zh: "户档", en: "Household file"), in: ctx)
    }
}

/// A household's file as read out: members, its records of each kind (the newest
/// `HouseholdsFamily.shown`), points, paired members and (for those allowed) visits.
private struct HouseholdFile {
    var text: Localized
    var refs: [String]

    init(home: String, building: Building, members: [String], paired: [String], withVisits: Bool, _ ctx: CommandContext) throws {
        let n = HouseholdsFamily.shown
        let desk = WorkOrderDesk(ctx.kernel)
        // A private report (a dispute, noise) is for its reporter, whoever filed it on a visit, its
        // handlers and those over its building: not the other members (one may have joined since,
        // even the other party), nor a paired party member as such.
        let orders = try ctx.tx.householdWorkOrders(members: members, building: building.id, room: WorkOrdersFamily.room(home), limit: n)
            .filter { !desk.isOtherParty(ctx.sender, $0) && (!desk.isPrivate($0) || desk.may(ctx.sender, [.reporter, .filer, .handler, .manager], $0)) }
        let bookings = try ctx.tx.householdBookings(home, limit: n)
        let requests = try ctx.tx.householdRequests(home, limit: n)
        let wishes = try ctx.tx.wishes(wishers: members, limit: n)
        let points = try ctx.tx.pointTotals(members)
        let visits = withVisits ? try ctx.tx.visits(household: home) : []
        let names = { (ids: [String], sep: String) in ids.isEmpty ? "—" : ids.map { ctx.people.name(of: $0) }.joined(separator: sep) }
        func section(_ title: String, _ lines: [String], _ lang: Lang) -> [String] {
            lines.isEmpty ? [] : [lang == .zh ? "\(title)：" : "\(title):"] + lines.map { "  " + $0 }
        }
        func venue(_ id: String, _ lang: Lang) -> String { ctx.directory.community.venueTitle(id)(lang) }
        func service(_ id: String, _ lang: Lang) -> String { ctx.directory.community.serviceTitle(id)(lang) }
        func text(_ lang: Lang) -> String {
            let zh = lang == .zh
            var lines = [
                zh ? "\(home) 户档（\(building.name)）" : "Household \(home) (\(building.title.en))",
                zh ? "成员：\(names(members, "、"))" : "Members: \(names(members, ", "))",
            ]
            lines += section(zh ? "报修" : "Reports", orders.map { desk.summaryLine($0, lang) }, lang)
            lines += section(
                zh ? "预约" : "Bookings",
                bookings.map { "\($0.id) \(venue($0.venue, lang)) \($0.day.spoken(lang)) \($0.times) \($0.state.label(lang))" },
                lang)
            lines += section(
                zh ? "借用与服务" : "Loans and requests",
                requests.map { r in
                    "\(r.id) \(service(r.service, lang))\(r.countShown) \(HouseholdFile.label(r.state, loan: r.isLoan, lang))"
                }, lang)
            lines += section(zh ? "微心愿" : "Wishes", wishes.map { "\($0.id) \($0.text) \($0.state.label(lang))" }, lang)
            let scored = members.filter { points[$0] != nil }
            if !scored.isEmpty {
                lines.append(
                    (zh ? "积分：" : "Points: ")
                        + scored.map { "\(ctx.directory.name(of: $0)) \(points[$0]!)" }.joined(separator: zh ? "、" : ", "))
            }
            if !paired.isEmpty { lines.append(zh ? "包户党员：\(names(paired, "、"))" : "Paired party members: \(names(paired, ", "))") }
            if withVisits {
                let shown = visits.prefix(n).map { v in
                    "\(v.id) \(ctx.calendar.day(of: v.at).spoken(lang)) \(ctx.directory.name(of: v.visitor))\(zh ? "：" : ": ")\(v.notes)"
                }
                lines += section(zh ? "走访" : "Visits", shown.isEmpty ? [zh ? "尚未走访" : "none yet"] : Array(shown), lang)
            }
            return lines.joined(separator: "\n")
        }
        self.text = Localized(zh: text(.zh), en: text(.en))
        refs =
            orders.map(\.id.description) + bookings.map(\.id.description) + requests.map(\.id.description) + wishes.map(\.id.description)
            + visits.prefix(n).map(\.id.description)
    }

    static func label(_ state: ServiceRequest.State, loan: Bool, _ lang: Lang) -> String {
        switch (state, loan, lang) {
        case (.open, true, .zh): "借用中"
        case (.open, true, .en): "on loan"
        case (.open, false, .zh): "待办"
        case (.open, false, .en): "open"
        case (.accepted, _, _): state.label(lang)
        case (.returned, _, .zh): "已归还"
        case (.returned, _, .en): "returned"
        case (.done, _, .zh): "已完成"
        case (.done, _, .en): "done"
        case (.cancelled, _, .zh): "已撤销"
        case (.cancelled, _, .en): "cancelled"
        }
    }
}

extension Wish.State {
    /// The state as a reader says it (household files, staff pages).
    func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.open, .zh): "待认领"
        case (.open, .en): "open"
        case (.claimed, .zh): "已认领"
        case (.claimed, .en): "claimed"
        case (.fulfilled, .zh): "已完成"
        case (.fulfilled, .en): "fulfilled"
        case (.confirmed, .zh): "已确认"
        case (.confirmed, .en): "confirmed"
        case (.cancelled, .zh): "已撤销"
        case (.cancelled, .en): "withdrawn"
        }
    }
}
