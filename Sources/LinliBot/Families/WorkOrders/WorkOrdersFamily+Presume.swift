import LinliCommands
import LinliCore

extension WorkOrdersFamily {
    /// `cancel my booking`, `取消预约` with no record named: the sender's one booking to come.
    func presume(_ missing: ArgSpec, of id: String, said: String, _ ctx: CommandContext) throws -> Presumption<String> {
        if id == "rate", case .record = missing.type { return try toRate(ctx) }
        let words = said.lowercased()
        guard id == "cancel", words.contains("booking") || words.contains("预约") else { return .ask }
        let upcoming = try ctx.tx.bookings(booker: ctx.sender, from: ctx.calendar.today).filter { ctx.calendar.instant($0.day, $0.end) > ctx.now }
        guard !upcoming.isEmpty else {
            return .refused(LinliError(.notFound, zh: "您没有待进行的预约。撤销报修等请写编号：撤销 R1", en: "You have no booking to come. To cancel something else, give its id: cancel R1"))
        }
        guard upcoming.count > 1 else { return .value(upcoming[0].id.description) }
        return .choose(Localized(zh: "撤销哪一个预约？", en: "Which booking?")) { lang in
            upcoming.map { "\($0.id) \(ctx.directory.community.venueTitle($0.venue)(lang)) \($0.day.spoken(lang)) \($0.times)" }
        }
    }

    /// `评价 5`, `rate 4 thanks`: the one record awaiting the sender's rating. With none, why not.
    private func toRate(_ ctx: CommandContext) throws -> Presumption<String> {
        let awaiting = try Self.awaitingRating(ctx)
        guard !awaiting.isEmpty else {
            return .refused(
                LinliError(.notFound, zh: "您没有待评价的报修（办结后会请您评价）。", en: "You have no resolved report awaiting your rating (you are asked once one is done)."))
        }
        guard awaiting.count > 1 else { return .value(awaiting[0].id.description) }
        let named = Self.named(awaiting, WorkOrderDesk(ctx.kernel), inGroup: ctx.group != nil)
        return .choose(Localized(zh: "评价哪一条？\(named.zh)", en: "Which one? \(named.en)"))
    }

    /// The reports awaiting the sender's rating: their own, resolved; followed, or a mediation
    /// they are the other party to, also closed in the last week (by the reporter's rating).
    static func awaitingRating(_ ctx: CommandContext) throws -> [WorkOrder] {
        try ctx.tx.workOrders(awaitingRatingBy: ctx.sender, closedSince: ctx.now.adding(.days(-7)))
    }

    /// `R1 漏水 · 3栋 501；R4`: in a group a private one by its number only.
    static func named(_ orders: [WorkOrder], _ desk: WorkOrderDesk, inGroup: Bool) -> Localized {
        func named(_ lang: Lang) -> String {
            orders.map { inGroup && desk.keptFromGroups($0) ? $0.id.description : desk.headline($0, lang) }.joined(separator: lang == .zh ? "；" : "; ")
        }
        return Localized(zh: named(.zh), en: named(.en))
    }

    /// What `进度` alone adds for the reports awaiting the sender's rating, and how to rate.
    static func toRateLine(_ orders: [WorkOrder], _ desk: WorkOrderDesk, inGroup: Bool) -> Localized {
        let named = named(orders, desk, inGroup: inGroup)
        let (zh, en) = orders.count == 1 ? ("评价 5", "rate 5") : ("评价 \(orders[0].id) 5", "rate \(orders[0].id) 5")
        return Localized(zh: "待您评价：\(named.zh)（1-5分，发送：\(zh)）", en: "Awaiting your rating: \(named.en) (1-5; send: \(en))")
    }
}
