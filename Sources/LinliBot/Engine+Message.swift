import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore

extension Engine {
    /// Words that drop a pending follow-up question.
    static let cancelWords: Set<String> = ["cancel", "取消", "算了", "不用了", "quit"]

    /// Handles one chat message: answers a pending question or parses a command,
    /// then runs it.
    func message(_ event: InboundEvent, parsed preparsed: ParseResult? = nil, _ tx: StoreTransaction) throws -> Outcome {
        let sender = event.from ?? ""
        let text = event.text ?? ""
        let registration = state.memory.registrations[sender]
        let person = directory.person(sender)
        let chosen = registration?.lang ?? person?.lang
        var ctx = CommandContext(
            sender: sender, displayName: event.name, group: event.group, mentions: event.mentions,
            person: person, registration: registration, lang: chosen ?? CommandParser.guessLang(text), kernel: kernel(tx))
        let chat = event.group ?? ""
        if let limit = senderLimit {
            let since = clock.adding(Span(milliseconds: -limit.per.milliseconds))
            var times = (recentMessages[sender] ?? []).filter { $0 > since }
            times.append(clock)
            recentMessages[sender] = times
            if times.count > limit.count {
                commandName = ErrorCode.rateLimited.rawValue
                var outcome = Outcome(error: LinliError(.rateLimited, zh: "您发得太快了，请稍等一会儿再发。", en: "You are sending too fast; please wait a moment."))
                outcome.lang = ctx.lang
                return outcome
            }
        }
        var parsed: ParseResult
        if let prompt = prompt(chat: chat, user: sender) {
            try deletePrompt(chat: chat, user: sender, tx)
            let folded = Grammar.fold(text).lowercased()
            if clock > prompt.expiresAt {
                parsed = parser.parse(text)
                if case .failure(let error, let lang) = parsed, error.code == .unknownCommand {
                    let spec = parser.catalog.spec(prompt.command)
                    parsed = .failure(
                        LinliError(
                            .timeout,
                            zh: "刚才的问题已超过10分钟，已作废。请重新发送完整的命令：\(spec?.usage.zh ?? "")",
                            en: "The question I asked has expired (10 minutes). Please send the whole command again: \(spec?.usage.en ?? "")"),
                        lang: lang)
                }
            } else if Self.cancelWords.contains(folded) {
                commandName = "cancel_question"
                ctx.lang = chosen ?? prompt.lang
                var outcome = Outcome(zh: "好的，已取消。", en: "OK, cancelled.")
                outcome.lang = ctx.lang
                return outcome
            } else {
                // A whole command on its own is taken as such; anything else answers the question.
                let alone = parser.parse(text)
                if case .command = alone { parsed = alone } else { parsed = parser.parse(prompt.soFar + " " + text) }
            }
        } else {
            parsed = preparsed ?? parser.parse(text)
        }
        var outcome: Outcome
        commandName = Self.name(of: parsed)
        switch parsed {
        case .command(let command, let lang):
            ctx.lang = chosen ?? lang
            let saved = state.memory
            let changes = tx.changeCount
            do {
                outcome = try careful ? tx.savepoint { try dispatcher.run(command, ctx) } : dispatcher.run(command, ctx)
            } catch let error as LinliError {
                // A refusal leaves nothing behind; one that wrote first needs the careful run.
                if !careful, tx.changeCount != changes { throw EventFailure(underlying: error) }
                restore(saved)
                outcome = Outcome(error: error)
            }
        case .incomplete(let id, let soFar, let missing, let lang):
            ctx.lang = chosen ?? lang
            try setPrompt(Prompt(chat: chat, user: sender, command: id, soFar: soFar, lang: lang, expiresAt: clock.adding(Self.promptLifetime)), tx)
            let question = missing.prompt ?? Localized(zh: "请补充“\(missing.name)”。", en: "Please add “\(missing.name)”.")
            let usage = parser.catalog.spec(id)?.usage ?? Localized(zh: "", en: "")
            outcome = Outcome(
                error: LinliError(
                    .usage,
                    zh: "\(question.zh)（直接回复即可，发送“取消”放弃。用法：\(usage.zh)）",
                    en: "\(question.en) (just reply; send “cancel” to drop it. Usage: \(usage.en))"))
        case .failure(let error, let lang):
            ctx.lang = chosen ?? lang
            outcome = Outcome(error: error)
        }
        outcome.lang = ctx.lang
        return outcome
    }

    /// What a message came to, as a metric label: the command, or why there is none.
    static func name(of parsed: ParseResult) -> String {
        switch parsed {
        case .command(let command, _): command.name
        case .incomplete: "incomplete"
        case .failure(let error, _): error.code.rawValue
        }
    }
}

/// Follow-up questions: one pending per sender and chat, mirrored in memory.
extension Engine {
    func prompt(chat: String, user: String) -> Prompt? { state.memory.prompts[EngineMemory.key(chat, user)] }

    func setPrompt(_ p: Prompt, _ tx: StoreTransaction) throws {
        try tx.setPrompt(p)
        state.memory.prompts[EngineMemory.key(p.chat, p.user)] = p
    }

    func deletePrompt(chat: String, user: String, _ tx: StoreTransaction) throws {
        try tx.deletePrompt(chat: chat, user: user)
        state.memory.prompts[EngineMemory.key(chat, user)] = nil
    }
}
