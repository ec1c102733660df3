import LinliCommands
import LinliCore
import LinliStore

/// The party-member and volunteer points ledger: items from the community file,
/// awards by staff, automatic credits, totals and a leaderboard per grid.
struct PointsFamily: Family {
    func run(_ command: PointsCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .points(let who): try points(who, ctx)
        case .award(let who, let item, let note): try award(person: who, item: item, note: note, ctx)
        case .leaderboard: try leaderboard(ctx)
        }
    }

    func points(_ who: String?, _ ctx: CommandContext) throws -> Outcome {
        var target = ctx.sender
        if let who {
            guard let p = try ctx.people.resolve(who, mentions: ctx.mentions) else {
                throw LinliError.unknownName(who)
            }
            guard p == ctx.sender || ctx.isStaff else {
                throw LinliError(.forbidden, zh: "只能查看自己的积分。", en: "You may only see your own points.")
            }
            target = p
        }
        let ledger = try ctx.tx.ledger(target)
        let total = ledger.reduce(0) { $0 + $1.points }
        let name = ctx.people.name(of: target)  // one registered in chat goes by the name they gave
        func line(_ e: PointsEntry, _ lang: Lang) -> String {
            let item = ctx.directory.community.points.first { $0.id == e.item }.map { $0.name(lang) } ?? e.item
            let sign = e.points >= 0 ? "+" : ""
            return
                "\(ctx.calendar.day(of: e.at).description) \(item) \(sign)\(e.points)\(e.note.map { " \($0)" } ?? "")\(e.ref.map { " (\($0))" } ?? "")"
        }
        let recent = ledger.suffix(10)
        // The ledger's lines (a deduction, its note about a complaint) are not the group's to read.
        return Outcome(
            zh: "\(name) 积分 \(total)\(recent.isEmpty ? "" : "：\n" + recent.map { line($0, .zh) }.joined(separator: "\n"))",
            en: "\(name): \(total) points\(recent.isEmpty ? "" : "\n" + recent.map { line($0, .en) }.joined(separator: "\n"))"
        ).keepingPrivate(Localized(zh: "\(name)的积分", en: "\(name)'s points"), in: ctx)
    }

    func award(person who: String, item word: String, note: String?, _ ctx: CommandContext) throws -> Outcome {
        guard ctx.isStaff else { throw LinliError(.forbidden, zh: "积分由社区记录。", en: "The community office records points.") }
        guard let target = try ctx.people.resolve(who, mentions: ctx.mentions) else {
            throw LinliError.unknownName(who)
        }
        guard let item = ctx.points.item(word) else {
            // The items as the reader names them, to copy one; the word given was most likely the note
            // (the example names no item: the first would be awarded for whatever the note says).
            let items = ctx.directory.community.points
            let example = items.isEmpty ? nil : Localized(zh: "例如：加分 \(who) <项目> \(word)", en: "e.g. award \(who) <item> \(word)")
            throw LinliError(
                .usage, zh: "没有“\(word)”这个积分项目，可选：\(items.map { $0.name(.zh) }.joined(separator: "、"))。\(example?.zh ?? "")",
                en: "There is no points item “\(word)”; the items are: \(items.map { $0.name(.en) }.joined(separator: ", ")).\(example.map { " \($0.en)" } ?? "")")
        }
        // No one awards points to themselves: another member of the office records them.
        guard target != ctx.sender || item.points < 0 else {
            throw LinliError(
                .forbidden, zh: "积分不能记给自己，请另一位工作人员记录。", en: "You cannot award points to yourself; another member of the office can.")
        }
        try ctx.points.credit(target, item, note: note, by: ctx.sender, ref: nil)
        let sign = item.points >= 0 ? "+" : ""
        let name = ctx.directory.name(of: target)
        return Outcome(
            zh: "已记录：\(name) \(item.name(.zh)) \(sign)\(item.points)。", en: "Recorded: \(name) \(item.name(.en)) \(sign)\(item.points).",
            effects: target == ctx.sender
                ? []
                : [
                    .notify(
                        to: target, reason: "points",
                        text: Localized(
                            zh: "积分变动：\(item.name(.zh)) \(sign)\(item.points)\(note.map { "（\($0)）" } ?? "")。",
                            en: "Points: \(item.name(.en)) \(sign)\(item.points)\(note.map { " (\($0))" } ?? "")."), refs: [])
                ])
    }

    func leaderboard(_ ctx: CommandContext) throws -> Outcome {
        let totals = try ctx.tx.totals()
        var zh: [String] = []
        var en: [String] = []
        // Only those ahead: the board praises, and shows no one's deductions to the group.
        let ahead = totals.filter { $0.points > 0 }
        func grid(of person: String) -> String? {
            ctx.people.home(of: person).flatMap(ctx.directory.building(ofHome:))?.grid
                ?? ctx.directory.community.grids.first { $0.leader == person }?.id
        }
        func add(_ zhTitle: String, _ enTitle: String, _ people: ArraySlice<(person: String, points: Int)>) {
            guard !people.isEmpty else { return }
            // Equal points share a rank (1, 1, 3): no one of two looks behind the other.
            let ranked = people.enumerated().map { i, p in
                let rank = 1 + people.prefix(i).filter { $0.points > p.points }.count
                return "\(rank). \(ctx.directory.name(of: p.person)) \(p.points)"
            }
            zh.append("\(zhTitle)：" + ranked.joined(separator: "，"))
            en.append("\(enTitle): " + ranked.joined(separator: ", "))
        }
        for g in ctx.directory.community.grids { add(g.name, g.name, ahead.filter { grid(of: $0.person) == g.id }.prefix(10)) }
        // Those of no grid (a mediator or staff without a home here) have a place too.
        add("社区", "Community", ahead.filter { grid(of: $0.person) == nil }.prefix(10))
        guard !zh.isEmpty else { return Outcome(zh: "还没有人获得积分。", en: "No one has earned points yet.") }
        return Outcome(zh: "积分榜：\n" + zh.joined(separator: "\n"), en: "Leaderboard:\n" + en.joined(separator: "\n"))
    }
}

extension PointsItem {
    /// The item as a reader of `lang` names it: the first of its names written in that
    /// language (Chinese: with a Chinese character in it), else its first name, else its id
    /// (English: its id, an ASCII word the ledger accepts too).
    func name(_ lang: Lang) -> String {
        let chinese = { (name: String) in name.unicodeScalars.contains { !$0.isASCII } }
        switch lang {
        case .zh: return names.first(where: chinese) ?? names.first ?? id
        case .en: return names.first { !chinese($0) } ?? id
        }
    }
}
