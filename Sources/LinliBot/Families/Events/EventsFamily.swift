import LinliCommands
import LinliCore
import LinliStore

/// Neighbourhood events (邻里节, film nights): staff and captains post them to the
/// community's groups; residents join and leave; participants are reminded.
struct EventsFamily: Family {
    func run(_ command: EventsCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .events: try eventsList(ctx)
        case .create(let title, let date, let start, let capacity): try createEvent(title: title, date: date, start: start, capacity: capacity, ctx)
        case .join(let id): try join(id, ctx)
        case .leave(let id): try leave(id, ctx)
        case .signups(let id): try signups(id, ctx)
        }
    }

    func fire(_ timer: EventClock, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        guard let id = RecordID(parsing: Substring(row.subject)), id.kind == .event else { return [] }
        switch timer {
        case .reminder: return try reminder(id, ctx)
        }
    }

    /// How long before an event starts its participants are reminded.
    static let eventReminderLead = Span.hours(1)

    func eventsList(_ ctx: CommandContext) throws -> Outcome {
        let list = try Self.coming(ctx)
        guard !list.isEmpty else { return Outcome(zh: "近期没有活动。", en: "No upcoming events.") }
        var zh: [String] = []
        var en: [String] = []
        for e in list {
            let joined = try ctx.tx.participants(e.number).count
            let seats = e.capacity.map { "\(joined)/\($0)" } ?? "\(joined)"
            zh.append("\(e.id) \(e.title) \(e.day.spoken(.zh, from: ctx.calendar.today)) \(Booking.clock(e.start))，已报名 \(seats)")
            en.append("\(e.id) \(e.title) \(e.day.spoken(.en, from: ctx.calendar.today)) \(Booking.clock(e.start)), \(seats) signed up")
        }
        return Outcome(
            zh: "近期活动（报名：报名 E编号）：\n" + zh.joined(separator: "\n"),
            en: "Upcoming events (to join: join E<n>):\n" + en.joined(separator: "\n"), refs: list.map(\.id.description))
    }

    func createEvent(title: String, date: DateSpec, start: Int, capacity: Int?, _ ctx: CommandContext) throws -> Outcome {
        guard ctx.isStaff || ctx.roles.contains(.captain) else {
            throw LinliError(.forbidden, zh: "只有社区工作人员和楼栋长可以发布活动。", en: "Only the community office and building captains can post events.")
        }
        let d = try ctx.calendar.day(date)
        let startAt = ctx.calendar.instant(d, start)
        guard startAt > ctx.now else { throw LinliError(.usage, zh: "活动时间已经过去了。", en: "That time has already passed.") }
        let event = CommunityEvent(
            number: ctx.numbers.next(.event), title: title, day: d, start: start, capacity: capacity, creator: ctx.sender, createdAt: ctx.now)
        try ctx.tx.insert(event)
        let eid = event.id.description
        let reminderAt = ctx.calendar.reminderTime(before: startAt, lead: Self.eventReminderLead)
        if reminderAt > ctx.now { try ctx.timers.schedule(EventClock.reminder, at: reminderAt, subject: eid) }
        let seats = capacity.map { Localized(zh: "，限 \($0) 人", en: ", \($0) places") } ?? Localized(zh: "", en: "")
        let text = Localized(
            zh: "【活动】\(eid) \(title)：\(d.spoken(.zh, from: ctx.calendar.today)) \(Booking.clock(start))\(seats.zh)。报名请发送：报名 \(eid)",
            en: "[Event] \(eid) \(title): \(d.spoken(.en, from: ctx.calendar.today)) \(Booking.clock(start))\(seats.en). To join: join \(eid)")
        // Announced in every group of the sender's scope: a captain's building, a grid leader's grid, all for staff.
        let groups = ctx.directory.groups(inScopeOf: ctx.sender)
        return Outcome(
            zh: "已发布 \(eid)：\(title)，已通知 \(groups.count) 个群。",
            en: "Posted \(eid): \(title), announced in \(English.count(groups.count, "group")).", refs: [eid],
            effects: groups.map { .post(group: $0, reason: "announcement", text: text, refs: [eid]) })
    }

    func loadEvent(_ id: RecordID, _ ctx: CommandContext) throws -> CommunityEvent {
        guard let e = try ctx.tx.event(id.number) else {
            throw LinliError.notFound(id)
        }
        return e
    }

    func join(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        try ctx.requireKnown()
        let e = try loadEvent(id, ctx)
        guard ctx.calendar.instant(e.day, e.start) > ctx.now else {
            throw LinliError(.invalidState, zh: "\(id) 已经开始了。", en: "\(id) has started already.", refs: [id.description])
        }
        let joined = try ctx.tx.participants(e.number)
        if joined.contains(ctx.sender) {
            return Outcome(zh: "您已报名 \(id)。", en: "You are signed up for \(id) already.", refs: [id.description])
        }
        guard e.hasRoom(joined: joined.count) else {
            throw LinliError(.limit, zh: "\(id) 名额已满。", en: "\(id) is full.", refs: [id.description])
        }
        _ = try ctx.tx.join(e.number, user: ctx.sender, at: ctx.now)
        // The reminder is promised only when it is still to come.
        let start = ctx.calendar.instant(e.day, e.start)
        let promise =
            ctx.calendar.promise(reminderAt: ctx.calendar.reminderTime(before: start, lead: Self.eventReminderLead), start: start, lead: Self.eventReminderLead)
            ?? (start.since(ctx.now) <= Self.eventReminderLead
                ? Localized(zh: "马上就开始了，请准时参加", en: "it starts soon, so be on time") : Localized(zh: "请准时参加", en: "please be on time"))
        return Outcome(
            zh: "报名成功：\(id) \(e.title)，\(e.day.spoken(.zh, from: ctx.calendar.today)) \(Booking.clock(e.start))，\(promise.zh)。",
            en: "Signed up: \(id) \(e.title), \(e.day.spoken(.en, from: ctx.calendar.today)) \(Booking.clock(e.start)); \(promise.en).", refs: [id.description])
    }

    func leave(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let e = try loadEvent(id, ctx)
        guard ctx.calendar.instant(e.day, e.start) > ctx.now else {
            throw LinliError(.invalidState, zh: "\(id) 已经开始了，不能再取消报名。", en: "\(id) has started; it is too late to leave.", refs: [id.description])
        }
        guard try ctx.tx.leave(e.number, user: ctx.sender) else {
            throw LinliError(.invalidState, zh: "您没有报名 \(id)。", en: "You are not signed up for \(id).", refs: [id.description])
        }
        return Outcome(zh: "已取消报名 \(id)。", en: "You have left \(id).", refs: [id.description])
    }

    /// `报名名单 E1`: who signed up, with their homes, for whoever posted it and the office;
    /// in a group, the count only (the names go privately).
    func signups(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let e = try loadEvent(id, ctx)
        guard ctx.isStaff || e.creator == ctx.sender else {
            throw LinliError(.forbidden, zh: "报名名单只给活动发布人和社区查看。", en: "Only whoever posted \(id) and the community office see who signed up.", refs: [id.description])
        }
        let joined = try ctx.tx.participants(e.number)
        let seats = e.capacity.map { "\(joined.count)/\($0)" } ?? "\(joined.count)"
        let when = (zh: "\(e.day.spoken(.zh, from: ctx.calendar.today)) \(Booking.clock(e.start))", en: "\(e.day.spoken(.en, from: ctx.calendar.today)) \(Booking.clock(e.start))")
        let head = Localized(zh: "\(id) \(e.title) \(when.zh)，已报名 \(seats)", en: "\(id) \(e.title) \(when.en): \(seats) signed up")
        let names = joined.enumerated().map { i, user in
            "\(i + 1). " + ([ctx.directory.name(of: user), ctx.kernel.people.home(of: user)].compactMap { $0 }.joined(separator: " "))
        }
        let outcome = Outcome(
            Localized(zh: ([head.zh + (names.isEmpty ? "，还没有人报名。" : "：")] + names).joined(separator: "\n"),
                en: ([head.en + (names.isEmpty ? "; no one yet." : ":")] + names).joined(separator: "\n")),
            refs: [id.description])
        return names.isEmpty ? outcome : outcome.keepingPrivate(head, in: ctx)
    }

    func reminder(_ id: RecordID, _ ctx: Kernel) throws -> [Effect] {
        // Not once it has begun: a reminder that comes late is dropped.
        guard let e = try ctx.tx.event(id.number), ctx.now < ctx.calendar.instant(e.day, e.start) else { return [] }
        return try ctx.tx.participants(e.number).map { user in
            .notify(
                to: user, reason: "reminder",
                text: Localized(
                    zh: "【活动提醒】\(id) \(e.title) 将于 \(ctx.calendar.spoken(e.day, Booking.clock(e.start), .zh)) 开始。",
                    en: "[Reminder] \(id) \(e.title) starts at \(ctx.calendar.spoken(e.day, Booking.clock(e.start), .en))."),
                refs: [id.description])
        }
    }
}

