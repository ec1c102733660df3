import LinliCommands
import LinliCore
import LinliStore

/// What the engine reads of follow-up questions (SERVICES.md): the words that drop one,
/// the families whose questions are asked privately, and whether a reply answers one.
enum FollowUps {
    /// Words that drop a pending follow-up question.
    static let cancelWords: Set<String> = [
        "cancel", "cancel it", "quit", "stop", "no", "no thanks", "never mind", "nevermind", "forget it",
        "取消", "算了", "不用了", "不用", "不要了", "撤销", "不约了", "不预约了", "不订了", "取消预约", "不报了", "不修了", "不弄了", "不办了",
    ]

    /// Whether `text` drops the pending question: one of `cancelWords` or the command's own
    /// word said away (`不借了`), closing marks aside, or
    /// a sentence that opens with 算了 or 不用了 (`算了不约了`) unless free text is asked for
    /// (`算了，双方都不追究了` answers it). In a group, not `no`, `stop`, `不用`: said to a neighbour.
    static func cancels(_ text: String, asking missing: ArgSpec?, of command: CommandSpec?, inGroup: Bool) -> Bool {
        let trimmed = CommandParser.unmarked(Grammar.fold(text).lowercased())
        if inGroup, ["no", "stop", "不用"].contains(trimmed) { return false }
        // Asked which booking to cancel, `取消预约` again says the command again: it is asked again.
        if command?.id == "cancel", ["取消预约", "cancel my booking", "cancel booking"].contains(trimmed) { return false }
        // `不借了`, `不用申请了`: the command's own word, said away.
        let said = (command?.words ?? []).filter { $0.lang == .zh }.map(\.text)
        if said.contains(where: { w in ["不\(w)了", "不\(w)啦", "不用\(w)了", "不要\(w)了"].contains(trimmed) }) { return true }
        let freeText = missing?.type == .text
        return cancelWords.contains(trimmed) || !freeText && (trimmed.hasPrefix("算了") || trimmed.hasPrefix("不用了"))
    }

    /// Families whose follow-up questions are about private matters: asked in a private chat.
    static let privateFamilies: Set<String> = ["disputes", "households"]

    /// Said in a group to one a private question would not reach (no private channel of theirs).
    static func askPrivately(_ bot: (zh: String, en: String)) -> LinliError {
        LinliError(.usage, zh: "这涉及私密事项，请私聊\(bot.zh)发送这条命令。", en: "That is a private matter: send this command to \(bot.en) in a private chat.")
    }

    /// Whether `parsed` (the question's text so far and the answer) answers the question
    /// that asked for `asked`: a whole command, or one that moved on to the next question.
    static func answers(_ parsed: ParseResult, asking asked: ArgSpec?) -> Bool {
        switch parsed {
        case .command: return true
        case .failure: return false
        case .incomplete(_, _, let missing, _): return asked.map { $0.name != missing.name } ?? false
        }
    }
}

extension ParseResult {
    /// What a message came to, as a metric label: the command, or why there is none.
    var metricName: String {
        switch self {
        case .command(let command, _): command.name
        case .incomplete: "incomplete"
        case .failure(let error, _): error.code.rawValue
        }
    }
}
