import Foundation
import LinliCommands
import LinliCore
import LinliStore

/// 党员包户: visits, their coverage and the weekly reminder.
extension HouseholdsFamily {
    /// Who may record a visit to a household of `building`: party members anywhere,
    /// captains and grid leaders in their buildings, staff anywhere.
    private func mayVisit(_ building: Building, _ ctx: CommandContext) -> Bool {
        ctx.roles.contains(.partyMember) || ctx.directory.manages(ctx.sender, building: building)
    }

    func visit(_ room: String, _ text: String, _ ctx: CommandContext) throws -> Outcome {
        let (building, home) = try Self.realHousehold(room, ctx, orIn: ctx.building)
        guard mayVisit(building, ctx) else {
            // A captain or grid leader elsewhere is told it is the building, not the role.
            if !ctx.roles.isDisjoint(with: [.captain, .gridLeader]) {
                throw LinliError(
                    .forbidden, zh: "\(building.name)不在您负责的范围内；那里的走访由党员、该楼楼栋长和社区记录。",
                    en: "\(building.title.en) is not one of your buildings; visits there are recorded by party members, its captain and the office.")
            }
            throw LinliError(
                .forbidden, zh: "走访由包户党员、楼栋长和社区记录。", en: "Visits are recorded by paired party members, building captains and the office.")
        }
        var (notes, categoryWord, spaced) = Self.splitReport(text)
        var category: Category?
        let known = { (word: String) in ctx.directory.community.categories.first { $0.id == word.lowercased() || $0.names.contains(word) } }
        // `…上次报修过了`: run into the notes, an unknown word after 报修 is the notes' own.
        if let word = categoryWord, known(word) == nil, !spaced { (notes, categoryWord) = (text.trimmingCharacters(in: .whitespaces), nil) }
        if let categoryWord {
            guard let c = known(categoryWord) else {
                let known = ctx.directory.community.categories.map { $0.name(ctx.lang) }.joined(separator: ctx.lang == .zh ? "、" : ", ")
                throw LinliError(
                    .usage, zh: "没有“\(categoryWord)”这个类别（有：\(known)）。", en: "There is no category “\(categoryWord)” (there are: \(known)).")
            }
            category = c
        }
        guard !notes.isEmpty else {
            throw LinliError(.usage, zh: "请写走访情况，例如：走访 b3-501 老人身体不错", en: "Say how the visit went, e.g. visit b3-501 all well")
        }
        let number = ctx.numbers.next(.visit)
        let vid = RecordID(.visit, number).description
        var effects: [Effect] = []
        var filed: RecordID?
        let problem = category.map { Self.problem(in: notes, $0, ctx.lang) } ?? ""
        if let category {
            // Filed for the household: a member is its reporter (told of its progress); the history names the visitor.
            // The report carries the problem, not the visit's notes (private to the visitor's side).
            let members = ctx.people.members(of: home)
            let result = try WorkOrdersFamily().file(
                category, in: building, place: WorkOrdersFamily.room(home), details: problem, reporter: members.first ?? ctx.sender, group: nil,
                from: "\(vid) \(ctx.senderLabel)", by: ctx.sender, ctx.kernel)
            effects += result.effects
            filed = result.order.id
        }
        // One visit a day to a household in the visitor's care (包户) earns points; another that
        // day, or to a household not theirs (their own home among them), is recorded only.
        let today = ctx.calendar.day(of: ctx.now)
        let again = try ctx.tx.lastVisits([home])[home].map { ctx.calendar.day(of: $0) == today } ?? false
        let paired = try pairs(ctx.kernel).contains(Pair(member: ctx.sender, household: home)) && ctx.home != home
        try ctx.tx.insert(Visit(number: number, household: home, visitor: ctx.sender, notes: notes, at: ctx.now, report: filed?.number))
        let earns = !again && paired
        if earns, let item = ctx.points.item("visit") { try ctx.points.credit(ctx.sender, item, note: home, by: Kernel.system, ref: vid) }
        let refs = [vid] + (filed.map { [$0.description] } ?? [])
        let reported = filed.map { r in
            Localized(
                zh: "，并代为报修 \(r)（\(category!.name(.zh))：\(problem)），已转楼栋处理",
                en: ", and filed report \(r) (\(category!.name(.en)): \(problem)) for them")
        }
        let unearned =
            earns || ctx.points.item("visit") == nil || !ctx.roles.contains(.partyMember)
            ? Localized(zh: "", en: "")
            : again
                ? Localized(zh: "（今天已走访过这一户，本次不再加分）", en: " (already visited today: no points this time)")
                : Localized(zh: "（不是您包户的一户，不加分）", en: " (not a household in your care: no points)")
        let outcome = Outcome(
            zh: "已记录走访 \(vid)：\(home) \(today.spoken(.zh))\(reported?.zh ?? "")\(unearned.zh)。",
            en: "Visit \(vid) recorded: \(home) \(today.spoken(.en))\(reported?.en ?? "")\(unearned.en).",
            refs: refs, effects: effects)
        // The household and what was found stay out of the group.
        var shown = outcome.keepingPrivate(Localized(zh: "已记录走访 \(vid)", en: "Visit \(vid) recorded"), in: ctx)
        if ctx.group != nil { shown.refs = [vid] }
        return shown
    }

