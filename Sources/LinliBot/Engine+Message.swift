import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore

extension Engine {
    /// Handles one chat message: answers a pending question or parses a command,
    /// then runs it. Nil when the message is not addressed to the bot (chatter in a
    /// group, PROTOCOL.md §2.1): nothing is said and nothing changes.
    func message(_ event: InboundEvent, parsed read: Preparsed? = nil, _ tx: StoreTransaction) throws -> Outcome? {
        let sender = event.from ?? ""
        let (text, mentioned) = read.map { ($0.text, $0.mentioned) } ?? Addressing.address(event, bot: directory.community.bot, names: parser.spacedNames)
        let preparsed = read?.result
        // In a group, a message the bot was not called by counts only if it reads as a whole command.
        let strict = event.group != nil && !mentioned
        let registration = state.memory.registrations[sender]
        let person = directory.person(sender)
        let chosen = registration?.lang ?? person?.lang
        var ctx = CommandContext(
            sender: sender, displayName: event.name, group: event.group, called: !strict, mentions: event.mentions, via: event.via,
            person: person, registration: registration, lang: chosen ?? CommandParser.guessLang(text), kernel: kernel(tx))
        let chat = event.group ?? ""
        // Hints suggest only the commands the sender may use.
        let parser = self.parser.suggesting(ctx.mayUse)
        var parsed: ParseResult
        var expired: Prompt?
        var answered: Prompt?
        /// The message proves to be talk: nothing said, and a question it was taken to answer stays open.
        func talk() throws -> Outcome? {
            if let answered { try setPrompt(answered, tx) }
            return nil
        }
        if let prompt = prompt(chat: chat, user: sender), clock > prompt.expiresAt {
            try deletePrompt(chat: chat, user: sender, tx)
            expired = prompt
        }
        if let prompt = prompt(chat: chat, user: sender) {
            let before = parser.parse(prompt.soFar)
            let asked: ArgSpec? = if case .incomplete(_, _, let missing, _) = before { missing } else { nil }
            if FollowUps.cancels(text, asking: asked, of: parser.catalog.spec(prompt.command), inGroup: strict) {
                try deletePrompt(chat: chat, user: sender, tx)
                commandName = "cancel_question"
                var outcome = Outcome(zh: "好的，已取消。", en: "OK, cancelled.")
                outcome.lang = chosen ?? prompt.lang
                return outcome
            }
            // A whole command on its own is taken as such; a mere “OK”, or the command's word
            // again, asks the question again (in a group it is chatter); anything else answers it.
            let alone = parser.parse(text, strict: strict)
            // `评价 2 电梯还是响` while asked which report: the newer score stands, and which is asked again.
            let restated = alone.recordToPresume && alone.isIncomplete(prompt.command)
            if alone.isCommand || restated {
                parsed = alone
            } else if Acknowledgement.word(in: text) != nil || alone.isIncomplete(prompt.command) {
                if strict { return nil }
                parsed = before
            } else if strict, Acknowledgement.opensWithOne(text) {
                return nil  // `好的，谢谢小张` among neighbours: talk, and the question stays open
            } else if strict, let asked, !parser.isOnly(text, answering: prompt.command, asked) {
                return nil  // `7点到9点我要去接孩子` among neighbours: talk, and the question stays open
            } else {
                parsed = parser.parse(CommandParser.completing(prompt.soFar, with: text), strict: strict)
                // No answer, but another command's word (`紧急通知` while asked an event's time): that
                // command, which asks its own question instead (a points item, `走访`, still answers).
                if !strict, !FollowUps.answers(parsed, asking: asked), case .incomplete(let id, _, _, _) = alone, id != prompt.command { parsed = alone }
            }
            // An answer that does not answer leaves the question open: in a group it is chatter;
            // in a private chat it is told why, and the corrected answer still answers.
            if !FollowUps.answers(parsed, asking: asked) {
                if strict, !restated { return nil }
            } else {
                try deletePrompt(chat: chat, user: sender, tx)
                answered = prompt
            }
        } else {
            parsed = preparsed ?? parser.parse(text, strict: strict)
            if strict, case .command = parsed {} else if strict {
                // `收到` under an alert posted in this group asking the sender to acknowledge it answers that (§2.1, 3);
                // `评价 5`, `报名 邻里节` are whole commands once the record is presumed.
                let receipt = Acknowledgement.word(in: text) == Acknowledgement.receipt ? parser.parse(Acknowledgement.receiptCommand(in: text)) : nil
                guard let unfinished = receipt ?? (parsed.recordToPresume ? parsed : nil), case .value(let whole) = try presumed(unfinished, ctx)
                else { return nil }
                parsed = whole
            }
            if preparsed != nil, case .failure = parsed { parsed = parser.parse(text, strict: strict) }  // with the sender's hints
            // `@linli R1`, `R1` privately (no question open, none just expired): where it stands.
            if !strict, expired == nil, case .failure = parsed, let status = parser.statusQuestion(Grammar.fold(text), alone: true) { parsed = parser.parse(status) }
            // “小邻，谢谢！”: thanks or an “OK” said to the bot is answered in kind, not questioned.
            if !parsed.isCommand, let word = Acknowledgement.word(in: text) {
                // “好的，收到”, “收到了”: the receipt of the one alert awaiting the sender; of which,
                // asked of whoever acknowledges alerts (several may await); an OK from anyone else.
                let receipt = word == Acknowledgement.receipt ? parser.parse(Acknowledgement.receiptCommand(in: text)) : nil
                let presumption: Presumption<ParseResult> =
                    if let receipt, case .incomplete(let id, _, _, _) = receipt, parser.catalog.spec(id).map(ctx.mayUse) == true {
                        try presumed(receipt, ctx)
                    } else {
                        .nothing
                    }
                if case .value(let whole) = presumption {
                    parsed = whole
                } else if presumption.asks, let receipt {
                    parsed = receipt  // which one: asked below
                } else {
                    commandName = "acknowledgement"
                    var outcome = Acknowledgement.answer(
                        word, bot: directory.community.bot, wishes: try Acknowledgement.wishes(word, sender, tx),
                        awaits: Acknowledgement.isOK(word) ? try dispatcher.awaiting(ctx) : [])
                    let written = Acknowledgement.lang(of: word, in: text)
                    // `好的，谢谢` is written in Chinese: later pushes follow it too (PROTOCOL.md §2.3).
                    if let written, chosen == nil { try kernel(tx).people.noteWritten(sender, written) }
                    outcome.lang = chosen ?? written ?? kernel(tx).people.language(of: sender)
                    return outcome
                }
            }
            if mentioned, text.isEmpty { parsed = .command(.people(.help(topic: nil)), lang: CommandParser.guessLang(event.text ?? "")) }
            if let expired, case .failure(let error, let lang) = parsed, error.code == .unknownCommand {
                let spec = parser.catalog.spec(expired.command)
                parsed = .failure(
                    LinliError(
                        .timeout,
                        zh: "刚才的问题已超过10分钟，已作废。请重新发送完整的命令：\(spec?.usage.zh ?? "")",
                        en: "The question I asked has expired (10 minutes). Please send the whole command again: \(spec?.usage.en ?? "")"),
                    lang: lang)
            }
        }
        // `pair of shoes left in the lobby`, `stats homework done`: among neighbours, a command
        // only others may give, naming no record (`accept R1` is meant), is talk, not a refusal.
        if strict, case .command(let command, _) = parsed, let spec = parser.catalog.spec(command.name), !ctx.mayUse(spec),
            !spec.roles.contains("resident"), !CommandParser.namesARecord(text)
        {
            return try talk()
        }
        if let limited = rateLimited(sender, lang: ctx.lang) { return limited }
        // A message of numbers, symbols and record ids alone (`+1 P1`, `R1`) is in no
        // language (PROTOCOL.md §2.3): it is answered in the sender's, and changes it not.
        let wordless = !CommandParser.hasWords(text)
        func settle(_ lang: Lang, noting: Bool = true) throws {
            if wordless {
                ctx.lang = kernel(tx).people.language(of: sender)
            } else {
                ctx.lang = chosen ?? lang
                // Pushes to someone who chose no language follow the one they last wrote to the bot in (PROTOCOL.md §2.3).
                if noting, chosen == nil { try kernel(tx).people.noteWritten(sender, lang) }
            }
        }
        var choices: Localized?  // the question naming what the missing argument may be
        switch try presumed(parsed, ctx) {
        case .value(let whole): parsed = whole
        case .refused(let error): parsed = .failure(error, lang: ctx.lang)
        case .choose(let question): choices = question
        case .ask, .nothing: break
        }
        var outcome: Outcome
        commandName = parsed.metricName
        switch parsed {
        case .command(let command, let lang):
            // The language is noted once the message proves to be a command (not talk, below).
            try settle(lang, noting: false)
            let saved = state.memory
            let changes = tx.changeCount
            do {
                outcome = try careful ? tx.savepoint { try dispatcher.run(command, ctx) } : dispatcher.run(command, ctx)
            } catch let error as LinliError {
                // A refusal leaves nothing behind; one that wrote first needs the careful run.
                if !careful, tx.changeCount != changes { throw EventFailure(underlying: error) }
                restore(saved)
                // `积分 怎么换东西`, `points taken` among neighbours: a word that names no one is
                // not a valid argument, so the message was no whole command (PROTOCOL.md §2.1):
                // a question it was taken to answer stays open.
                if strict, error.unknownWord != nil { return try talk() }
                outcome = refusal(error, ctx)
            }
            // A command's word with ids alone (`accept R1`, `签收 R1`) reads the same in either
            // language: once a sender has a language, such a line leaves it as it is.
            if !wordless, chosen == nil, state.wrote[sender] != lang, state.wrote[sender] == nil || !parser.isWordWithIDsAlone(text, of: command.name) {
                try kernel(tx).people.noteWritten(sender, lang)
            }
        case .incomplete(let id, let soFar, let missing, let lang):
            try settle(lang)
            let spec = parser.catalog.spec(id)
            // `同意` from a resident: a command only others give asks nothing; they are told whose it is.
            if let spec, !ctx.mayUse(spec), !spec.roles.contains("resident") {
                outcome = Outcome(error: Self.othersCommand(spec))
                break
            }
            // `达成 R1` before its meeting, `办结 R9` of another's report, `评价 R1` rated already:
            // refused whatever the text or score for the record says, so it is not asked for.
            let standIn: String? = switch missing.type { case .text: "x"; case .int: "5"; default: nil }
            if let standIn, spec?.args.contains(where: { if case .record = $0.type { true } else { false } }) == true,
                let error = try refusedWhatever(CommandParser.completing(soFar, with: standIn), ctx)
            {
                outcome = refusal(error, ctx)
                break
            }
            // A dispute's parties or terms, what a visit found: asked, and answered, privately.
            let privately = event.group != nil && (spec.map { FollowUps.privateFamilies.contains($0.family) } == true || reportsPrivately(soFar))
            if privately, !ctx.reachedPrivately {  // nothing asked: where to say it instead (FollowUps.askPrivately)
                outcome = Outcome(error: FollowUps.askPrivately(ctx.directory.botNames))
                break
            }
            try setPrompt(
                Prompt(
                    chat: privately ? "" : chat, user: sender, command: id, soFar: soFar, lang: ctx.lang, expiresAt: clock.adding(Self.promptLifetime)),
                tx)
            let question = choices ?? missing.prompt ?? Localized(zh: "请补充“\(missing.name)”。", en: "Please add “\(missing.name)”.")
            let usage = spec?.usage ?? Localized(zh: "", en: "")
            let asked = LinliError(
                .usage,
                zh: "\(question.zh)（直接回复即可，发送“取消”放弃。用法：\(usage.zh)）",
                en: "\(question.en) (just reply; send “cancel” to drop it. Usage: \(usage.en))")
            outcome = Outcome(error: asked)
            if privately {
                outcome.text = Localized(zh: "这涉及私密事项，我私信问您。", en: "That is a private matter: I asked you privately.")
                outcome.effects = [.notify(to: sender, reason: "private_reply", text: asked.message, refs: [])]
            }
        case .failure(let error, let lang):
            // Not understood, but written to the bot: later pushes are in its language (PROTOCOL.md §2.3).
            try settle(lang)
            outcome = Outcome(error: error)
        }
        outcome.lang = outcome.lang ?? ctx.lang
        for i in outcome.effects.indices where outcome.effects[i].reason == "private_reply" {
            outcome.effects[i].replyLang = outcome.lang
        }
        return outcome
    }

