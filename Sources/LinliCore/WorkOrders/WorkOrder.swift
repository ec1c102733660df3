/// Where a work order stands (SERVICES.md §1).
public enum WorkOrderState: String, Sendable, CaseIterable {
    case submitted, assigned, accepted
    case inProgress = "in_progress"
    case resolved, closed, reopened, cancelled, duplicate

    /// Still waiting on someone to act.
    public var isOpen: Bool {
        switch self {
        case .submitted, .assigned, .accepted, .inProgress, .reopened: true
        case .resolved, .closed, .cancelled, .duplicate: false
        }
    }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.submitted, .zh): "待签收"
        case (.assigned, .zh): "已交办"
        case (.accepted, .zh): "已签收"
        case (.inProgress, .zh): "处理中"
        case (.resolved, .zh): "已办结"
        case (.closed, .zh): "已关闭"
        case (.reopened, .zh): "已重新打开"
        case (.cancelled, .zh): "已撤销"
        case (.duplicate, .zh): "重复"
        case (.submitted, .en): "awaiting acceptance"
        case (.inProgress, .en): "in progress"
        default: rawValue
        }
    }
}

/// The level a work order sits at on the ladder captain → grid leader → staff → department.
public enum Level: String, Sendable, CaseIterable, Comparable {
    case captain, grid, staff, department

    /// How high on the ladder: a department answers to the office, like a grid leader.
    private var rank: Int {
        switch self {
        case .captain: 0
        case .grid, .department: 1
        case .staff: 2
        }
    }

    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// Who a work order waits on.
public enum Assignee: Hashable, Sendable {
    case person(String)
    case department(String)

    public var id: String {
        switch self {
        case .person(let id), .department(let id): id
        }
    }
}

/// A report or dispute (`R<n>`).
public struct WorkOrder: Sendable, Equatable {
    public var number: Int
    public var category: String
    public var building: String
    public var place: String?
    public var details: String
    public var reporter: String
    /// The chat group it was reported in; nil for a private chat.
    public var group: String?
    public var state: WorkOrderState
    public var assignee: Assignee?
    public var level: Level
    public var createdAt: Instant
    public var acceptedAt: Instant?
    /// When it was first accepted: reopening, escalating or passing it on clears
    /// `acceptedAt` (the resolve clock waits on a new acceptance), not this, which the
    /// response rate reads (SERVICES.md: accepted within the accept limit).
    public var firstAcceptedAt: Instant?
    public var resolvedAt: Instant?
    public var closedAt: Instant?
    public var result: String?
    public var rating: Int?
    public var comment: String?
    public var lastUrgedAt: Instant?
    /// How a resolution turned out (set by `done`).
    public var resolution: Resolution?
    /// When the resolve deadline passed with the order still open.
    public var overdueAt: Instant?
    /// A reference given when a department was whistled in (吹哨), e.g. a 12345 ticket.
    public var externalRef: String?

    public init(
        number: Int, category: String, building: String, place: String?, details: String, reporter: String,
        group: String?, assignee: Assignee?, level: Level, createdAt: Instant
    ) {
        self.number = number
        self.category = category
        self.building = building
        self.place = place
        self.details = details
        self.reporter = reporter
        self.group = group
        self.state = .submitted
        self.assignee = assignee
        self.level = level
        self.createdAt = createdAt
    }

    public var id: RecordID { RecordID(.workOrder, number) }
}

/// How a resolved work order turned out.
public enum Resolution: String, Sendable, CaseIterable {
    /// Fixed (the default).
    case fixed
    /// Could not be solved (无法解决).
    case unable
    /// Handed on to an outside body (已转办).
    case referred

    /// How a reader is told the outcome beside what was done; nil for a fix.
    public var label: Localized? {
        switch self {
        case .fixed: nil
        case .unable: Localized(zh: "无法解决", en: "could not be solved")
        case .referred: Localized(zh: "已转办", en: "handed on")
        }
    }

