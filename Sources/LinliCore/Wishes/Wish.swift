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
