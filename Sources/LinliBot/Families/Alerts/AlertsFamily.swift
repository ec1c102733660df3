import LinliCommands
import LinliCore
import LinliStore

/// Emergency alerts and drills (紧急通知, 应急演练): staff, a grid leader (their grid)
/// or a captain (their building) broadcast `A<n>` at P0, through quiet hours, to the
/// groups in their scope and to the captains and grid leaders over those buildings,
/// who acknowledge with `ack A<n> | 收到 A<n>`. Every 10 minutes, at most three times,
/// the sender hears who has not acknowledged and they are asked again; `alerts`
/// shows how long each took to be acknowledged by all, drills counted apart.
struct AlertsFamily: Family {
    /// At most this many alerts and this many drills are listed (the newest); the counts are of all.
    static let shown = 10

    func run(_ command: AlertsCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .alert(let text, let drill): try raise(text, drill: drill, ctx)
        case .ack(let id): try ack(id, ctx)
        case .alerts: try list(ctx)
        }
    }

    /// A bare `收到` / `ack` acknowledges the one alert awaiting the sender's acknowledgement.
    func presume(_ missing: ArgSpec, of id: String, said: String, _ ctx: CommandContext) throws -> Presumption<String> {
        guard id == "ack" else { return .ask }
        var awaiting = try awaitingAlerts(ctx)
        // In a group, the alerts posted there come first; a `收到` that does not call the bot answers
        // only those, and only within the hour the alert is chased (later it is said to a neighbour).
        if let group = ctx.group {
            let here = awaiting.filter { ctx.directory.groups(inScopeOf: $0.sender).contains(group) }
            if !here.isEmpty || !ctx.called { awaiting = here }
            if !ctx.called { awaiting = awaiting.filter { ctx.now < $0.createdAt.adding(.hours(1)) } }
        }
        switch awaiting.count {
        case 0: return .nothing
        case 1: return .value(awaiting[0].id.description)
        default: return .ask
        }
    }

    /// The alerts awaiting the sender's acknowledgement.
    private func awaitingAlerts(_ ctx: CommandContext) throws -> [Alert] { try ctx.tx.alerts().filter { $0.missing.contains(ctx.sender) } }

    func awaiting(_ ctx: CommandContext) throws -> [Localized] {
        try awaitingAlerts(ctx).map {
            Localized(zh: "\($0.id) 还等您确认，请回复：收到 \($0.id)", en: "\($0.id) still awaits your acknowledgement: reply “ack \($0.id)”")
        }
    }

    func fire(_ timer: AlertClock, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        guard let id = RecordID(parsing: Substring(row.subject)), id.kind == .alert, let alert = try ctx.tx.alert(id.number) else { return [] }
        switch timer {
        case .remind: return try remind(alert, ctx)
        }
    }

    func raise(_ text: String, drill: Bool, _ ctx: CommandContext) throws -> Outcome {
        let groups = ctx.directory.groups(inScopeOf: ctx.sender)
        guard !groups.isEmpty else {
            throw LinliError(
                .forbidden, zh: "楼栋长、网格长和社区工作人员可以发紧急通知和演练。",
                en: "Captains, grid leaders and the community office raise alerts and drills.")
        }
        let buildings = ctx.directory.buildings(inScopeOf: ctx.sender)
        let asked = Self.asked(buildings, by: ctx.sender, ctx.directory)
        let alert = Alert.raise(
            number: ctx.numbers.next(.alert), text: text, sender: ctx.sender, drill: drill, buildings: buildings.map(\.id), asking: asked,
            at: ctx.now)
        try ctx.tx.insert(alert)
        try ctx.timers.apply(alert.opening, subject: alert.id.description)
        let id = alert.id
        let heading = Self.heading(alert, ctx.directory)
        let posts = groups.map { group in
            Effect.post(
                group: group, reason: "alert",
                text: Localized(
                    zh: "\(heading.zh)\n楼栋长、网格长请回复：收到 \(id)", en: "\(heading.en)\nCaptains and grid leaders, please reply: ack \(id)"),
                refs: [id.description], priority: .p0)
        }
        let names = asked.map(ctx.directory.name(of:))
        let kind = drill ? (zh: "应急演练", en: "Drill") : (zh: "紧急通知", en: "Alert")
        let who =
            asked.isEmpty
            ? (zh: "没有需要确认的楼栋长或网格长。", en: "Nobody is asked to acknowledge it.")
            : (
                zh: "已请 \(names.joined(separator: "、")) 回复“收到 \(id)”；\(Alert.reminderEvery.spoken(.zh))后告诉您谁还没有确认。",
                en: "\(names.joined(separator: ", ")) asked to reply “ack \(id)”; in \(Alert.reminderEvery.spoken(.en)) you will hear who has not."
            )
        return Outcome(
            zh: "\(kind.zh) \(id) 已发到 \(groups.count) 个群。\(who.zh)",
            en: "\(kind.en) \(id) posted to \(English.count(groups.count, "group")). \(who.en)", refs: [id.description],
            effects: posts + asked.map { Self.ask($0, alert, heading, again: false) })
    }

    func ack(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        guard let old = try ctx.tx.alert(id.number) else { throw LinliError.notFound(id) }
        var alert = old
        let (result, transition) = alert.acknowledge(by: ctx.sender, at: ctx.now)
        switch result {
        case .notAsked:
            return Outcome(
                zh: "谢谢！\(id) 没有请您确认，不用回复。", en: "Thank you! You were not asked to acknowledge \(id); no need to reply.", refs: [id.description])
        case .already(let at):
            let time = ctx.calendar.clockTime(at)
            return Outcome(zh: "您已在 \(time) 确认收到 \(id)，谢谢。", en: "You acknowledged \(id) at \(time) already; thank you.", refs: [id.description])
        case .recorded(let last):
            try ctx.tx.update(alert, from: old)
            try ctx.timers.apply(transition, subject: id.description)
            let name = ctx.directory.name(of: ctx.sender)
            let took = alert.timeToFullAck.map { (zh: $0.spoken(.zh), en: $0.spoken(.en)) }
            let done: [Effect] =
                last && alert.sender != ctx.sender
                ? [
                    .notify(
                        to: alert.sender, reason: "alert",
                        text: Localized(
                            zh: "\(id) 已全部确认收到（最后一位：\(name)），用时 \(took?.zh ?? "")。",
                            en: "Everyone acknowledged \(id) (the last: \(name)), in \(took?.en ?? "")."), refs: [id.description], priority: .p0)
                ] : []
            return Outcome(zh: "已确认收到 \(id)，谢谢！", en: "Acknowledged \(id). Thank you!", refs: [id.description], effects: done)
        }
    }

    /// A reminder fell due: the sender hears who has not acknowledged, and they are asked again.
    func remind(_ old: Alert, _ ctx: Kernel) throws -> [Effect] {
        var alert = old
        let (missing, transition) = alert.remind(at: ctx.now)
        guard !missing.isEmpty else { return [] }
        try ctx.tx.update(alert, from: old)
        try ctx.timers.apply(transition, subject: alert.id.description)
        let id = alert.id
        let names = missing.map(ctx.directory.name(of:))
        let after = ctx.now.since(alert.createdAt)
        let last = alert.reminders == Alert.maxReminders ? (zh: "这是最后一次自动提醒。", en: " This was the last automatic reminder.") : (zh: "", en: "")
        let toSender = Effect.notify(
            to: alert.sender, reason: "reminder",
            text: Localized(
                zh: "\(id) 已发出 \(after.spoken(.zh))，还有 \(missing.count) 人没有确认：\(names.joined(separator: "、"))。已再次提醒。\(last.zh)",
                en:
                    "\(id) went out \(after.spoken(.en)) ago; \(English.count(missing.count, "person", plural: "people")) not acknowledged yet: \(names.joined(separator: ", ")). Asked again.\(last.en)"
            ), refs: [id.description], priority: .p0)
        let heading = Self.heading(alert, ctx.directory)
        return [toSender] + missing.map { Self.ask($0, alert, heading, again: true) }
    }

    /// `alerts | 应急`: the alerts and, apart, the drills that reached the sender's
    /// scope or that they raised, with the time each took to be acknowledged by all
    /// or who is still missing.
    func list(_ ctx: CommandContext) throws -> Outcome {
        let scope = Set(ctx.directory.buildings(inScopeOf: ctx.sender).map(\.id))
        guard ctx.isStaff || !scope.isEmpty else {
            throw LinliError(
                .forbidden, zh: "应急记录只对楼栋长、网格长和社区工作人员开放。", en: "Alerts are for captains, grid leaders and the community office.")
        }
        let mine = try ctx.tx.alerts().filter { ctx.isStaff || $0.sender == ctx.sender || !scope.isDisjoint(with: $0.buildings) }
        guard !mine.isEmpty else { return Outcome(zh: "还没有紧急通知或应急演练。", en: "No alerts or drills yet.") }
        let alerts = mine.filter { !$0.drill }
        let drills = mine.filter(\.drill)
        func lines(_ list: [Alert]) -> [(zh: String, en: String)] { list.prefix(Self.shown).map { Self.line($0, ctx.kernel) } }
        var zh = ["紧急通知 \(alerts.count) 次\(alerts.isEmpty ? "" : "：")"] + lines(alerts).map(\.zh)
        var en = ["Alerts: \(alerts.count)"] + lines(alerts).map(\.en)
        zh += ["应急演练 \(drills.count) 次\(drills.isEmpty ? "" : "：")"] + lines(drills).map(\.zh)
        en += ["Drills: \(drills.count)"] + lines(drills).map(\.en)
        return Outcome(zh: zh.joined(separator: "\n"), en: en.joined(separator: "\n"), refs: mine.map(\.id.description))
    }

    /// Who is asked to acknowledge: the captains of `buildings` and the grid leaders
    /// over them, each once, the sender aside.
    static func asked(_ buildings: [Building], by sender: String, _ directory: Directory) -> [String] {
        var seen: Set<String> = [sender]
        return (buildings.compactMap(\.captain) + buildings.compactMap(directory.gridLeader(of:))).filter { seen.insert($0).inserted }
    }

    /// A captain or grid leader replaced: the alerts over `buildings` still chasing them
    /// ask their successor instead, at once; the one replaced is asked no more.
    static func handOver(from old: String, to new: String, buildings: Set<String>, _ ctx: Kernel) throws -> [Effect] {
        var asks: [Effect] = []
        for alert in try ctx.tx.alerts() where alert.reminders < Alert.maxReminders && !buildings.isDisjoint(with: alert.buildings) {
            guard alert.receipts.contains(where: { $0.person == old && $0.ackedAt == nil }) else { continue }
            try ctx.tx.readdressReceipt(alert: alert.number, from: old, to: new)
            if !alert.receipts.contains(where: { $0.person == new }) { asks.append(ask(new, alert, heading(alert, ctx.directory), again: false)) }
        }
        return asks
    }

    /// `【紧急通知 A1】text（sender）`, or for a drill `【应急演练 A1】…`.
    static func heading(_ alert: Alert, _ directory: Directory) -> Localized {
        let from = directory.name(of: alert.sender)
        let kind = alert.drill ? (zh: "应急演练", en: "DRILL") : (zh: "紧急通知", en: "EMERGENCY")
        return Localized(zh: "【\(kind.zh) \(alert.id)】\(alert.text)（\(from)）", en: "[\(kind.en) \(alert.id)] \(alert.text) (\(from))")
    }

    /// The push that asks `person` to acknowledge (`again`: a reminder).
    static func ask(_ person: String, _ alert: Alert, _ heading: Localized, again: Bool) -> Effect {
        let id = alert.id
        return .notify(
            to: person, reason: "alert",
            text: Localized(
                zh: "\(again ? "【再次提醒】" : "")\(heading.zh)\n请回复：收到 \(id)", en: "\(again ? "[Reminder] " : "")\(heading.en)\nPlease reply: ack \(id)"),
            refs: [id.description], priority: .p0)
    }

    /// One alert in the listing: when, what, who raised it, and the time to full acknowledgement or who is missing.
    static func line(_ alert: Alert, _ ctx: Kernel) -> (zh: String, en: String) {
        let day = ctx.calendar.day(of: alert.createdAt)
        let time = ctx.calendar.clockTime(alert.createdAt)
        let text = alert.text.count > 20 ? String(alert.text.prefix(20)) + "…" : alert.text
        let from = ctx.directory.name(of: alert.sender)
        let head = (zh: "\(alert.id) \(day.spoken(.zh)) \(time) \(text)（\(from)）", en: "\(alert.id) \(day.spoken(.en)) \(time) \(text) (\(from))")
        if let took = alert.timeToFullAck {
            return (zh: "\(head.zh)：全部确认用时 \(took.spoken(.zh))", en: "\(head.en): acknowledged by all in \(took.spoken(.en))")
        }
        let missing = alert.missing.map(ctx.directory.name(of:))
        let acked = alert.receipts.count - missing.count
        return (
            zh: "\(head.zh)：\(acked)/\(alert.receipts.count) 已确认，未确认：\(missing.joined(separator: "、"))",
            en: "\(head.en): \(acked)/\(alert.receipts.count) acknowledged; not yet: \(missing.joined(separator: ", "))"
        )
    }
}

extension AlertClock: TimerKind {}
