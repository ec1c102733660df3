import LinliCommands
import LinliCore
import LinliStore

/// Announcements (通知): a captain posts to their building's groups, a grid leader
/// to the grid's, staff to every group; the sender gets one reply naming the groups.
struct AnnouncementsFamily: Family {
    func run(_ command: AnnouncementsCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .announce(let text): try announce(text, ctx)
        }
    }

    func announce(_ text: String, _ ctx: CommandContext) throws -> Outcome {
        let groups = ctx.directory.groups(inScopeOf: ctx.sender)
        guard !groups.isEmpty else {
            throw LinliError(
                .forbidden, zh: "楼栋长、网格长和社区工作人员可以发通知。", en: "Captains, grid leaders and the community office post notices.")
        }
        let from = ctx.directory.name(of: ctx.sender)
        // Written in quiet hours, a notice is posted in the morning: it says when it was
        // written, or its 明天 would read as the day after.
        let written = ctx.calendar.quietEnd(for: Effect.routine) == nil ? nil : (ctx.calendar.today, ctx.calendar.clockTime(ctx.now))
        let notice = Localized(
            zh: "【通知】\(text)（\(from)\(written.map { "，\($0.spoken(.zh)) \($1)发" } ?? "")）",
            en: "[Notice] \(text) (\(from)\(written.map { ", sent \($0.spoken(.en)) \($1)" } ?? ""))")
        let named = groups.map { "\($0)（\(ctx.directory.label(ofGroup: $0))）" }
        let namedEn = groups.map { "\($0) (\(ctx.directory.label(ofGroup: $0, .en)))" }
        return Outcome(
            zh: "已发到 \(groups.count) 个群：\(named.joined(separator: "、"))。",
            en: "Posted to \(English.count(groups.count, "group")): \(namedEn.joined(separator: ", ")).",
            effects: groups.map { .post(group: $0, reason: "announcement", text: notice, refs: []) })
    }
}
