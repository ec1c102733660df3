import LinliCommands
import LinliCore
import LinliStore

/// `deliveries | 投递`: the office sees the pushes the outbox gave up on (dead
/// letters) and the webhooks it disabled (410 Gone), with the person or group each
/// was for, so that somebody tells them another way.
struct DeliveriesFamily: Family {
    /// At most this many dead letters are listed (the newest); the count is of all.
    static let shown = 20

    func run(_ command: DeliveriesCommand, _ ctx: CommandContext) throws -> Outcome {
        guard ctx.isStaff else {
            throw LinliError(.forbidden, zh: "投递情况只对社区工作人员开放。", en: "Deliveries are for the community office.")
        }
        let dead = try ctx.tx.deadLetters()
        let disabled = try ctx.tx.disabledEndpoints()
        guard !dead.isEmpty || !disabled.isEmpty else {
            return Outcome(zh: "所有推送都已送达，没有停用的推送地址。", en: "Every push was delivered; no webhook is disabled.")
        }
        func who(_ id: String) -> String {
            ctx.directory.person(id) != nil || ctx.directory.department(id) != nil
                ? ctx.directory.name(of: id) : ctx.directory.label(ofGroup: id) + " " + id
        }
        func snippet(_ text: String) -> String { text.count > 30 ? String(text.prefix(30)) + "…" : text }
        let letters = dead.suffix(Self.shown).map { row in
            (
                zh: "\(who(row.recipient))（\(row.reason)）：\(snippet(row.text))；\(row.lastError ?? "")",
                en: "\(who(row.recipient)) (\(row.reason)): \(snippet(row.text)); \(row.lastError ?? "")"
            )
        }
        let hooks = disabled.map { (webhook, at, reason) in
            let day = ctx.calendar.day(of: at)
            return (zh: "\(webhook)（\(day.spoken(.zh))停用：\(reason)）", en: "\(webhook) (disabled \(day.spoken(.en)): \(reason))")
        }
        var zh = ["未送达的推送 \(dead.count) 条："] + letters.map(\.zh)
        var en = ["Pushes given up on: \(dead.count)"] + letters.map(\.en)
        if !hooks.isEmpty {
            zh += ["已停用的推送地址："] + hooks.map(\.zh)
            en += ["Webhooks disabled:"] + hooks.map(\.en)
        }
        return Outcome(zh: zh.joined(separator: "\n"), en: en.joined(separator: "\n"))
    }
}
