import LinliCore

/// People and the community: help, registration, contacts, language (`commands/people.yaml`).
public enum PeopleCommand: FamilyCommand {
    public enum ID: String, CaseIterable, Sendable {
        case help, register, contacts, lang
        case approveMember = "approve_member"
        case rejectMember = "reject_member"
    }
    public static let family = "people"

    case help(topic: String?)
    case register(room: String)
    case contacts
    case lang(Lang)
    /// A captain confirms someone's registration (`registration: approve`).
    case approveMember(String)
    case rejectMember(String, why: String?)

    public init?(id: ID, args: Arguments) {
        switch id {
        case .help: self = .help(topic: args.text("topic"))
        case .register:
            guard let room = args.text("room") else { return nil }
            self = .register(room: room)
        case .contacts: self = .contacts
        case .lang:
            guard let lang = args.lang("lang") else { return nil }
            self = .lang(lang)
        case .approveMember:
            guard let person = args.text("person") else { return nil }
            self = .approveMember(person)
        case .rejectMember:
            guard let person = args.text("person") else { return nil }
            self = .rejectMember(person, why: args.text("why"))
        }
    }

    public var name: String {
        switch self {
        case .help: ID.help.rawValue
        case .register: ID.register.rawValue
        case .contacts: ID.contacts.rawValue
        case .lang: ID.lang.rawValue
        case .approveMember: ID.approveMember.rawValue
        case .rejectMember: ID.rejectMember.rawValue
        }
    }

    public var command: Command { .people(self) }
}
