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
