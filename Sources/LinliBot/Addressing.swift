import LinliCore
import LinliProtocol

/// Whether a message calls the bot, and its text without the bot's name
/// (PROTOCOL.md §2.1).
enum Addressing {
    /// The text of a message with the bot's name taken off its start, and whether
    /// the message calls the bot (its id in `mentions`, or its name first, `@`
    /// optional, then a space of any kind, a comma or a colon). The @-names a chat puts
    /// around the words (`@所有人 @小邻 报修 …`, `@小邻 @周永林 进度`; WeChat ends each with
    /// U+2005) go too when the bot is called, `names` whole (`@Emma Brown`, one of people's
    /// names of more than one word). Pure: the reader thread uses it too.
    static func address(_ event: InboundEvent, bot: Bot?, names: [String] = []) -> (text: String, mentioned: Bool) {
        let text = event.text ?? ""
        guard let bot else { return (text, false) }
        var rest = Substring(text).drop(while: \.isWhitespace)
        var called = event.mentions.contains(bot.id)
        // `Hi linli, status?`, `你好小邻，进度`: a greeting before the name goes with it (said alone
        // with the name, `hi linli`, it is what is said).
        if let (greeting, after) = greeting(rest), let said = afterName(after.first == "@" || after.first == "＠" ? after.dropFirst() : after, bot) {
            (rest, called) = (said.isEmpty ? greeting : said, true)
        }
        while true {
            let at = rest.first == "@" || rest.first == "＠"
            let word = at ? rest.dropFirst() : rest
            if let after = afterName(word, bot) {
                (rest, called) = (after, true)
                continue
            }
            guard at else { break }
            let name = names.first { word.hasPrefix($0) && word.dropFirst($0.count).first?.isWhitespace != false }
            guard let end = name.map({ word.index(word.startIndex, offsetBy: $0.count) }) ?? wechatEnd(word) ?? unknownName(word, bot) ?? word.firstIndex(where: \.isWhitespace)
            else { break }
            rest = word[end...].drop(while: \.isWhitespace)
        }
        // `大家好 @小邻 在吗`: the bot's @-name within the words calls it too, and goes.
        if let (before, after) = atName(in: rest, bot) {
            rest = before.isEmpty || after.isEmpty ? before + after : before + " " + after
            called = true
        }
        return called ? (String(rest), true) : (text, false)
    }

    /// Where WeChat ends an @-name (`@3栋502 张伟` then U+2005): a group nickname may hold
    /// spaces. Nil when no U+2005 comes before the next @-name or line.
    private static func wechatEnd(_ word: Substring) -> Substring.Index? {
        guard let end = word.firstIndex(of: "\u{2005}"), !word[..<end].contains(where: { $0 == "@" || $0 == "＠" || $0.isNewline }) else { return nil }
        return end
    }

    /// The words before and after the bot's @-name within `text` (after a space, not at
    /// its start); nil when it has none.
    private static func atName(in text: Substring, _ bot: Bot) -> (Substring, Substring)? {
        botAt(in: text, bot).map { (at, after) in (Substring(text[..<at].trimmingCharacters(in: .whitespaces)), after) }
    }

    /// Where the bot's @-name starts within `text` (after a space), and what follows it.
    private static func botAt(in text: Substring, _ bot: Bot) -> (Substring.Index, Substring)? {
        var from = text.startIndex
        while let at = text[from...].firstIndex(where: { $0 == "@" || $0 == "＠" }) {
            if at > text.startIndex, text[text.index(before: at)].isWhitespace, let after = afterName(text[text.index(after: at)...], bot) {
                return (at, after)
            }
            from = text.index(after: at)
        }
        return nil
    }

    /// Where an @-name of up to three words the community file does not know ends, right
    /// before the bot's @-name (`@Tom Baker @linli status`: a newcomer's chat name).
    private static func unknownName(_ word: Substring, _ bot: Bot) -> Substring.Index? {
        guard let (at, _) = botAt(in: word, bot), !word[..<at].contains(where: { $0 == "@" || $0 == "＠" || $0.isNewline }),
            word[..<at].split(whereSeparator: \.isWhitespace).count <= 3
        else { return nil }
        return at
    }

    /// What follows one of the bot's names and its separator at the start of `word`; nil
    /// when `word` does not start with a name so ended (`小邻居们` is not the bot).
    private static func afterName(_ word: Substring, _ bot: Bot) -> Substring? {
        func ends(_ c: Character) -> Bool { c.isWhitespace || nameEnds.contains(c) }
        // Only as many characters as the name are lowercased, not the whole message.
        for name in bot.names where word.prefix(name.count).lowercased() == name.lowercased() {
            let after = word.dropFirst(name.count)
            if after.isEmpty || ends(after.first!) { return after.drop(while: ends) }
        }
        return nil
    }

    /// A greeting at the start of `text` and what follows it and its marks; nil when there is none.
    private static func greeting(_ text: Substring) -> (Substring, Substring)? {
        guard let first = text.first, "gh早你您嗨GH".contains(first), let word = greetings.first(where: { text.prefix($0.count).lowercased() == $0 }) else { return nil }
        let after = text.dropFirst(word.count)
        guard let next = after.first, next.isWhitespace || nameEnds.contains(next) || !word.first!.isASCII else { return nil }
        return (text.prefix(word.count), after.drop { $0.isWhitespace || nameEnds.contains($0) })
    }

    /// Greetings that may come before the bot's name, longest first.
    static let greetings = ["good morning", "早上好", "hello", "你好", "您好", "hey", "hi", "嗨", "早"]

    /// What may follow the bot's name (or a greeting) besides a space: a zero-width space, a
    /// comma, a colon, an exclamation mark or a tilde, or their full-width forms.
    static let nameEnds: Set<Character> = ["\u{200B}", ",", "，", ":", "：", "、", "!", "！", "~", "～"]
}
