/// One community, as described by its community file (COMMUNITY.md).
///
/// A value; what changes in chat (registrations, language) lives in the store, and
/// so do role changes (`RoleChange`), which the engine applies over the file.
public struct Community: Sendable {
    public var id: String
    public var name: String
    public var timezone: String
    public var quietHours: TimeRange?
    public var groups: [String]
    public var grids: [Grid]
    public var buildings: [Building]
    public var people: [Person]
    public var departments: [Department]
    public var categories: [Category]
    public var venues: [Venue]
    public var services: [Service]
    public var points: [PointsItem]
    public var webhooks: [Webhook]
    /// The bot as the chats know it: its user id and the names people call it by.
    public var bot: Bot?
    /// What a group object says beyond its id (its posts' language, its robot), by group id.
    public var groupSettings: [String: GroupSettings] = [:]
    /// Where `linli serve` is reached (dashboard links).
    public var publicURL: String?
    /// Whether `linli serve` publishes the anonymised work orders as Open311 GeoReport v2 (`open311: true`).
    public var open311 = false
    /// The webhook of the bridge: in `linli serve`, what the clock causes by itself
    /// (reminders, escalations) for someone or a group no other route reaches goes there,
    /// since no request's answer carries it.
    public var bridge: String?
    /// `approve`: a captain confirms each registration.
    public var registrationNeedsApproval = false
    /// 包户: each paired household is visited this often.
    public var visitEvery: Span?
    /// The chat platforms that call the bot directly (PLATFORMS.md).
    public var platforms: [Platform] = []

    public init(
        id: String, name: String, timezone: String, quietHours: TimeRange? = nil, groups: [String] = [],
        grids: [Grid] = [], buildings: [Building] = [], people: [Person] = [], departments: [Department] = [],
        categories: [Category] = [], venues: [Venue] = [], services: [Service] = [], points: [PointsItem] = [],
        webhooks: [Webhook] = []
    ) {
        self.id = id
        self.name = name
        self.timezone = timezone
        self.quietHours = quietHours
        self.groups = groups
        self.grids = grids
        self.buildings = buildings
        self.people = people
        self.departments = departments
        self.categories = categories
        self.venues = venues
        self.services = services
        self.points = points
        self.webhooks = webhooks
    }
}

/// The bot itself, as the chats know it (PROTOCOL.md §2.1).
public struct Bot: Sendable, Equatable {
    /// Its user id in `mentions`.
    public var id: String
    /// What people call it: `@小邻 报修 …`, `小邻，进度`; longest first, so the longest match wins.
    public var names: [String]

    public init(id: String, names: [String]) {
        self.id = id
        self.names = names.sorted { $0.count > $1.count }
    }
}

/// A chat group's settings beyond its id.
public struct GroupSettings: Sendable, Equatable {
    /// The language of the bot's posts into it (default Chinese).
    public var lang: Lang?
    /// Its group robot: every post into the group is also queued for it.
    public var webhook: String?

    public init(lang: Lang? = nil, webhook: String? = nil) {
        self.lang = lang
        self.webhook = webhook
    }
}

public struct Grid: Sendable, Equatable {
    public var id: String
    public var name: String
    public var leader: String?
    public init(id: String, name: String, leader: String?) {
        self.id = id
        self.name = name
        self.leader = leader
    }
}

public struct Building: Sendable, Equatable {
    public var id: String
    public var name: String
    public var grid: String?
    public var captain: String?
    public var groups: [String]
    /// Which rooms it has (`rooms:`); nil: 3–4 digits with a plausible floor.
    public var rooms: RoomRule?
    /// Where it stands (`lat`, `long`), for Open311; nil: not published.
    public var latitude: Double?
    public var longitude: Double?
    /// Its English name (`name: {zh: 3栋, en: Building 3}`), if the community file gives one.
    public var nameEn: String?
    public init(id: String, name: String, grid: String?, captain: String?, groups: [String], rooms: RoomRule? = nil) {
        self.id = id
        self.name = name
        self.grid = grid
        self.captain = captain
        self.groups = groups
        self.rooms = rooms
    }

