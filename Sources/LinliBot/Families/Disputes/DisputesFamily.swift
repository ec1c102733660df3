import LinliCommands
import LinliCore
import LinliStore

/// Disputes by the five-step method 五事工作法 (SERVICES.md §1a). The intake is a
/// private work order (`report dispute …`, 听邻里说事); then a mediator, the
/// building's captain, its grid leader or staff invite both parties to a private
/// meeting (邀邻里议事), record the agreement each party confirms (帮邻里办事), both
/// rate it (请邻里评事, `rate`), and with both consents post an anonymised outcome
/// (向邻里晒事). Each party hears only their own messages, never the other's, and
/// the other party never learns who complained.
struct DisputesFamily: Family {
    /// A bare `参加` / `attend` (a word an event's sign-up shares): the one meeting still to
    /// come the sender is invited to and has not answered. A bare `确认` / `confirm`: the one
    /// agreement the sender has to confirm.
    func presume(_ missing: ArgSpec, of id: String, said: String, _ ctx: CommandContext) throws -> Presumption<String> {
        if id == "confirm" {
            let agreed = try ctx.tx.disputes(toConfirmBy: ctx.sender)
            guard !agreed.isEmpty else {
                // `确认` from a wisher whose wish is done: the wish is confirmed by thanks.
                if let wish = try ctx.tx.wishesToThank(by: ctx.sender).first {
                    return .refused(
                        LinliError(
                            .notFound, zh: "您没有待确认的调解协议。心愿 \(wish.id) 已完成的话，请发送：谢谢 \(wish.id)",
                            en: "You have no mediation agreement to confirm. If wish \(wish.id) is done, send: thanks \(wish.id)"))
                }
                return .refused(LinliError(.notFound, zh: "您没有待确认的调解协议。", en: "You have no mediation agreement to confirm."))
            }
            return agreed.count == 1 ? .value(agreed[0].id.description) : .ask
        }
        guard id == "attend" else { return .ask }
        // Not one withdrawn, closed or whose meeting is past.
        let open = try ctx.tx.disputes(unansweredBy: ctx.sender).filter {
            try $0.meeting.day >= ctx.calendar.today && ctx.tx.workOrder($0.number)?.state.isOpen == true
        }
        return open.count == 1 ? .value(open[0].id.description) : open.isEmpty ? .nothing : .ask
    }

    func run(_ command: DisputesCommand, _ ctx: CommandContext) throws -> Outcome {
        let id = command.record
        do {
            let outcome =
                switch command {
                case .invite(_, let party, let date, let times): try invite(id, party: party, date: date, times: times, ctx)
                case .attend: try attend(id, ctx)
                case .agree(_, let terms): try agree(id, terms: terms, ctx)
                case .confirm: try confirm(id, ctx)
                case .consent: try consent(id, ctx)
                case .publicise(_, let text): try publicise(id, outcome: text, ctx)
                }
            // PROTOCOL.md §2.2: in a group a dispute is named only; the reply goes privately.
            return outcome.keepingPrivate(Localized(zh: "\(id) 私密事项", en: "\(id) private matter"), in: ctx)
        } catch let error as LinliError where ctx.group != nil {
            // A refusal may name a party, or say what the record is (`not a dispute` of a noise
            // report): in a group it names a private record only, and why goes privately.
            guard let order = try ctx.workOrders.find(id.number), WorkOrderDesk(ctx.kernel).keptFromGroups(order) else { throw error }
            throw error.keptPrivate(id, in: ctx)
        }
    }

    func fire(_ timer: DisputeClock, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        guard let id = RecordID(parsing: Substring(row.subject)), id.kind == .workOrder, let dispute = try ctx.tx.dispute(id.number) else {
            return []
        }
        switch timer {
        case .confirm: return try confirmDeadlinePassed(dispute, ctx)
        }
    }

    // MARK: Who and what

