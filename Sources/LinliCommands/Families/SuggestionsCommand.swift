import LinliCore

/// Suggestions (proposals) that neighbours support and the office answers (`commands/suggestions.yaml`).
public enum SuggestionsCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case suggest, support, suggestions, answer }
    public static let family = "suggestions"
    public static let recordKinds: Set<RecordKind> = [.proposal]

    case suggest(String)
    case support(RecordID)
    case suggestions
    case answer(RecordID, text: String)

    public init?(id: ID, args: Arguments) {
        switch id {
        case .suggest:
            guard let text = args.text("text") else { return nil }
            self = .suggest(text)
        case .support:
            guard let r = args.record() else { return nil }
            self = .support(r)
        case .suggestions: self = .suggestions
        case .answer:
            guard let r = args.record(), let text = args.text("text") else { return nil }
            self = .answer(r, text: text)
        }
    }

    public var name: String {
        switch self {
        case .suggest: ID.suggest.rawValue
        case .support: ID.support.rawValue
        case .suggestions: ID.suggestions.rawValue
        case .answer: ID.answer.rawValue
        }
    }

    public var command: Command { .suggestions(self) }
}