    /// Notes, and the category of `… report <category>` / `… 报修 <类别>` at their end.
    /// `<notes> 报修 <category>`: the notes and the category word, with whether the word
    /// stood apart (`，报修 漏水`, `报修漏水` and `report leak` are all read).
    static func splitReport(_ text: String) -> (notes: String, category: String?, spaced: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for word in ["report", "报修", "报事", "上报"] {
            guard let range = trimmed.range(of: word, options: [.backwards, .caseInsensitive]) else { continue }
            let category = trimmed[range.upperBound...].trimmingCharacters(in: .whitespaces)
            // The word stands apart before it (`…，报修 漏水`, `… 报修漏水`), not within the notes (`上周报修 漏水还没人来`).
            let apart = range.lowerBound == trimmed.startIndex || " ，,、；;。".contains(trimmed[trimmed.index(before: range.lowerBound)])
            guard apart, !category.isEmpty, !category.contains(" ") else { continue }
            let spaced = trimmed[range.upperBound...].first == " "
            return (trimmed[..<range.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " ，,、；;。")), category, spaced)
        }
        return (trimmed, nil, false)
    }

    /// What a report filed from a visit says: notes of one clause whole; else the last
    /// clause that names its category, the problem written before `报修` (`老人独居，…；
    /// 厨房水管漏水` → `厨房水管漏水`), not the household's story; when none does, the
    /// category alone, found on a visit. English names count as whole words (`other` is
    /// not in `mother`).
    static func problem(in notes: String, _ category: Category, _ lang: Lang) -> String {
        let clauses = notes.split(whereSeparator: { "，,；;。!！?？".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        if clauses.count == 1 { return clauses[0] }
        func names(_ clause: String) -> Bool {
            let lowered = clause.lowercased()
            let words = Set(lowered.split { !$0.isLetter }.map(String.init))
            return category.names.contains { name in
                name.unicodeScalars.allSatisfy(\.isASCII) && !name.contains(" ") ? words.contains(name.lowercased()) : lowered.contains(name.lowercased())
            }
        }
        if let last = clauses.last(where: names) { return last }
        return lang == .zh ? "\(category.name(.zh))（走访时发现）" : "\(category.name(.en)) (found on a visit)"
    }

    /// Coverage of the sender's paired households (a party member), of a member or a
    /// building (captains, grid leaders, staff), or of every building in the sender's scope.
    func visits(_ who: String?, _ ctx: CommandContext) throws -> Outcome {
        let all = try pairs(ctx.kernel)
        let scope = ctx.directory.buildings(inScopeOf: ctx.sender)
        var chosen: [Pair]
        var title: Localized
        if let who, let b = ctx.directory.building(named: who) {
            guard scope.contains(where: { $0.id == b.id }) else {
                throw LinliError(.forbidden, zh: "您不负责\(b.name)。", en: "\(b.title.en) is not in your care.")
            }
            chosen = all.filter { ctx.directory.building(ofHome: $0.household)?.id == b.id }
            title = b.title
        } else if let who {
            guard let id = try ctx.people.resolve(who, mentions: ctx.mentions) else {
                throw LinliError.unknownName(who)
            }
            guard id == ctx.sender || ctx.isStaff || !scope.isEmpty else {
                throw LinliError(.forbidden, zh: "只能查看自己的包户。", en: "You may only see your own pairs.")
            }
            // A captain or grid leader sees a member's households in their buildings only.
            let inScope = Set(scope.map(\.id))
            let theirs = all.filter { $0.member == id }
            chosen = theirs.filter { pair in
                id == ctx.sender || ctx.isStaff || inScope.contains(ctx.directory.building(ofHome: pair.household)?.id ?? "")
            }
            let name = ctx.directory.name(of: id)
            // Pairs outside the asker's buildings are not "none": say where the line is drawn.
            if chosen.isEmpty, !theirs.isEmpty {
                throw LinliError(
                    .forbidden, zh: "\(name)的包户不在您负责的楼栋里。", en: "\(name)'s paired households are not in the buildings you look after.")
            }
            title = Localized(zh: name, en: name)
        } else if !scope.isEmpty {
            let ids = Set(scope.map(\.id))
            chosen = all.filter { ctx.directory.building(ofHome: $0.household).map { ids.contains($0.id) } ?? false }
            title =
                ctx.isStaff
                ? Localized(zh: "全社区", en: "The whole community")
                : Localized(zh: scope.map(\.name).joined(separator: "、"), en: scope.map(\.title.en).joined(separator: ", "))
        } else {
            chosen = all.filter { $0.member == ctx.sender }
            title = Localized(zh: "您的包户", en: "Your households")
        }
        let every = ctx.directory.community.visitEvery ?? Self.defaultEvery
        let last = try ctx.tx.lastVisits(Array(Set(chosen.map(\.household))))
        let total = Coverage(households: chosen.map(\.household), lastVisit: last, now: ctx.now, every: every)
        guard total.paired > 0 else {
            return Outcome(zh: "\(title.zh)：没有包户。", en: "\(title.en): no paired households.")
        }
        let members = Set(chosen.map(\.member)).sorted()
        func line(_ member: String, _ lang: Lang) -> String {
            let c = Coverage(households: chosen.filter { $0.member == member }.map(\.household), lastVisit: last, now: ctx.now, every: every)
            return lang == .zh
                ? "\(ctx.directory.name(of: member))：\(c.visited)/\(c.paired)户（\(c.percent)%）"
                : "\(ctx.directory.name(of: member)): \(c.visited)/\(c.paired) (\(c.percent)%)"
        }
        let never = total.neverVisited
        let period = Localized(zh: every.spoken(.zh), en: every.spoken(.en))
        let zh =
            ["\(title.zh) 近\(period.zh)走访覆盖：\(total.visited)/\(total.paired)户（\(total.percent)%）"] + members.map { line($0, .zh) }
            + (never.isEmpty ? [] : ["从未走访：\(never.joined(separator: " "))"])
        let en =
            ["\(title.en), visited within \(period.en): \(total.visited)/\(total.paired) (\(total.percent)%)"] + members.map { line($0, .en) }
            + (never.isEmpty ? [] : ["Never visited: \(never.joined(separator: " "))"])
        return Outcome(zh: zh.joined(separator: "\n"), en: en.joined(separator: "\n"))
            .keepingPrivate(Localized(zh: "\(title.zh) 走访覆盖 \(total.percent)%", en: "\(title.en): \(total.percent)% visited"), in: ctx)
    }

    /// Every morning, each member with paired households not visited within
    /// `visit_every` gets one message listing them (at most once a week). A household
    /// never visited counts from when it was paired in chat, or for the community
    /// file's pairs from the first morning Linli looked (not from before it ran).
    func fire(_ timer: Timer, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] {
        let since = try ctx.tx.meta(Self.sinceKey).map(Instant.init(milliseconds:)) ?? ctx.now
        try ctx.tx.setMeta(Self.sinceKey, since.milliseconds)
        let all = try pairsSince(ctx)
        let every = ctx.directory.community.visitEvery ?? Self.defaultEvery
        let last = try ctx.tx.lastVisits(Array(Set(all.keys.map(\.household))))
        var effects: [Effect] = []
        for member in Set(all.keys.map(\.member)).sorted() {
            let mine = all.filter { $0.key.member == member }
            // Never visited: as if visited when it was paired.
            let visited = Dictionary(mine.map { ($0.key.household, last[$0.key.household] ?? $0.value ?? since) }, uniquingKeysWith: max)
            let due = Coverage(households: visited.keys, lastVisit: visited, now: ctx.now, every: every).overdue
            guard !due.isEmpty else { continue }
            if let told = try ctx.tx.lastVisitReminder(member), told > ctx.now.adding(Span(milliseconds: -Self.remindAgain.milliseconds)) { continue }
            try ctx.tx.setVisitReminder(member, at: ctx.now)
            // A reminder goes at most weekly: it also names the households never visited that
            // fall due before the next one could come.
            let soon = ctx.now.adding(Self.remindAgain)
            let never = mine.filter { pair, start in
                last[pair.household] == nil && !due.contains(pair.household) && (start ?? since).adding(every) <= soon
            }.map(\.key.household).sorted()
            let list = due.joined(separator: " ")
            let also = never.isEmpty
                ? Localized(zh: "", en: "")
                : Localized(zh: "；还从未走访：\(never.joined(separator: " "))", en: "; never visited yet: \(never.joined(separator: " "))")
            effects.append(
                .notify(
                    to: member, reason: "visit_reminder",
                    text: Localized(
                        zh: "走访提醒：这些包户已超过\(every.spoken(.zh))没有走访：\(list)\(also.zh)。走访后发送：走访 房号 情况",
                        en: "Visit reminder: not visited for over \(every.spoken(.en)): \(list)\(also.en). After a visit send: visit <room> <notes>"),
                    refs: []))
        }
        return effects
    }
}