    /// The dispute work order `id`, or `not_found`, or `invalid_state` for one of another category.
    func order(_ id: RecordID, _ ctx: Kernel) throws -> WorkOrder {
        let order = try ctx.workOrders.load(id)
        guard order.category == Self.category else {
            throw LinliError(
                .invalidState, zh: "\(id) 不是纠纷，五事工作法只用于纠纷（报修 纠纷 …）。",
                en: "\(id) is not a dispute; the five steps are for disputes (report dispute …).", refs: [id.description])
        }
        return order
    }

    /// The category of disputes.
    static let category = "dispute"

    /// Who may run a dispute's steps: a mediator, or whoever manages its building
    /// (its captain, its grid leader, staff). Else `forbidden`.
    func requireRunner(_ order: WorkOrder, _ ctx: CommandContext) throws {
        let mediator = ctx.roles.contains(.mediator) || ctx.directory.person(ctx.sender)?.roles.contains(.mediator) == true
        guard mediator || WorkOrderDesk(ctx.kernel).manages(ctx.sender, order) else {
            throw LinliError(
                .forbidden, zh: "调解由调解员、本楼楼栋长、网格长或社区工作人员进行。",
                en: "Mediation is run by a mediator, the building's captain, its grid leader or the community office.", refs: [order.id.description])
        }
    }

    /// The dispute past its invitation, or `invalid_state` (also once its report was
    /// withdrawn or merged: the mediation stopped there).
    func invited(_ id: RecordID, _ ctx: CommandContext) throws -> Dispute {
        let order = try self.order(id, ctx.kernel)  // a noise report is no dispute: said so, to a resident too
        guard order.state != .cancelled, order.state != .duplicate else {
            throw LinliError(
                .invalidState, zh: "\(id) 当前\(order.state.label(.zh))，调解已停止。", en: "\(id) is \(order.state.label(.en)); the mediation has stopped.",
                refs: [id.description])
        }
        guard let dispute = try ctx.tx.dispute(id.number) else {
            // How to set one is said to whoever may (a resident cannot `invite`).
            guard (try? requireRunner(order, ctx)) != nil else {
                throw LinliError(
                    .invalidState, zh: "\(id) 还没有约双方议事，调解员约好后会通知您。",
                    en: "\(id) has no meeting yet; you will be told when the mediator sets one.", refs: [id.description])
            }
            throw LinliError(
                .invalidState, zh: "\(id) 还没有约双方议事（邀请 \(id) 对方 日期 时间）。",
                en: "\(id) has no meeting yet (invite \(id) <other party> <date> <start>-<end>).", refs: [id.description])
        }
        return dispute
    }

    /// The sender's side in the dispute, or `not_found` (a dispute is nobody else's business).
    func side(_ dispute: Dispute, _ ctx: CommandContext) throws -> Dispute.Side {
        guard let side = dispute.side(of: ctx.sender) else { throw LinliError.notYours(dispute.id) }
        return side
    }

    /// The one write path of a dispute: its row, a history line on the work order, its clocks and credit.
    func write(
        _ dispute: Dispute, from before: Dispute?, _ transition: Transition<DisputeClock>, history: (String, String?), _ ctx: CommandContext
    ) throws {
        if let before { try ctx.tx.update(dispute, from: before) } else { try ctx.tx.insert(dispute) }
        let order = try ctx.workOrders.load(dispute.id)
        try ctx.workOrders.note(order, HistoryEntry(at: ctx.now, actor: ctx.sender, action: history.0, detail: history.1))
        try ctx.timers.apply(transition, subject: dispute.id.description)
        if let credit = transition.credit, let item = ctx.points.item(credit.item) {
            try ctx.points.credit(credit.person, item, note: nil, by: Kernel.system, ref: dispute.id.description)
        }
    }

    /// How a meeting reads: `邻里商议亭 11月29日（周日） 15:00-16:00`.
    static func when(_ meeting: Dispute.Meeting, _ directory: Directory) -> Localized {
        let venue = directory.community.venueTitle(meeting.venue)
        let times = "\(Booking.clock(meeting.start))-\(Booking.clock(meeting.end))"
        return Localized(zh: "\(meeting.day.spoken(.zh)) \(times)，\(venue.zh)", en: "\(meeting.day.spoken(.en)) \(times) at \(venue.en)")
    }

