import LinliCore

/// Free services and loans (`commands/services.yaml`); `status`, `accept`, `done` and
/// `cancel S<n>` are shared with work orders.
public enum ServicesCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case services, request, giveBack = "return" }
    public static let family = "services"
    public static let recordKinds: Set<RecordKind> = [.service]

    case services
    /// `count`: how many of a loanable item (`借两把伞`); one when not said.
    case request(service: String, details: String?, count: Int = 1)
    /// A loan back: all of `S<n>`, or `count` of it, or `count` of an item (`还 1 把伞`,
    /// the sender's oldest loans of it first); nil count: all.
    case giveBack(RecordID?, count: Int? = nil, service: String? = nil)
    case status(RecordID)
    case accept(RecordID)
    case done(RecordID, result: String?)
    case cancel(RecordID)

    public init?(id: ID, args: Arguments) {
        switch id {
        case .services: self = .services
        case .request:
            guard let service = args.text("service") else { return nil }
            self = .request(service: service, details: args.text("details"), count: args.int("count") ?? 1)
        case .giveBack:
            let r = args.record()
            let service = args.text("service")
            guard r != nil || service != nil else { return nil }
            self = .giveBack(r, count: args.int("count"), service: service)
        }
    }

    public init?(sharedVerb verb: String, args: Arguments) {
        guard let r = args.record(), r.kind == .service else { return nil }
        switch verb {
        case "status": self = .status(r)
        case "accept": self = .accept(r)
        case "done": self = .done(r, result: args.text("result"))
        case "cancel": self = .cancel(r)
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .services: ID.services.rawValue
        case .request: ID.request.rawValue
        case .giveBack: ID.giveBack.rawValue
        case .status: "status"
        case .accept: "accept"
        case .done: "done"
        case .cancel: "cancel"
        }
    }

    public var command: Command { .services(self) }
}
