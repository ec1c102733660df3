import LinliCore

/// Micro-wishes (微心愿) that volunteers fulfil (`commands/wishes.yaml`); `status W<n>`
/// and `cancel W<n>` are shared with work orders.
public enum WishesCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case wish, wishes, claim, fulfil, thanks }
    public static let family = "wishes"
    public static let recordKinds: Set<RecordKind> = [.wish]

    case wish(String)
    /// The wishes waiting for a volunteer.
    case wishes
    case claim(RecordID)
    case fulfil(RecordID)
    case thanks(RecordID)
    /// The wish's state, for its wisher (and the office, and its claimer).
    case status(RecordID)
    /// The wisher withdraws it.
    case cancel(RecordID)

    public init?(id: ID, args: Arguments) {
        if id == .wish {
            guard let text = args.text("text") else { return nil }
            self = .wish(text)
            return
        }
        if id == .wishes {
            self = .wishes
            return
        }
        guard let r = args.record() else { return nil }
        switch id {
        case .claim: self = .claim(r)
        case .fulfil: self = .fulfil(r)
        case .thanks: self = .thanks(r)
        case .wish, .wishes: return nil
        }
    }

    public init?(sharedVerb verb: String, args: Arguments) {
        guard let r = args.record(), r.kind == .wish else { return nil }
        switch verb {
        case "status": self = .status(r)
        case "cancel": self = .cancel(r)
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .wish: ID.wish.rawValue
        case .wishes: ID.wishes.rawValue
        case .claim: ID.claim.rawValue
        case .fulfil: ID.fulfil.rawValue
        case .thanks: ID.thanks.rawValue
        case .status: "status"
        case .cancel: "cancel"
        }
    }

    public var command: Command { .wishes(self) }
}
