import LinliCommands
import LinliCore
import LinliStore

/// Suggestions (民情收集): residents propose, households support, the office answers.
struct SuggestionsFamily: Family {
    func run(_ command: SuggestionsCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .suggest(let text): try suggest(text, ctx)
        case .support(let id): try support(id, ctx)
        case .suggestions: try suggestionsList(ctx)
        case .answer(let id, let text): try answer(id, text: text, ctx)
        }
    }

    func suggest(_ text: String, _ ctx: CommandContext) throws -> Outcome {
        let household = try ctx.requireHousehold()
        let p = Proposal(
            number: ctx.numbers.next(.proposal), text: text, proposer: ctx.sender, household: household, answer: nil, support: 0,
            createdAt: ctx.now)
        try ctx.tx.insert(p)
        return Outcome(
            zh: "已收到建议 \(p.id)：\(text)。邻居可以发送“附议 \(p.id)”支持。", en: "Suggestion \(p.id) received: \(text). Neighbours can support it: +1 \(p.id)",
            refs: [p.id.description])
    }

    func support(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let household = try ctx.requireHousehold()
        // Support is counted by household: the office is none, and its staff answer instead.
        guard household != CommandContext.office else {
            throw LinliError(
                .forbidden, zh: "附议按住户计算；社区工作人员请用“答复 \(id) 内容”回应。",
                en: "Support is counted by household; the office answers instead: answer \(id) <text>", refs: [id.description])
        }
        guard let p = try ctx.tx.proposal(id.number) else {
            throw LinliError.notFound(id)
        }
        guard p.answer == nil else { throw LinliError(.invalidState, zh: "\(id) 已答复。", en: "\(id) has been answered.", refs: [id.description]) }
        // The proposer's household made it: support counts the households that join it.
        guard p.household != household else {
            throw LinliError(
                .conflict, zh: "\(id) 是您家提的建议，附议由其他住户来。", en: "\(id) is your household's own suggestion; support comes from other households.",
                refs: [id.description])
        }
        guard try ctx.tx.support(p.number, household: household, user: ctx.sender, at: ctx.now) else {
            throw LinliError(.conflict, zh: "您家已经附议过 \(id)。", en: "Your household supports \(id) already.", refs: [id.description])
        }
        return Outcome(
            zh: "已附议 \(id)，现有 \(p.support + 1) 户支持。", en: "You support \(id); \(English.count(p.support + 1, "household")) now.",
            refs: [id.description])
    }

    func suggestionsList(_ ctx: CommandContext) throws -> Outcome {
        let list = try ctx.tx.openProposals()
        guard !list.isEmpty else { return Outcome(zh: "目前没有待答复的建议。", en: "There are no open suggestions.") }
        return Outcome(
            zh: "待答复的建议：\n" + list.map { "\($0.id) \($0.text)（\($0.support) 户附议）" }.joined(separator: "\n"),
            en: "Open suggestions:\n" + list.map { "\($0.id) \($0.text) (\(English.count($0.support, "household")))" }.joined(separator: "\n"),
            refs: list.map(\.id.description))
    }

    func answer(_ id: RecordID, text: String, _ ctx: CommandContext) throws -> Outcome {
        guard ctx.isStaff else {
            throw LinliError(.forbidden, zh: "建议由社区答复。", en: "The community office answers suggestions.", refs: [id.description])
        }
        guard let p = try ctx.tx.proposal(id.number) else {
            throw LinliError.notFound(id)
        }
        var answered = p
        try answered.answer(text)
        try ctx.tx.update(answered, from: p)
        var told: [String] = []
        for user in [p.proposer] + (try ctx.tx.supporters(p.number)) where !told.contains(user) && user != ctx.sender { told.append(user) }
        return Outcome(
            zh: "已答复 \(id)，已通知 \(told.count) 人。", en: "Answered \(id); \(English.count(told.count, "person", plural: "people")) told.",
            refs: [id.description],
            effects: told.map {
                .notify(
                    to: $0, reason: "status_changed",
                    text: Localized(
                        zh: "社区答复了建议 \(id)（\(p.text)）：\(text)", en: "The community answered suggestion \(id) (\(p.text)): \(text)"),
                    refs: [id.description])
            })
    }
}
