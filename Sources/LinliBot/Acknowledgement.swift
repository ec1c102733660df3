import LinliCommands
import LinliCore
import LinliStore

/// Short messages that acknowledge rather than answer or command (“好的”, “OK!”,
/// “谢谢你啦”, “早上好”): said to the bot, they are answered in kind.
enum Acknowledgement {
    /// Replies that acknowledge rather than answer (“好的”, “OK!”): no follow-up
    /// question takes one of them as its answer.
    /// (`收到` is not one: it acknowledges an alert, and so does “好的，收到”, see `receipt`.)
    static let words = Set([
        "好", "好的", "好滴", "好吧", "嗯", "嗯嗯", "哦", "哦哦", "噢", "行", "可以", "知道了", "明白", "是", "是的", "对", "对的", "哈哈", "哈哈哈",
        "ok", "okay", "k", "yes", "yeah", "sure", "got it", "👍", "🙏",
    ]).union(thanks).union(greetings).union(pauses)
    /// “稍等”, “wait”: the answer is still to come.
    static let pauses: Set<String> = [
        "稍等", "等等", "等一下", "等下", "等一等", "想想", "我想想", "让我想想", "我看看", "wait", "hmm", "hm", "um", "emm", "hold on", "one moment",
        "just a moment", "a moment", "let me think", "let me check", "let me see",
    ]
    static let thanks: Set<String> = [
        "谢谢", "谢谢你", "谢谢您", "谢谢啦", "谢谢你啦", "谢啦", "多谢", "多谢了", "感谢", "太感谢了", "辛苦了", "辛苦啦", "thanks", "thank you", "thanks a lot",
        "thanks so much", "thank you so much", "thank you very much", "many thanks", "thx",
    ]
    /// “小邻 你好”: said to the bot, greeted back with what it can do.
    static let greetings: Set<String> = [
        "你好", "您好", "大家好", "早", "早上好", "早安", "上午好", "中午好", "下午好", "晚上好", "在吗", "在不在", "hi", "hello", "hey", "good morning",
        "good afternoon", "good evening",
    ]

