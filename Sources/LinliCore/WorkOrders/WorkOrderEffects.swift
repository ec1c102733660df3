/// A category's time limits for its work orders.
public struct WorkOrderLimits: Sendable, Equatable {
    /// From being told to accepting.
    public var accept: Span
    /// From accepting to resolving.
    public var resolve: Span

    public init(accept: Span, resolve: Span) {
        self.accept = accept
        self.resolve = resolve
    }

    /// The limits of a category that names none.
    public static let standard = WorkOrderLimits(accept: .days(1), resolve: .days(7))
}

/// The clocks a work order runs (their names are the timers' kinds).
public enum WorkOrderClock: String, Sendable, CaseIterable {
    /// Not accepted in time: the ladder.
    case accept
    /// Reminders at 50% and 90% of the resolve limit (payload: the percentage).
    case remind
    /// The resolve limit passed.
    case overdue
    /// The feedback window after resolution passed without a rating.
    case feedback
}

/// What a transition causes besides the new state: its history line, the clocks
/// it stops and starts, and the points it earns. The caller writes them; it does not
/// decide them again.
public struct WorkOrderEffects: Sendable, Equatable {
    /// The clock a transition starts.
    public enum Start: Sendable, Equatable {
        /// The accept limit, from when the assignee can be told.
        case accept
        /// The resolve clock (its 50% reminder first), from acceptance.
        case resolve
        /// The feedback window, from resolution.
        case feedback
    }

    /// The history line: an action word and its detail.
    public var history: (action: String, detail: String?)
    public var stop: [WorkOrderClock] = []
    public var start: Start?
    /// Accepted within the accept limit: the ledger's on-time item is credited to the acceptor.
    public var acceptedOnTime = false

    public static func == (a: Self, b: Self) -> Bool {
        a.history == b.history && a.stop == b.stop && a.start == b.start && a.acceptedOnTime == b.acceptedOnTime
    }
}

extension WorkOrder {
    func effects(of action: WorkOrderAction, limits: WorkOrderLimits) -> WorkOrderEffects {
        let all = WorkOrderClock.allCases
        switch action {
        case .assign(let who, _):
            return WorkOrderEffects(history: ("assign", who.id), stop: all, start: .accept)
        case .escalate(let who, _, let ref):
            return WorkOrderEffects(history: ("escalate", ref.map { "\(who.id) \($0)" } ?? who.id), stop: all, start: .accept)
        case .reopen(let why):
            return WorkOrderEffects(history: ("reopen", why), stop: all, start: .accept)
        case .accept:
            let onTime = acceptedAt.map { $0.since(createdAt) <= limits.accept } ?? false
            return WorkOrderEffects(history: ("accept", nil), stop: [.accept], start: .resolve, acceptedOnTime: onTime)
        case .resolve(let result, let how, _):
            return WorkOrderEffects(
                history: ("done", how == .fixed ? result : "\(how.rawValue): \(result)"), stop: [.accept, .remind, .overdue], start: .feedback)
        case .rate(let score, let comment):
            return WorkOrderEffects(history: ("rate", comment.map { "\(score) \($0)" } ?? "\(score)"), stop: all)
        case .closeUnrated:
            return WorkOrderEffects(history: ("close", "unrated"), stop: all)
        case .cancel:
            return WorkOrderEffects(history: ("cancel", nil), stop: all)
        case .merge(let into):
            return WorkOrderEffects(history: ("duplicate", into.description), stop: all)
        case .markOverdue:
            return WorkOrderEffects(history: ("overdue", nil))
        case .handOver(let who, _):
            return WorkOrderEffects(history: ("handover", who.id))
        case .note(let text):
            return WorkOrderEffects(history: ("note", text))
        case .urge:
            return WorkOrderEffects(history: ("urge", nil))
        case .supervise:
            // The note is for the handler alone: the history is read in groups (`进度 R1`).
            return WorkOrderEffects(history: ("supervise", nil))
        }
    }
}
