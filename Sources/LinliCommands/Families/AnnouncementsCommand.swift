import LinliCore

/// Announcements to the groups one looks after (`commands/announcements.yaml`).
public enum AnnouncementsCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable { case announce }
    public static let family = "announcements"

    case announce(String)

    public init?(id: ID, args: Arguments) {
        guard let text = args.text("text") else { return nil }
        self = .announce(text)
    }

    public var name: String { ID.announce.rawValue }

    public var command: Command { .announcements(self) }
}
