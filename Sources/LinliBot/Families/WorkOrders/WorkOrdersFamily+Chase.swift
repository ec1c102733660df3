import LinliCommands
import LinliCore
import LinliStore

/// Pressing whoever handles a report: 催办 by those it concerns, 督办 by those over it.
extension WorkOrdersFamily {
    /// 催办 by its reporter, a follower or whoever filed it (once a day, with what they add);
    /// from the office, the grid leader or the captain over it, 督办 (`supervise`).
    func urge(_ id: RecordID, note: String?, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let chasers: Set<WorkOrderDesk.Party> = [.reporter, .follower, .filer]
        let loaded = try ctx.workOrders.load(id)
        if !desk.may(ctx.sender, chasers, loaded), try !ctx.workOrders.followers(of: id.number).contains(where: { $0.user == ctx.sender }) {
            if desk.isHandler(ctx.sender, of: loaded) {
                throw LinliError(.invalidState, zh: "\(id) 由您处理，无需催办。", en: "\(id) is yours to handle; there is no one to press.", refs: [id.description])
            }
            if desk.may(ctx.sender, [.manager], loaded) { return try supervise(id, note: note, ctx) }
            // Why, and what they may do instead; nothing of whose report it is (of a private one, `run` says `not_found`).
            throw ctx.roles.isDisjoint(with: [.captain, .gridLeader, .staff])
                ? LinliError(
                    .forbidden, zh: "只有报修人可以催办 \(id)。您家也有这个问题，请发送：我也是 \(id)",
                    en: "Only whoever reported \(id) can chase it. If your home has the same trouble, send: me too \(id)", refs: [id.description])
                : LinliError(
                    .forbidden, zh: "\(id) 不在您负责的楼栋或网格，不能督办。", en: "\(id) is not in a building or grid you look after, so you cannot supervise it.",
                    refs: [id.description])
        }
        let order = try change(id, ctx, by: chasers) { _ in .urge }
        let rid = id.description
        let said = note.map { Localized(zh: "：\($0)", en: ": \($0)") } ?? Localized(zh: "。", en: ".")
        let text = Localized(
            zh: "【催办】\(rid) \(desk.categoryName(order, .zh))：\(order.details)。\(order.reporter == ctx.sender ? "报修人" : "受影响的住户")（\(ctx.senderLabel)）在催，请尽快处理\(said.zh)",
            en: "[Chase] \(rid) \(desk.categoryName(order, .en)): \(order.details). \(order.reporter == ctx.sender ? "The reporter" : "An affected household") (\(ctx.senderLabel)) is asking for progress\(said.en)")
        return Outcome(
            zh: "已催办 \(rid)，已提醒处理人。", en: "Chased \(rid); the handler has been reminded.", refs: [rid],
            effects: desk.notifyHandlers(order, except: ctx.sender, reason: "reminder", text: text))
    }

    /// How often one person may press one order (督办).
    static let superviseInterval = Span.hours(1)

    /// 督办: the office, a grid leader or a captain presses whoever handles an open order
    /// (with a note for the handler alone), and its reporter and followers hear that it was pressed.
    private func supervise(_ id: RecordID, note: String?, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let rid = id.description
        let order = try change(id, ctx, by: [.manager]) { order in
            // One press an hour from each, while it is open: a second would only repeat the first.
            if order.state.isOpen,
                let last = try ctx.workOrders.history(id.number).last(where: { $0.action == "supervise" && $0.actor == ctx.sender }),
                ctx.now.since(last.at) < Self.superviseInterval
            {
                let at = ctx.calendar.clockTime(last.at)
                throw LinliError(
                    .rateLimited, zh: "您在\(at)已督办过 \(rid)，处理人已收到提醒。", en: "You pressed \(rid) at \(at) already; its handler has been reminded.",
                    refs: [rid])
            }
            return .supervise
        }
        let building = ctx.directory.building(order.building)
        let by =
            building.flatMap { ctx.directory.gridLeader(of: $0) } == ctx.sender ? Localized(zh: "网格长", en: "the grid leader")
            : building?.captain == ctx.sender ? Localized(zh: "楼栋长", en: "the captain") : Localized(zh: "社区", en: "the community office")
        let who = ctx.directory.name(of: ctx.sender)
        let said = note.map { Localized(zh: "：\($0)", en: ": \($0)") } ?? Localized(zh: "。", en: ".")
        let text = Localized(
            zh: "【督办】\(rid) \(desk.categoryName(order, .zh))：\(order.details)。\(by.zh)（\(who)）督办，请尽快处理\(said.zh)",
            en: "[Supervised] \(rid) \(desk.categoryName(order, .en)): \(order.details). Pressed by \(by.en) (\(who)) to deal with it soon\(said.en)")
        let handlers = desk.notifyHandlers(order, except: ctx.sender, reason: "reminder", text: text)
        // Its own reason: a held progress notice (`status_changed`) is not replaced by it.
        let told = try desk.notifyReporter(order, except: ctx.sender, reason: "supervised") { r in
            Localized(zh: "\(r.report.zh) \(rid) 已由\(by.zh)督办，处理人已收到提醒。", en: "\(r.report.en) \(rid) was pressed by \(by.en); its handler has been reminded.")
        }
        return Outcome(
            zh: "已督办 \(rid)，已提醒处理人\(told.isEmpty ? "" : "，并告知报修人")。",
            en: "Supervised \(rid): the handler was reminded\(told.isEmpty ? "" : " and the reporter told").", refs: [rid], effects: handlers + told)
    }
}