    /// What an invitation's history line keeps: the booking and its meeting as data
    /// (`B1 2026-12-02 900-960 kiosk`), said in the reader's language when read.
    static func historyDetail(_ booking: RecordID, _ meeting: Dispute.Meeting) -> String {
        "\(booking) \(meeting.day) \(meeting.start)-\(meeting.end) \(meeting.venue)"
    }

    /// An invitation's history detail as `lang` reads it; nil for one not kept as data.
    static func spokenHistory(_ detail: String, _ directory: Directory, _ lang: Lang) -> String? {
        let parts = detail.split(separator: " ").map(String.init)
        guard parts.count == 4 else { return nil }
        let ymd = parts[1].split(separator: "-").compactMap { Int($0) }
        let times = parts[2].split(separator: "-").compactMap { Int($0) }
        guard ymd.count == 3, times.count == 2 else { return nil }
        let meeting = Dispute.Meeting(booking: 0, venue: parts[3], day: LocalDay(year: ymd[0], month: ymd[1], day: ymd[2]), start: times[0], end: times[1])
        return "\(parts[0]) \(when(meeting, directory)(lang))"
    }

    /// A party as the mediator reads them: name, and which side.
    static func label(_ side: Dispute.Side, _ dispute: Dispute, _ directory: Directory) -> Localized {
        let name = directory.name(of: dispute[side].person)
        return side == .complainant
            ? Localized(zh: "\(name)（反映方）", en: "\(name) (who raised it)") : Localized(zh: "\(name)（对方）", en: "\(name) (the other party)")
    }

    /// A push to one party about their dispute: the same words for either side, never the other's name.
    static func tell(_ person: String, _ id: RecordID, reason: String, _ text: Localized) -> Effect {
        .notify(to: person, reason: reason, text: text, refs: [id.description], priority: .p3)
    }

    // MARK: 邀邻里议事