    /// Said of a command the sender may not give: whose it is, and where to look for theirs.
    static func othersCommand(_ spec: CommandSpec) -> LinliError {
        let whose: [(zh: String, en: String)] = spec.roles.compactMap { id in
            switch Role(rawValue: id) {
            case .staff?: ("社区工作人员", "the community office")
            case .department?: ("部门", "departments")
            case let role?: RolesFamily.names[role].map { ($0.zh, $0.pluralEn.lowercased()) }
            case nil: nil
            }
        }
        return LinliError(
            .forbidden, zh: "“\(spec.usage.zh)”是\(whose.map(\.zh).joined(separator: "、"))用的命令。发送“帮助”查看您可以用的命令。",
            en: "“\(spec.usage.en)” is for \(whose.map(\.en).joined(separator: ", ")). Send “help” to see what you can use.")
    }

    /// An unfinished command made whole with what its family presumes for the missing
    /// argument (a bare `收到`: the one alert awaiting the sender). A word two commands share
    /// said alone (`参加`: an event's sign-up, a mediation meeting) is made whole by whichever
    /// family presumes something (the one meeting the sender is invited to).
    private func presumed(_ parsed: ParseResult, _ ctx: CommandContext) throws -> Presumption<ParseResult> {
        guard case .incomplete(let id, let soFar, let missing, let lang) = parsed, let spec = parser.catalog.spec(id) else { return .ask }
        let sharing = parser.commands(sayingOnly: soFar).filter { $0.id != id && ctx.mayUse($0) }
        var result = Presumption<ParseResult>.nothing
        for (other, arg) in [(spec, missing)] + sharing.compactMap({ s in s.args.first { !$0.optional }.map { (s, $0) } }) {
            let presumption = try dispatcher.presume(arg, of: other.id, family: other.family, said: soFar, ctx)
            switch presumption {
            case .value(let value):
                let whole = parser.parse(CommandParser.completing(soFar, with: value))
                return whole.isCommand ? .value(whole) : .ask
            case .ask, .choose:
                // `sign up` alone from a registered resident: not the room, which `register` refused, but the event.
                if case .refused = result, other.id != id { return .value(.incomplete(commandID: other.id, soFar: other.word(lang), missing: arg, lang: lang)) }
                if case .choose(let question) = presumption { result = .choose(question) } else if !result.asks { result = .ask }
            case .refused(let error): if case .nothing = result { result = .refused(error) }
            case .nothing: break
            }
        }
        return result
    }

