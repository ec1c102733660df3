import LinliCommands
import LinliCore
import LinliStore

/// A list on one of the boards: a heading and lines of cells, in the page's language.
public struct DashboardTable: Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
}

/// `/dashboard/bookings`, `/dashboard/services`, `/dashboard/community`: tables.
public struct DashboardBoard: Sendable {
    public var title: String
    /// Links to the week before and after (bookings): query values of `week`.
    public var previous: String?
    public var next: String?
    public var tables: [DashboardTable]
}

extension Dashboard {
    /// Each venue's bookings by day, for the week starting on the Monday `week` names (default this week).
    public func bookings(_ viewer: DashboardViewer, week: String?, lang: Lang) throws -> DashboardBoard {
        try read { k in
            guard !viewer.buildings.isEmpty else { throw DashboardPlace.forbidden }
            var monday = k.calendar.today.weekStart
            if let week {
                let p = week.split(separator: "-").compactMap { Int($0) }
                guard p.count == 3, (1970...9999).contains(p[0]), (1...12).contains(p[1]), (1...31).contains(p[2]) else {
                    throw LinliError(.usage, zh: "week 应写成 2026-11-23", en: "week is a date like 2026-11-23")
                }
                monday = LocalDay(year: p[0], month: p[1], day: p[2]).weekStart
            }
            let mine = Set(viewer.buildings)
            let say = { (zh: String, en: String) in lang == .zh ? zh : en }
            let tables = try k.directory.community.venues.map { venue in
                var rows: [[String]] = []
                for d in 0..<7 {
                    let day = monday.adding(days: d)
                    for b in try k.tx.bookings(venue: venue.id, day: day) where b.state.holds {
                        let inScope = k.directory.building(ofHome: b.household).map { mine.contains($0.id) } ?? false
                        rows.append([
                            day.spoken(lang), b.times, b.id.description, inScope ? "\(k.directory.name(of: b.booker)) \(b.household)" : "—",
                            b.purpose ?? "", b.state == .pending ? say("待审批", "awaiting approval") : say("已确认", "confirmed"),
                        ])
                    }
                }
                return DashboardTable(
                    title: venue.title(lang),
                    columns: [
                        say("日期", "Day"), say("时间", "Time"), say("编号", "No."), say("预约人", "Booked by"), say("用途", "Purpose"), say("状态", "State"),
                    ],
                    rows: rows)
            }
            return DashboardBoard(
                title: say("场地预约 · \(monday.spoken(.zh))起一周", "Bookings · the week of \(monday.spoken(.en))"),
                previous: monday.adding(days: -7).description, next: monday.adding(days: 7).description, tables: tables)
        }
    }

    /// Loans out and overdue, open service requests, stock.
    public func services(_ viewer: DashboardViewer, lang: Lang) throws -> DashboardBoard {
        try read { k in
            guard !viewer.buildings.isEmpty else { throw DashboardPlace.forbidden }
            let say = { (zh: String, en: String) in lang == .zh ? zh : en }
            let services = k.directory.community.services
            let open = try k.tx.openRequests(services: services.map(\.id), loans: true)
            let mine = Set(viewer.buildings)
            let scoped = open.filter { r in k.directory.building(ofHome: r.household).map { mine.contains($0.id) } ?? false }
            let stock = try services.map { s -> [String] in
                let out = try k.tx.onLoan(s.id)
                let late = open.filter { $0.service == s.id && $0.isLoan && ($0.dueAt.map { $0 < k.now } ?? false) }.count
                return [s.title(lang), s.stock.map(String.init) ?? "—", s.isLoan ? String(out) : "—", s.isLoan ? String(late) : "—"]
            }
            let name = Dictionary(services.map { ($0.id, $0.title(lang)) }) { a, _ in a }
            func row(_ r: ServiceRequest) -> [String] {
                let due = r.dueAt.map { DashboardOrderLine.local($0, k.calendar) } ?? ""
                let late = r.dueAt.map { $0 < k.now } ?? false
                return [
                    r.id.description, name[r.service] ?? r.service, "\(k.directory.name(of: r.requester)) \(r.household)",
                    DashboardOrderLine.local(r.createdAt, k.calendar), due + (late ? say("（逾期）", " (overdue)") : ""), r.details ?? "",
                ]
            }
            let columns = [
                say("编号", "No."), say("服务", "Service"), say("申请人", "Requested by"), say("申请时间", "Requested"), say("归还期限", "Due"),
                say("说明", "Details"),
            ]
            return DashboardBoard(
                title: say("便民服务", "Services"),
                tables: [
                    DashboardTable(
                        title: say("库存与借出", "Stock and loans"),
                        columns: [say("服务", "Service"), say("库存", "Stock"), say("借出", "Out"), say("逾期", "Overdue")],
                        rows: stock),
                    DashboardTable(title: say("借出中", "On loan"), columns: columns, rows: scoped.filter(\.isLoan).map(row)),
                    DashboardTable(title: say("未办的服务申请", "Open service requests"), columns: columns, rows: scoped.filter { !$0.isLoan }.map(row)),
                ])
        }
    }