    /// The acknowledgement `text` is, without its punctuation (`OK!` is `ok`), or nil.
    static func word(in text: String) -> String? {
        // Every message passes here: a long one is no acknowledgement, and is not copied.
        guard text.utf8.count <= 40 else { return nil }
        let scalars = text.unicodeScalars
        var (start, end) = (scalars.startIndex, scalars.endIndex)
        while start < end, marks.contains(scalars[start]) { start = scalars.index(after: start) }
        while start < end, marks.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        let word = Grammar.fold(String(scalars[start..<end])).lowercased()
        if words.contains(word) { return word }
        if let said = said(word) { return said }
        // “Received, on my way”: the English for 收到, first, then a comment.
        if receipts.contains(String(String.UnicodeScalarView(word.unicodeScalars.prefix { !marks.contains($0) }))) { return receipt }
        // “收到”, “好的，收到”, “收到了👌”: 收到 with acknowledgements around it; “收到，马上通知各户”: first, then a comment.
        let parts = word.split(separator: receipt, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let before = parts[0].hasSuffix("已") ? parts[0].dropLast() : parts[0]
        if before.isEmpty, parts[1].unicodeScalars.first.map(marks.contains) ?? true { return receipt }
        let around = (before + " " + parts[1]).split { marks.contains($0.unicodeScalars.first!) }
        return around.allSatisfy { words.contains(String($0)) || $0 == receipt || particles.contains(String($0)) || $0.unicodeScalars.allSatisfy(isEmoji) }
            ? receipt : nil
    }

    /// “好的，谢谢”, “ok thanks”, “OK了”, “好的好的”, “明白了”: acknowledgements one after
    /// another, with particles and emoji between, as the one that answers (thanks over an
    /// OK); nil when anything else is said.
    private static func said(_ text: String) -> String? {
        var read: [String] = []
        for part in text.split(whereSeparator: { $0 != " " && marks.contains($0.unicodeScalars.first!) }) {
            var rest = Substring(part)
            while !rest.isEmpty {
                if rest.first == " " {
                    rest = rest.dropFirst()
                } else if let word = spoken.first(where: { rest.hasPrefix($0) }) {
                    read.append(word)
                    rest = rest.dropFirst(word.count)
                } else if let first = rest.unicodeScalars.first, trailing.contains(first) || isEmoji(first), !read.isEmpty {
                    rest = rest.dropFirst()
                } else {
                    return nil
                }
            }
        }
        return read.first(where: thanks.contains) ?? read.first(where: greetings.contains) ?? read.first
    }

    /// Whether `text` opens with thanks or an OK and goes on (`好的，谢谢小张`, `谢谢你小张`,
    /// `thanks Zhang!`): in a group, said to a neighbour rather than in answer to the bot.
    static func opensWithOne(_ text: String) -> Bool {
        let folded = Grammar.fold(text).lowercased()
        guard let first = openings.first(where: { folded.hasPrefix($0) }) else { return false }
        // `thanksgiving`, `okra`: an English word that only begins like one.
        return folded.dropFirst(first.count).unicodeScalars.first.map { !($0.isASCII && $0.properties.isAlphabetic) } ?? true
    }

    private static let openings = thanks.union(["好的", "好滴", "嗯嗯", "哈哈", "ok", "okay"]).sorted { $0.count > $1.count }

    /// The words, longest first (`okay` before `ok`), for `said`.
    private static let spoken = words.sorted { $0.count > $1.count }
    /// What may follow an acknowledgement and changes nothing (“好的呀”, “明白了”, “好嘞”).
    private static let trailing = Set("了啦呀呢的哈嘞哦喔吧滴啊嘛咯喽".unicodeScalars)

    /// The language an acknowledgement is in; nil for one said in every language
    /// (`OK`, `👍`), answered in the sender's (PROTOCOL.md §2.3).
    static func lang(of word: String, in text: String) -> Lang? {
        let lang = CommandParser.guessLang(text)
        return lang == .en && (neutral.contains(word) || word.unicodeScalars.allSatisfy(isEmoji)) ? nil : lang
    }

    static let neutral: Set<String> = ["ok", "okay", "k", "hmm", "hm", "um", "emm"]

    /// What `word(in:)` also reads as 收到: the English for it.
    static let receipts: Set<String> = ["received", "noted", "roger", "copy"]
    /// What may follow 收到 and changes nothing (“收到了”, “收到啦”).
    static let particles: Set<String> = ["了", "啦", "哈", "咯", "喽", "了哈", "啦哈"]

    static func isEmoji(_ s: Unicode.Scalar) -> Bool { s.properties.isEmojiPresentation || (s.value >= 0x2600 && s.properties.isEmoji) || s.value == 0xFE0F }

    /// What `word(in:)` returns for 收到 said with acknowledgements: the receipt of
    /// the one alert awaiting the sender, else an OK.
    static let receipt = "收到"
    /// The acknowledgement command a receipt in `text` stands for, in the language it was written in (“Received” is `ack`).
    static func receiptCommand(in text: String) -> String { CommandParser.guessLang(text) == .en ? "ack" : receipt }

    static let marks = Set(" !！。.~～,，、?？".unicodeScalars)

    /// The wishes a volunteer took on for `sender`, looked up only for thanks.
    static func wishes(_ word: String, _ sender: String, _ tx: StoreTransaction) throws -> [RecordID] {
        thanks.contains(word) ? try tx.wishesToThank(by: sender).map(\.id) : []
    }

    /// Whether `word` is an OK (or a receipt, a pause), which may stand for something the bot asked of the sender.
    static func isOK(_ word: String) -> Bool { !thanks.contains(word) && !greetings.contains(word) }

    /// The answer to an acknowledgement said to the bot: thanks (with how to thank the
    /// volunteer, to whoever has `wishes` taken on), a greeting, an OK (with what still
    /// `awaits` the sender's word, which an OK does not give).
    static func answer(_ word: String, bot: Bot?, wishes: [RecordID], awaits: [Localized] = []) -> Outcome {
        let names = bot?.names ?? []
        let zhName = names.first { !$0.allSatisfy(\.isASCII) } ?? names.first ?? "小邻"
        let enName = names.first { $0.allSatisfy(\.isASCII) } ?? zhName
        if thanks.contains(word) {
            guard let first = wishes.first else { return Outcome(zh: "不客气！", en: "You're welcome!") }
            let id = wishes.count == 1 ? "\(first)" : "W编号"
            return Outcome(
                zh: "不客气！要感谢帮您圆梦的志愿者，请发送：谢谢 \(id)",
                en: "You're welcome! To thank the volunteer who took on your wish: thanks \(wishes.count == 1 ? id : "W<n>")")
        }
        if greetings.contains(word) {
            return Outcome(zh: "您好！我是\(zhName)，发送“帮助”看看我能做什么。", en: "Hello! I'm \(enName); send “help” to see what I can do.")
        }
        guard awaits.isEmpty else {
            return Outcome(zh: "好的！" + awaits.map(\.zh).joined(separator: "；") + "。", en: "OK! " + awaits.map(\.en).joined(separator: "; ") + ".")
        }
        return Outcome(zh: "好的！需要时随时找我，发送“帮助”看看我能做什么。", en: "OK! Send “help” any time to see what I can do.")
    }
}
