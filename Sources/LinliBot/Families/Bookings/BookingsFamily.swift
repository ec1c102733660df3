import LinliCommands
import LinliCore
import LinliStore

/// Bookings of shared spaces (SERVICES.md §2): venues, book, bookings, schedule,
/// cancel, approve, decline, and the reminder before the start.
struct BookingsFamily: Family {
    func run(_ command: BookingsCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .venues(let date): try venuesList(date, ctx)
        case .book(let venue, let date, let times, let purpose): try book(venue: venue, date: date, times: times, purpose: purpose, ctx)
        case .bookings: try myBookings(ctx)
        case .schedule(let venue, let date): try venueSchedule(venue, date, ctx)
        case .approve(let id): try decide(id, approve: true, why: nil, ctx)
        case .decline(let id, let why): try decide(id, approve: false, why: why, ctx)
        case .cancel(let id): try cancelBooking(id, ctx)
        }
    }

    func fire(_ timer: BookingClock, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        guard let id = RecordID(parsing: Substring(row.subject)), id.kind == .booking else { return [] }
        switch timer {
        case .reminder: return try reminder(id, ctx)
        case .lapse: return try lapse(id, ctx)
        }
    }

    /// How long before its start a booking's reminder goes out.
    static let bookingReminderLead = Span.minutes(30)

    func venue(_ id: String, _ directory: Directory) throws -> Venue {
        guard let v = directory.community.venues.first(where: { $0.id == id }) else {
            throw LinliError(.notFound, zh: "没有这个场地。", en: "There is no such venue.")
        }
        return v
    }

    /// The free times of a venue on a day: its opening hours less what is held.
    /// The venue's free ranges of a day, not before `earliest` (minutes after midnight).
    static func freeRanges(_ v: Venue, _ taken: [Booking], from earliest: Int = 0) -> [(Int, Int)] {
        let open = v.open ?? TimeRange(start: 0, end: 1440)
        var free: [(Int, Int)] = []
        var t = max(open.start, earliest)
        for b in taken.sorted(by: { $0.start < $1.start }) {
            if b.start > t { free.append((t, min(b.start, open.end))) }
            t = max(t, b.end)
        }
        if t < open.end { free.append((t, open.end)) }
        return free.filter { $0.0 < $0.1 }
    }

    func venuesList(_ date: DateSpec?, _ ctx: CommandContext) throws -> Outcome {
        let d = try ctx.calendar.day(date)
        // Only times still to come: today from the next half hour, none on a past day.
        let today = ctx.calendar.today
        let earliest = d < today ? 1440 : d == today ? (ctx.calendar.minuteOfDay + 29) / 30 * 30 : 0
        var zh: [String] = []
        var en: [String] = []
        for v in ctx.directory.community.venues {
            let free = Self.freeRanges(v, try ctx.tx.bookings(venue: v.id, day: d), from: earliest).map {
                "\(Booking.clock($0.0))-\(Booking.clock($0.1))"
            }
            let shown =
                free.isEmpty
                ? Localized(zh: "没有空闲时段", en: "no free time left")
                : Localized(zh: "空闲 " + free.joined(separator: "、"), en: "free " + free.joined(separator: ", "))
            let approval = v.approval ? Localized(zh: "（需审批）", en: " (needs approval)") : Localized(zh: "", en: "")
            zh.append("\(v.name)（\(v.names.first ?? v.id)）\(approval.zh)：\(shown.zh)")
            en.append("\(v.title.en) (\(v.names.first ?? v.id))\(approval.en): \(shown.en)")
        }
        return Outcome(zh: "\(d.spoken(.zh)) 场地：\n" + zh.joined(separator: "\n"), en: "Venues on \(d.spoken(.en)):\n" + en.joined(separator: "\n"))
    }

    func book(venue id: String, date: DateSpec?, times said: TimeRange, purpose: String?, _ ctx: CommandContext) throws -> Outcome {
        let household = try ctx.requireHousehold()
        let v = try venue(id, ctx.directory)
        let times = BookingRules.meant(said, venue: v)
        let d = try ctx.calendar.day(date)
        let startAt = ctx.calendar.instant(d, times.start)
        let week = d.weekStart
        let held = try ctx.tx.householdBookings(venue: v.id, household: household, from: week, to: week.adding(days: 7))
        try BookingRules.check(
            venue: v, day: d, start: times.start, end: times.end, startAt: startAt, now: ctx.now, today: ctx.calendar.today, householdThisWeek: held)
        let taken = try ctx.tx.bookings(venue: v.id, day: d)
        if let clash = taken.first(where: { $0.overlaps(start: times.start, end: times.end) }) {
            // Their own booking: said so, not as someone else's (of the office's, only one's own:
            // the office's household holds the mediation meetings too).
            if clash.household == household, household != CommandContext.office || clash.booker == ctx.sender {
                throw LinliError(
                    .conflict, zh: "您家已预约 \(clash.id)：\(v.name) \(clash.times)。要换时间，请先取消：取消 \(clash.id)",
                    en: "Your household has booked \(v.title.en) at \(clash.times) already (\(clash.id)). To change it, cancel it first: cancel \(clash.id)",
                    refs: [clash.id.description])
            }
            throw LinliError(
                .conflict,
                zh: "\(v.name) \(clash.times) 已有预约。\(try nearestFreeText(v, d, length: times.end - times.start, wanted: times.start, .zh, ctx))",
                en:
                    "\(v.title.en) is taken at \(clash.times). \(try nearestFreeText(v, d, length: times.end - times.start, wanted: times.start, .en, ctx))",
                refs: [clash.id.description])
        }
        let number = ctx.numbers.next(.booking)
        var booking = Booking(
            number: number, venue: v.id, day: d, start: times.start, end: times.end, booker: ctx.sender, household: household,
            purpose: purpose, state: v.approval ? .pending : .confirmed, createdAt: ctx.now)
        // Whoever would approve it (the building's captain, its grid leader, the office) books at once.
        let approvedBySender = v.approval && managesBooking(ctx.sender, booking, ctx.directory)
        if approvedBySender { booking.state = .confirmed }
        try ctx.tx.insert(booking)
        let bid = booking.id.description
        let reminderAt = ctx.calendar.reminderTime(before: startAt, lead: Self.bookingReminderLead)
        if reminderAt > ctx.now { try ctx.timers.schedule(BookingClock.reminder, at: reminderAt, subject: bid) }
        if booking.state == .pending { try ctx.timers.schedule(BookingClock.lapse, at: startAt, subject: bid) }
        let what = Localized(
            zh: "\(v.name) \(d.spoken(.zh)) \(booking.times)\(purpose.map { "（\($0)）" } ?? "")",
            en: "\(v.title.en) \(d.spoken(.en)) \(booking.times)\(purpose.map { " (\($0))" } ?? "")")
        guard v.approval, !approvedBySender else {
            let approved = approvedBySender ? Localized(zh: "（您有审批权，已直接批准）", en: " (you approve bookings here, so it is approved)") : Localized(zh: "", en: "")
            let promise = ctx.calendar.promise(reminderAt: reminderAt, start: startAt, lead: Self.bookingReminderLead)
            return Outcome(
                zh: "已预约 \(bid)：\(what.zh)\(approved.zh)。\(promise.map { "\($0.zh)；" } ?? "")取消请发送：取消 \(bid)",
                en: "Booked \(bid): \(what.en)\(approved.en). \(promise.map { "\($0.en); to cancel" } ?? "To cancel"): cancel \(bid)", refs: [bid])
        }
        let effects: [Effect] =
            approver(of: booking, ctx.directory).map { a in
                [
                    .notify(
                        to: a, reason: "booking_request",
                        text: Localized(
                            zh: "【预约待审批】\(bid) \(what.zh)，\(ctx.senderLabel)。批准：批准 \(bid)；拒绝：拒绝 \(bid) 原因",
                            en: "[Booking to approve] \(bid) \(what.en), \(ctx.senderLabel). Approve: approve \(bid); decline: decline \(bid) <why>"),
                        refs: [bid], priority: Effect.routine)
                ]
            } ?? []
        return Outcome(
            zh: "已提交 \(bid)：\(what.zh)。\(v.name)需要审批，时段已为您保留，结果会通知您。",
            en: "Requested \(bid): \(what.en). \(v.title.en) needs approval; the slot is held for you and you will be told.", refs: [bid],
            effects: effects)
    }

    /// "The nearest free slot is …" for a clash: that day, else the next.
    private func nearestFreeText(_ v: Venue, _ d: LocalDay, length: Int, wanted: Int, _ lang: Lang, _ ctx: CommandContext) throws -> String {
        let nowMinute = d == ctx.calendar.today ? Int(ctx.now.since(ctx.calendar.instant(d, 0)).milliseconds / 60_000) : 0
        let taken = try ctx.tx.bookings(venue: v.id, day: d).map { ($0.start, $0.end) }
        if let t = BookingRules.nearestFree(venue: v, length: length, wanted: wanted, taken: taken, earliest: nowMinute) {
            return lang == .zh
                ? "最近的空闲时段：\(Booking.clock(t))-\(Booking.clock(t + length))。"
                : "The nearest free slot: \(Booking.clock(t))-\(Booking.clock(t + length))."
        }
        let next = d.adding(days: 1)
        let nextTaken = try ctx.tx.bookings(venue: v.id, day: next).map { ($0.start, $0.end) }
        if let t = BookingRules.nearestFree(venue: v, length: length, wanted: wanted, taken: nextTaken) {
            return lang == .zh
                ? "当天已满，\(next.spoken(.zh)) \(Booking.clock(t))-\(Booking.clock(t + length)) 有空。"
                : "That day is full; \(next.spoken(.en)) \(Booking.clock(t))-\(Booking.clock(t + length)) is free."
        }
        return lang == .zh ? "当天和次日都已约满。" : "That day and the next are full."
    }

    func myBookings(_ ctx: CommandContext) throws -> Outcome {
        // Today's too, until they end.
        let list = try ctx.tx.bookings(booker: ctx.sender, from: ctx.calendar.today).filter { ctx.calendar.instant($0.day, $0.end) > ctx.now }
        guard !list.isEmpty else { return Outcome(zh: "您没有待用的预约。", en: "You have no upcoming bookings.") }
        func line(_ b: Booking, _ lang: Lang) -> String {
            let name = ctx.directory.community.venueTitle(b.venue)(lang)
            return "\(b.id) \(name) \(b.day.spoken(lang)) \(b.times) \(b.state.label(lang))"
        }
        return Outcome(
            zh: "您的预约：\n" + list.map { line($0, .zh) }.joined(separator: "\n"),
            en: "Your bookings:\n" + list.map { line($0, .en) }.joined(separator: "\n"), refs: list.map(\.id.description))
    }

    func venueSchedule(_ id: String, _ date: DateSpec?, _ ctx: CommandContext) throws -> Outcome {
        let v = try venue(id, ctx.directory)
        let d = try ctx.calendar.day(date)
        let list = try ctx.tx.bookings(venue: v.id, day: d)
        guard !list.isEmpty else {
            return Outcome(zh: "\(v.name) \(d.spoken(.zh)) 还没有预约。", en: "\(v.title.en) has no bookings on \(d.spoken(.en)).")
        }
        func line(_ b: Booking, _ lang: Lang) -> String {
            // A mediation meeting names neither its parties nor its matter (SERVICES.md §1a).
            let note = b.isPrivate ? (lang == .zh ? " 调解" : " mediation") : b.purpose.map { " \($0)" } ?? ""
            return "\(b.times) \(b.id)\(note)\(b.state == .pending ? (lang == .zh ? "（待审批）" : " (pending)") : "")"
        }
        return Outcome(
            zh: "\(v.name) \(d.spoken(.zh))：\n" + list.map { line($0, .zh) }.joined(separator: "\n"),
            en: "\(v.title.en) on \(d.spoken(.en)):\n" + list.map { line($0, .en) }.joined(separator: "\n"), refs: list.map(\.id.description))
    }

    /// The one write path of a booking that exists: the action, its new state, its clocks.
    func write(_ booking: Booking, _ action: BookingAction, _ ctx: Kernel) throws {
        var next = booking
        let transition = try next.apply(action)
        try ctx.tx.update(next, from: booking)
        try ctx.timers.apply(transition, subject: booking.id.description)
        // Decided, withdrawn or lapsed in the night: the ask to approve it held for the morning is moot.
        if next.state != .pending { try ctx.timers.dropHeld(booking.id.description, reasons: ["booking_request"]) }
    }

    func loadBooking(_ id: RecordID, _ ctx: CommandContext) throws -> Booking {
        guard let b = try ctx.tx.booking(id.number) else {
            throw LinliError.notFound(id)
        }
        return b
    }

    /// Who is asked to approve a booking: the captain of the booker's building, else its
    /// grid leader, else the office.
    func approver(of b: Booking, _ directory: Directory) -> String? {
        directory.building(ofHome: b.household).flatMap { $0.captain ?? directory.gridLeader(of: $0) } ?? directory.firstStaff
    }

    /// A routine push about `b` to whoever approves it (none when they are in `except`).
    private func toApprover(_ b: Booking, _ directory: Directory, reason: String, except: Set<String> = [], _ text: Localized) -> [Effect] {
        guard let a = approver(of: b, directory), !except.contains(a) else { return [] }
        return [.notify(to: a, reason: reason, text: text, refs: [b.id.description], priority: Effect.routine)]
    }

    /// Whether `user` answers for the booker's building (captain, grid leader, staff).
    func managesBooking(_ user: String, _ b: Booking, _ directory: Directory) -> Bool {
        directory.building(ofHome: b.household).map { directory.manages(user, building: $0) }
            ?? (directory.person(user)?.roles.contains(.staff) == true)
    }

    func cancelBooking(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let b = try loadBooking(id, ctx)
        guard b.booker == ctx.sender || managesBooking(ctx.sender, b, ctx.directory) else { throw LinliError.forbidden(id) }
        try refuseIfBegun(b, ctx)
        // A dispute's meeting goes with its dispute: cancelled alone, both parties would still come.
        if b.isPrivate, let dispute = try ctx.tx.dispute(meeting: b.number), !dispute.isSettled {
            let rid = RecordID(.workOrder, dispute.number)
            throw LinliError(
                .invalidState, zh: "\(id) 是 \(rid) 的调解议事，不单独取消：改期请发送“邀请 \(rid) 对方 日期 时间”，双方会收到新的时间。",
                en: "\(id) is the meeting of \(rid) and is not cancelled alone: to move it, send “invite \(rid) <other party> <date> <time>”; both parties are told."
            ).keptPrivate(id, in: ctx)
        }
        let unasked = try ctx.timers.heldFor(id.description, reasons: ["booking_request"])
        try write(b, .cancel, ctx.kernel)
        var effects: [Effect] = []
        if b.booker != ctx.sender {
            effects.append(
                .notify(
                    to: b.booker, reason: "booking",
                    text: Localized(
                        zh: "您的预约 \(id)（\(b.day.spoken(.zh)) \(b.times)）已被\(ctx.directory.name(of: ctx.sender))取消。",
                        en: "Your booking \(id) (\(b.day.spoken(.en)) \(b.times)) was cancelled by \(ctx.directory.name(of: ctx.sender))."),
                    refs: [id.description]))
        }
        // A request withdrawn before anyone decided: whoever was asked to approve it need not.
        if b.state == .pending, let approver = approver(of: b, ctx.directory), approver != ctx.sender, !unasked.contains(approver) {
            effects.append(
                .notify(
                    to: approver, reason: "booking",
                    text: Localized(
                        zh: "预约 \(id)（\(b.day.spoken(.zh)) \(b.times)）已撤销，无需审批。",
                        en: "Booking \(id) (\(b.day.spoken(.en)) \(b.times)) was withdrawn; there is nothing to approve."),
                    refs: [id.description], priority: Effect.routine))
        }
        return Outcome(zh: "已取消 \(id)，时段已释放。", en: "Cancelled \(id); the slot is free again.", refs: [id.description], effects: effects)
    }

    /// A booking whose time has begun is used (or missed): no longer cancelled, approved or
    /// declined, so a used slot does not free a week's quota.
    private func refuseIfBegun(_ b: Booking, _ ctx: CommandContext) throws {
        guard [.pending, .confirmed].contains(b.state), ctx.calendar.instant(b.day, b.start) <= ctx.now else { return }
        throw LinliError(
            .invalidState, zh: "\(b.id)（\(b.day.spoken(.zh)) \(b.times)）的时间已经开始了，不能再更改。",
            en: "\(b.id) (\(b.day.spoken(.en)) \(b.times)) has begun; it can no longer be changed.", refs: [b.id.description])
    }

    func decide(_ id: RecordID, approve: Bool, why: String?, _ ctx: CommandContext) throws -> Outcome {
        let b = try loadBooking(id, ctx)
        guard managesBooking(ctx.sender, b, ctx.directory) else { throw LinliError.forbidden(id) }
        try refuseIfBegun(b, ctx)
        try write(b, approve ? .approve : .decline, ctx.kernel)
        let rid = id.description
        let name = ctx.directory.community.venueTitle(b.venue)
        let when = Localized(zh: "\(name.zh) \(b.day.spoken(.zh)) \(b.times)", en: "\(name.en) \(b.day.spoken(.en)) \(b.times)")
        // One full stop, whether or not the decliner wrote one.
        let reason = why.map { w in
            let stop = w.last.map { "。.!！?？".contains($0) } == true ? Localized(zh: "", en: "") : Localized(zh: "。", en: ".")
            return Localized(zh: "：\(w)\(stop.zh)", en: ": \(w)\(stop.en)")
        } ?? Localized(zh: "。", en: ".")
        let (reply, told) =
            approve
            ? (
                Localized(zh: "已批准 \(rid)。", en: "Approved \(rid)."),
                Localized(zh: "您的预约 \(rid)（\(when.zh)）已通过审批。", en: "Your booking \(rid) (\(when.en)) is approved.")
            )
            : (
                Localized(zh: "已拒绝 \(rid)，时段已释放。", en: "Declined \(rid); the slot is free again."),
                Localized(zh: "您的预约 \(rid)（\(when.zh)）未通过\(reason.zh)", en: "Your booking \(rid) (\(when.en)) was declined\(reason.en)")
            )
        return Outcome(reply, refs: [rid], effects: [.notify(to: b.booker, reason: "booking", text: told, refs: [rid])])
    }

    /// 30 minutes before a confirmed booking starts; a dispute's meeting reminds its parties.
    /// One still waiting for approval chases its approver and warns the booker it lapses at the start.
    func reminder(_ id: RecordID, _ ctx: Kernel) throws -> [Effect] {
        guard let b = try ctx.tx.booking(id.number), ctx.now < ctx.calendar.instant(b.day, b.start) else { return [] }  // not once it has begun
        if b.state == .pending {
            let when = Localized(zh: ctx.calendar.spoken(b.day, b.times, .zh), en: ctx.calendar.spoken(b.day, b.times, .en))
            return [
                .notify(
                    to: b.booker, reason: "reminder",
                    text: Localized(
                        zh: "【提醒】您的预约 \(id)（\(when.zh)）还未获审批；到开始时仍未审批将失效。",
                        en: "[Reminder] Your booking \(id) (\(when.en)) is still waiting for approval; unapproved at the start, it lapses."),
                    refs: [id.description])
            ]
                + toApprover(
                    b, ctx.directory, reason: "booking_request",
                    Localized(
                        zh: "【预约待审批】\(id)（\(when.zh)）快开始了，还未审批。批准：批准 \(id)；拒绝：拒绝 \(id) 原因",
                        en: "[Booking to approve] \(id) (\(when.en)) starts soon and is not approved yet. Approve: approve \(id); decline: decline \(id) <why>"))
        }
        guard b.state == .confirmed else { return [] }
        if b.isPrivate, let dispute = try ctx.tx.dispute(meeting: b.number) { return DisputesFamily.meetingReminders(dispute, ctx) }
        let name = ctx.directory.community.venueTitle(b.venue)
        return [
            .notify(
                to: b.booker, reason: "reminder",
                text: Localized(
                    zh: "【提醒】您预约的\(name.zh) \(ctx.calendar.spoken(b.day, b.times, .zh))\(b.day == ctx.calendar.today ? " 快开始了" : "，别忘了")（\(id)）。不用了请发送：取消 \(id)",
                    en: "[Reminder] Your booking of \(name.en) at \(ctx.calendar.spoken(b.day, b.times, .en)) \(b.day == ctx.calendar.today ? "starts soon" : "is coming up") (\(id)). If you no longer need it: cancel \(id)"),
                refs: [id.description])
        ]
    }

    /// At the start of a booking still waiting for approval: it lapses, and the booker
    /// is told rather than left to find out at the door.
    func lapse(_ id: RecordID, _ ctx: Kernel) throws -> [Effect] {
        guard let b = try ctx.tx.booking(id.number), b.state == .pending else { return [] }
        let unasked = try ctx.timers.heldFor(id.description, reasons: ["booking_request"])
        try write(b, .lapse, ctx)
        let name = ctx.directory.community.venueTitle(b.venue)
        let asked = toApprover(
            b, ctx.directory, reason: "booking", except: unasked,
            Localized(
                zh: "预约 \(id)（\(name.zh) \(b.day.spoken(.zh)) \(b.times)）到开始时仍未审批，已失效。",
                en: "Booking \(id) (\(name.en) \(b.day.spoken(.en)) \(b.times)) was not decided before it began and has lapsed."))
        return asked + [
            .notify(
                to: b.booker, reason: "booking",
                text: Localized(
                    zh: "您的预约 \(id)（\(name.zh) \(b.day.spoken(.zh)) \(b.times)）到开始时仍未获审批，已失效。",
                    en: "Your booking \(id) (\(name.en) \(b.day.spoken(.en)) \(b.times)) was not approved before it began, so it has lapsed."),
                refs: [id.description], priority: Effect.routine)
        ]
    }
}

extension BookingClock: TimerKind {}
