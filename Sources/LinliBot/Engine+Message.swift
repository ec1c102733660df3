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
        let registration = registration(sender)
        let person = directory.person(sender)
        let chosen = registration?.lang ?? person?.lang
        var ctx = Context(sender: sender, displayName: event.name, group: event.group, now: clock, mentions: event.mentions,
                          person: person, registration: registration, directory: directory, tx: tx,
                          lang: chosen ?? CommandParser.guessLang(text))
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
                    parsed = .failure(LinliError(
                        .timeout,
                        zh: "刚才的问题已超过10分钟，已作废。请重新发送完整的命令：\(spec?.usage.zh ?? "")",
                        en: "The question I asked has expired (10 minutes). Please send the whole command again: \(spec?.usage.en ?? "")"), lang: lang)
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
            let saved = memory
            let changes = tx.changeCount
            do {
                outcome = try careful ? tx.savepoint { try run(command, ctx) } : run(command, ctx)
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
            outcome = Outcome(error: LinliError(
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

    /// Runs a parsed command.
    func run(_ command: Command, _ ctx: Context) throws -> Outcome {
        switch command {
        case .help(let topic): return try help(topic, ctx)
        case .register(let room): return try register(room, ctx)
        case .contacts: return try contacts(ctx)
        case .lang(let lang): return try setLang(lang, ctx)
        case .report(let category, let place, let details): return try report(category: category, place: place, details: details, ctx)
        case .status(let id): return try status(id, ctx)
        case .queue: return try queue(ctx)
        case .urge(let id): return try urge(id, ctx)
        case .cancel(let id): return id.kind == .booking ? try cancelBooking(id, ctx) : try cancel(id, ctx)
        case .rate(let id, let score, let comment): return try rate(id, score: score, comment: comment, ctx)
        case .reopen(let id, let why): return try reopen(id, why: why, ctx)
        case .accept(let id): return try accept(id, ctx)
        case .assign(let id, let to): return try assign(id, to: to, ctx)
        case .note(let id, let text): return try note(id, text: text, ctx)
        case .done(let id, let result): return try done(id, result: result, ctx)
        case .escalate(let id, let detail): return try escalate(id, detail: detail, ctx)
        case .stats(let what): return try stats(what, ctx)
        case .venues(let date): return try venuesList(date, ctx)
        case .book(let venue, let date, let times, let purpose): return try book(venue: venue, date: date, times: times, purpose: purpose, ctx)
        case .bookings: return try myBookings(ctx)
        case .schedule(let venue, let date): return try venueSchedule(venue, date, ctx)
        case .approve(let id): return try decide(id, approve: true, why: nil, ctx)
        case .decline(let id, let why): return try decide(id, approve: false, why: why, ctx)
        case .services: return try servicesList(ctx)
        case .request(let service, let details): return try request(service: service, details: details, ctx)
        case .giveBack(let id): return try giveBack(id, ctx)
        case .events: return try eventsList(ctx)
        case .createEvent(let title, let date, let start, let capacity): return try createEvent(title: title, date: date, start: start, capacity: capacity, ctx)
        case .join(let id): return try join(id, ctx)
        case .leave(let id): return try leave(id, ctx)
        case .wish(let text): return try wish(text, ctx)
        case .claim(let id): return try claim(id, ctx)
        case .fulfil(let id): return try fulfil(id, ctx)
        case .thanks(let id): return try thanks(id, ctx)
        case .suggest(let text): return try suggest(text, ctx)
        case .support(let id): return try support(id, ctx)
        case .suggestions: return try suggestionsList(ctx)
        case .answer(let id, let text): return try answer(id, text: text, ctx)
        case .points(let who): return try points(who, ctx)
        case .award(let who, let item, let note): return try award(person: who, item: item, note: note, ctx)
        case .leaderboard: return try leaderboard(ctx)
        }
    }
}
