import LinliCore

/// Emergency alerts and drills, and their acknowledgements (`commands/alerts.yaml`).
public enum AlertsCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case alert, drill, ack, alerts }
    public static let family = "alerts"
    public static let recordKinds: Set<RecordKind> = [.alert]

    /// An emergency broadcast (`drill`: a drill of one).
    case alert(String, drill: Bool)
    case ack(RecordID)
    case alerts

    public init?(id: ID, args: Arguments) {
        switch id {
        case .alert, .drill:
            guard let text = args.text("text") else { return nil }
            self = .alert(text, drill: id == .drill)
        case .ack:
            guard let r = args.record() else { return nil }
            self = .ack(r)
        case .alerts: self = .alerts
        }
    }

    public var name: String {
        switch self {
        case .alert(_, let drill): drill ? ID.drill.rawValue : ID.alert.rawValue
        case .ack: ID.ack.rawValue
        case .alerts: ID.alerts.rawValue
        }
    }

    public var command: Command { .alerts(self) }
}
