import LinliCommands
import LinliCore
import LinliStore

/// A category as an Open311 GeoReport v2 service.
public struct Open311Service: Sendable, Equatable {
    public var code: String
    public var name: String
    public var description: String
    public var keywords: [String]
    public var group: String
}

/// A work order as an Open311 GeoReport v2 service request: anonymised (never a
/// name, a room, a person's id; nothing of a private category).
public struct Open311Request: Sendable, Equatable {
    public var id: String
    /// `open`, or `closed` once resolved, closed, cancelled or a duplicate.
    public var status: String
    public var statusNotes: String?
    public var serviceName: String
    public var serviceCode: String
    public var description: String
    public var agency: String
    public var serviceNotice: String
    public var requested: String
    public var updated: String
    public var expected: String?
    public var address: String
    public var latitude: Double?
    public var longitude: Double?
}

/// What `requests.json` was asked for, as the address said it.
public struct Open311Query: Sendable, Equatable {
    public var startDate: String?
    public var endDate: String?
    public var status: String?
    public var serviceCodes: String?
    public var requestIDs: String?
    public init() {}
}

extension Dashboard {
    /// At most this many requests in one answer.
    public static let open311Limit = 1000
    /// The longest span `start_date`…`end_date` may cover.
    public static let open311Window = Span.days(90)

    /// The public categories as services.
    public func open311Services() throws -> [Open311Service] {
        try read { k in
            k.directory.community.categories.filter { !$0.isPrivate }.map { c in
                Open311Service(
                    code: c.id, name: c.name(.zh),
                    description: "\(c.name(.en)): 签收时限 \(c.accept.spoken(.zh))，办结时限 \(c.resolve.spoken(.zh))",
                    keywords: c.names, group: c.priority.rawValue)
            }
        }
    }

    /// The requests the query names, newest first, at most 1,000; `usage` for a bad
    /// date or status, a window over 90 days.
    public func open311Requests(_ q: Open311Query) throws -> [Open311Request] {
        try read { k in
            let community = k.directory.community
            let shown = community.categories.filter { !$0.isPrivate }.map(\.id)
            var query = WorkOrderQuery(categories: shown, limit: Self.open311Limit)
            if let ids = q.requestIDs, !ids.isEmpty {
                query.numbers = try ids.split(separator: ",").map { word in
                    guard let id = RecordID(parsing: Substring(word.trimmingCharacters(in: .whitespaces))), id.kind == .workOrder else {
                        throw LinliError(.usage, zh: "service_request_id 应为 R12 这样的编号", en: "service_request_id is a list of ids like R12")
                    }
                    return id.number
                }
            } else {
                let end = try q.endDate.map { try Self.open311Date($0, k.calendar, endOfDay: true) } ?? k.now
                let start =
                    try q.startDate.map { try Self.open311Date($0, k.calendar, endOfDay: false) }
                    ?? end.adding(Span(milliseconds: -Self.open311Window.milliseconds))
                guard start <= end else { throw LinliError(.usage, zh: "start_date 晚于 end_date", en: "start_date is after end_date") }
                guard end.since(start) <= Self.open311Window else {
                    throw LinliError(.usage, zh: "start_date 到 end_date 最多 90 天", en: "start_date to end_date spans at most 90 days")
                }
                (query.from, query.to) = (start, end.adding(.seconds(1)))
            }
            if let codes = q.serviceCodes, !codes.isEmpty {
                let wanted = Set(codes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                query.categories = shown.filter(wanted.contains)
            }
            switch q.status {
            case nil, "": break
            case "open": query.states = WorkOrderState.allCases.filter(\.isOpen)
            case "closed": query.states = WorkOrderState.allCases.filter { !$0.isOpen }
            case let other?: throw LinliError(.usage, zh: "status 只能是 open 或 closed", en: "status is open or closed, not \(other)")
            }
            let desk = WorkOrderDesk(k)
            return try k.tx.workOrders(query).orders.map { Self.open311Request($0, desk, community) }
        }
    }

    /// `2026-11-28T09:00:00+08:00`, `2026-11-28T01:00:00Z`, or `2026-11-28`: its start
    /// (or, for an end, its last moment) in the community's time.
    static func open311Date(_ text: String, _ calendar: LocalCalendar, endOfDay: Bool) throws -> Instant {
        if let at = RFC3339.parse(text) { return at }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        if parts.count == 3, text.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]) {
            let day = LocalDay(year: parts[0], month: parts[1], day: parts[2])
            return endOfDay ? calendar.instant(day.adding(days: 1), 0).adding(.seconds(-1)) : calendar.instant(day, 0)
        }
        throw LinliError(.usage, zh: "日期应为 RFC 3339：\(text)", en: "dates are RFC 3339, not \(text)")
    }

    static func open311Request(_ o: WorkOrder, _ desk: WorkOrderDesk, _ community: Community) -> Open311Request {
        let calendar = desk.calendar
        func time(_ at: Instant) -> String { RFC3339.format(at, offsetSeconds: calendar.offset(at: at)) }
        let limits = desk.limits(o)
        let building = desk.directory.building(o.building)
        let notes: String? =
            switch o.state {
            case .resolved, .closed:
                switch o.resolution {
                case .unable: "无法解决 unable to resolve"
                case .referred: "已转办 referred"
                case .fixed, nil: "已办结 resolved"
                }
            case .cancelled: "已撤销 withdrawn"
            case .duplicate: "重复报修 duplicate"
            default: nil
            }
        let agency: String =
            if case .department(let id)? = o.assignee { desk.directory.department(id)?.name ?? community.name } else { community.name }
        let updated = [o.createdAt, o.acceptedAt, o.resolvedAt, o.closedAt, o.overdueAt].compactMap { $0 }.max() ?? o.createdAt
        let expected = o.resolveDeadline(limits.resolve) ?? (o.state.isOpen ? o.createdAt.adding(limits.accept).adding(limits.resolve) : nil)
        return Open311Request(
            id: o.id.description, status: o.state.isOpen ? "open" : "closed", statusNotes: notes, serviceName: desk.categoryName(o, .zh),
            serviceCode: o.category, description: desk.directory.anonymiser.text(o.details), agency: agency,
            serviceNotice: "签收时限 \(limits.accept.spoken(.zh))，办结时限 \(limits.resolve.spoken(.zh))", requested: time(o.createdAt),
            updated: time(updated), expected: expected.map(time), address: "\(building?.name ?? o.building), \(community.name)",
            latitude: building?.latitude, longitude: building?.longitude)
    }
}
