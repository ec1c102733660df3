/// A dispute (纠纷) after its intake: the five-step method 五事工作法 (SERVICES.md §1a).
/// The intake (听邻里说事) is the private work order `R<n>` of category `dispute`;
/// this record, keyed by the same number, holds the other steps: the meeting the
/// mediator invited both parties to (邀邻里议事), the agreement and each party's
/// confirmation (帮邻里办事), the respondent's rating (the complainant's is the work
/// order's, 请邻里评事), and each party's consent to publicise (向邻里晒事).
public struct Dispute: Sendable, Equatable {
    /// The two parties: who complained (the work order's reporter) and the other side.
    public enum Side: String, Sendable, CaseIterable {
        case complainant, respondent
    }

    /// What one party has done so far.
    public struct Party: Sendable, Equatable {
        public var person: String
        /// Said they will come to the meeting (`attend`).
        public var attendingAt: Instant?
        /// Confirmed the agreement now on record.
        public var confirmedAt: Instant?
        /// Agreed that the outcome be published, anonymised.
        public var consentedAt: Instant?
        /// The respondent's rating of the mediation (the complainant's is the work order's).
        public var rating: Int?

        public init(person: String, attendingAt: Instant? = nil, confirmedAt: Instant? = nil, consentedAt: Instant? = nil, rating: Int? = nil) {
            self.person = person
            self.attendingAt = attendingAt
            self.confirmedAt = confirmedAt
            self.consentedAt = consentedAt
            self.rating = rating
        }
    }

    /// The meeting: a private booking of the mediation venue.
    public struct Meeting: Sendable, Equatable {
        public var booking: Int
        public var venue: String
        public var day: LocalDay
        /// Minutes after local midnight.
        public var start: Int
        public var end: Int

        public init(booking: Int, venue: String, day: LocalDay, start: Int, end: Int) {
            self.booking = booking
            self.venue = venue
            self.day = day
            self.start = start
            self.end = end
        }
    }

    /// The work order's number: `R<number>` is the dispute.
    public var number: Int
    /// Who invited the parties and carries the dispute through (mediator, captain, grid leader, staff).
    public var mediator: String
    public var complainant: Party
    public var respondent: Party
    /// The respondent's household, when one was named or is known.
    public var respondentHome: String?
    public var meeting: Meeting
    public var invitedAt: Instant
    /// What both sides agreed, as the mediator recorded it.
    public var terms: String?
    public var agreedAt: Instant?
    /// When the second party confirmed the agreement.
    public var settledAt: Instant?
    public var publicisedAt: Instant?

    public init(
        number: Int, mediator: String, complainant: Party, respondent: Party, respondentHome: String?, meeting: Meeting, invitedAt: Instant,
        terms: String? = nil, agreedAt: Instant? = nil, settledAt: Instant? = nil, publicisedAt: Instant? = nil
    ) {
        self.number = number
        self.mediator = mediator
        self.complainant = complainant
        self.respondent = respondent
        self.respondentHome = respondentHome
        self.meeting = meeting
        self.invitedAt = invitedAt
        self.terms = terms
        self.agreedAt = agreedAt
        self.settledAt = settledAt
        self.publicisedAt = publicisedAt
    }

    public var id: RecordID { RecordID(.workOrder, number) }

    /// How long the parties have to confirm an agreement before the mediator is told.
    public static let confirmWithin = Span.days(3)

    /// The side `person` is on, if either.
    public func side(of person: String) -> Side? {
        if complainant.person == person { return .complainant }
        if respondent.person == person { return .respondent }
        return nil
    }

    public subscript(side: Side) -> Party {
        get { side == .complainant ? complainant : respondent }
        set {
            if side == .complainant { complainant = newValue } else { respondent = newValue }
        }
    }

    /// Both parties confirmed the agreement.
    public var isSettled: Bool { settledAt != nil }

    /// The sides that have not confirmed the agreement on record.
    public var unconfirmed: [Side] { Side.allCases.filter { self[$0].confirmedAt == nil } }

    /// The sides that have not consented to publicising.
    public var withoutConsent: [Side] { Side.allCases.filter { self[$0].consentedAt == nil } }
}

/// What can happen to a dispute after the invitation. Who may do it is the caller's
/// to decide (the mediator's steps, or a party's own); `apply` decides whether the
/// dispute's step allows it.
public enum DisputeAction: Sendable, Equatable {
    /// A new meeting replaces the old one (the parties are asked again).
    case reinvite(Dispute.Meeting, by: String)
    case attend(Dispute.Side)
    case agree(String)
    case confirm(Dispute.Side)
    case rate(Dispute.Side, Int)
    case consent(Dispute.Side)
    case publicise
    /// The confirmation window passed: who has not confirmed is told to the mediator.
    case confirmDeadline
}

