import Foundation

/// Free text as it may be shown to people it is not about (Open311, a group): what
/// identifies someone, a room or a phone number becomes `＊`. Made once per
/// community (`Directory.anonymiser`): the names are looked up by their first
/// character in one pass over the text, not searched for one by one.
public struct Anonymiser: Sendable {
    /// The names to hide (two characters or more) by their first character, longest first.
    private let names: [Character: [String]]
    /// The words of names written in letters (`Emma Brown`: `emma`, `brown`; `Bo`), lower-cased,
    /// by their first letter: hidden as whole words in any case (`Emmanuel` is no `Emma`). Of a
    /// name of several words, those of three letters or more.
    private let words: [Character: [String]]

    public init(names: [String]) {
        let inLetters = { (name: String) in name.allSatisfy { $0 == " " || Self.isLetter($0) } }
        var byFirst: [Character: [String]] = [:]
        for name in Set(names) where name.count >= 2 && !inLetters(name) { byFirst[name.first!, default: []].append(name) }
        self.names = byFirst.mapValues { $0.sorted { $0.count > $1.count } }
        var letters: [Character: Set<String>] = [:]
        for name in names where inLetters(name) {
            let parts = name.lowercased().split(separator: " ")
            for word in parts where word.count >= (parts.count == 1 ? 2 : 3) {
                letters[word.first!, default: []].insert(String(word))
            }
        }
        words = letters.mapValues { $0.sorted { $0.count > $1.count } }
    }

    private static func isLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }

    /// `text` with the names, runs of three or more digits (rooms, phone numbers),
    /// what follows 我是, 我叫 or 本人, and anything around an `@` replaced by `＊`.
    public func text(_ text: String) -> String {
        var out = ""
        var i = text.startIndex
        scan: while i < text.endIndex {
            for name in names[text[i]] ?? [] where text[i...].hasPrefix(name) {
                out += "＊"
                i = text.index(i, offsetBy: name.count)
                continue scan
            }
            if Self.isLetter(text[i]), i == text.startIndex || !Self.isLetter(text[text.index(before: i)]),
                let candidates = words[Character(text[i].lowercased())]
            {
                for word in candidates {
                    guard let end = text.index(i, offsetBy: word.count, limitedBy: text.endIndex), end == text.endIndex || !Self.isLetter(text[end]),
                        text[i..<end].lowercased() == word
                    else { continue }
                    out += "＊"
                    i = end
                    continue scan
                }
            }
            out.append(text[i])
            i = text.index(after: i)
        }
        for (regex, replacement, worthLooking) in Self.identifying where worthLooking(out) {
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: replacement)
        }
        return out
    }

    /// What gives a person or a room away in free text, what it becomes, and a cheap
    /// test for whether the text may hold it (most outcomes hold none).
    private static let honorifics = ["先生", "女士", "阿姨", "大爷", "大妈", "叔叔", "阿婆", "奶奶", "爷爷", "大姐", "大哥", "小姐"]

    nonisolated(unsafe) private static let identifying: [(NSRegularExpression, String, (String) -> Bool)] = [
        (try! NSRegularExpression(pattern: #"(我是|我叫|本人)\p{Han}{1,3}"#), "$1＊", { has($0, "我是") || has($0, "我叫") || has($0, "本人") }),
        // `张先生`, `李阿姨`: a surname with how neighbours call someone.
        (
            try! NSRegularExpression(pattern: #"\p{Han}(?="# + honorifics.joined(separator: "|") + ")"), "＊",
            { text in honorifics.contains { has(text, $0) } }
        ),
        (try! NSRegularExpression(pattern: #"\S*[@＠]\S*"#), "＊", { has($0, "@") || has($0, "＠") }),
        (
            try! NSRegularExpression(pattern: #"[0-9０-９][0-9０-９\- ]*[0-9０-９][0-9０-９]"#), "＊",
            { $0.unicodeScalars.lazy.filter { ("0"..."9").contains($0) || ("０"..."９").contains($0) }.count >= 3 }
        ),
    ]

    /// Whether `word` is in `text`, compared as UTF-8 (exact: no character of one
    /// encoding starts inside another's), without Foundation's locale-aware search or the
    /// standard library's generic one (most of `done`'s time in the replay benchmark).
    private static func has(_ text: String, _ word: String) -> Bool {
        var text = text, word = word
        return text.withUTF8 { t in
            word.withUTF8 { w in
                guard let first = w.first, t.count >= w.count else { return w.isEmpty }
                return (0...(t.count - w.count)).contains { i in t[i] == first && memcmp(t.baseAddress! + i, w.baseAddress!, w.count) == 0 }
            }
        }
    }
}
