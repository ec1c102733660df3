import LinliCommands
import LinliCore
import LinliStore

/// Who is signed in to the staff pages, and what they may see.
public struct DashboardViewer: Sendable {
    public let user: String
    public let name: String
    /// The language the person reads in (PROTOCOL.md §2.3); a page's `?lang=` wins.
    public let lang: Lang
    public let isStaff: Bool
    /// The ids of the buildings in scope.
    public let buildings: [String]
}

/// What a page was asked for, as the address said it (`?building=b3&period=month`).
public struct DashboardQuery: Sendable, Equatable {
    public var building: String?
    public var grid: String?
    /// A `stats` period: `today`, `week`, `month`, `7d`, `2026-11`, `all`.
    public var period: String?
    /// `open`, `closed`, or a state (`accepted`).
    public var state: String?
    public var category: String?
    public var overdue = false
    /// 1-based.
    public var page = 1
    /// The Monday of a week of bookings (`2026-11-23`).
    public var week: String?

    public init() {}
}

/// The staff pages' reads (and their sign-in) over the store, the community as it
/// now stands and the pages' time, like `stats`. Made by the engine between batches
/// and used only inside the body it is given.
///
/// ```swift
/// let page = try await gate.withDashboard { d in
///     try d.viewer(session: session).map { try d.overview($0, DashboardQuery(), lang: .zh) }
/// }
/// ```
public struct Dashboard {
    /// How long a session lasts.
    public static let sessionLifetime = Span.hours(12)

    let store: Store
    let state: KernelState
    /// The time the pages count from: the bot's clock, or the wall clock once it is later.
    let now: Instant

    /// The community's public address (`public_url`), without a trailing slash.
    public var publicURL: String? { state.directory.community.publicURL.map(DashboardSecrets.trimmed) }

    /// Whether `open311: true` publishes the anonymised work orders.
    public var open311Enabled: Bool { state.directory.community.open311 }

    /// Reads with a kernel on a snapshot, at the pages' time. On a store other
    /// processes write too, the community as it stands (roles, registrations) is
    /// first brought up to that snapshot.
    func read<T>(_ body: (Kernel) throws -> T) throws -> T {
        try store.read { tx in
            if store.isShared { try state.catchUp(tx) }
            return try body(Kernel(tx: tx, now: now, state: state))
        }
    }

    /// Uses a sign-in link: a new session id (to set as a cookie), or nil for a link
    /// unknown, used or expired.
    public func signIn(token: String) throws -> String? {
        try store.write { tx in
            guard let user = try tx.redeemDashboardToken(hash: DashboardSecrets.hash(token), at: now) else { return nil }
            let session = DashboardSecrets.newToken()
            try tx.insertDashboardSession(
                hash: DashboardSecrets.hash(session), user: user, at: now, expiresAt: now.adding(Self.sessionLifetime))
            return session
        }
    }

    /// Ends a session: signing out.
    public func signOut(session: String) throws {
        try store.write { try $0.deleteDashboardSession(hash: DashboardSecrets.hash(session)) }
    }

    /// The person of a session that has not expired.
    public func viewer(session: String) throws -> DashboardViewer? {
        try read { k in
            guard let user = try k.tx.dashboardSession(hash: DashboardSecrets.hash(session), at: k.now) else { return nil }
            let scope = DashboardScope(user, k.directory)
            return DashboardViewer(
                user: user, name: k.directory.name(of: user), lang: k.people.language(of: user), isStaff: scope.isStaff,
                buildings: scope.buildings.map(\.id))
        }
    }
}

/// The buildings a page covers and what to call them: one building, one grid, or by
/// default what `stats` covers (staff the community, a grid leader their grid, a
/// captain their building). Outside the viewer's scope: `forbidden`.
struct DashboardPlace {
    var buildings: [Building]
    /// What the page is about, in each language (buildings by their English names where given).
    var name: Localized
    /// The whole community: its table is per grid.
    var isCommunity: Bool

    init(_ q: DashboardQuery, _ viewer: DashboardViewer, _ directory: Directory) throws {
        let community = directory.community
        let mine = Set(viewer.buildings)
        guard !mine.isEmpty else { throw Self.forbidden }
        isCommunity = false
        if let id = q.building, !id.isEmpty {
            guard let b = community.buildings.first(where: { $0.id == id.lowercased() || $0.name == id }) else {
                throw LinliError(.notFound, zh: "没有“\(id)”这个楼栋。", en: "There is no building “\(id)”.")
            }
            (buildings, name) = ([b], b.title)
        } else if let id = q.grid, !id.isEmpty {
            guard let g = community.grids.first(where: { $0.id == id.lowercased() || $0.name == id }) else {
                throw LinliError(.notFound, zh: "没有“\(id)”这个网格。", en: "There is no grid “\(id)”.")
            }
            // A captain whose building is in the grid sees the grid as far as it is theirs.
            let inGrid = community.buildings.filter { $0.grid == g.id }
            let visible = inGrid.filter { mine.contains($0.id) }
            guard !visible.isEmpty else { throw Self.forbidden }
            (buildings, name) = (visible, visible.count == inGrid.count ? Localized(zh: g.name, en: g.name) : Self.names(visible))
        } else if viewer.isStaff {
            (buildings, name, isCommunity) = (community.buildings, Localized(zh: community.name, en: community.name), true)
        } else if let g = community.grids.first(where: { $0.leader == viewer.user }) {
            (buildings, name) = (community.buildings.filter { $0.grid == g.id }, Localized(zh: g.name, en: g.name))
        } else {
            buildings = community.buildings.filter { mine.contains($0.id) }
            name = Self.names(buildings)
        }
        guard buildings.allSatisfy({ mine.contains($0.id) }) else { throw Self.forbidden }
    }

    /// Several buildings' names: 1栋、2栋 / Building 1, Building 2.
    static func names(_ buildings: [Building]) -> Localized {
        Localized(zh: buildings.map(\.name).joined(separator: "、"), en: buildings.map(\.title.en).joined(separator: ", "))
    }

    static let forbidden = LinliError(.forbidden, zh: "这一页不在您负责的范围内。", en: "This page is outside what you are responsible for.")
}

extension WorkOrdersFamily.Period {
    /// A page's period (`stats`' words), or `fallback` when it names none; else `usage`.
    static func dashboard(_ token: String?, _ calendar: LocalCalendar, fallback: String) throws -> Self {
        let token = token.flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        guard let period = WorkOrdersFamily.statsPeriod(token, calendar) else {
            throw LinliError(
                .usage, zh: "看不懂时段“\(token)”：可写 today、week、month、7d、2026-11、all。",
                en: "“\(token)” is not a period: today, week, month, 7d, 2026-11 or all.")
        }
        return period
    }
}
