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

    public init(
        number: Int, service: String, requester: String, household: String, details: String?, isLoan: Bool, state: State = .open,
        createdAt: Instant, dueAt: Instant?, reminders: Int = 0
    ) {
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

/// A request's clocks (their names are the timers' kinds).
public enum ServiceClock: String, Sendable, CaseIterable {
    /// A loan fell due (and again every `ServiceRequest.reminderInterval`).
    case loanDue = "loan_due"
}

extension ServiceRequest {
    /// How often a borrower is reminded once a loan is due.
    public static let reminderInterval = Span.days(2)

    /// An item out on loan comes back.
    @discardableResult
    public mutating func giveBack() throws(LinliError) -> Transition<ServiceClock> {
        guard isLoan, state == .open else {
            throw LinliError(.invalidState, zh: "\(id) 不是待归还的借用。", en: "\(id) is not an item out on loan.", refs: [id.description])
        }
        state = .returned
        return .stop(.loanDue)
    }

    /// The borrower is reminded once more; the next reminder is set.
    @discardableResult
    public mutating func remind(at now: Instant) -> Transition<ServiceClock> {
        reminders += 1
        return .start(.loanDue, at: now.adding(Self.reminderInterval))
    }
}