    /// Books the mediation venue privately and invites both parties, each on their
    /// own, in neutral words: time, place, the record to answer to.
    func invite(_ id: RecordID, party word: String, date: DateSpec?, times said: TimeRange, _ ctx: CommandContext) throws -> Outcome {
        var order = try self.order(id, ctx.kernel)
        try requireRunner(order, ctx)
        guard order.state.isOpen else {
            throw LinliError(
                .invalidState, zh: "\(id) 当前\(order.state.label(.zh))，不能再约议事。", en: "\(id) is \(order.state.label(.en)); no meeting can be set.",
                refs: [id.description])
        }
        let (respondent, home) = try otherParty(word, order, ctx)
        let old = try ctx.tx.dispute(id.number)
        if let old {
            // Refused before anything is booked (an agreement is on record).
            var probe = old
            _ = try probe.apply(.reinvite(old.meeting, by: ctx.sender), at: ctx.now)
            // Its slot is free for the new meeting (the same time, another party); a refused booking undoes this too.
            try Self.free(old.meeting, ctx)
        }
        let booking = try book(order, date: date, times: said, ctx)
        let meeting = Dispute.Meeting(booking: booking.number, venue: booking.venue, day: booking.day, start: booking.start, end: booking.end)
        var dispute =
            old
            ?? Dispute(
                number: id.number, mediator: ctx.sender, complainant: Dispute.Party(person: order.reporter),
                respondent: Dispute.Party(person: respondent), respondentHome: home, meeting: meeting, invitedAt: ctx.now)
        // The wrong neighbour invited by mistake: until an agreement, the other party may be
        // named again, and the one first invited is told, in neutral words, not to come.
        var uninvited: [Effect] = []
        if let old {
            _ = try dispute.apply(.reinvite(meeting, by: ctx.sender), at: ctx.now)
            if old.respondent.person != respondent {
                (dispute.respondent, dispute.respondentHome) = (Dispute.Party(person: respondent), home)
                if old.respondent.person != ctx.sender { uninvited = [Self.calledOff(old, id, to: old.respondent.person, ctx)] }
            }
        }
        // The mediator takes the dispute on: its resolve clock (and the ladder past it) runs from here.
        if order.awaitsAcceptance {
            let before = order
            let effects = try order.apply(.accept(by: ctx.sender), at: ctx.now, limits: WorkOrderDesk(ctx.kernel).limits(order))
            try WorkOrdersFamily().commit(order, from: before, effects, by: ctx.sender, ctx.kernel)
        }
        let when = Self.when(meeting, ctx.directory)
        try write(dispute, from: old, .none, history: ("invite", Self.historyDetail(booking.id, meeting)), ctx)
        let mediator = ctx.directory.name(of: ctx.sender)
        let again = old == nil ? Localized(zh: "", en: "") : Localized(zh: "（改期）", en: " (new time)")
        let ask = Localized(
            zh: "【调解邀请\(again.zh)】调解员\(mediator)邀请您于 \(when.zh) 当面商议一件邻里之间的事情（\(id)）。内容只在场内谈，不会公开。请回复：参加 \(id)",
            en:
                "[Mediation invitation\(again.en)] \(mediator), mediating, invites you to talk over a matter between neighbours (\(id)) on \(when.en). It stays between those present. Please reply: attend \(id)"
        )
        let parties = [order.reporter, respondent].filter { $0 != ctx.sender }
        let effects = uninvited + parties.map { Self.tell($0, id, reason: "booking", ask) }
        // Through a chat platform that cannot write to a party, the invitation does not reach them: the mediator is told.
        let unreached = parties.filter { !ctx.reaches($0) }.map { ctx.directory.name(of: $0) }
        let (zhUnreached, enUnreached) =
            unreached.isEmpty
            ? ("", "")
            : ("\(unreached.joined(separator: "、"))收不到私信，请当面或电话告知。", " \(unreached.joined(separator: ", ")) cannot be reached privately: tell them in person or by phone.")
        return Outcome(
            zh: "已约 \(id) 调解议事：\(when.zh)（\(booking.id)，日程中只显示“调解”）。已分别私信邀请双方，不提反映人。\(zhUnreached)",
            en:
                "Mediation of \(id) set for \(when.en) (\(booking.id); schedules show only “mediation”). Both parties are invited privately; the one who raised it is not named.\(enUnreached)",
            refs: [id.description, booking.id.description], effects: effects)
    }

    /// A withdrawn dispute's meeting: its booking is freed and the other party told it
    /// is off, in the same neutral words as the invitation (the one who withdrew knows).
    static func callOff(_ id: RecordID, _ ctx: CommandContext) throws -> [Effect] {
        guard let dispute = try ctx.tx.dispute(id.number) else { return [] }
        try free(dispute.meeting, ctx)
        guard !dispute.isSettled, dispute.respondent.person != ctx.sender else { return [] }
        return [calledOff(dispute, id, to: dispute.respondent.person, ctx)]
    }

    /// Before a meeting: each party and the mediator are reminded, in the invitation's
    /// neutral words (a settled dispute's meeting reminds no one).
    static func meetingReminders(_ dispute: Dispute, _ ctx: Kernel) -> [Effect] {
        guard !dispute.isSettled else { return [] }
        let (id, when) = (RecordID(.workOrder, dispute.number), Self.when(dispute.meeting, ctx.directory))
        let text = Localized(
            zh: "【议事提醒】\(when.zh) 商议邻里事项（\(id)），请准时前往。", en: "[Reminder] The talk about a matter between neighbours (\(id)): \(when.en).")
        return [dispute.complainant.person, dispute.respondent.person, dispute.mediator].map { tell($0, id, reason: "reminder", text) }
    }

    /// "The talk set for … is off; no need to come", in the invitation's neutral words.
    static func calledOff(_ dispute: Dispute, _ id: RecordID, to person: String, _ ctx: CommandContext) -> Effect {
        let when = Self.when(dispute.meeting, ctx.directory)
        return tell(
            person, id, reason: "status_changed",
            Localized(
                zh: "【调解取消】原定 \(when.zh) 商议的邻里事项（\(id)）已取消，不用前往。",
                en: "[Mediation called off] The talk about a matter between neighbours (\(id)) set for \(when.en) is off; no need to come."))
    }

