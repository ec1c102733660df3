import LinliCommands
import LinliCore
import LinliStore

/// `stats [building|grid] [period]`: the published rates (考核评价) for staff (all),
/// grid leaders (their grid) and captains (their building).
extension WorkOrdersFamily {
    struct StatsScope {
        var buildings: [Building]
        var name: Localized
    }

    struct Period {
        var from: Instant?
        var to: Instant?
        var name: Localized
    }

    func stats(_ what: String?, _ ctx: CommandContext) throws -> Outcome {
        let community = ctx.directory.community
        let led = community.grids.filter { $0.leader == ctx.sender }
        let captained = community.buildings.filter { $0.captain == ctx.sender }
        guard ctx.isStaff || !led.isEmpty || !captained.isEmpty else {
            throw LinliError(.forbidden, zh: "统计只对楼栋长、网格长和社区开放。", en: "Statistics are for captains, grid leaders and the community office.")
        }
        var scope: StatsScope?
        var period: Period?
        let phrases = [
            "this month": "month", "this week": "week", "last week": "last-week", "last month": Self.lastMonth(ctx.calendar),
            "上个月": Self.lastMonth(ctx.calendar), "上月": Self.lastMonth(ctx.calendar),
        ]
        // `last 7 days`, `past 30 days`, `7 days`: as `7d`.
        let spans = (what ?? "").replacingOccurrences(of: #"(?i)\b(?:(?:last|past) )?(\d+) days?\b"#, with: "$1d", options: .regularExpression)
        for token in ctx.directory.words(spans, phrases: phrases) {
            if let s = statsScope(token, ctx.directory) {
                scope = s
            } else if let p = Self.statsPeriod(token, ctx.calendar) {
                period = p
            } else {
                throw LinliError(
                    .usage, zh: "看不懂“\(token)”：请写楼栋、网格或时段。用法：统计 [楼栋|网格] [今天|昨天|本周|上周|本月|近7天|11月|全部]",
                    en: "“\(token)” is not a building, grid or period. Usage: stats [building|grid] [today|yesterday|week|last week|month|last 7 days|2026-11|all]"
                ).about(token)
            }
        }
        let mine: Set<String> =
            ctx.isStaff
            ? Set(community.buildings.map(\.id))
            : Set(captained.map(\.id) + community.buildings.filter { b in led.contains { $0.id == b.grid } }.map(\.id))
        let chosen =
            scope
            ?? (ctx.isStaff
                ? StatsScope(buildings: community.buildings, name: Localized(zh: community.name, en: community.name))
                : led.first.map { g in StatsScope(buildings: community.buildings.filter { $0.grid == g.id }, name: Localized(zh: g.name, en: g.name))
                }
                    ?? StatsScope(
                        buildings: captained,
                        name: Localized(zh: captained.map(\.name).joined(separator: "、"), en: captained.map(\.title.en).joined(separator: ", "))))
        guard chosen.buildings.allSatisfy({ mine.contains($0.id) }) else {
            throw LinliError(.forbidden, zh: "您只能查看自己负责范围的统计。", en: "You may only see the statistics of what you are responsible for.")
        }
        let when = period ?? Period(from: nil, to: nil, name: Localized(zh: "全部", en: "all time"))
        let orders = try ctx.tx.workOrders(buildings: chosen.buildings.map(\.id), from: when.from, to: when.to)
        let (s, disputes) = try Self.figures(orders, ctx.kernel)
        let ids = Set(chosen.buildings.map(\.id))
        let requests = try ctx.tx.serviceRequests(from: when.from, to: when.to).filter { r in
            ctx.directory.building(ofHome: r.household).map { ids.contains($0.id) } ?? false
        }
        let text = render(s, scope: chosen.name, period: when.name)
        let services = serviceLines(requests, ctx.directory)
        return Outcome(Localized(zh: text.zh + disputes.zh + services.zh, en: text.en + disputes.en + services.en))
    }

    /// The figures of `orders`, with both parties' ratings of disputes (满意率 counts
    /// both, SERVICES.md §1a) and those of the households that followed a report (a
    /// merged report's reporter, a `我也是`): each was asked to rate it. What `stats`
    /// and the monthly posting say alike.
    static func figures(_ orders: [WorkOrder], _ kernel: Kernel) throws -> (WorkOrderStats, disputes: Localized) {
        let desk = WorkOrderDesk(kernel)
        var s = WorkOrderStats(orders, asOf: kernel.now) { desk.acceptAllowance($0) }
        let disputes = try DisputesFamily.figures(orders, kernel)
        s.count(ratings: disputes.ratings, of: disputes.raters)
        let done = orders.filter { $0.state == .resolved || $0.state == .closed }.map(\.number)
        let followers = try kernel.tx.followers(of: done).values.flatMap { $0 }
        s.count(ratings: followers.compactMap(\.rating), of: followers.count)
        return (s, disputes.line)
    }

    /// The figures of the work orders of `buildings` reported in the period: what
    /// `stats` says, and what the staff pages show.
    static func figures(_ buildings: [Building], _ when: Period, _ kernel: Kernel) throws -> WorkOrderStats {
        try figures(of: try kernel.tx.workOrders(buildings: buildings.map(\.id), from: when.from, to: when.to), kernel)
    }

    /// The figures of these orders (say, those `figures` reads, read once for several uses).
    static func figures(of orders: [WorkOrder], _ kernel: Kernel) throws -> WorkOrderStats {
        try figures(orders, kernel).0
    }

    /// `66.7%`, or `—` for a rate of nothing.
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// A line per service with requests (not loans) from the scope's households in the
    /// period: how many, done, withdrawn, open, and the median time to accept.
    private func serviceLines(_ requests: [ServiceRequest], _ directory: Directory) -> Localized {
        var zh = ""
        var en = ""
        for service in directory.community.services {
            let mine = requests.filter { $0.service == service.id }
            guard !mine.isEmpty else { continue }
            let count = { (state: ServiceRequest.State) in mine.filter { $0.state == state }.count }
            let median = WorkOrderStats.percentile(mine.compactMap { r in r.acceptedAt.map { $0.since(r.createdAt) } }, 0.5)
            let open = mine.filter(\.state.isOpen).count
            zh += "\n服务 \(service.name)：\(mine.count) 件，办结 \(count(.done))，撤销 \(count(.cancelled))，未办 \(open)；签收用时中位 \(median?.spoken(.zh) ?? "—")"
            en +=
                "\nService \(service.title.en): \(mine.count), done \(count(.done)), withdrawn \(count(.cancelled)), open \(open); time to accept: median \(median?.spoken(.en) ?? "—")"
        }
        return Localized(zh: zh, en: en)
    }

    private func statsScope(_ token: String, _ directory: Directory) -> StatsScope? {
        let c = directory.community
        // (`all`, `全部` is a period: `统计 3栋 全部` is the building's, for all time.)
        if ["社区", "community"].contains(token.lowercased()) {
            return StatsScope(buildings: c.buildings, name: Localized(zh: c.name, en: c.name))
        }
        if let b = directory.building(named: token) {
            return StatsScope(buildings: [b], name: b.title)
        }
        if let g = c.grids.first(where: { $0.id == token.lowercased() || $0.name == token }) {
            return StatsScope(buildings: c.buildings.filter { $0.grid == g.id }, name: Localized(zh: g.name, en: g.name))
        }
        return nil
    }

    /// Last month as `stats` reads a month: `2026-10`.
    static func lastMonth(_ calendar: LocalCalendar) -> String {
        let (y, m, _) = calendar.today.civil
        return m == 1 ? "\(y - 1)-12" : "\(y)-\(m - 1 < 10 ? "0" : "")\(m - 1)"
    }

    /// `today`, `yesterday`, `week` (since Monday), `last-week`, `month`, `7d` or `近7天` (the
    /// last 7 days), `2026-11`, `11月`, `all`; local time.
    static func statsPeriod(_ token: String, _ calendar: LocalCalendar) -> Period? {
        let now = calendar.now
        let offsetMs = Int64(calendar.offset(at: now)) * 1000
        let day = Int(RFC3339.floorDivide(now.milliseconds + offsetMs, 86_400_000))
        let monday = day - (day + 3) % 7
        func midnight(_ d: Int) -> Instant { Instant(milliseconds: Int64(d) * 86_400_000 - offsetMs) }
        switch token.lowercased() {
        case "today", "今天", "今日":
            return Period(from: midnight(day), to: nil, name: Localized(zh: "今天", en: "today"))
        case "yesterday", "昨天", "昨日":
            return Period(from: midnight(day - 1), to: midnight(day), name: Localized(zh: "昨天", en: "yesterday"))
        case "前天":
            return Period(from: midnight(day - 2), to: midnight(day - 1), name: Localized(zh: "前天", en: "the day before yesterday"))
        case "week", "本周", "这周":
            return Period(from: midnight(monday), to: nil, name: Localized(zh: "本周", en: "this week"))
        case "last-week", "上周", "上星期":
            return Period(from: midnight(monday - 7), to: midnight(monday), name: Localized(zh: "上周", en: "last week"))
        case "month", "本月":
            let (y, m, _) = RFC3339.civilFromDays(day)
            return Period(from: midnight(RFC3339.daysFromCivil(year: y, month: m, day: 1)), to: nil, name: Localized(zh: "本月", en: "this month"))
        case "all", "全部":
            return Period(from: nil, to: nil, name: Localized(zh: "全部", en: "all time"))
        default:
            if let span = Span(parsing: token.lowercased()) ?? Self.days(token), span.milliseconds > 0 {
                return Period(
                    from: now.adding(Span(milliseconds: -span.milliseconds)), to: nil,
                    name: Localized(zh: "近\(span.spoken(.zh))", en: "the last \(span.spoken(.en))"))
            }
            guard let (y, m) = calendar.month(named: token) else { return nil }
            let start = RFC3339.daysFromCivil(year: y, month: m, day: 1)
            let end = m == 12 ? RFC3339.daysFromCivil(year: y + 1, month: 1, day: 1) : RFC3339.daysFromCivil(year: y, month: m + 1, day: 1)
            return Period(from: midnight(start), to: midnight(end), name: Localized(zh: "\(y)年\(m)月", en: "\(y)-\(m < 10 ? "0" : "")\(m)"))
        }
    }

    /// `近7天`, `最近三十天`, `过去7日`, `一周`, `近两周`, `最近一个月` (30 days): that long, to now.
    private static func days(_ token: String) -> Span? {
        var t = Substring(token)
        for prefix in ["最近", "过去", "近"] where t.hasPrefix(prefix) { t = t.dropFirst(prefix.count) }
        for (unit, days) in [("个月", 30), ("星期", 7), ("周", 7), ("天", 1), ("日", 1)] where t.hasSuffix(unit) {
            var count = t.dropLast(unit.count)
            if count.hasSuffix("个") { count = count.dropLast() }  // 一个星期
            guard let n = Grammar.number(String(count)), (1...3660).contains(n * days) else { return nil }
            return Span(milliseconds: Int64(n * days) * 86_400_000)
        }
        return nil
    }

    private func render(_ s: WorkOrderStats, scope: Localized, period: Localized) -> Localized {
        let pct = Self.percent
        func span(_ s: Span?, _ lang: Lang) -> String { s?.spoken(lang) ?? "—" }
        let states = WorkOrderState.allCases.compactMap { state in s.byState[state].map { (state, $0) } }
        let zhStates = states.map { "\($0.0.label(.zh)) \($0.1)" }.joined(separator: "，")
        let enStates = states.map { "\($0.0.label(.en)) \($0.1)" }.joined(separator: ", ")
        let zh = """
            \(scope.zh) · \(period.zh) 工单统计（共 \(s.total) 件）
            状态：\(zhStates.isEmpty ? "—" : zhStates)
            办结率 \(pct(s.closureRate))（\(s.done)/\(s.counted)）：评价确认 \(s.confirmed)，未确认 \(s.unconfirmed)，无法解决 \(s.unable)，已转办 \(s.referred)
            满意率 \(pct(s.satisfactionRate))（\(s.satisfied)/\(s.ratings)），参评率 \(pct(s.ratingRate))（\(s.ratings)/\(s.raters)）
            签收用时：中位 \(span(s.acceptMedian, .zh))，P90 \(span(s.acceptP90, .zh))；办结用时：中位 \(span(s.resolveMedian, .zh))，P90 \(span(s.resolveP90, .zh))
            响应率 \(pct(s.responseRate))（\(s.responded)/\(s.due)），按时签收率 \(pct(s.onTimeAcceptRate))（\(s.acceptedOnTime)/\(s.accepted)）；超期 \(s.overdue) 件
            """
        let en = """
            \(scope.en) · \(period.en): \(English.count(s.total, "work order"))
            By state: \(enStates.isEmpty ? "—" : enStates)
            Closure rate \(pct(s.closureRate)) (\(s.done)/\(s.counted)): confirmed \(s.confirmed), unconfirmed \(s.unconfirmed), unable \(s.unable), referred \(s.referred)
            Satisfaction \(pct(s.satisfactionRate)) (\(s.satisfied)/\(s.ratings)), rating rate \(pct(s.ratingRate)) (\(s.ratings)/\(s.raters))
            Time to accept: median \(span(s.acceptMedian, .en)), p90 \(span(s.acceptP90, .en)); to resolve: median \(span(s.resolveMedian, .en)), p90 \(span(s.resolveP90, .en))
            Response rate \(pct(s.responseRate)) (\(s.responded)/\(s.due)), accepted on time \(pct(s.onTimeAcceptRate)) (\(s.acceptedOnTime)/\(s.accepted)); overdue \(s.overdue)
            """
        return Localized(zh: zh, en: en)
    }
}
