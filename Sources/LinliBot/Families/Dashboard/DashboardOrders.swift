import LinliCommands
import LinliCore
import LinliStore

/// A work order as a line of a list (and a row of the CSV), in the page's language.
public struct DashboardOrderLine: Sendable {
    public var id: String
    /// Reported, local time: `2026-11-28 09:10`.
    public var reported: String
    public var category: String
    public var building: String
    public var place: String
    public var state: String
    public var isOpen: Bool
    /// Who has it (a person's or a department's name), or empty.
    public var assignee: String
    public var overdue: Bool
    public var details: String
    public var accepted: String
    public var resolved: String
    public var result: String
    public var rating: String

    init(_ o: WorkOrder, _ desk: WorkOrderDesk, _ lang: Lang) {
        func local(_ at: Instant?) -> String { at.map { DashboardOrderLine.local($0, desk.calendar) } ?? "" }
        id = o.id.description
        reported = local(o.createdAt)
        category = desk.categoryName(o, lang)
        building = desk.buildingName(o, lang)
        place = o.place ?? ""
        state = o.state.label(lang)
        isOpen = o.state.isOpen
        assignee = o.assignee.map { desk.directory.name(of: $0.id) } ?? ""
        overdue = o.overdueAt != nil
        details = o.details
        accepted = local(o.acceptedAt)
        resolved = local(o.resolvedAt)
        result = o.result ?? ""
        rating = o.rating.map(String.init) ?? ""
    }

    /// `2026-11-28 09:10` in the community's time.
    static func local(_ at: Instant, _ calendar: LocalCalendar) -> String {
        let text = RFC3339.format(at, offsetSeconds: calendar.offset(at: at))
        return "\(text.prefix(10)) \(text.dropFirst(11).prefix(5))"
    }
}

/// `/dashboard/orders`: a page of work orders, newest first.
public struct DashboardOrders: Sendable {
    public var place: String
    public var orders: [DashboardOrderLine]
    public var total: Int
    public var page: Int
    public var pages: Int
    /// The categories and buildings the filters offer: (id, name).
    public var categories: [(id: String, name: String)]
    public var buildings: [(id: String, name: String)]
    public var grids: [(id: String, name: String)]
}

/// `/dashboard/orders/R12`: one work order, its clocks and its history.
public struct DashboardOrderDetail: Sendable {
    public struct Clock: Sendable {
        public var label: String
        public var at: String
        public var passed: Bool
    }

    public struct Step: Sendable {
        public var at: String
        public var actor: String
        public var action: String
        public var detail: String
    }

    public var line: DashboardOrderLine
    public var reporter: String
    public var household: String
    public var priority: String
    public var isPrivate: Bool
    public var comment: String
    public var externalRef: String
    public var followers: Int
    public var clocks: [Clock]
    public var timeline: [Step]
}

extension Dashboard {
    /// Orders per page.
    public static let pageSize = 50
    /// The furthest page asked for is read as this one (past the last, it is empty).
    static let lastPage = 1_000_000

    /// A page of the work orders `q` filters (`limit`: all of them, for the CSV, up to that many).
    public func orders(_ viewer: DashboardViewer, _ q: DashboardQuery, lang: Lang, limit: Int? = nil) throws -> DashboardOrders {
        try read { k in
            let place = try DashboardPlace(q, viewer, k.directory)
            let period = try WorkOrdersFamily.Period.dashboard(q.period, k.calendar, fallback: "all")
            var query = WorkOrderQuery(buildings: place.buildings.map(\.id), from: period.from, to: period.to, overdue: q.overdue ? true : nil)
            query.states = try Self.states(q.state)
            if let c = q.category, !c.isEmpty {
                guard let category = k.directory.category(c.lowercased()) else {
                    throw LinliError(.usage, zh: "没有“\(c)”这个类别。", en: "There is no category “\(c)”.")
                }
                query.categories = [category.id]
            }
            let size = limit ?? Self.pageSize
            let page = min(max(1, q.page), Self.lastPage)
            query.limit = size
            query.offset = limit == nil ? (page - 1) * size : 0
            let (orders, total) = try k.tx.workOrders(query)
            let desk = WorkOrderDesk(k)
            let community = k.directory.community
            let mine = Set(viewer.buildings)
            return DashboardOrders(
                place: place.name(lang), orders: orders.map { DashboardOrderLine($0, desk, lang) }, total: total, page: page,
                pages: max(1, (total + size - 1) / size), categories: community.categories.map { ($0.id, $0.name(lang)) },
                buildings: community.buildings.filter { mine.contains($0.id) }.map { ($0.id, $0.title(lang)) },
                grids: community.grids.filter { g in community.buildings.contains { $0.grid == g.id && mine.contains($0.id) } }.map {
                    ($0.id, $0.name)
                })
        }
    }

    /// `open`, `closed` or a state's name; nil: every state.
    static func states(_ word: String?) throws -> [WorkOrderState]? {
        guard let word, !word.isEmpty else { return nil }
        switch word.lowercased() {
        case "open": return WorkOrderState.allCases.filter(\.isOpen)
        case "closed": return WorkOrderState.allCases.filter { !$0.isOpen }
        default:
            guard let state = WorkOrderState(rawValue: word.lowercased()) else {
                throw LinliError(.usage, zh: "没有“\(word)”这个状态。", en: "There is no state “\(word)”.")
            }
            return [state]
        }
    }

    /// One work order in the viewer's scope; `notFound`, or `forbidden` outside it.
    public func order(_ viewer: DashboardViewer, number: Int, lang: Lang) throws -> DashboardOrderDetail {
        try read { k in
            guard let o = try k.tx.workOrder(number) else { throw LinliError.notFound(RecordID(.workOrder, number)) }
            guard viewer.buildings.contains(o.building) else { throw DashboardPlace.forbidden }
            let desk = WorkOrderDesk(k)
            let limits = desk.limits(o)
            let words = DashboardWords(lang)
            func clock(_ label: String, _ at: Instant?) -> DashboardOrderDetail.Clock? {
                at.map { .init(label: label, at: DashboardOrderLine.local($0, k.calendar), passed: $0 <= k.now) }
            }
            let say = { (zh: String, en: String) in lang == .zh ? zh : en }
            let clocks = [
                clock(say("签收时限", "Accept by"), o.acceptedAt == nil && o.state.isOpen ? o.createdAt.adding(limits.accept) : nil),
                clock(say("办结时限", "Resolve by"), o.resolveDeadline(limits.resolve)),
                clock(words.overdue, o.overdueAt),
                clock(say("评价截止", "Rating until"), o.state == .resolved ? o.resolvedAt?.adding(WorkOrder.feedbackWindow) : nil),
            ].compactMap { $0 }
            let timeline = try k.tx.history(number).map { e in
                DashboardOrderDetail.Step(
                    at: DashboardOrderLine.local(e.at, k.calendar), actor: e.actor == Kernel.system ? "Linli" : k.directory.name(of: e.actor),
                    action: WorkOrderDesk.actionLabels[e.action]?(lang) ?? e.action, detail: desk.detail(e, lang) ?? "")
            }
            return DashboardOrderDetail(
                line: DashboardOrderLine(o, desk, lang), reporter: k.directory.name(of: o.reporter), household: k.people.home(of: o.reporter) ?? "",
                priority: desk.priority(of: o).rawValue, isPrivate: desk.isPrivate(o), comment: o.comment ?? "", externalRef: o.externalRef ?? "",
                followers: try k.tx.followers(of: number).count, clocks: clocks, timeline: timeline)
        }
    }
}
