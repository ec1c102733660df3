/// A booking of a shared space (`B<n>`).
public struct Booking: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// Waiting for a captain's or staff's approval; it holds the slot.
        case pending
        case confirmed
        case declined
        case cancelled
        /// Still pending when its time came: no one approved it, and it holds nothing.
        case lapsed

        /// Holds its slot.
        public var holds: Bool { self == .pending || self == .confirmed }

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.pending, .zh): "待审批"
            case (.confirmed, .zh): "已确认"
            case (.declined, .zh): "未通过"
            case (.cancelled, .zh): "已取消"
            case (.lapsed, .zh): "未获审批，已失效"
            case (.lapsed, .en): "lapsed (never approved)"
            default: rawValue
            }
        }
    }

    public var number: Int
    public var venue: String
    public var day: LocalDay
    /// Minutes after local midnight.
    public var start: Int
    public var end: Int
    public var booker: String
    /// The booker's household, `b3-501`: quotas count per household.
    public var household: String
    public var purpose: String?
    public var state: State
    public var createdAt: Instant
    /// A mediation meeting (a dispute's `invite`): its purpose reads 调解 to everyone.
    public var isPrivate: Bool

    public init(
        number: Int, venue: String, day: LocalDay, start: Int, end: Int, booker: String, household: String, purpose: String?,
        state: State, createdAt: Instant, isPrivate: Bool = false
    ) {
        self.number = number
        self.venue = venue
        self.day = day
        self.start = start
        self.end = end
        self.booker = booker
        self.household = household
        self.purpose = purpose
        self.state = state
        self.createdAt = createdAt
        self.isPrivate = isPrivate
    }

    public var id: RecordID { RecordID(.booking, number) }

    public func overlaps(start s: Int, end e: Int) -> Bool { start < e && s < end }

    /// `15:00-16:30`
    public var times: String { "\(Booking.clock(start))-\(Booking.clock(end))" }

    public static func clock(_ minutes: Int) -> String {
        let h = minutes / 60
        let m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}

/// The rules of a venue (COMMUNITY.md `venues`), as pure functions.
public enum BookingRules {
    /// Checks a request against the venue's rules; the first broken rule is thrown.
    /// - Parameters:
    ///   - now: the bot's clock, `today` its local day; `startAt` the requested start as an instant.
    ///     The horizon counts whole days: 14d means up to the same weekday two weeks on.
    ///   - householdThisWeek: the household's bookings that hold a slot in the booking's week.
    public static func check(
        venue: Venue, day: LocalDay, start: Int, end: Int, startAt: Instant, now: Instant, today: LocalDay,
        householdThisWeek: Int
    ) throws(LinliError) {
        if day < today {
            throw LinliError(.usage, zh: "\(day.spoken(.zh))已经过去了，请选今天或以后的日子。", en: "\(day.spoken(.en)) has passed; choose today or a later day.")
        }
        if startAt < now {
            throw LinliError(.usage, zh: "这个时间已经过去了。", en: "That time has already passed.")
        }
        if let open = venue.open, start < open.start || end > open.end {
            throw LinliError(
                .usage, zh: "\(venue.name)开放时间是 \(Booking.clock(open.start))-\(Booking.clock(open.end))。",
                en: "\(venue.title.en) is open \(Booking.clock(open.start))-\(Booking.clock(open.end)).")
        }
        let length = Span.minutes(Int64(end - start))
        if let min = venue.min, length < min {
            throw LinliError(.usage, zh: "\(venue.name)每次至少预约\(min.spoken(.zh))。", en: "\(venue.title.en) is booked for at least \(min.spoken(.en)).")
        }
        if let max = venue.max, length > max {
            throw LinliError(.usage, zh: "\(venue.name)每次最多预约\(max.spoken(.zh))。", en: "\(venue.title.en) is booked for at most \(max.spoken(.en)).")
        }
        if let horizon = venue.horizon, day.index - today.index > Int(horizon.milliseconds / 86_400_000) {
            throw LinliError(
                .limit, zh: "\(venue.name)最多提前\(horizon.spoken(.zh))预约。", en: "\(venue.title.en) can be booked at most \(horizon.spoken(.en)) ahead.")
        }
        if let quota = venue.weeklyQuota, householdThisWeek >= quota {
            // The week of the day asked for, which need not be this one.
            let thisWeek = day.weekStart == today.weekStart
            let week = thisWeek ? Localized(zh: "本周", en: "this week") : Localized(zh: "\(day.weekStart.spoken(.zh))那一周", en: "in the week of \(day.weekStart.spoken(.en))")
            throw LinliError(
                .limit, zh: "您家\(week.zh)已预约\(venue.name) \(householdThisWeek) 次，每周最多 \(quota) 次。",
                en: "Your household has booked \(venue.title.en) \(English.count(householdThisWeek, "time")) \(week.en); the limit is \(quota).")
        }
    }

