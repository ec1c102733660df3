/// A micro-wish (`W<n>`, 微心愿): open → claimed → fulfilled → confirmed; the wisher
/// withdraws one not yet fulfilled (cancelled; a claimer is kept, to say who had it).
public struct Wish: Sendable, Equatable {
    public enum State: String, Sendable { case open, claimed, fulfilled, confirmed, cancelled }
    public var number: Int
    public var text: String
    public var wisher: String
    public var state: State
    public var claimer: String?
    public var claimedAt: Instant?
    public var fulfilledAt: Instant?
    public var createdAt: Instant

    public init(
        number: Int, text: String, wisher: String, state: State = .open, claimer: String? = nil, claimedAt: Instant? = nil,
        fulfilledAt: Instant? = nil, createdAt: Instant
    ) {
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

    /// One claimer at a time; a wish that is not open answers `conflict`. An
    /// unfinished claim runs out after `claimLifetime`.
    @discardableResult
    public mutating func claim(by user: String, at now: Instant) throws(LinliError) -> Transition<WishClock> {
        guard user != wisher else {
            throw LinliError(
                .forbidden, zh: "\(id) 是您自己的心愿，请等志愿者来认领。", en: "\(id) is your own wish: a volunteer will take it on.", refs: [id.description])
        }
        guard state == .open else { throw LinliError(.conflict, where: self) }
        state = .claimed
        claimer = user
        claimedAt = now
        return .start(.claim, at: now.adding(Self.claimLifetime))
    }

    /// The claimer did it; the wisher has `confirmWindow` to confirm.
    @discardableResult
    public mutating func fulfil(by user: String, at now: Instant) throws(LinliError) -> Transition<WishClock> {
        guard state == .claimed, claimer == user else {
            throw LinliError(
                state == .claimed ? .forbidden : .invalidState, zh: "\(id) 不是您认领的待完成心愿。",
                en: "\(id) is not a wish you have claimed and not yet fulfilled.", refs: [id.description])
        }
        state = .fulfilled
        fulfilledAt = now
        return Transition(stop: [.claim], start: [.init(clock: .confirm, at: now.adding(Self.confirmWindow))])
    }

    /// Confirmed (by the wisher, or by itself when the window ran out): the claimer earns the ledger's `wish` item.
    @discardableResult
    public mutating func confirm() throws(LinliError) -> Transition<WishClock> {
        guard state == .fulfilled else { throw LinliError(.invalidState, where: self) }
        state = .confirmed
        return Transition(stop: [.confirm], credit: claimer.map { .init(item: "wish", person: $0) })
    }

    /// The wisher withdraws a wish no volunteer has fulfilled yet; a claim's clock stops.
    @discardableResult
    public mutating func cancel() throws(LinliError) -> Transition<WishClock> {
        guard state == .open || state == .claimed else {
            if state == .fulfilled {
                throw LinliError(
                    .invalidState, zh: "\(id) 志愿者已说完成了，不能撤销。如已实现，请发送：谢谢 \(id)",
                    en: "The volunteer says \(id) is fulfilled, so it cannot be withdrawn. If it came true: thanks \(id)", refs: [id.description])
            }
            throw LinliError(.invalidState, where: self)
        }
        let wasClaimed = state == .claimed
        state = .cancelled
        return wasClaimed ? Transition(stop: [.claim]) : .none
    }

    /// Gives a stale claim back to everyone.
    public mutating func release() {
        state = .open
        claimer = nil
        claimedAt = nil
    }
}

/// A wish's clocks (their names are the timers' kinds).
public enum WishClock: String, Sendable, CaseIterable {
    /// An unfinished claim runs out.
    case claim = "wish_claim"
    /// A fulfilled wish is confirmed if the wisher has not.
    case confirm = "wish_confirm"
}

extension LinliError {
    /// A wish is not where a step needs it: what state it is in, as people say it.
    init(_ code: ErrorCode, where wish: Wish) {
        let id = wish.id
        let (zh, en) =
            switch wish.state {
            case .open: ("\(id) 还没有人认领。", "\(id) has not been claimed yet.")
            case .claimed: ("\(id) 已被认领，还没有完成。", "\(id) has been claimed and is not fulfilled yet.")
            case .fulfilled: ("\(id) 已完成，正等心愿人确认。", "\(id) is fulfilled and waits for the wisher to confirm.")
            case .confirmed: ("\(id) 已经实现了。", "\(id) has come true already.")
            case .cancelled: ("\(id) 已由心愿人撤销。", "\(id) was withdrawn by the wisher.")
            }
        self.init(code, zh: zh, en: en, refs: [id.description])
    }
}
