import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore

/// `deliveries | 投递`: the office sees the pushes the outbox gave up on (dead
/// letters) and the webhooks it disabled (410 Gone), with the person or group each
/// was for, so that somebody tells them another way. Every morning the office's
/// staff are told of those that came since the last note, unasked.
struct DeliveriesFamily: Family {
    enum Timer: String, TimerKind {
        /// The daily note to the office.
        case note = "deliveries_note"
    }

    /// At most this many dead letters are listed (the newest); the count is of all.
    static let shown = 20

    /// At 09:00 local time.
    var daily: (timer: Timer, minutes: Int)? { (.note, 9 * 60) }

    func run(_ command: DeliveriesCommand, _ ctx: CommandContext) throws -> Outcome {
        guard ctx.isStaff else {
            throw LinliError(.forbidden, zh: "投递情况只对社区工作人员开放。", en: "Deliveries are for the community office.")
        }
        let dead = try ctx.tx.deadLetters()
        let disabled = try ctx.tx.disabledEndpoints()
        guard !dead.isEmpty || !disabled.isEmpty else {
            return Outcome(zh: "所有推送都已送达，没有停用的推送地址。", en: "Every push was delivered; no webhook is disabled.")
        }
        return Outcome(Self.listing(dead, disabled, ctx.kernel, heading: (zh: "未送达的推送 \(dead.count) 条：", en: "Pushes given up on: \(dead.count)")))
    }

    /// The daily note: each staff member is told of the dead letters and disabled
    /// webhooks that came since the last note (nothing when there are none).
    func fire(_ timer: Timer, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        let dead = try ctx.tx.untoldDeadLetters()
        let disabled = try ctx.tx.disabledEndpoints(untold: true)
        guard !dead.isEmpty || !disabled.isEmpty else { return [] }
        try ctx.tx.markTold(deadLetters: dead.map(\.id), endpoints: disabled.map { ($0.webhook, $0.at) })
        let text = Self.listing(
            dead, disabled, ctx,
            heading: (
                zh: "投递提醒：\(dead.count) 条推送没能送达，请另行告知（发送“投递”查看全部）：",
                en:
                    "Delivery note: \(English.count(dead.count, "push", plural: "pushes")) could not be delivered; please tell them another way (send \"deliveries\" for all):"
            ))
        return ctx.directory.community.people.filter { $0.roles.contains(.staff) }.map {
            .notify(to: $0.id, reason: "delivery_failures", text: text, refs: [])
        }
    }

    /// The dead letters (the newest `shown`) and disabled endpoints, one a line, under `heading`.
    static func listing(
        _ dead: [OutboxRow], _ disabled: [(webhook: String, at: Instant, reason: String)], _ ctx: Kernel, heading: (zh: String, en: String)
    ) -> Localized {
        func who(_ row: OutboxRow) -> String {
            let id = row.recipient
            if ctx.directory.person(id) != nil || ctx.directory.department(id) != nil { return ctx.directory.name(of: id) }
            // A group that meets in two chats of a platform has a row a chat: the chat tells them apart.
            let chat = JSONValue.parse(row.event.utf8)?["chat"]?.string
            return ctx.directory.label(ofGroup: id) + " " + id + (chat.map { " (\($0))" } ?? "")
        }
        func snippet(_ text: String) -> String { text.count > 30 ? String(text.prefix(30)) + "…" : text }
        let letters = dead.suffix(shown).map { row in
            (
                zh: "\(who(row))（\(row.reason)）：\(snippet(row.text))；\(row.lastError ?? "")",
                en: "\(who(row)) (\(row.reason)): \(snippet(row.text)); \(row.lastError ?? "")"
            )
        }
        let hooks = disabled.map { (webhook, at, reason) in
            let day = ctx.calendar.day(of: at)
            return (zh: "\(webhook)（\(day.spoken(.zh))停用：\(reason)）", en: "\(webhook) (disabled \(day.spoken(.en)): \(reason))")
        }
        var zh = (dead.isEmpty ? [] : [heading.zh]) + letters.map(\.zh)
        var en = (dead.isEmpty ? [] : [heading.en]) + letters.map(\.en)
        if !hooks.isEmpty {
            zh += ["已停用的推送地址："] + hooks.map(\.zh)
            en += ["Webhooks disabled:"] + hooks.map(\.en)
        }
        return Localized(zh: zh.joined(separator: "\n"), en: en.joined(separator: "\n"))
    }
}