    /// The times meant, as people say them: a start alone (`明天 下午3点`, written as a
    /// range that ends where it starts) lasts the venue's minimum length (else an hour);
    /// hours without 上午/下午 that fall outside opening hours are read 12 hours later
    /// when that fits (`3点到4点` at a venue open 07:00-21:00 is 15:00-16:00).
    public static func meant(_ times: TimeRange, venue: Venue) -> TimeRange {
        var t = times
        if t.end == t.start { t.end = t.start + Int((venue.min ?? .hours(1)).milliseconds / 60_000) }
        guard t.ambiguous, let open = venue.open, t.start < open.start || t.end > open.end, t.end <= 12 * 60 else { return t }
        let later = TimeRange(start: t.start + 12 * 60, end: t.end + 12 * 60)
        return later.start >= open.start && later.end <= open.end ? later : t
    }

    /// The free slot of `length` minutes nearest to `wanted` on `day` (in half-hour
    /// steps, within opening hours, not before `earliest`), given the taken ranges.
    public static func nearestFree(venue: Venue, length: Int, wanted: Int, taken: [(Int, Int)], earliest: Int = 0) -> Int? {
        let open = venue.open ?? TimeRange(start: 0, end: 1440)
        var candidates: [Int] = []
        var t = open.start
        while t + length <= open.end {
            if t >= earliest, !taken.contains(where: { t < $0.1 && $0.0 < t + length }) { candidates.append(t) }
            t += 30
        }
        return candidates.min { (abs($0 - wanted), $0) < (abs($1 - wanted), $1) }
    }
}

/// What can happen to a booking after it is made.
public enum BookingAction: Sendable, Equatable {
    case cancel
    case approve
    case decline
    /// Its time came with no decision (only a pending booking lapses).
    case lapse
}

/// A booking's clocks (their names are the timers' kinds).
public enum BookingClock: String, Sendable, CaseIterable {
    /// Shortly before a booking starts.
    case reminder = "booking_reminder"
    /// At the start of a booking that needs approval: still pending, it lapses.
    case lapse = "booking_lapse"
}

extension Booking {
    /// Applies `action`, or throws naming why the state forbids it. Who may do it is the caller's to check.
    @discardableResult
    public mutating func apply(_ action: BookingAction) throws(LinliError) -> Transition<BookingClock> {
        switch action {
        case .cancel:
            guard state.holds else {
                throw LinliError(
                    .invalidState, zh: "\(id) \(state.label(.zh))，不能再撤销。", en: "\(id) is \(state.label(.en)) already.", refs: [id.description])
            }
            state = .cancelled
            return .stop(.reminder, .lapse)
        case .approve, .decline, .lapse:
            guard state == .pending else {
                throw LinliError(
                    .invalidState, zh: "\(id) 当前\(state.label(.zh))，无需审批。", en: "\(id) is \(state.label(.en)); there is nothing to decide.",
                    refs: [id.description])
            }
            switch action {
            case .approve:
                state = .confirmed
                return .stop(.lapse)
            case .lapse:
                state = .lapsed
                return .stop(.reminder)
            default:
                state = .declined
                return .stop(.reminder, .lapse)
            }
        }
    }
}