    /// A history line's detail (`unable: 需要厂家来修`, as kept) as a reader reads it.
    public static func spoken(_ detail: String, _ lang: Lang) -> String? {
        for how in [Resolution.unable, .referred] where detail.hasPrefix("\(how.rawValue): ") {
            let result = detail.dropFirst(how.rawValue.count + 2)
            return lang == .zh ? "（\(how.label!.zh)）\(result)" : "(\(how.label!.en)) \(result)"
        }
        return nil
    }
}

/// What can happen to a work order. Who may do it is decided by the caller;
/// `apply` decides only whether the order's state allows it.
public enum WorkOrderAction: Sendable, Equatable {
    case assign(Assignee, level: Level)
    /// Moved up the ladder (by hand or because nobody accepted in time); it must be accepted again.
    case escalate(Assignee, level: Level, ref: String?)
    /// Accepted by `by`: an order given to a department stays the department's when one of
    /// its members accepts it, and becomes `by`'s when someone else takes it over (`takingOver`).
    case accept(by: String, takingOver: Bool = false)
    /// Its holder's role passed to someone else (a new captain): the order keeps its state and clocks.
    case handOver(Assignee, level: Level)
    case note(String)
    /// Resolved; by `takenOverBy` (the captain, the office) for whoever held it: the order becomes theirs,
    /// and so does its rating.
    case resolve(String, Resolution, takenOverBy: String? = nil)
    /// The feedback window passed without a rating: closed as resolved-unconfirmed.
    case closeUnrated
    /// The resolve deadline passed.
    case markOverdue
    case rate(Int, comment: String?)
    case reopen(why: String?)
    case cancel
    case urge
    /// 督办: the office, the grid leader or the captain presses whoever handles it (while it is open).
    case supervise
    /// The same matter as the open report `into` (并单): closed as a duplicate; its reporter follows that one.
    case merge(into: RecordID)
}

extension WorkOrder {
    /// How long after resolution a reporter may reopen.
    public static let reopenWindow = Span.days(7)
    /// How often a reporter may urge one record.
    public static let urgeInterval = Span.days(1)
    /// How long a resolved order waits for its rating before it is closed unconfirmed.
    public static let feedbackWindow = Span.days(3)

    /// Waiting for someone to accept it: the accept clock is running.
    public var awaitsAcceptance: Bool { [.submitted, .assigned, .reopened].contains(state) }

    /// When the resolve clock runs out: the resolve limit after acceptance.
    public func resolveDeadline(_ limit: Span) -> Instant? { acceptedAt.map { $0.adding(limit) } }

    /// Applies `action` at `now` and returns what the transition causes, or throws a
    /// `LinliError` naming why the state forbids it. `limits` are the category's.
    @discardableResult
    public mutating func apply(_ action: WorkOrderAction, at now: Instant, limits: WorkOrderLimits = .standard) throws(LinliError) -> WorkOrderEffects
    {
        try change(action, at: now)
        return effects(of: action, limits: limits)
    }

    /// Refuses a rating of `score` before the order is done (resolved; for a follower,
    /// who rates beside the reporter, closed too), a second one from the same rater
    /// (`rated`), or a score outside 1 to 5.
    public func checkRating(_ score: Int, follower: Bool, rated: Bool) throws(LinliError) {
        let rid = id.description
        guard !rated else { throw LinliError(.invalidState, zh: "\(rid) 已评价过。", en: "\(rid) has been rated already.", refs: [rid]) }
        guard state == .resolved || (follower && state == .closed) else {
            let (zh, en) =
                switch state {
                case _ where state.isOpen: ("\(rid) 还没办结，办结后才能评价。", "\(rid) is not resolved yet; rate it once it is done.")
                case .closed:
                    (
                        "\(rid) 已关闭，评价期已过。如问题仍在，办结后7天内可回复：没解决 \(rid)，之后请重新报修。",
                        "\(rid) is closed; the time to rate it has passed. If the trouble is back, within 7 days of resolution: reopen \(rid); later, report it again."
                    )
                default: ("\(rid) 当前\(state.label(.zh))，不能评价。", "\(rid) is \(state.label(.en)); it cannot be rated.")
                }
            throw LinliError(.invalidState, zh: zh, en: en, refs: [rid])
        }
        guard (1...5).contains(score) else { throw LinliError(.usage, zh: "评分是 1 到 5。", en: "A rating is 1 to 5.", refs: [rid]) }
    }

