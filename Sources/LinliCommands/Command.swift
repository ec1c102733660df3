import LinliCore

/// A command as a value: what the parser makes of a message, one case per family.
/// Adding a family is one case here, one entry in `families` and one in the bot's dispatcher.
public enum Command: Equatable, Sendable {
    case people(PeopleCommand)
    case workOrders(WorkOrdersCommand)
    case bookings(BookingsCommand)
    case services(ServicesCommand)
    case events(EventsCommand)
    case wishes(WishesCommand)
    case suggestions(SuggestionsCommand)
    case points(PointsCommand)
    case announcements(AnnouncementsCommand)
    case deliveries(DeliveriesCommand)
    case households(HouseholdsCommand)
    case roles(RolesCommand)
    case accountability(AccountabilityCommand)
    case alerts(AlertsCommand)
    case disputes(DisputesCommand)
    case dashboard(DashboardCommand)

    /// Every family, in the order their catalog files are read (and help lists them).
    public static let families: [any FamilyCommand.Type] = [
        BookingsCommand.self, ServicesCommand.self, EventsCommand.self, WishesCommand.self, SuggestionsCommand.self,
        PointsCommand.self, PeopleCommand.self, WorkOrdersCommand.self, AnnouncementsCommand.self, DeliveriesCommand.self,
        HouseholdsCommand.self,
        RolesCommand.self, AccountabilityCommand.self, AlertsCommand.self, DisputesCommand.self, DashboardCommand.self,
    ]

    /// The catalog ids this build has a command for: every family's.
    public static let knownIDs: Set<String> = Set(families.flatMap { $0.ids })

    /// Builds the command `id` from the arguments its grammar read; nil for an id
    /// this build does not know, or a required argument missing. A verb that takes a
    /// record goes first to the family that owns the record's kind (`cancel B1` is a
    /// booking's, `cancel R1` a work order's): this is the one place that decides it.
    public init?(id: String, args: Arguments) {
        if let kind = args.anyRecord?.kind, let owner = Self.families.first(where: { $0.recordKinds.contains(kind) }),
            let command = owner.make(id, args)
        {
            self = command
            return
        }
        // The family that declares `id` (a look-up: trying each family's ids in turn was a
        // fifth of a parse), then any that takes it as a verb shared for its own records.
        if let owner = Self.owners[id], let command = owner.make(id, args) {
            self = command
            return
        }
        for family in Self.families {
            if let command = family.make(id, args) {
                self = command
                return
            }
        }
        return nil
    }

    /// Which family declares each catalog id: the first in `families` that does.
    private static let owners: [String: any FamilyCommand.Type] = {
        var owners: [String: any FamilyCommand.Type] = [:]
        for family in families {
            for id in family.ids where owners[id] == nil { owners[id] = family }
        }
        return owners
    }()

    public init?(id: String, args: [String: ArgValue]) { self.init(id: id, args: Arguments(args)) }

    /// The command's catalog id: what metrics and logs call it.
    public var name: String { family.name }

    /// The family's own value.
    public var family: any FamilyCommand {
        switch self {
        case .people(let c): c
        case .workOrders(let c): c
        case .bookings(let c): c
        case .services(let c): c
        case .events(let c): c
        case .wishes(let c): c
        case .suggestions(let c): c
        case .points(let c): c
        case .announcements(let c): c
        case .deliveries(let c): c
        case .households(let c): c
        case .roles(let c): c
        case .accountability(let c): c
        case .alerts(let c): c
        case .disputes(let c): c
        case .dashboard(let c): c
        }
    }
}

/// An argument the grammar read.
public enum ArgValue: Equatable, Sendable, CustomStringConvertible {
    case record(RecordID)
    case text(String)
    case int(Int)
    case lang(Lang)
    case date(DateSpec)
    case times(TimeRange)

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
