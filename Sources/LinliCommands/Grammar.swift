import Foundation
import LinliCore

/// Text normalisation and the small scanners the argument grammars are built from.
public enum Grammar {
    /// What ends a building's name before its room, written apart: `2栋 501`.
    public static let buildingEnds: Set<Unicode.Scalar> = ["栋", "幢", "楼"]

    /// Folds full-width letters, digits, spaces and the symbols commands use
    /// (`＃`, `＠`, `＋`, `？`…) to ASCII and collapses runs of white space. Chinese
    /// punctuation in what people write (，。：) is kept as written.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var s = scalar
            if (0xFF01...0xFF5E).contains(scalar.value) {
                let ascii = Unicode.Scalar(scalar.value - 0xFEE0)!
                if ascii.properties.isAlphabetic || ("0"..."9").contains(ascii) || "#@+-_/?".unicodeScalars.contains(ascii) { s = ascii }
            } else if scalar.value == 0x3000 {
                s = " "
            }
            let isSpace = s.isASCII ? (s == " " || (9...13).contains(s.value)) : (s.properties.isWhitespace || s == "\u{200B}")
            if isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(s)
        }
        return String(out)
    }

    /// Traditional Chinese as Simplified (`紅色物業` → `红色物业`); other text as it is.
    public static func simplified(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isCJK) else { return text }
        return text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    }

    /// Whether a scalar is a CJK ideograph.
    static func isCJK(_ c: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { (48...57).contains(c.value) }
    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { (65...90).contains(c.value) || (97...122).contains(c.value) }
    static func isWordChar(_ c: Unicode.Scalar) -> Bool { isDigit(c) || isASCIILetter(c) }

    /// A scalar in lower case (ASCII fast path).
    static func lowered(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if (65...90).contains(c.value) { return Unicode.Scalar(c.value + 32)! }
        guard c.value >= 128, c.properties.changesWhenLowercased, let l = c.properties.lowercaseMapping.unicodeScalars.first else { return c }
        return l
    }

    /// The scalars of `text`, lower-cased: how the parser compares words.
    static func loweredScalars(_ text: String) -> [Unicode.Scalar] { text.unicodeScalars.map(lowered) }

    /// Optimal-string-alignment edit distance (a transposition costs one).
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], prev2[j - 2] + 1) }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}

/// A cursor over the scalars of folded text; matching is case-insensitive.
/// Scalars, not `Character`s: no grapheme breaking on the hot path.
struct TextCursor {
    let chars: [Unicode.Scalar]
    let lower: [Unicode.Scalar]
    var pos = 0

