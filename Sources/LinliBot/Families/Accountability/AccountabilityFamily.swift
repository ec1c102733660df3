import LinliCommands
import LinliCore
import LinliStore

/// Public accountability 晒事: on the first of each month at 09:00 each building's
/// groups get last month's figures for that building (reports, 办结率, 满意率 with
/// the number of ratings, the median time to resolve) and the office groups the
/// whole community's; `publish` posts them on demand. A month's figures go to a group
/// once: the morning run skips what the office already published by hand, and a
/// publish of figures already posted says so unless told `again` (`重发`).
struct AccountabilityFamily: Family {
    enum Timer: String, TimerKind {
        /// Every morning; on the first of the month it posts.
        case monthly = "monthly_figures"
    }

    var daily: (timer: Timer, minutes: Int)? { (.monthly, 9 * 60) }

    func run(_ command: AccountabilityCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .publish(let what): try publish(what, ctx)
        }
    }

    func fire(_ timer: Timer, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        let (due, today) = (ctx.calendar.day(of: row.dueAt), ctx.calendar.today)
        // Due on the 1st: last month's figures. Due before a 1st it waited through (the
        // server was down): those figures, unless today's own run, still to come, posts them.
        let waitedThroughAFirst = (due.civil.year, due.civil.month) != (today.civil.year, today.civil.month) && !(today.civil.day == 1 && ctx.calendar.minuteOfDay < 9 * 60)
        guard due.civil.day == 1 || waitedThroughAFirst else { return [] }
        return try posts(Self.month(before: today), buildings: ctx.directory.community.buildings, office: true, again: false, ctx).effects
    }

    /// Staff post a month's figures: the buildings' named (each to its groups), or every
    /// building's and the community's (to the office groups too). Last month unless named.
    func publish(_ what: String?, _ ctx: CommandContext) throws -> Outcome {
        guard ctx.isStaff else { throw LinliError(.forbidden, zh: "晒数据由社区发布。", en: "The community office publishes the figures.") }
        var month = Self.month(before: ctx.calendar.today)
        var buildings: [Building] = []
        var again = false
        var named: [String] = []  // what was said, without `again`: how to ask for it again
        for token in ctx.directory.words(what ?? "", phrases: ["this month": "this-month", "last month": "last-month"]) {
            if Self.again.contains(token.lowercased()) {
                again = true
                continue
            }
            named.append(token)
            if let b = ctx.directory.building(named: token) {
                if !buildings.contains(where: { $0.id == b.id }) { buildings.append(b) }
            } else if let m = Self.month(token, ctx.calendar) {
                month = m
            } else {
                throw LinliError(
                    .usage, zh: "看不懂“\(token)”：请写楼栋或月份，例如：晒数据 3栋 2026-11",
                    en: "“\(token)” is not a building or a month; e.g. publish b3 2026-11"
                ).about(token)
            }
        }
        let (effects, skipped) = try posts(
            month, buildings: buildings.isEmpty ? ctx.directory.community.buildings : buildings, office: buildings.isEmpty, again: again, ctx.kernel)
        let groups = Set(effects.compactMap(\.group)).count
        let retry = Localized(
            zh: (["晒数据"] + named + ["重发"]).joined(separator: " "), en: (["publish"] + named + ["again"]).joined(separator: " "))
        let places = Localized(zh: skipped.map(\.zh).joined(separator: "、"), en: skipped.map(\.en).joined(separator: ", "))
        if effects.isEmpty, !skipped.isEmpty {
            throw LinliError(
                .conflict, zh: "\(month.name.zh)的数据已经发过了（\(places.zh)），没有再发。如需再发一次，请发送：\(retry.zh)",
                en: "The figures for \(month.name.en) were posted already (\(places.en)); not posted again. To post them again: \(retry.en)")
        }
        let but = Localized(
            zh: skipped.isEmpty ? "" : "（\(places.zh)已发过，没有再发；如需再发：\(retry.zh)）",
            en: skipped.isEmpty ? "" : " (\(places.en) had them already, not posted again; to post them again: \(retry.en))")
        return Outcome(
            zh: "已把\(month.name.zh)的数据发到\(groups)个群\(but.zh)。", en: "Posted the figures for \(month.name.en) to \(English.count(groups, "group"))\(but.en).",
            effects: effects)
    }

    /// Words that post figures already posted (`晒数据 重发`).
    static let again: Set<String> = ["again", "重发", "再发", "重新发"]

    /// A calendar month: its first day and the first day of the next.
    struct Month {
        var from: LocalDay
        var to: LocalDay
        var name: Localized
    }

    /// The month before the one `day` is in.
    static func month(before day: LocalDay) -> Month {
        let (y, m, _) = day.civil
        return month(year: m == 1 ? y - 1 : y, month: m == 1 ? 12 : m - 1)
    }

    static func month(year y: Int, month m: Int) -> Month {
        let next = m == 12 ? LocalDay(year: y + 1, month: 1, day: 1) : LocalDay(year: y, month: m + 1, day: 1)
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return Month(from: LocalDay(year: y, month: m, day: 1), to: next, name: Localized(zh: "\(y)年\(m)月", en: "\(english[m - 1]) \(y)"))
    }

    /// `2026-11`, `2026年11月`, `11月`, `上月|last-month`, `本月|this-month`.
    static func month(_ token: String, _ calendar: LocalCalendar) -> Month? {
        let today = calendar.today
        switch token.lowercased() {
        case "上月", "上个月", "last-month": return month(before: today)
        case "本月", "这个月", "this-month", "month": return month(year: today.civil.year, month: today.civil.month)
        default: return calendar.month(named: token).map { month(year: $0.year, month: $0.month) }
        }
    }

    /// Each building's figures to its groups; with `office`, the whole community's to the office groups.
    /// A month that has ended goes to each once: where it went already is skipped (and named)
    /// unless `again`; where it goes is written down (`meta`, so that a restart knows it too).
    private func posts(_ month: Month, buildings: [Building], office: Bool, again: Bool, _ ctx: Kernel) throws -> (
        effects: [Effect], skipped: [Localized]
    ) {
        let offset = ctx.calendar.offset(at: ctx.now)
        let (from, to) = (month.from.instant(minutes: 0, offsetSeconds: offset), month.to.instant(minutes: 0, offsetSeconds: offset))
        let ended = month.to <= ctx.calendar.today
        let code = Int64(month.from.civil.year * 100 + month.from.civil.month)
        func figures(_ of: [Building], _ name: Localized) throws -> Localized {
            let (s, _) = try WorkOrdersFamily.figures(try ctx.tx.workOrders(buildings: of.map(\.id), from: from, to: to), ctx)
            return Self.text(s, place: name, month: month.name)
        }
        var effects: [Effect] = []
        var skipped: [Localized] = []
        /// Posts to `groups` (`target`: a building's id, or nil for the office's) unless they had this month's figures.
        func post(_ groups: [String], _ target: String?, _ name: Localized, _ text: () throws -> Localized) throws {
            let key = "monthly_figures:\(target ?? "office"):\(code)"
            if ended, try ctx.tx.meta(key) != nil, !again {
                skipped.append(name)
                return
            }
            let text = try text()
            effects += groups.map { .post(group: $0, reason: "monthly_figures", text: text, refs: [], priority: Effect.routine) }
            if ended, !groups.isEmpty { try ctx.tx.setMeta(key, 1) }  // each month's, an older one's too
        }
        for b in buildings {
            try post(b.groups, b.id, b.title) { try figures([b], b.title) }
        }
        if office {
            let community = Localized(zh: ctx.directory.community.name, en: ctx.directory.community.name)
            try post(ctx.directory.community.groups, nil, Localized(zh: "社区群", en: "the office groups")) {
                try figures(ctx.directory.community.buildings, community)
            }
        }
        return (effects, skipped)
    }

    /// `【晒数据】3栋 2026年11月：报修 12 件，办结率 91.7%（11/12），满意率 90.0%（9/10 人评价），办结用时中位 5小时。`
    static func text(_ s: WorkOrderStats, place: Localized, month: Localized) -> Localized {
        func pct(_ rate: Double?) -> String {
            guard let rate else { return "—" }
            let tenths = Int((rate * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        guard s.total > 0 else {
            return Localized(zh: "【晒数据】\(place.zh) \(month.zh)：没有报修。", en: "[Figures] \(place.en), \(month.en): no reports.")
        }
        return Localized(
            zh:
                "【晒数据】\(place.zh) \(month.zh)：报修 \(s.total) 件，办结率 \(pct(s.closureRate))（\(s.done)/\(s.counted)），满意率 \(pct(s.satisfactionRate))（\(s.satisfied)/\(s.ratings) 人评价），办结用时中位 \(s.resolveMedian?.spoken(.zh) ?? "—")。",
            en:
                "[Figures] \(place.en), \(month.en): \(English.count(s.total, "report")); closure \(pct(s.closureRate)) (\(s.done)/\(s.counted)); satisfaction \(pct(s.satisfactionRate)) (\(s.satisfied) of \(English.count(s.ratings, "rating"))); median time to resolve \(s.resolveMedian?.spoken(.en) ?? "—")."
        )
    }
}