    /// Cancels a meeting's booking, if it still holds, and its reminder.
    static func free(_ meeting: Dispute.Meeting, _ ctx: CommandContext) throws {
        guard let booking = try ctx.tx.booking(meeting.booking), booking.state.holds else { return }
        var cancelled = booking
        cancelled.state = .cancelled
        try ctx.tx.update(cancelled, from: booking)
        try ctx.timers.cancel(booking.id.description, [BookingClock.reminder])
    }

    /// The other party: a person (id, name, @mention) or a room (its first member). Not the complainant.
    func otherParty(_ word: String, _ order: WorkOrder, _ ctx: CommandContext) throws -> (String, String?) {
        var person = try ctx.people.resolve(word, mentions: ctx.mentions)
        var home = person.flatMap(ctx.people.home(of:))
        if person == nil, let room = try? ctx.people.household(word, group: nil, orIn: ctx.directory.building(order.building)) {
            home = room.home
            person = ctx.people.members(of: room.home).first
        }
        guard let person else {
            throw LinliError(
                .notFound, zh: "找不到“\(word)”：请写对方的姓名或房号（例如 502 或 b3-502），房号须有登记的住户。",
                en: "I cannot find “\(word)”: give the other party's name or room (e.g. 502 or b3-502); the room needs a registered resident.",
                refs: [order.id.description]
            ).about(word)
        }
        guard person != order.reporter else {
            throw LinliError(
                .usage, zh: "对方不能是反映人自己。", en: "The other party cannot be the one who raised it.", refs: [order.id.description])
        }
        return (person, home)
    }

    /// The private booking of the mediation venue (the one marked `mediation: true`, else the kiosk).
    func book(_ order: WorkOrder, date: DateSpec?, times said: TimeRange, _ ctx: CommandContext) throws -> Booking {
        let venues = ctx.directory.community.venues
        guard let venue = venues.first(where: \.mediation) ?? venues.first(where: { $0.id == "kiosk" }) else {
            throw LinliError(
                .notFound, zh: "社区文件里没有调解场地（场地加 mediation: true）。",
                en: "The community file names no mediation venue (mark one `mediation: true`).", refs: [order.id.description])
        }
        let times = BookingRules.meant(said, venue: venue)
        let day = try ctx.calendar.day(date)
        try BookingRules.check(
            venue: venue, day: day, start: times.start, end: times.end, startAt: ctx.calendar.instant(day, times.start), now: ctx.now,
            today: ctx.calendar.today, householdThisWeek: 0)
        if let clash = try ctx.tx.bookings(venue: venue.id, day: day).first(where: { $0.overlaps(start: times.start, end: times.end) }) {
            throw LinliError(
                .conflict,
                zh: "\(venue.name) \(day.spoken(.zh)) \(clash.times) 已有预约，请换个时间（发送：日程 \(venue.names.first ?? venue.id) \(day.spoken(.zh))）。",
                en:
                    "\(venue.title.en) is taken at \(clash.times) on \(day.spoken(.en)); choose another time (send: schedule \(venue.id) \(day.spoken(.en))).",
                refs: [clash.id.description])
        }
        // Held for the office: a meeting is not the mediator's household's, nor counts in its quota.
        let booking = Booking(
            number: ctx.numbers.next(.booking), venue: venue.id, day: day, start: times.start, end: times.end, booker: ctx.sender,
            household: CommandContext.office, purpose: "调解", state: .confirmed, createdAt: ctx.now, isPrivate: true)
        try ctx.tx.insert(booking)
        let reminderAt = ctx.calendar.instant(day, times.start).adding(Span.minutes(-30))
        if reminderAt > ctx.now { try ctx.timers.schedule(BookingClock.reminder, at: reminderAt, subject: booking.id.description) }
        return booking
    }
}

extension DisputeClock: TimerKind {}
