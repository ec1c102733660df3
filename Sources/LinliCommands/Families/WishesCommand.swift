import LinliCore

/// Micro-wishes (微心愿) that volunteers fulfil (`commands/wishes.yaml`).
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

    public var name: String {
        switch self {
        case .wish: ID.wish.rawValue
        case .wishes: ID.wishes.rawValue
        case .claim: ID.claim.rawValue
        case .fulfil: ID.fulfil.rawValue
        case .thanks: ID.thanks.rawValue
        }
    }

    public var command: Command { .wishes(self) }
}
