import LinliCore

/// What single tokens mean: a record id meant but mistyped, the words for roles.
extension CommandParser {
    /// The parser of a community: its categories, venues and services, and the names of
    /// more than one word its people and buildings go by (`Emma Brown`, `Building 3`).
    public init(catalog: Catalog, community: Community) {
        self.init(
            catalog: catalog, categories: community.categories, venues: community.venues, services: community.services,
            people: community.people.map(\.name), buildings: community.buildings.map(\.title.en))
    }

    /// A token meant as a record id: a record letter, then digits or a sign (`R-1`, `#r0`).
    static func looksLikeRecord(_ token: String) -> Bool {
        let t = token.hasPrefix("#") ? token.dropFirst() : Substring(token)
        guard let first = t.first, RecordKind(rawValue: first.uppercased()) != nil, t.count > 1 else { return false }
        let rest = t.dropFirst()
        return rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }
    }

    /// Whether text names a record (`accept R1`, `签收R1`): a record letter standing apart
    /// from other letters, then digits.
    public static func namesARecord(_ text: String) -> Bool {
        let s = Array(Grammar.fold(text).unicodeScalars)
        for (i, c) in s.enumerated() where RecordKind(rawValue: String(c).uppercased()) != nil {
            guard i == 0 || !Grammar.isASCIILetter(s[i - 1]), i + 1 < s.count, Grammar.isDigit(s[i + 1]) else { continue }
            var j = i + 1
            while j < s.count, Grammar.isDigit(s[j]) { j += 1 }
            if j == s.count || !Grammar.isASCIILetter(s[j]) { return true }
        }
        return false
    }

    /// `R1修好了吗？`, `R1 怎么样了`, `is R1 fixed?`, `any update on R1?`: a question about one
    /// record, said to the bot, as `进度 R1`; it asks where the record stands and never acts on
    /// it (`R1修好了吗` read as `修好了 R1 吗` closed the report with the result `吗`). Nil when
    /// the text is no question, names no record or several, or the record is not one `status` reads.
    /// `alone`: also a record id said with nothing else (`R1`).
    public func statusQuestion(_ folded: String, alone: Bool = false) -> String? {
        let bare = Self.unmarked(folded).trimmingCharacters(in: .whitespaces)
        guard Self.isAQuestion(folded) || alone && RecordID(parsing: Substring(bare)) != nil else { return nil }
        var cursor = TextCursor(folded)
        var ids: [RecordID] = []
        while !cursor.atEnd {
            let start = cursor.pos
            if start == 0 || !Grammar.isWordChar(cursor.chars[start - 1]), let id = cursor.takeRecord() {
                ids.append(id)
            } else {
                cursor.pos = start + 1
            }
        }
        guard ids.count == 1, let id = ids.first, let status = catalog.spec("status"), status.recordKinds.contains(id.kind) else { return nil }
        return "\(status.word(Self.guessLang(folded))) \(id)"
    }

    /// How a Chinese question about a record may end without a question mark (`R1修好了没`).
    static let questionEndings = ["吗", "么", "呢", "没", "没有", "如何", "怎么样", "怎么样了", "咋样", "咋样了", "怎样了"]

    /// Whether `text` asks something: a question mark or 吗 anywhere (`R1修好了吗？师傅说今天来`),
    /// or a question's ending (`R1修好了没`).
    static func isAQuestion(_ text: String) -> Bool {
        let bare = unmarked(text)
        return text.unicodeScalars.contains { questionMarks.contains($0) || $0 == "吗" } || questionEndings.contains(where: bare.hasSuffix)
    }

    /// `伞还有吗？`, `还有充电宝吗`, `any umbrellas left?`: what is in stock (`服务`); `伞还了`:
    /// the item given back (`归还 伞`). The item with only such words around it: not
    /// `有没有人捡到一把伞` or `张伟借的伞还了`.
    func itemQuestion(_ folded: String) -> String? {
        let text = TextCursor(Self.unmarked(folded))
        var cursor = text
        while !cursor.atEnd, serviceNames.allSatisfy({ cursor.matchLength($0.chars) == nil }) { cursor.pos += 1 }
        guard let n = serviceNames.lazy.compactMap({ cursor.matchLength($0.chars) }).first,
            let services = catalog.spec("services"), let giveBack = catalog.spec("return")
        else { return nil }
        let before = TextCursor.string(text.lower[..<cursor.pos])
        let after = TextCursor.string(text.lower[(cursor.pos + n)...])
        let item = TextCursor.string(text.chars[cursor.pos..<cursor.pos + n])
        if before.isEmpty && ["还有吗", "有吗", "还有没有", "有没有", "还有没"].contains(after) || ["还有", "有没有", "还有没有"].contains(before) && ["吗", ""].contains(after) {
            return services.word(.zh)
        }
        if ["any ", "are there any ", "is there any ", "do you have any "].contains(before) && ([" left", " available"].contains(after) || after.isEmpty && folded.hasSuffix("?")) {
            return services.word(.en)
        }
        return before.isEmpty && ["还了", "已还", "还回来了", "还回去了"].contains(after) ? "\(giveBack.word(.zh)) \(item)" : nil
    }

    /// `R1 签收 …` as `签收 R1 …`: a record id, then the word of a command that takes
    /// a record of its kind; nil when the text is not that.
    func recordFirst(_ folded: String) -> String? {
        var cursor = TextCursor(folded)
        guard let id = cursor.takeRecord() else { return nil }
        cursor.skipSpaces()
        let word = cursor.pos
        guard matchCommandWord(&cursor) != nil else { return nil }
        // A word several commands share (`完成`: a wish's and a report's) is read by the record.
        let chars = Array(cursor.lower[word..<cursor.pos])
        guard words.contains(where: { $0.chars == chars && catalog.commands[$0.spec].recordKinds.contains(id.kind) }) else { return nil }
        // `R1修好了没有啊`, `R1修好了吗？师傅说今天来`: a question, never a command that acts on the record.
        if catalog.commands[words.first { $0.chars == chars }!.spec].id != "status", Self.isAQuestion(cursor.rest) || Self.questionEndings.contains(where: { cursor.rest.hasPrefix($0) }) {
            return nil
        }
        return "\(TextCursor.string(cursor.chars[word..<cursor.pos])) \(id)\(cursor.rest)"
    }

    /// `text` without a polite opening (`please`, `I want to`, `麻烦`, `我要`) and what
    /// separates it from the rest; nil when it has none, or nothing else.
    static func withoutOpening(_ text: String) -> String? {
        var rest = Substring(text)
        // Every opening in a row (`请 麻烦 帮我 …`), in one pass: the rest is parsed once.
        while let opening = openings.first(where: { rest.prefix(16).lowercased().hasPrefix($0) }) {
            rest = rest.dropFirst(opening.count).drop { TextCursor.separators.contains($0.unicodeScalars.first!) }
        }
        return rest.isEmpty || rest.count == text.count ? nil : String(rest)
    }

    /// Polite openings, longest first; an English one ends with its space.
    static let openings = [
        "i would like to ", "i'd like to ", "could you ", "can you ", "could i ", "may i ", "can i ", "i want to ", "i need to ", "please ", "pls ", "我想要", "麻烦", "帮我", "帮忙",
        "我要", "我想", "请问", "请",
    ]

    /// The words for the roles the office gives in chat, lowercased.
    static let roleWords: [String: Role] = [
        "captain": .captain, "楼栋长": .captain, "楼长": .captain,
        "grid_leader": .gridLeader, "grid-leader": .gridLeader, "网格长": .gridLeader,
        "volunteer": .volunteer, "志愿者": .volunteer,
        "party_member": .partyMember, "party-member": .partyMember, "党员": .partyMember,
        "mediator": .mediator, "调解员": .mediator,
    ]

    /// Whether a category's name read up to `probe` stands on its own: the end, a separator, or
    /// a Latin letter on either side (`漏水 厨房滴水`, `leak kitchen`, not `电梯坏了`).
    static func endsAName(_ probe: TextCursor) -> Bool {
        probe.atEnd || TextCursor.separators.contains(probe.chars[probe.pos]) || probe.chars[probe.pos].isASCII || probe.chars[probe.pos - 1].isASCII
    }

    /// The category named on its own right after `the`, `our`, `my`, `a` or `an` at the cursor,
    /// if any; in a group only after `report` (`fix a lamp for my mum`, `repair the light bulb
    /// myself` are neighbours' talk).
    func categoryAfterArticle(_ c: TextCursor, strict: Bool) -> String? {
        if strict, !TextCursor.string(c.chars[..<c.pos]).lowercased().trimmingCharacters(in: .whitespaces).hasSuffix("report") { return nil }
        var probe = c
        guard ["the ", "our ", "my ", "a ", "an "].contains(where: { probe.take($0) }), let id = Self.take(categoryNames, &probe), Self.endsAName(probe) else { return nil }
        return id
    }

    /// The category named first in the clause at the cursor (up to `，。,.!?;`), if any (`stuck
    /// in the lift by the garbage room` is the lift; `water leaking from the ceiling` a leak, as
    /// `nameBeside` reads it). One of
    /// `items` (the services' names) is read past, not for a category within it (`power bank`);
    /// a category right after it is about the item (`充电宝没电了`): none. `充电桩冒烟有安全隐患`
    /// is still about safety.
    static func category(
        in cursor: TextCursor, _ names: [(chars: [Unicode.Scalar], id: String)], after items: [(chars: [Unicode.Scalar], id: String)]
    ) -> (id: String, name: String)? {
        let stops: Set<Unicode.Scalar> = ["，", "。", ",", ".", "!", "！", "?", "？", ";", "；", "\n"]
        var probe = cursor
        while !probe.atEnd, !stops.contains(probe.chars[probe.pos]) {
            // An English name starts a word: `light` is not in `flight`.
            let startsWord = probe.pos == 0 || !(probe.lower[probe.pos - 1].properties.isAlphabetic && probe.lower[probe.pos - 1].isASCII)
            if startsWord, let item = items.lazy.compactMap({ probe.matchLength($0.chars) }).first {
                probe.pos += item
                probe.skipSpaces()
                if names.contains(where: { probe.matchLength($0.chars) != nil }) { return nil }
                continue
            }
            if startsWord, var name = names.first(where: { probe.matchLength($0.chars) != nil }) {
                var next = probe
                next.pos += name.chars.count
                if let beside = nameBeside(next, after: name.chars.count, names) { (name, probe) = beside }
                return (name.id, TextCursor.string(probe.chars[probe.pos..<probe.pos + name.chars.count]))
            }
            probe.pos += 1
        }
        return nil
    }

    /// The English name right after the English one of `length` that ends at `cursor`, when a
    /// name of its category begins with that one (`water leaking`: `water leak` is a leak's
    /// name), with where it starts. Otherwise the first name said stands (`leak water
    /// everywhere`, `noise parking lot`). Not in Chinese, where a name before a space is the
    /// category said (`报修 停电 楼道灯也不亮`).
    static func nameBeside(
        _ cursor: TextCursor, after length: Int, _ names: [(chars: [Unicode.Scalar], id: String)]
    ) -> ((chars: [Unicode.Scalar], id: String), TextCursor)? {
        var next = cursor
        next.skipSpaces()
        guard cursor.pos > 0, cursor.chars[cursor.pos - 1].isASCII, next.pos > cursor.pos,
            let beside = names.first(where: { next.matchLength($0.chars) != nil }), beside.chars.allSatisfy(\.isASCII)
        else { return nil }
        let said = Array(cursor.lower[(cursor.pos - length)..<cursor.pos]) + [" "]
        guard names.contains(where: { $0.id == beside.id && $0.chars.starts(with: said) }) else { return nil }
        return (beside, next)
    }

    /// The command whose word starts the text, moving past the word. A word that
    /// several commands share goes to the one whose record argument takes the kind of
    /// the record that follows (`完成 W2` fulfils a wish, `完成 R2 …` resolves a report).
    func matchCommandWord(_ cursor: inout TextCursor) -> (Int, Lang)? {
        guard !cursor.atEnd else { return nil }
        for i in wordsByFirst[cursor.lower[cursor.pos]] ?? [] {
            let w = words[i]
            guard let n = cursor.matchLength(w.chars) else { continue }
            cursor.pos += n
            var chosen = w.spec
            let sharing = words[(i + 1)...].prefix { $0.chars.count == w.chars.count }.filter { $0.chars == w.chars }
            if !sharing.isEmpty {
                var probe = cursor
                probe.skipSpaces()
                // By the record that follows (`approve B2`); else the one that takes no record (`approve u-li`).
                let kind = probe.takeRecord()?.kind
                chosen =
                    ([w] + sharing).first {
                        kind.map(catalog.commands[$0.spec].recordKinds.contains) ?? catalog.commands[$0.spec].recordKinds.isEmpty
                    }?
                    .spec ?? w.spec
            }
            return (chosen, w.lang)
        }
        return nil
    }
}