    /// Whether `room` (`501`) is one of its rooms.
    public func hasRoom(_ room: String) -> Bool { (rooms ?? .plausible).accepts(room) }
}

/// The roles of SERVICES.md; `resident` is implied by a home.
public enum Role: String, Sendable, CaseIterable {
    case resident, captain
    case gridLeader = "grid_leader"
    case staff, volunteer
    case partyMember = "party_member"
    case department, mediator
}

public struct Person: Sendable, Equatable {
    public var id: String
    public var name: String
    public var home: String?
    public var roles: Set<Role>
    public var lang: Lang?
    public var webhook: String?
    /// A mobile number, for robots to @-mention the person in their group.
    public var mobile: String?
    /// The person's account on each chat platform, by platform id (PLATFORMS.md).
    public var accounts: [String: String] = [:]
    /// 党员包户: the households this party member looks after.
    public var pairs: [String] = []
    public init(
        id: String, name: String, home: String? = nil, roles: Set<Role> = [], lang: Lang? = nil, webhook: String? = nil, mobile: String? = nil
    ) {
        self.id = id
        self.name = name
        self.home = home
        self.roles = roles
        self.lang = lang
        self.webhook = webhook
        self.mobile = mobile
    }
}

public struct Department: Sendable, Equatable {
    public var id: String
    public var name: String
    public var members: [String]
    public var webhook: String?
    public init(id: String, name: String, members: [String], webhook: String?) {
        self.id = id
        self.name = name
        self.members = members
        self.webhook = webhook
    }
}

/// Work-order priority: P0 is urgent and ignores quiet hours.
public enum Priority: String, Sendable, CaseIterable, Comparable, Codable {
    case p0 = "P0"
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"
    public static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
}

public struct Category: Sendable, Equatable {
    public var id: String
    /// Words that name it, English and Chinese; the first of each language is its display name.
    public var names: [String]
    public var priority: Priority
    public var accept: Span
    public var resolve: Span
    public var isPrivate: Bool
    public init(id: String, names: [String], priority: Priority, accept: Span, resolve: Span, isPrivate: Bool = false) {
        self.id = id
        self.names = names
        self.priority = priority
        self.accept = accept
        self.resolve = resolve
        self.isPrivate = isPrivate
    }

    /// The display name in `lang`: its first name written in that language.
    public func name(_ lang: Lang) -> String {
        let wanted = names.first { ($0.unicodeScalars.allSatisfy(\.isASCII)) == (lang == .en) }
        return wanted ?? names.first ?? id
    }
}

public struct Venue: Sendable, Equatable {
    public var id: String
    public var name: String
    public var names: [String]
    public var open: TimeRange?
    public var min: Span?
    public var max: Span?
    public var horizon: Span?
    public var weeklyQuota: Int?
    public var approval: Bool
    /// The venue of mediation meetings (`mediation: true`): a dispute's `invite` books it privately.
    public var mediation: Bool
    /// Its English name (`name: {zh: …, en: …}`), if the community file gives one.
    public var nameEn: String?
    public init(
        id: String, name: String, names: [String], open: TimeRange?, min: Span?, max: Span?, horizon: Span?, weeklyQuota: Int?, approval: Bool,
        mediation: Bool = false, nameEn: String? = nil
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.names = names
        self.open = open
        self.min = min
        self.max = max
        self.horizon = horizon
        self.weeklyQuota = weeklyQuota
        self.approval = approval
        self.mediation = mediation
    }
}

public struct Service: Sendable, Equatable {
    /// Who is on duty when: a daily time range and a person.
    public struct Shift: Sendable, Equatable {
        public var hours: TimeRange
        public var person: String
        public init(hours: TimeRange, person: String) {
            self.hours = hours
            self.person = person
        }
    }