    private mutating func change(_ action: WorkOrderAction, at now: Instant) throws(LinliError) {
        let rid = id.description
        func refuse(_ zh: String, _ en: String) -> LinliError {
            LinliError(.invalidState, zh: zh, en: en, refs: [rid])
        }
        // Passed again to whoever it waits on: nothing changes, and no one is told twice.
        func refuseIfWaitingOn(_ who: Assignee) throws(LinliError) {
            guard state == .assigned, assignee == who else { return }
            throw refuse("\(rid) 已经交给这一方，正在等待签收。", "\(rid) is already with them, waiting to be accepted.")
        }
        switch action {
        case .assign(let who, let level):
            guard state.isOpen else { throw refuse("\(rid) 当前\(state.label(.zh))，不能再交办。", "\(rid) is \(state.label(.en)); it cannot be assigned.") }
            try refuseIfWaitingOn(who)
            assignee = who
            self.level = level
            state = .assigned
            acceptedAt = nil
        case .accept(let by, let takingOver):
            guard [.submitted, .assigned, .reopened].contains(state) else {
                throw refuse("\(rid) 当前\(state.label(.zh))，无需签收。", "\(rid) is \(state.label(.en)); there is nothing to accept.")
            }
            if case .department = assignee, !takingOver {} else { assignee = .person(by) }
            state = .accepted
            acceptedAt = now
            if firstAcceptedAt == nil { firstAcceptedAt = now }
        case .handOver(let who, let level):
            guard state.isOpen else {
                throw refuse("\(rid) 当前\(state.label(.zh))，无需交接。", "\(rid) is \(state.label(.en)); there is nothing to hand over.")
            }
            assignee = who
            self.level = level
        case .note:
            guard state.isOpen else { throw refuse("\(rid) 当前\(state.label(.zh))，不能再记进展。", "\(rid) is \(state.label(.en)); notes are closed.") }
            if state == .accepted { state = .inProgress }
        case .escalate(let who, let level, let ref):
            guard state.isOpen else { throw refuse("\(rid) 当前\(state.label(.zh))，不能再吹哨。", "\(rid) is \(state.label(.en)); it cannot be escalated.") }
            try refuseIfWaitingOn(who)
            assignee = who
            self.level = level
            if let ref { externalRef = ref }
            state = .assigned
            acceptedAt = nil
        case .resolve(let text, let how, let by):
            guard state.isOpen else { throw refuse("\(rid) 当前\(state.label(.zh))，不能重复办结。", "\(rid) is already \(state.label(.en)).") }
            if let by { assignee = .person(by) }
            state = .resolved
            result = text
            resolution = how
            resolvedAt = now
            if acceptedAt == nil { acceptedAt = now }
            if firstAcceptedAt == nil { firstAcceptedAt = now }
        case .closeUnrated:
            guard state == .resolved else { throw refuse("\(rid) 当前\(state.label(.zh))。", "\(rid) is \(state.label(.en)).") }
            state = .closed
            closedAt = now
        case .markOverdue:
            guard state.isOpen else { throw refuse("\(rid) 当前\(state.label(.zh))。", "\(rid) is \(state.label(.en)).") }
            if overdueAt == nil { overdueAt = now }
        case .rate(let score, let comment):
            try checkRating(score, follower: false, rated: state == .closed && rating != nil)
            rating = score
            self.comment = comment
            state = .closed
            closedAt = now
        case .reopen:
            guard state == .resolved || state == .closed, let resolvedAt else {
                throw refuse("\(rid) 还没办结，不用重新打开。", "\(rid) is not resolved; there is nothing to reopen.")
            }
            guard now.since(resolvedAt) <= Self.reopenWindow else {
                throw refuse("\(rid) 办结已超过7天，请重新报修。", "\(rid) was resolved more than 7 days ago; please report it again.")
            }
            state = .reopened
            self.resolvedAt = nil
            closedAt = nil
            rating = nil
            comment = nil
            resolution = nil
            acceptedAt = nil
        case .cancel:
            guard state.isOpen else { throw refuse("\(rid) 当前\(state.label(.zh))，不能撤销。", "\(rid) is \(state.label(.en)); it cannot be cancelled.") }
            state = .cancelled
            closedAt = now
        case .merge(let into):
            guard state.isOpen else { throw refuse("\(rid) 当前\(state.label(.zh))，不能并单。", "\(rid) is \(state.label(.en)); it cannot be merged.") }
            guard into != id else { throw LinliError(.usage, zh: "不能把 \(rid) 并入它自己。", en: "\(rid) cannot be merged into itself.", refs: [rid]) }
            state = .duplicate
            closedAt = now
        case .urge:
            guard state.isOpen else {
                throw refuse("\(rid) 当前\(state.label(.zh))，无需催办。", "\(rid) is \(state.label(.en)); there is nothing to chase.")
            }
            if let last = lastUrgedAt, now.since(last) < Self.urgeInterval {
                throw LinliError(
                    .rateLimited, zh: "\(rid) 24小时内已催办过，满24小时后可再催。",
                    en: "\(rid) was chased less than 24 hours ago; it can be chased again once they have passed.", refs: [rid])
            }
            lastUrgedAt = now
        case .supervise:
            guard state.isOpen else {
                throw refuse("\(rid) 当前\(state.label(.zh))，无需督办。", "\(rid) is \(state.label(.en)); there is nothing to supervise.")
            }
        }
    }
}
