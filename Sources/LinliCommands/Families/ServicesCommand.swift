import LinliCore

/// Free services and loans (`commands/services.yaml`).
public enum ServicesCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case services, request, giveBack = "return" }
    public static let family = "services"
    public static let recordKinds: Set<RecordKind> = [.service]

    case services
    case request(service: String, details: String?)
    case giveBack(RecordID)

    public init?(id: ID, args: Arguments) {
        switch id {
        case .services: self = .services
        case .request:
            guard let service = args.text("service") else { return nil }
            self = .request(service: service, details: args.text("details"))
        case .giveBack:
            guard let r = args.record() else { return nil }
            self = .giveBack(r)
        }
    }

    public var name: String {
        switch self {
        case .services: ID.services.rawValue
        case .request: ID.request.rawValue
        case .giveBack: ID.giveBack.rawValue
        }
    }

    public var command: Command { .services(self) }
}
