import LinliCommands
import LinliCore
import LinliStore

/// `/dashboard`: the figures of `stats` for a place and a period, the reports by
/// state, thirty days of reports opened and resolved, what is overdue, and a row
/// per building (per grid for the whole community). Texts are in the page's language.
public struct DashboardOverview: Sendable {
    /// One figure: `办结率` `66.7%` `2/3`. `key` names it for tests and styles.
    public struct Figure: Sendable {
        public var key: String
        public var label: String
        public var value: String
        public var detail: String
        /// The share a bar shows (0…1), for rates.
        public var share: Double?
    }

    public struct Count: Sendable {
        public var label: String
        public var count: Int
    }

    public struct Day: Sendable {
        /// `11-28`
        public var label: String
        public var opened: Int
        public var resolved: Int
    }

    /// A building's or grid's figures.
    public struct Row: Sendable {
        public var name: String
        /// The query that shows it (`building=b3`, `grid=g1`).
        public var query: String
        public var total: Int
        public var done: Int
        public var counted: Int
        public var closure: String
        public var satisfaction: String
        public var overdue: Int
    }

    public var place: String
    public var period: String
    /// The `stats` words of the period shown (`month`), for links.
    public var periodToken: String
    public var total: Int
    public var figures: [Figure]
    /// The mix of outcomes of the closure rate.
    public var outcomes: [Count]
    public var states: [Count]
    public var days: [Day]
    public var overdue: [DashboardOrderLine]
    public var rows: [Row]
    /// Whether the rows are grids (the whole community) or buildings.
    public var rowsAreGrids: Bool
    /// The figures themselves, as `stats` computes them.
    public var stats: WorkOrderStats
}

extension Dashboard {
    /// The overview of what `q` names (default: `stats`' scope, this month).
    public func overview(_ viewer: DashboardViewer, _ q: DashboardQuery, lang: Lang) throws -> DashboardOverview {
        try read { k in
            let place = try DashboardPlace(q, viewer, k.directory)
            let token = q.period.flatMap { $0.isEmpty ? nil : $0 } ?? "month"
            let period = try WorkOrdersFamily.Period.dashboard(token, k.calendar, fallback: "month")
            let ids = place.buildings.map(\.id)
            let orders = try k.tx.workOrders(buildings: ids, from: period.from, to: period.to)
            let s = try WorkOrdersFamily.figures(of: orders, k)  // what `stats` computes, on the same orders
            let desk = WorkOrderDesk(k)
            let words = DashboardWords(lang)
            return DashboardOverview(
                place: place.name(lang), period: period.name(lang), periodToken: token, total: s.total, figures: Self.figures(s, words),
                outcomes: [
                    .init(label: words.confirmed, count: s.confirmed), .init(label: words.unconfirmed, count: s.unconfirmed),
                    .init(label: words.unable, count: s.unable), .init(label: words.referred, count: s.referred),
                ],
                states: WorkOrderState.allCases.compactMap { st in s.byState[st].map { .init(label: st.label(lang), count: $0) } },
                days: try Self.days(ids, k),
                overdue: try k.tx.overdueWorkOrders(buildings: ids).prefix(50).map { DashboardOrderLine($0, desk, lang) },
                rows: Self.rows(place, orders, desk, k.directory, lang), rowsAreGrids: place.isCommunity, stats: s)
        }
    }

    private static func figures(_ s: WorkOrderStats, _ w: DashboardWords) -> [DashboardOverview.Figure] {
        let pct = WorkOrdersFamily.percent
        func span(_ s: Span?) -> String { s?.spoken(w.lang) ?? "—" }
        return [
            .init(key: "total", label: w.reports, value: "\(s.total)", detail: w.inPeriod, share: nil),
            .init(key: "response", label: w.response, value: pct(s.responseRate), detail: "\(s.responded)/\(s.due)", share: s.responseRate),
            .init(
                key: "ontime", label: w.onTime, value: pct(s.onTimeAcceptRate), detail: "\(s.acceptedOnTime)/\(s.accepted)", share: s.onTimeAcceptRate
            ),
            .init(key: "closure", label: w.closure, value: pct(s.closureRate), detail: "\(s.done)/\(s.counted)", share: s.closureRate),
            .init(
                key: "satisfaction", label: w.satisfaction, value: pct(s.satisfactionRate), detail: "\(s.satisfied)/\(s.ratings)",
                share: s.satisfactionRate),
            .init(key: "rating", label: w.ratingRate, value: pct(s.ratingRate), detail: "\(s.ratings)/\(s.done)", share: s.ratingRate),
            .init(key: "accept", label: w.toAccept, value: span(s.acceptMedian), detail: "P90 \(span(s.acceptP90))", share: nil),
            .init(key: "resolve", label: w.toResolve, value: span(s.resolveMedian), detail: "P90 \(span(s.resolveP90))", share: nil),
            .init(key: "overdue", label: w.overdue, value: "\(s.overdue)", detail: w.inPeriod, share: nil),
        ]
    }

    /// The last 30 local days, today last: reports opened and resolved on each.
    private static func days(_ buildings: [String], _ k: Kernel) throws -> [DashboardOverview.Day] {
        let first = k.calendar.today.adding(days: -29)
        // Where each day starts, and the last one ends: one time-zone lookup a day, not one a report.
        let starts = (0...30).map { k.calendar.instant(first.adding(days: $0), 0) }
        let times = try k.tx.workOrderTimes(buildings: buildings, since: starts[0])
        func count(_ instants: [Instant]) -> [Int] {
            var counts = [Int](repeating: 0, count: 30)
            for at in instants where at < starts[30] {
                var (low, high) = (0, 30)  // starts[low] <= at < starts[high]
                while high - low > 1 {
                    let middle = (low + high) / 2
                    if at < starts[middle] { high = middle } else { low = middle }
                }
                counts[low] += 1
            }
            return counts
        }
        let (opened, resolved) = (count(times.reported), count(times.resolved))
        return (0..<30).map { i in
            let (_, m, d) = first.adding(days: i).civil
            return .init(label: "\(m)-\(d)", opened: opened[i], resolved: resolved[i])
        }
    }

    /// A row per grid (the whole community: and one for buildings in none) or per building.
    private static func rows(
        _ place: DashboardPlace, _ orders: [WorkOrder], _ desk: WorkOrderDesk, _ directory: Directory, _ lang: Lang
    ) -> [DashboardOverview.Row] {
        let groups: [(name: String, query: String, buildings: Set<String>)] =
            place.isCommunity
            ? directory.community.grids.map { g in (g.name, "grid=\(g.id)", Set(place.buildings.filter { $0.grid == g.id }.map(\.id))) }
                + place.buildings.filter { b in b.grid == nil }.map { ($0.title(lang), "building=\($0.id)", [$0.id]) }
            : place.buildings.map { ($0.title(lang), "building=\($0.id)", [$0.id]) }
        let byBuilding = Dictionary(grouping: orders, by: \.building)
        return groups.map { g in
            let s = WorkOrderStats(g.buildings.flatMap { byBuilding[$0] ?? [] }) { desk.acceptAllowance($0) }
            return .init(
                name: g.name, query: g.query, total: s.total, done: s.done, counted: s.counted, closure: WorkOrdersFamily.percent(s.closureRate),
                satisfaction: WorkOrdersFamily.percent(s.satisfactionRate), overdue: s.overdue)
        }
    }
}
