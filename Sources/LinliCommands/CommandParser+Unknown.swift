import Foundation
import LinliCore

/// What the parser says of text it cannot read (the closest commands, a report
/// offered for a problem), and which language text is written in.
extension CommandParser {
    /// The commands whose words are closest to what was typed (edit distance over
    /// every word and synonym, Chinese included), best first, at most three; only
    /// those the sender may use (`suggesting`).
    public func suggestions(for text: String) -> [CommandSpec] { closest(to: text).map(\.spec) }

    /// `suggestions(for:)`, each with whether the word typed is that command's, mistyped
    /// (`办洁` for 办结), rather than the start of a longer one (`我家漏水了`).
    func closest(to text: String) -> [(spec: CommandSpec, typo: Bool)] {
        let token = Grammar.loweredScalars(TextCursor(Grammar.fold(text)).peekToken())
        guard !token.isEmpty else { return [] }
        var best: [Int: (distance: Int, typo: Bool)] = [:]
        for w in words {
            let cjk = w.chars.contains(where: Grammar.isCJK)
            let distance: Int
            let limit: Int
            if cjk {
                distance = Grammar.editDistance(Array(token.prefix(w.chars.count)), w.chars)
                limit = w.chars.count >= 2 ? 1 : 0
            } else {
                distance = Grammar.editDistance(token, w.chars)
                limit = w.chars.count <= 2 ? 0 : w.chars.count <= 4 ? 1 : 2
            }
            if distance <= limit, distance < (best[w.spec]?.distance ?? .max), suggests(catalog.commands[w.spec]) {
                best[w.spec] = (distance, distance > 0 && (!cjk || token.count == w.chars.count))
            }
        }
        return best.sorted { ($0.value.distance, $0.key) < ($1.value.distance, $1.key) }.prefix(3).map { (catalog.commands[$0.key], $0.value.typo) }
    }

    func unknown(_ folded: String) -> LinliError {
        let scored = closest(to: folded)
        let close = scored.map(\.spec)
        // `我家漏水了`: a problem without a command word; offer the report rather than guess.
        // A command word mistyped (`办洁 R1 已更换水龙头`) is not a problem: it gets “did you mean”.
        if let spec = catalog.spec(named: "report"), suggests(spec), !scored.contains(where: { $0.spec.id == spec.id || $0.typo }),
            let (id, name) = Self.category(in: TextCursor(folded), categoryNames, after: serviceNames)
        {
            // A command word mistyped that the sender may not use (`紧急通值 停水`) is not in the example.
            var example = folded
            if suggesting({ _ in true }).closest(to: folded).contains(where: \.typo) {
                var rest = TextCursor(folded)
                _ = rest.takeToken()
                rest.skipSpaces()
                if !rest.atEnd { example = rest.rest }
            }
            return LinliError(
                .unknownCommand, zh: "如需报修，请发送：\(spec.word(.zh)) \(name) 具体情况，例如：\(spec.word(.zh)) \(example)",
                en: "To file a report, send: \(spec.word(.en)) \(id) <what happened>, e.g. \(spec.word(.en)) \(example)")
        }
        let token = TextCursor(folded).peekToken()
        var shown = token.count > 20 ? String(token.prefix(20)) + "…" : token
        // Chinese is answered with the full-width mark it was most likely written with.
        if Self.guessLang(folded) == .zh { shown = shown.replacingOccurrences(of: "?", with: "？") }
        if close.isEmpty {
            return LinliError(.unknownCommand, zh: "没听懂“\(shown)”。发送“帮助”查看可用的命令。", en: "I don't know “\(shown)”. Send “help” to see what you can do.")
        }
        let zh = close.map { $0.word(.zh) }.joined(separator: "、")
        let en = close.map { $0.word(.en) }.joined(separator: ", ")
        return LinliError(.unknownCommand, zh: "没听懂“\(shown)”。你是不是想说：\(zh)？", en: "I don't know “\(shown)”. Did you mean: \(en)?")
    }

    /// Chinese when the text has any CJK ideograph, English otherwise.
    public static func guessLang(_ text: String) -> Lang { text.unicodeScalars.contains(where: Grammar.isCJK) ? .zh : .en }

    /// Whether `text` has a word of some language: a Chinese character, or Latin
    /// letters other than a record id's or a building's one letter before digits (`R1`, `b3`).
    public static func hasWords(_ text: String) -> Bool { hasWords(text.unicodeScalars) }

    static func hasWords(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var letters = 0
        var digits = 0
        // Read as `Grammar.fold` would leave it, without folding: a full-width digit is a digit,
        // and any space or mark between two runs parts them.
        for scalar in scalars {
            if Grammar.isCJK(scalar) { return true }
            if scalar.properties.isAlphabetic {
                if digits > 0 || letters > 0 { return true }  // `a1b`, `ok`
                letters += 1
            } else if ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) {
                digits += 1
            } else {
                if letters > 0 && digits == 0 { return true }  // `a` on its own
                (letters, digits) = (0, 0)
            }
        }
        return letters > 0 && digits == 0
    }
}

extension CommandParser {
    /// This parser, its hints naming only the commands `suggests` lets through.
    public func suggesting(_ suggests: @escaping @Sendable (CommandSpec) -> Bool) -> CommandParser {
        var parser = self
        parser.suggests = suggests
        return parser
    }
}

extension ParseResult {
    /// Whether this is a whole command.
    public var isCommand: Bool {
        if case .command = self { true } else { false }
    }

    /// Whether this is command `id` still missing an argument: its word said again while its question is open.
    public func isIncomplete(_ id: String) -> Bool {
        if case .incomplete(id, _, _, _) = self { true } else { false }
    }
}

extension CommandParser {
    /// `usage`: what was not read (`problem`, or the argument's prompt) and the command's usage.
    func usage(_ spec: CommandSpec, _ lang: Lang, arg: ArgSpec? = nil, problem: Localized? = nil) -> LinliError {
        let lead =
            problem ?? arg.map { a in
                a.prompt.map { Localized(zh: "没看懂。\($0.zh)", en: "I could not read that. \($0.en)") }
                    ?? Localized(zh: "缺少或看不懂“\(a.name)”。", en: "Missing or unclear “\(a.name)”.")
            }
            ?? Localized(zh: "格式不对。", en: "That is not quite the form.")
        let stop = lead.zh.hasSuffix("。") || lead.zh.hasSuffix("？") ? "" : "。"
        return LinliError(.usage, zh: "\(lead.zh)\(stop)用法：\(spec.usage.zh)", en: "\(lead.en) Usage: \(spec.usage.en)")
    }
}