    /// A refusal's reply; why, when it is not said in the group, goes to the sender privately.
    private func refusal(_ error: LinliError, _ ctx: CommandContext) -> Outcome {
        var outcome = Outcome(error: error)
        if let detail = error.privately, ctx.reachedPrivately {
            outcome.effects = [.notify(to: ctx.sender, reason: "private_reply", text: detail, refs: error.refs)]
        }
        return outcome
    }

    /// How an unfinished command would be refused whatever its missing argument says:
    /// `whole` is it made whole with a stand-in, tried, and nothing of the try kept. Nil
    /// when it would be done (or refused for the stand-in itself).
    private func refusedWhatever(_ whole: String, _ ctx: CommandContext) throws -> LinliError? {
        struct Tried: Error {}
        guard case .command(let command, _) = parser.parse(whole) else { return nil }
        let saved = state.memory
        defer { restore(saved) }
        do {
            try ctx.tx.savepoint { _ = try dispatcher.run(command, ctx); throw Tried() }
        } catch let error as LinliError where error.code != .usage {
            return error
        } catch is Tried, is LinliError {}
        return nil
    }

    /// Whether an unfinished command is a report in a private category (noise, a
    /// dispute): its details, which name neighbours, are asked for privately. Read by
    /// parsing what was said with a stand-in for the details.
    private func reportsPrivately(_ soFar: String) -> Bool {
        guard case .command(let command, _) = parser.parse(CommandParser.completing(soFar, with: "x")),
            case .report(let category, _, _)? = command.family as? WorkOrdersCommand
        else { return false }
        return state.directory.category(category)?.isPrivate == true
    }

    /// `rate_limited` when the sender wrote to the bot more than `senderLimit` allows.
    private func rateLimited(_ sender: String, lang: Lang) -> Outcome? {
        guard let limit = senderLimit else { return nil }
        let since = clock.adding(Span(milliseconds: -limit.per.milliseconds))
        var times = (recentMessages[sender] ?? []).filter { $0 > since }
        times.append(clock)
        recentMessages[sender] = times
        guard times.count > limit.count else { return nil }
        commandName = ErrorCode.rateLimited.rawValue
        var outcome = Outcome(error: LinliError(.rateLimited, zh: "您发得太快了，请稍等一会儿再发。", en: "You are sending too fast; please wait a moment."))
        outcome.lang = lang
        return outcome
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
