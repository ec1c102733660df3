import LinliCore

/// Work orders: report, route, take, progress, resolve, rate, statistics (`commands/workorders.yaml`).
public enum WorkOrdersCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable {
        case report, status, urge, cancel, rate, reopen, accept, assign, note, done, queue, escalate, stats, merge, metoo
    }
    public static let family = "workorders"
    public static let recordKinds: Set<RecordKind> = [.workOrder]

    case report(category: String, place: String?, details: String)
    case status(RecordID?)
    /// 催办 by a reporter, 督办 by the office, a grid leader or a captain; with what they add for the handler.
    case urge(RecordID, note: String?)
    case cancel(RecordID)
    case rate(RecordID, score: Int, comment: String?)
    case reopen(RecordID, why: String?)
    case accept(RecordID)
    case assign(RecordID, to: String)
    case note(RecordID, text: String)
    case done(RecordID, result: String)
    case queue
    case escalate(RecordID, detail: String?)
    case stats(String?)
    /// 并单: the first record is a duplicate of the second.
    case merge(RecordID, into: RecordID)
    /// 我也是: the sender's household is affected too.
    case metoo(RecordID)

    public init?(id: ID, args: Arguments) {
        switch id {
        case .report:
            guard let category = args.text("category"), let details = args.text("details") else { return nil }
            self = .report(category: category, place: args.text("place"), details: details)
        case .status: self = .status(args.record())
        case .queue: self = .queue
        case .stats: self = .stats(args.text("what"))
        default:
            guard let r = args.record() else { return nil }
            switch id {
            case .urge: self = .urge(r, note: args.text("note"))
            case .cancel: self = .cancel(r)
            case .rate:
                guard let score = args.int("score") else { return nil }
                self = .rate(r, score: score, comment: args.text("comment"))
            case .reopen: self = .reopen(r, why: args.text("why"))
            case .accept: self = .accept(r)
            case .assign:
                guard let to = args.text("to") else { return nil }
                self = .assign(r, to: to)
            case .note:
                guard let text = args.text("text") else { return nil }
                self = .note(r, text: text)
            case .done:
                guard let result = args.text("result") else { return nil }
                self = .done(r, result: result)
            case .escalate: self = .escalate(r, detail: args.text("detail"))
            case .merge:
                guard let into = args.record("into") else { return nil }
                self = .merge(r, into: into)
            case .metoo: self = .metoo(r)
            case .report, .status, .queue, .stats: return nil
            }
        }
    }

    /// The work order the command is about, if it names one.
    public var record: RecordID? {
        switch self {
        case .status(let r): r
        case .urge(let r, _), .cancel(let r), .rate(let r, _, _), .reopen(let r, _), .accept(let r), .assign(let r, _), .note(let r, _), .done(let r, _),
            .escalate(let r, _), .merge(let r, _), .metoo(let r):
            r
        case .report, .queue, .stats: nil
        }
    }

    public var name: String {
        let id: ID =
            switch self {
            case .report: .report
            case .status: .status
            case .urge: .urge
            case .cancel: .cancel
            case .rate: .rate
            case .reopen: .reopen
            case .accept: .accept
            case .assign: .assign
            case .note: .note
            case .done: .done
            case .queue: .queue
            case .escalate: .escalate
            case .stats: .stats
            case .merge: .merge
            case .metoo: .metoo
            }
        return id.rawValue
    }

    public var command: Command { .workOrders(self) }
}