    /// `lower` is what words are matched on: lowercased, and with `simplified` Traditional
    /// Chinese read as Simplified (`報修` matches `报修`); `chars` keeps what was written.
    init(_ text: String, simplified: Bool = false) {
        chars = Array(text.unicodeScalars)
        if simplified, let converted = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false),
            converted.unicodeScalars.count == chars.count
        {
            lower = converted.unicodeScalars.map(Grammar.lowered)
        } else {
            lower = chars.map(Grammar.lowered)
        }
    }

    /// What may stand between a command's words and arguments.
    static let separators: Set<Unicode.Scalar> = [" ", ",", ":", "，", "：", "、"]

    var atEnd: Bool { pos >= chars.count }
    var rest: String { atEnd ? "" : Self.string(chars[pos...]) }

    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return String(view)
    }

    mutating func skipSpaces() {
        while pos < chars.count, Self.separators.contains(chars[pos]) { pos += 1 }
    }

    /// The length of `word` if the text at the cursor starts with it and does not run on
    /// into more letters of the same ASCII word.
    func matchLength(_ word: [Unicode.Scalar]) -> Int? {
        guard !word.isEmpty, pos + word.count <= chars.count else { return nil }
        for k in word.indices where lower[pos + k] != word[k] { return nil }
        let end = pos + word.count
        if end < chars.count, let last = word.last, Grammar.isWordChar(last), Grammar.isWordChar(chars[end]) { return nil }
        return word.count
    }

    /// The next run of characters up to a space.
    func peekToken() -> String {
        var end = pos
        while end < chars.count, chars[end] != " " { end += 1 }
        return Self.string(chars[pos..<end])
    }

    mutating func takeToken() -> String {
        var end = pos
        while end < chars.count, chars[end] != " " { end += 1 }
        defer { pos = end }
        return Self.string(chars[pos..<end])
    }

    /// A record id at the cursor: `#R12`, `r12`; nil (cursor unmoved) when there is none.
    mutating func takeRecord() -> RecordID? {
        var i = pos
        if i < chars.count, chars[i] == "#" { i += 1 }
        guard i < chars.count, Grammar.isASCIILetter(chars[i]) else { return nil }
        var j = i + 1
        while j < chars.count, Grammar.isDigit(chars[j]) { j += 1 }
        guard j > i + 1, j == chars.count || !Grammar.isWordChar(chars[j]), let id = RecordID(scalars: chars[i..<j]) else { return nil }
        pos = j
        return id
    }

    /// A whole number, allowing a trailing 分/星.
    mutating func takeInt() -> Int? {
        var j = pos
        while j < chars.count, Grammar.isDigit(chars[j]), j - pos < 9 { j += 1 }
        if j == pos { return takeEnglishInt() ?? takeChineseInt() }
        guard let n = Int(Self.string(chars[pos..<j])) else { return nil }
        // `5.5` is not a whole number (and not 5 with a note `.5`).
        if j + 1 < chars.count, chars[j] == ".", Grammar.isDigit(chars[j + 1]) { return nil }
        if j < chars.count, chars[j] == "分" || chars[j] == "星" { j += 1 }
        // `100人`, `30 people` closing the message: a count of people (an event's places); not
        // `5 people were rude`, a rating's comment.
        let all = chars
        let closes = { (k: Int) in all[k...].allSatisfy { $0 == " " } }
        if j < chars.count, "人位名".unicodeScalars.contains(chars[j]), closes(j + 1) { j += 1 }
        guard j == chars.count || !Grammar.isWordChar(chars[j]) else { return nil }
        pos = j
        var probe = self
        probe.skipSpaces()
        if Self.peopleWords.contains(probe.peekToken().lowercased()) {
            _ = probe.takeToken()
            if closes(probe.pos) { self = probe }
        }
        return n
    }

    /// What may follow a count of people in English (`30 people`), closing the message.
    static let peopleWords: Set<String> = ["people", "persons", "places", "spots", "seats", "pax"]

    /// A whole number as an English word (`rate R1 five`), then a separator or the end; not
    /// `a` or `an` (`rate R1 an excellent job` is no 1).
    private mutating func takeEnglishInt() -> Int? {
        for (word, value) in Self.englishNumbers.prefix(12) {
            guard let len = matchLength(Grammar.loweredScalars(word)) else { continue }
            pos += len
            return value
        }
        return nil
    }

    /// A whole number in Chinese numerals (`五分`, `两把`, `十二个`): followed by the end,
    /// a separator or a measure word, so that `一般` is not 1.
    private mutating func takeChineseInt() -> Int? {
        var probe = self
        guard let n = probe.takeNumber() else { return nil }
        let measures: Set<Unicode.Scalar> = ["分", "星", "个", "把", "份", "位", "人", "件", "次"]
        if probe.pos < chars.count, measures.contains(probe.lower[probe.pos]) {
            probe.pos += 1
        } else if probe.pos < chars.count, !Self.separators.contains(chars[probe.pos]) {
            return nil
        }
        pos = probe.pos
        return n
    }

    /// A room or place such as `501`, `b3-501`, `3栋501`, `3-2-501室`: digits with a few
    /// joining marks, at least two digits, optionally led by a building letter.
    mutating func takePlace() -> String? {
        let joiners: Set<Unicode.Scalar> = ["-", "栋", "号", "楼", "单", "元", "室", "幢"]
        var j = pos
        if j < chars.count, lower[j] == "b" { j += 1 }
        let start = j
        var digits = 0
        var space: Int?
        while j < chars.count, Grammar.isDigit(chars[j]) || joiners.contains(chars[j]) {
            if Grammar.isDigit(chars[j]) { digits += 1 }
            j += 1
            // `2栋 501`: a building, a space, its room.
            if space == nil, j + 1 < chars.count, chars[j] == " ", Grammar.buildingEnds.contains(chars[j - 1]), Grammar.isDigit(chars[j + 1]) {
                space = j
                j += 1
            }
        }
        guard digits >= 2, j > start, Grammar.isDigit(chars[start]), j == chars.count || !Grammar.isWordChar(chars[j]) else { return nil }
        let place = space.map { Self.string(chars[pos..<$0]) + Self.string(chars[($0 + 1)..<j]) } ?? Self.string(chars[pos..<j])
        pos = j
        return place
    }
}
