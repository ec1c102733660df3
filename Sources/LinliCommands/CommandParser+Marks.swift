/// Punctuation around what people type: closing marks, and text that is nothing else.
extension CommandParser {
    /// `text` without the marks that close it (full stops, question and exclamation
    /// marks; questions kept when `keepingQuestions`); nil when it has none, or nothing else.
    public static func withoutClosingMarks(_ text: String, keepingQuestions: Bool = false) -> String? {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, closingMarks.contains(last) && !(keepingQuestions && questionMarks.contains(last)) || last == " " {
            scalars.removeLast()
        }
        guard scalars.count < text.unicodeScalars.count, scalars.contains(where: Self.hasMeaning) else { return nil }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Whether what follows a command that takes nothing may be let pass: marks, and
    /// polite words (`contacts please`, `联系人 谢谢`), not a sentence (`who is coming tonight?`).
    /// Read from the cursor on, as matched (lowercased), without moving it; the first word
    /// that is not polite ends the look.
    static func isPoliteTail(_ cursor: TextCursor) -> Bool {
        var word: [Unicode.Scalar] = []
        for s in cursor.lower[cursor.pos...] {
            if closingMarks.contains(s) || TextCursor.separators.contains(s) {
                guard word.isEmpty || politeWords.contains(word) else { return false }
                word.removeAll(keepingCapacity: true)
            } else {
                word.append(s)
                if word.count > longestPoliteWord { return false }
            }
        }
        return word.isEmpty || politeWords.contains(word)
    }

    /// `text` without the marks that close it, or as it is when it has none (`算了！` → `算了`).
    public static func unmarked(_ text: String) -> String { withoutClosingMarks(text) ?? text }

    /// Whether `text` is a word of command `id` followed by record ids and numbers alone
    /// (`accept R1`, `并单 R1 R2`, `cancel my booking B1`): no sentence in either language.
    public func isWordWithIDsAlone(_ text: String, of id: String) -> Bool {
        var cursor = TextCursor(Grammar.fold(text))
        guard let (spec, _) = matchCommandWord(&cursor), catalog.commands[spec].id == id else { return false }
        return !Self.hasWords(cursor.chars[cursor.pos...])
    }

    /// The commands of which `text` is a word and nothing else (`参加`: `join` and `attend`).
    public func commands(sayingOnly text: String) -> [CommandSpec] {
        let said = Grammar.loweredScalars(Self.unmarked(Grammar.fold(text)))
        return words.filter { $0.chars == said }.map { catalog.commands[$0.spec] }
    }

    /// The day `date` names right after the times, standing alone (`3pm-5pm tomorrow`,
    /// `下午3点到5点 明天 跳舞`), the cursor moved past it; nil, the cursor left, when there is none.
    func dayAfterTimes(_ date: ArgSpec, _ cursor: inout TextCursor, strict: Bool) -> ArgValue? {
        var probe = cursor
        probe.skipSpaces()
        guard case .value(let day) = read(date, &probe, strict: strict), probe.atEnd || TextCursor.separators.contains(probe.chars[probe.pos]) else {
            return nil
        }
        cursor = probe
        return day
    }

    /// Whether `text` holds the argument `missing` of command `id`, and else only arguments
    /// of it that are no optional free text (closing marks and polite words aside): in a group,
    /// only such a reply answers the bot's question (`7点到9点`, `周日 7点到9点`, `漏水 厨房滴水`;
    /// not `7点到9点我要去接孩子`, where the talk would be taken for the booking's purpose).
    public func isOnly(_ text: String, answering id: String, _ missing: ArgSpec) -> Bool {
        guard let spec = catalog.spec(id) else { return true }
        var cursor = TextCursor(Grammar.fold(text), simplified: false)
        var answered = false
        // Free text before the argument asked for was given already; read again, an event's title would take the date asked for.
        let asked = spec.args.firstIndex { $0.name == missing.name } ?? 0
        for (i, arg) in spec.args.enumerated() where !(arg.type == .text && arg.optional || [.text, .phrase].contains(arg.type) && i < asked) {
            cursor.skipSpaces()
            guard !cursor.atEnd else { break }
            var probe = cursor
            guard case .value = read(arg, &probe, strict: true) else { continue }
            cursor = probe
            answered = answered || arg.name == missing.name
        }
        return answered && Self.isPoliteTail(cursor)
    }

    /// Whether, at `cursor` just past the word of a command that takes free text or a word
    /// first, the word runs into others (`通过了吗`, `报修的时候`), not into a room typed
    /// against it as the whole rest: Latin letters, digits and `-`, a digit among them
    /// (`登记1206`, `登记b3-501`; `积分100了` runs into words).
    static func runsIntoWords(_ spec: CommandSpec, _ cursor: TextCursor) -> Bool {
        guard let type = spec.args.first?.type, [.text, .word].contains(type), !cursor.atEnd, !afterWord.contains(cursor.chars[cursor.pos]) else {
            return false
        }
        let rest = cursor.rest.unicodeScalars
        guard type == .word, rest.contains(where: { ("0"..."9").contains($0) }) else { return true }
        return !rest.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    /// What may follow the word of a command that takes free text or a word first, in a group.
    private static let afterWord: Set<Unicode.Scalar> = [" ", ":", "：", ",", "，", "\u{3000}"]

    static let politeWords: Set<[Unicode.Scalar]> = Set(
        ["please", "pls", "plz", "thanks", "thank", "you", "thx", "谢谢", "谢谢你", "一下", "吧", "呢", "啊", "呀", "哦", "嘛", "了", "啦"].map { Array($0.unicodeScalars) })
    static let longestPoliteWord = politeWords.map(\.count).max()!

    /// Command words people say to each other too (`need`, `我要`, `我家` answering “谁家有塑料袋？”):
    /// read in a group only when the bot is called (`小邻 我要理发`); privately, as any word.
    static let saidToTheBotOnly: Set<[Unicode.Scalar]> = Set(["need", "i need", "我要", "我需要", "我家", "my home"].map(Grammar.loweredScalars))

    static let closingMarks = Set("?？!！~～。.".unicodeScalars)
    static let questionMarks = Set("?？".unicodeScalars)

    /// A letter, a digit or an ideograph: what makes text more than punctuation.
    static func hasMeaning(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil || Grammar.isCJK(s) }

    /// Whether a message ends as a question: a question mark, or a Chinese question particle (`借伞吗`).
    static func asksAQuestion(_ folded: String) -> Bool {
        var scalars = folded.unicodeScalars.reversed().drop { $0 == " " }
        if scalars.first == "?" { return true }
        scalars = scalars.drop { closingMarks.contains($0) || $0 == " " }
        return scalars.first.map { "吗呢么".unicodeScalars.contains($0) } ?? false
    }

    /// Commands that post to every group in the sender's care.
    static let broadcasts: Set<String> = ["alert", "drill", "announce"]

    /// Whether text starts with a colon (after spaces): `alert: gas leak`.
    static func colonFirst(_ text: String) -> Bool {
        text.drop { $0 == " " }.first.map { $0 == ":" || $0 == "：" } ?? false
    }

    /// Words that start a sentence rather than a wish or a suggestion's subject.
    static let sentenceStarts: Set<String> = [
        "i", "me", "my", "you", "your", "we", "us", "our", "they", "them", "he", "she", "him", "her", "it", "its", "this", "that", "these",
        "those", "how", "what", "when", "where", "why", "who", "if", "to", "for", "from", "of", "the", "all", "everyone", "everybody", "anyone",
        "someone", "so", "and", "but", "is", "are", "was", "be", "about", "again", "too", "there", "here",
    ]

    /// Whether English text after a command word reads as the rest of a sentence (`you all a happy weekend`).
    static func startsASentence(_ text: String) -> Bool {
        let first = text.drop { $0 == " " }.prefix { $0.isLetter || $0 == "'" }.lowercased()
        return sentenceStarts.contains(first)
    }
}
