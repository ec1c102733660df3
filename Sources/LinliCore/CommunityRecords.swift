/// A request for a free service, or a loan of an item (`S<n>`).
public struct ServiceRequest: Sendable, Equatable {
    public enum State: String, Sendable { case open, returned, done, cancelled }
    public var number: Int
    public var service: String
    public var requester: String
    public var household: String
    public var details: String?
    public var isLoan: Bool
    public var state: State
    public var createdAt: Instant
    /// When a loan is due back.
    public var dueAt: Instant?
    public var reminders: Int

    public init(number: Int, service: String, requester: String, household: String, details: String?, isLoan: Bool, state: State = .open,
                createdAt: Instant, dueAt: Instant?, reminders: Int = 0) {
        self.number = number
        self.service = service
        self.requester = requester
        self.household = household
        self.details = details
        self.isLoan = isLoan
        self.state = state
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.reminders = reminders
    }

    public var id: RecordID { RecordID(.service, number) }
}

/// A neighbourhood event (`E<n>`): 邻里节, film nights, sports days.
public struct CommunityEvent: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var day: LocalDay
    public var start: Int
    public var capacity: Int?
    public var creator: String
    public var createdAt: Instant

    public init(number: Int, title: String, day: LocalDay, start: Int, capacity: Int?, creator: String, createdAt: Instant) {
        self.number = number
        self.title = title
        self.day = day
        self.start = start
        self.capacity = capacity
        self.creator = creator
        self.createdAt = createdAt
    }

    public var id: RecordID { RecordID(.event, number) }

    /// Whether one more can join.
    public func hasRoom(joined: Int) -> Bool { capacity.map { joined < $0 } ?? true }
}

/// A micro-wish (`W<n>`, 微心愿): open → claimed → fulfilled → confirmed.
public struct Wish: Sendable, Equatable {
    public enum State: String, Sendable { case open, claimed, fulfilled, confirmed }
    public var number: Int
    public var text: String
    public var wisher: String
    public var state: State
    public var claimer: String?
    public var claimedAt: Instant?
    public var fulfilledAt: Instant?
    public var createdAt: Instant

    public init(number: Int, text: String, wisher: String, state: State = .open, claimer: String? = nil, claimedAt: Instant? = nil,
                fulfilledAt: Instant? = nil, createdAt: Instant) {
        self.number = number
        self.text = text
        self.wisher = wisher
        self.state = state
        self.claimer = claimer
        self.claimedAt = claimedAt
        self.fulfilledAt = fulfilledAt
        self.createdAt = createdAt
    }

    public var id: RecordID { RecordID(.wish, number) }

    /// An unfinished claim is released after this long.
    public static let claimLifetime = Span.days(7)
    /// A fulfilled wish is confirmed by itself after this long.
    public static let confirmWindow = Span.days(3)

    /// One claimer at a time; a wish that is not open answers `conflict`.
    public mutating func claim(by user: String, at now: Instant) throws(LinliError) {
        guard state == .open else {
            throw LinliError(.conflict, zh: "\(id) 已被认领。", en: "\(id) has been claimed already.", refs: [id.description])
        }
        state = .claimed
        claimer = user
        claimedAt = now
    }

    public mutating func fulfil(by user: String, at now: Instant) throws(LinliError) {
        guard state == .claimed, claimer == user else {
            throw LinliError(state == .claimed ? .forbidden : .invalidState, zh: "\(id) 不是您认领的待完成心愿。",
                             en: "\(id) is not a wish you have claimed and not yet fulfilled.", refs: [id.description])
        }
        state = .fulfilled
        fulfilledAt = now
    }

    public mutating func confirm() throws(LinliError) {
        guard state == .fulfilled else {
            throw LinliError(.invalidState, zh: "\(id) 还没有完成。", en: "\(id) has not been fulfilled yet.", refs: [id.description])
        }
        state = .confirmed
    }

    /// Gives a stale claim back to everyone.
    public mutating func release() {
        state = .open
        claimer = nil
        claimedAt = nil
    }
}

/// A suggestion (`P<n>`, 民情收集).
public struct Proposal: Sendable, Equatable {
    public var number: Int
    public var text: String
    public var proposer: String
    public var household: String
    public var answer: String?
    public var support: Int
    public var createdAt: Instant

    public init(number: Int, text: String, proposer: String, household: String, answer: String?, support: Int, createdAt: Instant) {
        self.number = number
        self.text = text
        self.proposer = proposer
        self.household = household
        self.answer = answer
        self.support = support
        self.createdAt = createdAt
    }

    public var id: RecordID { RecordID(.proposal, number) }
}

/// One line of the points ledger: who got what, when, why, from whom.
public struct PointsEntry: Sendable, Equatable {
    public var person: String
    public var item: String
    public var points: Int
    public var note: String?
    public var actor: String
    public var at: Instant
    public var ref: String?

    public init(person: String, item: String, points: Int, note: String?, actor: String, at: Instant, ref: String?) {
        self.person = person
        self.item = item
        self.points = points
        self.note = note
        self.actor = actor
        self.at = at
        self.ref = ref
    }
}
