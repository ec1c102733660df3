/// A request for a free service, or a loan of an item (`S<n>`). A request is taken
/// and done (open → accepted → done, or cancelled); a loan is returned (open → returned).
public struct ServiceRequest: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        case open, accepted, returned, done, cancelled

        /// Still waiting on someone: not yet returned, done or cancelled.
        public var isOpen: Bool { self == .open || self == .accepted }

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.open, .zh): "待签收"
            case (.accepted, .zh): "已签收"
            case (.returned, .zh): "已归还"
            case (.done, .zh): "已办结"
            case (.cancelled, .zh): "已撤销"
            case (.open, .en): "awaiting acceptance"
            default: rawValue
            }
        }
    }
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
    /// Who was last told to take it: the handler or the one on duty, then whoever it went up to.
    public var handler: String?
    /// Where it went beyond its handler: the building's captain (told at once of an urgent
    /// request, else when nobody accepted in time), then staff; nil while with its handler alone.
    public var level: Level?
    public var acceptedBy: String?
    public var acceptedAt: Instant?
    public var closedAt: Instant?
    public var result: String?
    /// How many items a loan lent (`借两把伞`: 2), and how many of them came back so far;
    /// one record per loan, returned in part or whole.
    public var quantity: Int
    public var returned: Int

    public init(
        number: Int, service: String, requester: String, household: String, details: String?, isLoan: Bool, state: State = .open,
        createdAt: Instant, dueAt: Instant?, reminders: Int = 0, handler: String? = nil, quantity: Int = 1, returned: Int = 0
    ) {
        self.quantity = quantity
        self.returned = returned
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
        self.handler = handler
    }

    public var id: RecordID { RecordID(.service, number) }

    /// Items of a loan still out.
    public var out: Int { isLoan && state == .open ? quantity - returned : 0 }

    /// What a list shows beside a loan of more than one: ` ×2` while two are out, the
    /// whole loan's ` ×3` once it is over; nothing for one or a service.
    public var countShown: String {
        guard isLoan, quantity > 1 else { return "" }
        return " ×\(state == .open ? out : quantity)"
    }
}

/// A request's clocks (their names are the timers' kinds).
public enum ServiceClock: String, Sendable, CaseIterable {
    /// A loan fell due (and again every `ServiceRequest.reminderInterval`).
    case loanDue = "loan_due"
    /// A request not accepted within the service's accept limit: it goes up a rung.
    case accept = "request_accept"
}

/// What can happen to a service request (not a loan). Who may do it is decided by
/// the caller; `apply` decides only whether the request's state allows it.
public enum ServiceAction: Sendable, Equatable {
    case accept(by: String)
    /// Done, with what was done if said; taken by whoever finishes it if nobody had.
    case finish(by: String, result: String?)
    /// Withdrawn by the requester.
    case cancel
    /// Not accepted in time: passed to `to` at `level`, whose accept clock falls due at `due`.
    case escalate(to: String, level: Level, due: Instant)
}

extension ServiceRequest {
    /// How often a borrower is reminded once a loan is due.
    public static let reminderInterval = Span.days(2)

    /// Items out on loan come back: `count` of them, or all that are out (nil). The loan
    /// is returned when none is left out; more than are out is refused, nothing returned.
    @discardableResult
    public mutating func giveBack(_ count: Int? = nil, unit: String = "件") throws(LinliError) -> Transition<ServiceClock> {
        guard isLoan, state == .open else {
            throw LinliError(.invalidState, zh: "\(id) 不是待归还的借用。", en: "\(id) is not an item out on loan.", refs: [id.description])
        }
        let left = out
        let count = count ?? left
        guard count >= 1, count <= left else {
            throw LinliError(
                .invalidState, zh: "\(id) 只有 \(left) \(unit)未还。", en: "\(id) has only \(left) out.", refs: [id.description])
        }
        returned += count
        guard returned == quantity else { return .none }
        state = .returned
        return .stop(.loanDue)
    }

    /// Whose queue lists it: once taken, whoever took it; before, its service's handlers
    /// (see `Service.isHandled(by:_:)`) and whoever it was passed to.
    public func waitsOn(_ user: String, _ service: Service?, _ directory: Directory) -> Bool {
        if let acceptedBy { return acceptedBy == user }
        return handler == user || (service?.isHandled(by: user, directory) ?? false)
    }

    /// Who may take and finish it: those it waits on, whoever manages the requester's
    /// building (captain, grid leader, staff), and staff.
    public func mayBeHandled(by user: String, _ service: Service?, _ directory: Directory) -> Bool {
        waitsOn(user, service, directory) || directory.building(ofHome: household).map { directory.manages(user, building: $0) } == true
            || directory.person(user)?.roles.contains(.staff) == true
    }

    /// A loan is not taken or done: it is returned (one back already is said so).
    public func refuseIfLoan() throws(LinliError) {
        guard isLoan else { return }
        if state == .returned {
            throw LinliError(.invalidState, zh: "\(id) 已经归还了。", en: "\(id) has been returned already.", refs: [id.description])
        }
        throw LinliError(
            .invalidState, zh: "\(id) 是借用物品，归还请发送：归还 \(id)", en: "\(id) is a loan; to give it back: return \(id)", refs: [id.description])
    }

    /// Applies `action` at `now` and returns the clocks it stops and starts, or throws
    /// a `LinliError` naming why the state forbids it.
    @discardableResult
    public mutating func apply(_ action: ServiceAction, at now: Instant) throws(LinliError) -> Transition<ServiceClock> {
        try refuseIfLoan()
        let sid = id.description
        func refuse(_ zh: String, _ en: String) -> LinliError { LinliError(.invalidState, zh: zh, en: en, refs: [sid]) }
        switch action {
        case .accept(let by):
            guard state == .open else {
                throw refuse("\(sid) 当前\(state.label(.zh))，无需签收。", "\(sid) is \(state.label(.en)); there is nothing to accept.")
            }
            state = .accepted
            acceptedBy = by
            acceptedAt = now
            return .stop(.accept)
        case .finish(let by, let text):
            guard state.isOpen else { throw refuse("\(sid) 当前\(state.label(.zh))，不能再办结。", "\(sid) is \(state.label(.en)) already.") }
            if acceptedBy == nil {
                acceptedBy = by
                acceptedAt = now
            }
            state = .done
            result = text
            closedAt = now
            return .stop(.accept)
        case .cancel:
            guard state.isOpen else { throw refuse("\(sid) 当前\(state.label(.zh))，不能撤销。", "\(sid) is \(state.label(.en)); it cannot be cancelled.") }
            state = .cancelled
            closedAt = now
            return .stop(.accept)
        case .escalate(let to, let level, let due):
            guard state == .open else {
                throw refuse("\(sid) 当前\(state.label(.zh))，无需升级。", "\(sid) is \(state.label(.en)); there is nothing to escalate.")
            }
            handler = to
            self.level = level
            return .start(.accept, at: due)
        }
    }

    /// The borrower is reminded once more; the next reminder is set.
    @discardableResult
    public mutating func remind(at now: Instant) -> Transition<ServiceClock> {
        reminders += 1
        return .start(.loanDue, at: now.adding(Self.reminderInterval))
    }
}

extension Service {
    /// Its handler (or a member of the handling department), or anyone on its rota.
    public func isHandled(by user: String, _ directory: Directory) -> Bool {
        ([handler].compactMap { $0 } + rota.map(\.person)).contains { id in id == user || directory.department(id)?.members.contains(user) == true }
    }
}