    public var id: String
    public var name: String
    public var names: [String]
    public var stock: Int?
    public var loan: Span?
    public var handler: String?
    /// An on-duty rota (the 24-hour 红色管家): requests go to whoever is on duty then.
    public var rota: [Shift]
    /// How long a request may wait to be accepted before it goes to the building's captain, then staff.
    public var accept: Span
    /// Urgent (红色管家): its pushes are P0, held by no quiet hours, and the captain is told at once.
    public var urgent: Bool
    /// Its English name (`name: {zh: …, en: …}`), if the community file gives one.
    public var nameEn: String?
    /// The Chinese measure word of a loanable item (`unit: 把`): `借出2把`, `只剩1把`; default 件.
    public var unit: String

    public init(
        id: String, name: String, names: [String], stock: Int?, loan: Span?, handler: String?, rota: [Shift] = [],
        accept: Span = Service.standardAccept, urgent: Bool = false, nameEn: String? = nil, unit: String = "件"
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.unit = unit
        self.names = names
        self.stock = stock
        self.loan = loan
        self.handler = handler
        self.rota = rota
        self.accept = accept
        self.urgent = urgent
    }

    /// The accept limit of a service that names none.
    public static let standardAccept = Span.minutes(30)

    /// How its pushes go: P0 when urgent, else P3 (held by quiet hours).
    public var priority: Priority { urgent ? .p0 : .p3 }

    /// A loanable item: it has stock and a loan period.
    public var isLoan: Bool { stock != nil && loan != nil }

    /// Who handles a request at `minuteOfDay` local time: the one on duty, else the handler.
    public func handler(atMinute minute: Int) -> String? {
        rota.first { $0.hours.contains(minuteOfDay: minute) }?.person ?? handler
    }
}

public struct PointsItem: Sendable, Equatable {
    public var id: String
    public var names: [String]
    public var points: Int
    public init(id: String, names: [String], points: Int) {
        self.id = id
        self.names = names
        self.points = points
    }
}

public enum WebhookFormat: String, Sendable, CaseIterable {
    case wecom, dingtalk, feishu, generic
}

public struct Webhook: Sendable, Equatable {
    public var id: String
    public var format: WebhookFormat
    public var url: String
    public var secret: String?
    /// Sends allowed a minute, for `generic` receivers (the robots' limits are fixed); nil: no limit.
    public var perMinute: Int?
    /// Robots: send markdown (WeCom, DingTalk) or a rich `post` (Feishu) instead of plain text.
    public var markdown: Bool
    public init(id: String, format: WebhookFormat, url: String, secret: String?, perMinute: Int? = nil, markdown: Bool = false) {
        self.id = id
        self.format = format
        self.url = url
        self.secret = secret
        self.perMinute = perMinute
        self.markdown = markdown
    }
}

/// A building's, a venue's or a service's name in each language: the English one where the
/// community file gives it, else the one name it has.
public protocol Named {
    var name: String { get }
    var nameEn: String? { get }
}

extension Named {
    /// Its name in each language (`title.en` falls back to the Chinese name).
    public var title: Localized { Localized(zh: name, en: nameEn ?? name) }
}

extension Building: Named {}
extension Venue: Named {}
extension Service: Named {}

extension Community {
    /// Whether `url` is an address the web reaches: `http://` or `https://`.
    public static func isWebAddress(_ url: String) -> Bool { url.hasPrefix("https://") || url.hasPrefix("http://") }

    /// A venue's name in each language by its id (the id itself for one no longer in the file).
    public func venueTitle(_ id: String) -> Localized { venues.first { $0.id == id }?.title ?? Localized(zh: id, en: id) }

    /// A service's name in each language by its id (the id itself for one no longer in the file).
    public func serviceTitle(_ id: String) -> Localized { services.first { $0.id == id }?.title ?? Localized(zh: id, en: id) }
}
