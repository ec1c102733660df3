import LinliCore

/// A command as a value: what the parser makes of a message.
public enum Command: Equatable, Sendable {
    // People and the community
    case help(topic: String?)
    case register(room: String)
    case contacts
    case lang(Lang)
    // Work orders
    case report(category: String, place: String?, details: String)
    case status(RecordID?)
    case urge(RecordID)
    case cancel(RecordID)
    case rate(RecordID, score: Int, comment: String?)
    case reopen(RecordID, why: String?)
    case accept(RecordID)
    case assign(RecordID, to: String)
    case note(RecordID, text: String)
    case done(RecordID, result: String)
    case escalate(RecordID, detail: String?)
    case queue
    case stats(String?)
    // Bookings
    case venues(DateSpec?)
    case book(venue: String, date: DateSpec?, times: DayTimes, purpose: String?)
    case bookings
    case schedule(venue: String, date: DateSpec?)
    case approve(RecordID)
    case decline(RecordID, why: String?)
    // Services, events, wishes, suggestions, points
    case services
    case request(service: String, details: String?)
    case giveBack(RecordID)
    case events
    case createEvent(title: String, date: DateSpec, start: Int, capacity: Int?)
    case join(RecordID)
    case leave(RecordID)
    case wish(String)
    case claim(RecordID)
    case fulfil(RecordID)
    case thanks(RecordID)
    case suggest(String)
    case support(RecordID)
    case suggestions
    case answer(RecordID, text: String)
    case points(person: String?)
    case award(person: String, item: String, note: String?)
    case leaderboard
}

/// An argument the grammar read.
public enum ArgValue: Equatable, Sendable, CustomStringConvertible {
    case record(RecordID)
    case text(String)
    case int(Int)
    case lang(Lang)
    case date(DateSpec)
    case times(DayTimes)

    public var description: String {
        switch self {
        case .date(let d): "\(d)"
        case .times(let t): "\(t.start)-\(t.end)"
        case .record(let id): id.description
        case .text(let t): t
        case .int(let n): String(n)
        case .lang(let l): l.rawValue
        }
    }
}

extension Command {
    /// The command's catalog id: what metrics and logs call it.
    public var name: String {
        switch self {
        case .help: "help"
        case .register: "register"
        case .contacts: "contacts"
        case .lang: "lang"
        case .report: "report"
        case .status: "status"
        case .urge: "urge"
        case .cancel: "cancel"
        case .rate: "rate"
        case .reopen: "reopen"
        case .accept: "accept"
        case .assign: "assign"
        case .note: "note"
        case .done: "done"
        case .escalate: "escalate"
        case .queue: "queue"
        case .stats: "stats"
        case .venues: "venues"
        case .book: "book"
        case .bookings: "bookings"
        case .schedule: "schedule"
        case .approve: "approve"
        case .decline: "decline"
        case .services: "services"
        case .request: "request"
        case .giveBack: "return"
        case .events: "events"
        case .createEvent: "event"
        case .join: "join"
        case .leave: "leave"
        case .wish: "wish"
        case .claim: "claim"
        case .fulfil: "fulfil"
        case .thanks: "thanks"
        case .suggest: "suggest"
        case .support: "support"
        case .suggestions: "suggestions"
        case .answer: "answer"
        case .points: "points"
        case .award: "award"
        case .leaderboard: "leaderboard"
        }
    }

    /// The catalog ids this build has a command for.
    public static let knownIDs: Set<String> = [
        "help", "register", "contacts", "lang", "report", "status", "queue", "urge", "cancel", "accept", "rate", "reopen", "assign", "note", "done",
        "escalate", "stats", "venues", "book", "bookings", "schedule", "approve", "decline",
        "services", "request", "return", "events", "event", "join", "leave", "wish", "claim", "fulfil", "thanks",
        "suggest", "support", "suggestions", "answer", "points", "award", "leaderboard",
    ]

    /// Builds the command `id` from the arguments its grammar read; nil for an id
    /// this build does not know (a catalog entry without code behind it).
    public init?(id: String, args: [String: ArgValue]) {
        func record(_ k: String) -> RecordID? { if case .record(let r) = args[k] { r } else { nil } }
        func text(_ k: String) -> String? { if case .text(let t) = args[k] { t } else { nil } }
        func int(_ k: String) -> Int? { if case .int(let n) = args[k] { n } else { nil } }
        func date(_ k: String) -> DateSpec? { if case .date(let d) = args[k] { d } else { nil } }
        switch id {
        case "help": self = .help(topic: text("topic"))
        case "register":
            guard let room = text("room") else { return nil }
            self = .register(room: room)
        case "contacts": self = .contacts
        case "lang":
            guard case .lang(let l) = args["lang"] else { return nil }
            self = .lang(l)
        case "report":
            guard let c = text("category"), let d = text("details") else { return nil }
            self = .report(category: c, place: text("place"), details: d)
        case "status": self = .status(record("record"))
        case "queue": self = .queue
        case "stats": self = .stats(text("what"))
        case "venues": self = .venues(date("date"))
        case "services": self = .services
        case "events": self = .events
        case "suggestions": self = .suggestions
        case "leaderboard": self = .leaderboard
        case "points": self = .points(person: text("person"))
        case "request":
            guard let s = text("service") else { return nil }
            self = .request(service: s, details: text("details"))
        case "event":
            guard let title = text("title"), let d = date("date"), let start = int("time") else { return nil }
            self = .createEvent(title: title, date: d, start: start, capacity: int("capacity"))
        case "wish":
            guard let t = text("text") else { return nil }
            self = .wish(t)
        case "suggest":
            guard let t = text("text") else { return nil }
            self = .suggest(t)
        case "award":
            guard let person = text("person"), let item = text("item") else { return nil }
            self = .award(person: person, item: item, note: text("note"))
        case "bookings": self = .bookings
        case "book":
            guard let venue = text("venue"), case .times(let t) = args["times"] else { return nil }
            self = .book(venue: venue, date: date("date"), times: t, purpose: text("purpose"))
        case "schedule":
            guard let venue = text("venue") else { return nil }
            self = .schedule(venue: venue, date: date("date"))
        default:
            guard let r = record("record") else { return nil }
            switch id {
            case "urge": self = .urge(r)
            case "cancel": self = .cancel(r)
            case "accept": self = .accept(r)
            case "rate":
                guard let s = int("score") else { return nil }
                self = .rate(r, score: s, comment: text("comment"))
            case "reopen": self = .reopen(r, why: text("why"))
            case "assign":
                guard let to = text("to") else { return nil }
                self = .assign(r, to: to)
            case "note":
                guard let t = text("text") else { return nil }
                self = .note(r, text: t)
            case "done":
                guard let t = text("result") else { return nil }
                self = .done(r, result: t)
            case "escalate": self = .escalate(r, detail: text("detail"))
            case "approve": self = .approve(r)
            case "return": self = .giveBack(r)
            case "join": self = .join(r)
            case "leave": self = .leave(r)
            case "claim": self = .claim(r)
            case "fulfil": self = .fulfil(r)
            case "thanks": self = .thanks(r)
            case "support": self = .support(r)
            case "answer":
                guard let t = text("text") else { return nil }
                self = .answer(r, text: t)
            case "decline": self = .decline(r, why: text("why"))
            default: return nil
            }
        }
    }
}