extension EventClock: TimerKind {}

extension EventsFamily {
    /// `报名 邻里节`, `报名 电影夜`: the event to come whose title is (or holds) what was said;
    /// several, which is asked, naming them; none, said so with where to look.
    func presume(_ missing: ArgSpec, of id: String, said: String, _ ctx: CommandContext) throws -> Presumption<String> {
        guard let title = CommandParser.titleSaid(said) else { return .ask }
        let folded = Grammar.fold(title).lowercased()
        let coming = try Self.coming(ctx)
        // The title or a part of it; not a sentence that holds it (`报名邻里节的人好多`).
        let named = coming.filter { Grammar.fold($0.title).lowercased().contains(folded) }
        guard !named.isEmpty else {
            return .refused(
                LinliError(.notFound, zh: "近期没有叫“\(title)”的活动。看看有哪些：活动", en: "No event to come is called “\(title)”. See them: events"))
        }
        guard named.count > 1 else { return .value(named[0].id.description) }
        return .choose(Localized(zh: "是哪一个活动？", en: "Which event?")) { lang in
            named.map { "\($0.id) \($0.title) \($0.day.spoken(lang, from: ctx.calendar.today))" }
        }
    }

    /// The events still to begin (today's too, until they begin).
    static func coming(_ ctx: CommandContext) throws -> [CommunityEvent] {
        try ctx.tx.events(from: ctx.calendar.today).filter { ctx.calendar.instant($0.day, $0.start) > ctx.now }
    }
}