/// What an action came to besides the new state.
public enum DisputeResult: Sendable, Equatable {
    /// Done.
    case recorded
    /// This party did it already, at this time: nothing changes.
    case already(Instant)
    /// `confirm`: the second confirmation: the dispute is settled.
    case settled
    /// `confirmDeadline`: these sides have not confirmed (empty: nothing to tell).
    case unconfirmed([Dispute.Side])
}

/// A dispute's clocks (their names are the timers' kinds).
public enum DisputeClock: String, Sendable, CaseIterable {
    /// The confirmation window after an agreement: the mediator hears who has not confirmed.
    case confirm = "dispute_confirm"
}

extension Dispute {
    /// Applies `action` at `now`: the result, and the clocks it stops and starts and the
    /// points it earns; or a `LinliError` naming why the step forbids it. `credit`:
    /// the ledger item a settled mediation earns its mediator, if the community has one.
    public mutating func apply(
        _ action: DisputeAction, at now: Instant, credit item: String? = nil
    ) throws(LinliError) -> (
        DisputeResult, Transition<DisputeClock>
    ) {
        let rid = id.description
        func refuse(_ zh: String, _ en: String) -> LinliError { LinliError(.invalidState, zh: zh, en: en, refs: [rid]) }
        switch action {
        case .reinvite(let meeting, let by):
            guard agreedAt == nil else {
                throw refuse("\(rid) 已达成协议，不用再约议事。", "\(rid) has an agreement on record; no new meeting is needed.")
            }
            self.meeting = meeting
            mediator = by
            complainant.attendingAt = nil
            respondent.attendingAt = nil
            return (.recorded, .none)
        case .attend(let side):
            guard agreedAt == nil else {
                throw refuse("\(rid) 已达成协议，议事已结束。", "\(rid) has an agreement on record; the meeting is over.")
            }
            if let at = self[side].attendingAt { return (.already(at), .none) }
            self[side].attendingAt = now
            return (.recorded, .none)
        case .agree(let text):
            guard !isSettled else {
                throw refuse("\(rid) 的协议双方都已确认，不能再改。", "Both parties confirmed the agreement of \(rid); it cannot be changed.")
            }
            terms = text
            agreedAt = now
            complainant.confirmedAt = nil
            respondent.confirmedAt = nil
            return (.recorded, Transition(stop: [.confirm], start: [.init(clock: .confirm, at: now.adding(Self.confirmWithin))]))
        case .confirm(let side):
            guard agreedAt != nil else {
                throw refuse("\(rid) 还没有达成协议，没有可确认的内容。", "\(rid) has no agreement on record yet; there is nothing to confirm.")
            }
            if let at = self[side].confirmedAt { return (.already(at), .none) }
            self[side].confirmedAt = now
            guard unconfirmed.isEmpty else { return (.recorded, .none) }
            settledAt = now
            return (.settled, Transition(stop: [.confirm], credit: item.map { Transition.Credit(item: $0, person: mediator) }))
        case .rate(let side, let score):
            guard isSettled else {
                throw refuse("\(rid) 的协议还没有双方确认，确认后才能评价。", "The agreement of \(rid) is not confirmed by both parties yet; rate it once it is.")
            }
            guard self[side].rating == nil else { throw refuse("您已评价过 \(rid)。", "You have rated \(rid) already.") }
            guard (1...5).contains(score) else { throw LinliError(.usage, zh: "评分是 1 到 5。", en: "A rating is 1 to 5.", refs: [rid]) }
            self[side].rating = score
            return (.recorded, .none)
        case .consent(let side):
            guard isSettled else {
                throw refuse("\(rid) 的协议还没有双方确认，确认后才谈得上公开。", "The agreement of \(rid) is not confirmed by both parties yet; consent comes after.")
            }
            if let at = self[side].consentedAt { return (.already(at), .none) }
            self[side].consentedAt = now
            return (.recorded, .none)
        case .publicise:
            guard isSettled else {
                throw refuse("\(rid) 的协议还没有双方确认，不能晒事。", "The agreement of \(rid) is not confirmed by both parties yet; it cannot be publicised.")
            }
            if let at = publicisedAt { return (.already(at), .none) }
            guard withoutConsent.isEmpty else {
                // The caller names who has not consented (it knows their names).
                throw LinliError(.forbidden, zh: "\(rid) 还没有双方同意公开。", en: "\(rid) is not consented to by both parties.", refs: [rid])
            }
            publicisedAt = now
            return (.recorded, .none)
        case .confirmDeadline:
            guard agreedAt != nil, !isSettled else { return (.unconfirmed([]), .none) }
            return (.unconfirmed(unconfirmed), .none)
        }
    }
}