    /// Wishes, suggestions by support, events and sign-ups, the points leaderboard, 包户 visit coverage.
    public func community(_ viewer: DashboardViewer, lang: Lang) throws -> DashboardBoard {
        try read { k in
            guard !viewer.buildings.isEmpty else { throw DashboardPlace.forbidden }
            let say = { (zh: String, en: String) in lang == .zh ? zh : en }
            let d = k.directory
            // Staff see the whole community; a captain or grid leader the households of their buildings.
            let mine = Set(viewer.buildings)
            func inScope(home: String?) -> Bool { viewer.isStaff || home.flatMap(d.building(ofHome:)).map { mine.contains($0.id) } == true }
            let wishes = try k.tx.unfinishedWishes(limit: 50).filter { inScope(home: k.people.home(of: $0.wisher)) }.map { w in
                [w.id.description, w.text, k.people.name(of: w.wisher), w.state.label(lang), w.claimer.map(k.people.name(of:)) ?? ""]
            }
            let proposals = try k.tx.openProposals().sorted { ($0.support, $0.number) > ($1.support, $1.number) }.map { p in
                [p.id.description, p.text, String(p.support), p.answer ?? ""]
            }
            let events = try k.tx.events(from: k.calendar.today.adding(days: -30)).map { e in
                [
                    e.id.description, e.title, "\(e.day.spoken(lang)) \(Booking.clock(e.start))",
                    "\(try k.tx.participants(e.number).count)\(e.capacity.map { "/\($0)" } ?? "")",
                ]
            }
            let leaders = try k.tx.totals().filter { inScope(home: k.people.home(of: $0.person)) }.prefix(10).enumerated().map { i, t in [String(i + 1), k.people.name(of: t.person), String(t.points)] }
            let pairs = try HouseholdsFamily().pairs(k).filter { inScope(home: $0.household) }
            let every = d.community.visitEvery ?? .days(30)
            let last = try k.tx.lastVisits(Array(Set(pairs.map(\.household))))
            let coverage = Set(pairs.map(\.member)).sorted().map { member -> [String] in
                let c = Coverage(households: pairs.filter { $0.member == member }.map(\.household), lastVisit: last, now: k.now, every: every)
                return [d.name(of: member), "\(c.visited)/\(c.paired)", "\(c.percent)%", c.neverVisited.joined(separator: " ")]
            }
            return DashboardBoard(
                title: say("社区", "Community"),
                tables: [
                    DashboardTable(
                        title: say("微心愿", "Wishes"),
                        columns: [say("编号", "No."), say("心愿", "Wish"), say("许愿人", "Wished by"), say("状态", "State"), say("认领人", "Claimed by")],
                        rows: wishes),
                    DashboardTable(
                        title: say("居民建议（按支持数）", "Suggestions by support"),
                        columns: [say("编号", "No."), say("建议", "Suggestion"), say("支持", "Support"), say("答复", "Answer")], rows: proposals),
                    DashboardTable(
                        title: say("活动与报名", "Events and sign-ups"),
                        columns: [say("编号", "No."), say("活动", "Event"), say("时间", "When"), say("报名", "Signed up")], rows: events),
                    DashboardTable(title: say("积分榜", "Points leaderboard"), columns: ["#", say("姓名", "Name"), say("积分", "Points")], rows: leaders),
                    DashboardTable(
                        title: say("包户走访覆盖（近\(every.spoken(.zh))）", "Visit coverage (the last \(every.spoken(.en)))"),
                        columns: [say("党员", "Member"), say("已走访", "Visited"), say("覆盖率", "Coverage"), say("从未走访", "Never visited")], rows: coverage),
                ])
        }
    }
}
