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
        return upcoming.count == 1 ? .value(upcoming[0].id.description) : .ask
    }

    /// `评价 5`, `rate 4 thanks`: the one record awaiting the sender's rating. With none, why not.
    private func toRate(_ ctx: CommandContext) throws -> Presumption<String> {
        let awaiting = try ctx.tx.workOrders(awaitingRatingBy: ctx.sender, closedSince: ctx.now.adding(.days(-7)))
        guard !awaiting.isEmpty else {
            return .refused(
                LinliError(.notFound, zh: "您没有待评价的报修（办结后会请您评价）。", en: "You have no resolved report awaiting your rating (you are asked once one is done)."))
        }
        guard awaiting.count > 1 else { return .value(awaiting[0].id.description) }
        // In a group a private one is named by its number only.
        let desk = WorkOrderDesk(ctx.kernel)
        func named(_ lang: Lang) -> String {
            awaiting.map { ctx.group != nil && desk.keptFromGroups($0) ? $0.id.description : desk.headline($0, lang) }
                .joined(separator: lang == .zh ? "；" : "; ")
        }
        return .choose(Localized(zh: "评价哪一条？\(named(.zh))", en: "Which one? \(named(.en))"))
    }
}
