import LinliCore

/// Disputes by the five-step method 五事工作法 (`commands/disputes.yaml`): the steps
/// after a dispute's intake (`report dispute …`, a work order) on the same `R<n>`.
public enum DisputesCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case invite, attend, agree, confirm, consent, publicise }
    public static let family = "disputes"

    /// 邀邻里议事: the other party (a person or a room), and when to meet.
    case invite(RecordID, party: String, date: DateSpec?, times: TimeRange)
    case attend(RecordID)
    /// 帮邻里办事: what both sides agreed.
    case agree(RecordID, terms: String)
    case confirm(RecordID)
    case consent(RecordID)
    /// 向邻里晒事: the anonymised outcome, in the mediator's words (else a standard one).
    case publicise(RecordID, outcome: String?)

    public init?(id: ID, args: Arguments) {
        guard let r = args.record() else { return nil }
        switch id {
        case .invite:
            guard let party = args.text("party"), let times = args.times("times") else { return nil }
            self = .invite(r, party: party, date: args.date("date"), times: times)
        case .attend: self = .attend(r)
        case .agree:
            guard let terms = args.text("terms") else { return nil }
            self = .agree(r, terms: terms)
        case .confirm: self = .confirm(r)
        case .consent: self = .consent(r)
        case .publicise: self = .publicise(r, outcome: args.text("outcome"))
        }
    }

    public var name: String {
        let id: ID =
            switch self {
            case .invite: .invite
            case .attend: .attend
            case .agree: .agree
            case .confirm: .confirm
            case .consent: .consent
            case .publicise: .publicise
            }
        return id.rawValue
    }

    /// The dispute every step is about.
    public var record: RecordID {
        switch self {
        case .invite(let r, _, _, _), .attend(let r), .agree(let r, _), .confirm(let r), .consent(let r), .publicise(let r, _): r
        }
    }

    public var command: Command { .disputes(self) }
}
