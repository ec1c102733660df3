import Foundation
import LinliCore

/// What the parser made of one message.
public enum ParseResult: Equatable, Sendable {
    /// A whole command, in the language its word was written in.
    case command(Command, lang: Lang)
    /// A command with a required argument missing: ask `missing.prompt`, then parse
    /// `soFar` + the answer.
    case incomplete(commandID: String, soFar: String, missing: ArgSpec, lang: Lang)
    /// Not a command, or a wrong argument: `unknown_command` or `usage`.
    case failure(LinliError, lang: Lang)
}

/// Turns a chat message into a `Command`, using the catalog's words and the
/// community's category names. Pure: no I/O, no clock.
///
/// ```swift
/// let parser = CommandParser(catalog: catalog, categories: community.categories)
/// parser.parse("报修 漏水 501 厨房天花板滴水")
/// // .command(.report(category: "leak", place: "501", details: "厨房天花板滴水"), lang: .zh)
/// ```
public struct CommandParser: Sendable {
    public let catalog: Catalog
    let words: [(chars: [Unicode.Scalar], spec: Int, lang: Lang)]
    /// The indices in `words` of the words that start with each character, in order.
    let wordsByFirst: [Unicode.Scalar: [Int]]
    let categoryNames: [(chars: [Unicode.Scalar], id: String)]
    private let venueNames: [(chars: [Unicode.Scalar], id: String)]
    let serviceNames: [(chars: [Unicode.Scalar], id: String)]
    /// Names of more than one word (`Emma Brown`, `Building 3`), longest first: one word
    /// argument each, and one @-name before the bot's (`@Emma Brown @小邻 …`).
    public let spacedNames: [String]
    /// The buildings' English names, lowercased (`building 3`): with a room after one, one place.
    let buildingNames: [String]
    private let fallbackCategory: String?
    /// The commands a hint may suggest (`进度 S1` → “可以发送：归还 S1”): the sender's (`suggesting`).
    var suggests: @Sendable (CommandSpec) -> Bool = { _ in true }

    public init(
        catalog: Catalog, categories: [Category], venues: [Venue] = [], services: [Service] = [], people: [String] = [], buildings: [String] = []
    ) {
        self.catalog = catalog
        spacedNames = Set((people + buildings).filter { $0.contains(" ") }).sorted { $0.count > $1.count }
        buildingNames = Set(buildings.filter { $0.contains(" ") }.map { $0.lowercased() }).sorted { $0.count > $1.count }
        var words: [(chars: [Unicode.Scalar], spec: Int, lang: Lang)] = []
        for (i, spec) in catalog.commands.enumerated() {
            for w in spec.words { words.append((Grammar.loweredScalars(w.text), i, w.lang)) }
        }
        let sorted = words.sorted { $0.chars.count > $1.chars.count }
        self.words = sorted
        wordsByFirst = Dictionary(grouping: sorted.indices.filter { !sorted[$0].chars.isEmpty }) { sorted[$0].chars[0] }
        var names: [(chars: [Unicode.Scalar], id: String)] = []
        for c in categories {
            for n in c.names + [c.id] { names.append((Grammar.loweredScalars(Grammar.fold(n)), c.id)) }
        }
        categoryNames = names.sorted { $0.chars.count > $1.chars.count }
        venueNames = Self.names(venues.map { v in (v.id, v.names + [v.id, v.name] + [v.nameEn].compactMap { $0 }) }, plurals: false)
        // `borrow two umbrellas`: an item's English name is read in the plural too.
        serviceNames = Self.names(services.map { v in (v.id, v.names + [v.id, v.name] + [v.nameEn].compactMap { $0 }) }, plurals: true)
        fallbackCategory = categories.first { $0.id == "other" }?.id
    }

    /// Names to match, longest first; with `plurals`, an English name also with `s` and `es`.
    private static func names(_ items: [(id: String, names: [String])], plurals: Bool) -> [(chars: [Unicode.Scalar], id: String)] {
        var out: [(chars: [Unicode.Scalar], id: String)] = []
        for item in items {
            for name in item.names {
                let chars = Grammar.loweredScalars(Grammar.fold(name))
                out.append((chars, item.id))
                if plurals, let last = chars.last, Grammar.isASCIILetter(last) {
                    out.append((chars + ["s"], item.id))
                    out.append((chars + ["e", "s"], item.id))
                }
            }
        }
        return out.sorted { $0.chars.count > $1.chars.count }
    }

    /// Parses one message. `strict`: the message was typed in a group without
    /// addressing the bot, so it counts as a command only if it reads as one
    /// (PROTOCOL.md §2.1): nothing left over, a separator after the word of a
    /// command that takes only free text, a known category for a report.
    public func parse(_ text: String, strict: Bool = false) -> ParseResult {
        let folded = Grammar.fold(text)
        var first = parse(folded, strict: strict, simplified: false)
        // `进度？`, `报修！`, `收到 A1。`: a mark closing a message is not part of the command;
        // in a group, unaddressed, a question stays talk (a keyboard adds the 。 to anything).
        if case .failure = first, let bare = Self.withoutClosingMarks(folded, keepingQuestions: strict) {
            let again = parse(bare, strict: strict, simplified: false)
            if case .failure = again {} else { first = again }
        }
        // `please report …`, `麻烦 报修 …`, `我要报修，…`: a polite opening, said to the bot (read as written only).
        if !strict, case .failure = first, let rest = Self.withoutOpening(folded) {
            let again = parse(rest, strict: false, simplified: false)
            if case .failure = again {} else { return again }
        }
        if !strict, case .failure = first, let asked = statusQuestion(folded) ?? itemQuestion(folded) { return parse(asked) }
        // `R1 签收`, `＃Ａ１ 收到`, said to the bot `请问 R1 进度`: the record named before the word of the command that takes it.
        if case .failure = first, let swapped = recordFirst(folded) ?? (strict ? nil : Self.withoutOpening(folded).flatMap(recordFirst)) {
            let again = parse(swapped, strict: strict)
            if case .failure = again {} else { return again }
        }
        // Read again as Simplified only what did not read as written (ICU's conversion is
        // the slow part of parsing, and most messages need none of it).
        guard case .failure = first, folded.unicodeScalars.contains(where: Grammar.isCJK) else { return first }
        let again = parse(folded, strict: strict, simplified: true)
        if case .failure = again { return first }
        return again
    }

    private func parse(_ folded: String, strict: Bool, simplified: Bool) -> ParseResult {
        var cursor = TextCursor(folded, simplified: simplified)
        guard let (specIndex, lang) = matchCommandWord(&cursor) else {
            return .failure(unknown(folded), lang: Self.guessLang(folded))
        }
        let spec = catalog.commands[specIndex]
        let wordEnd = cursor.pos
        // `通过了吗`, `报修的时候`: in a group, a command word run into other words is talk, and so is
        // one of everyday talk (`need a haircut lol`, `我要理发`) not said to the bot.
        if strict, Self.runsIntoWords(spec, cursor) || Self.saidToTheBotOnly.contains(Array(cursor.lower[..<wordEnd])) {
            return .failure(usage(spec, lang), lang: lang)
        }
        // `notice anything odd in the lift?`, `借伞吗？`, `我要伞吗`: in a group, a message that asks a question is talk.
        if strict, Self.asksAQuestion(folded) { return .failure(usage(spec, lang), lang: lang) }
        // `alert me if anyone sees my cat`, `wish you all a happy weekend`: English puts a space
        // after every word, so in a group a free-text command not called for is taken only when
        // what follows does not read as a sentence; one that posts to every group (`drill noise
        // from 602 again`) needs the bot called (`@linli alert …`) or a colon (`alert: gas leak`).
        let uncalledBroadcast = Self.broadcasts.contains(spec.id) && !Self.colonFirst(cursor.rest)
        if strict, lang == .en, spec.args.first?.type == .text, uncalledBroadcast || Self.startsASentence(cursor.rest) {
            return .failure(usage(spec, lang), lang: lang)
        }
        var args: [String: ArgValue] = [:]
        var unreadDate: Int?
        var skippedDate: ArgSpec?
        for arg in spec.args {
            cursor.skipSpaces()
            // `cancel my booking please`: a polite word where an argument is missing is no argument.
            let politeEnd = !cursor.atEnd && !arg.optional && Self.isPoliteTail(cursor)
            if cursor.atEnd || politeEnd {
                if arg.optional { continue }
                // `done S1`: a verb another family takes for its own records asks only for what that family needs.
                if let shared = Command(id: spec.id, args: Arguments(args)), type(of: shared.family).family != spec.family {
                    return .command(shared, lang: lang)
                }
                let soFar = politeEnd ? TextCursor.string(cursor.chars[..<cursor.pos]).trimmingCharacters(in: .whitespaces) : folded
                return .incomplete(commandID: spec.id, soFar: soFar, missing: arg, lang: lang)
            }
            if let marked = scoreFirst(arg, of: spec, cursor, lang: lang) ?? titleFirst(arg, of: spec, cursor, lang: lang) { return marked }
            if case .text = arg.type, let count = spec.args.first(where: { if case .quantity = $0.type { true } else { false } }),
                args[count.name] == nil
            {
                // `借 伞 2`, `borrow umbrella 2`: a count after the item, and nothing more, is its count.
                var probe = cursor
                if case .count(let n)? = probe.takeQuantity() {
                    probe.skipMeasureWord()
                    probe.skipSpaces()
                    if probe.atEnd {
                        args[count.name] = .int(n)
                        cursor = probe
                        continue
                    }
                }
            }
            switch read(arg, &cursor, strict: strict) {
            case .value(let v):
                args[arg.name] = v
                // `book pavilion 3pm-5pm tomorrow`: a day said after the times is the day, not the purpose.
                if arg.type == .times, let date = skippedDate, let day = dayAfterTimes(date, &cursor, strict: strict) { args[date.name] = day }
            case .absent:
                if let asked = timesAsked(arg, of: spec, cursor, said: folded, lang: lang) { return asked }
                if !arg.optional { return .failure(usage(spec, lang, arg: arg), lang: lang) }
                if arg.type == .date { (unreadDate, skippedDate) = (cursor.pos, arg) }
            case .wrong(let problem): return .failure(usage(spec, lang, problem: problem), lang: lang)
            }
        }
        cursor.skipSpaces()
        // `schedule pavilion Dec. 5`: what is left where a date may be is a date not read, not today's.
        if unreadDate == cursor.pos, !cursor.atEnd {
            let token = cursor.peekToken()
            return .failure(usage(spec, lang, problem: Localized(zh: "看不懂日期“\(token)”。", en: "I could not read the date “\(token)”.")), lang: lang)
        }
        if strict {
            if !cursor.atEnd { return .failure(usage(spec, lang), lang: lang) }
        } else if args.isEmpty, !cursor.atEnd, cursor.pos == wordEnd, !TextCursor.separators.contains(cursor.chars[cursor.pos]) {
            // `我家漏水了`: the word of a command that read nothing, run into a sentence, is not that command.
            return .failure(unknown(folded), lang: lang)
        } else if spec.args.isEmpty, !Self.isPoliteTail(cursor) {
            // `who is coming tonight?`: a command that takes nothing, followed by a sentence; by one word (`活动 E1`), its usage.
            return .failure(cursor.rest.contains(" ") ? unknown(folded) : usage(spec, lang), lang: lang)
        }
        guard let command = Command(id: spec.id, args: Arguments(args)) else {
            // `还` alone: a command that needs one of its optional arguments asks for the first.
            if args.isEmpty, cursor.atEnd, let first = spec.args.first, first.prompt != nil {
                return .incomplete(commandID: spec.id, soFar: folded, missing: first, lang: lang)
            }
            return .failure(usage(spec, lang), lang: lang)
        }
        return .command(command, lang: lang)
    }

    enum Read {
        case value(ArgValue)
        case absent
        case wrong(Localized)
    }

    func read(_ arg: ArgSpec, _ c: inout TextCursor, strict: Bool) -> Read {
        c.skipFiller(before: arg.type, named: arg.name)
        switch arg.type {
        case .record(let kinds):
            guard let id = c.takeRecord() else {
                // `R-1`, `R0`, `R99999999999999999999`: meant as a record, but not one.
                if arg.optional, !Self.looksLikeRecord(c.peekToken()) { return .absent }
                let example = "\(kinds[0].rawValue)1"
                return .wrong(
                    Localized(zh: "“\(c.peekToken())”不是记录编号，应写成 \(example)。", en: "“\(c.peekToken())” is not a record id; write it like \(example)."))
            }
            guard kinds.contains(id.kind) else {
                // The commands that do take it, with the record: `取消报名 E1`.
                let takers = catalog.commands.filter { $0.recordKinds.contains(id.kind) && suggests($0) }.prefix(4)
                func listed(_ lang: Lang) -> String { takers.map { "\($0.word(lang)) \(id)" }.joined(separator: lang == .zh ? "、" : ", ") }
                return .wrong(
                    takers.isEmpty
                        ? Localized(zh: "\(id) 不是这个命令能用的记录。", en: "\(id) is not a record this command works on.")
                        : Localized(
                            zh: "\(id) 不是这个命令能用的记录；可以发送：\(listed(.zh))。", en: "\(id) is not a record this command works on; try: \(listed(.en))."))
            }
            return .value(.record(id))
        case .category:
            // A name of its own (`漏水 厨房滴水`, `leak kitchen`) is the category; one that runs
            // into the sentence (`电梯坏了`) names it too but stays in the details.
            var probe = c
            if let id = Self.take(categoryNames, &probe), Self.endsAName(probe) {
                // `report water leaking …`: a name beside it may say which, and stays in the details.
                let beside = Self.nameBeside(probe, after: probe.pos - c.pos, categoryNames)
                c = probe
                return .value(.text(beside?.0.id ?? id))
            }
            // `report the lift is broken again`: named after an article, the whole sentence is the details.
            if let id = categoryAfterArticle(c, strict: strict) { return .value(.text(id)) }
            // Named anywhere in the first clause (`报修 厨房水管爆了` is a leak). In a group only a
            // Chinese name after a space: `报修电梯的师傅来了吗` and `lol the lift again` are talk.
            let spaced = c.pos > 0 && TextCursor.separators.contains(c.chars[c.pos - 1])
            if let named = Self.category(in: c, categoryNames, after: serviceNames), !strict || (spaced && named.name.unicodeScalars.contains(where: Grammar.isCJK)) {
                return .value(.text(named.id))
            }
            if !strict, let fallback = fallbackCategory { return .value(.text(fallback)) }
            return .wrong(Localized(zh: "不认识的类别“\(c.peekToken())”。", en: "Unknown category “\(c.peekToken())”."))
        case .place:
            return (buildingAndRoom(&c) ?? c.takePlace()).map { .value(.text($0)) } ?? .absent
        case .venue:
            if let id = Self.take(venueNames, &c) { return .value(.text(id)) }
            return .wrong(
                Localized(zh: "没有“\(c.peekToken())”这个场地，发送“场地”查看全部。", en: "There is no venue “\(c.peekToken())”; send “venues” to see them."))
        case .service:
            if let id = Self.take(serviceNames, &c) { return .value(.text(id)) }
            // `return S1 thanks`: an optional item that is not one is not there.
            if arg.optional { return .absent }
            return .wrong(
                Localized(zh: "没有“\(c.peekToken())”这项服务，发送“服务”查看全部。", en: "There is no service “\(c.peekToken())”; send “services” to see them."))
        case .role:
            let token = c.takeToken()
            if let role = Self.roleWords[token.lowercased()] { return .value(.text(role.rawValue)) }
            return .wrong(
                Localized(
                    zh: "没有“\(token)”这个角色（楼栋长、网格长、志愿者、党员、调解员）。",
                    en: "There is no role “\(token)” (captain, grid_leader, volunteer, party_member, mediator)."))
        case .phrase:
            let start = c.pos
            var probe = c
            while !probe.atEnd {
                var at = probe
                at.skipFiller(before: .date)  // `Film night on Saturday`: `on` is the date's
                if at.takeDate() != nil, probe.pos > start { break }
                _ = probe.takeToken()
                probe.skipSpaces()
            }
            let words = TextCursor.string(c.chars[start..<probe.pos]).trimmingCharacters(in: .whitespaces)
            c.pos = probe.pos
            return words.isEmpty ? .absent : .value(.text(words))
        case .time:
            return c.takeStartTime().map { .value(.int($0)) } ?? .absent
        case .date:
            guard let date = c.takeDate() else { return .absent }
            if case .absolute(let year, _, _) = date, !(2000...2099).contains(year) {
                return .wrong(Localized(zh: "日期须在2000年到2099年之间。", en: "A date is between the years 2000 and 2099."))
            }
            return .value(.date(date))
        case .times:
            switch c.takeTimeRange() {
            case .times(let t)?: return .value(.times(t))
            case .wrong(let problem)?: return .wrong(problem)
            case nil: return .absent
            }
        case .int(let range):
            let token = c.peekToken()
            guard let n = c.takeInt() else {
                let bare = token.trimmingCharacters(in: CharacterSet(charactersIn: "分星"))
                if Double(bare) != nil {
                    return .wrong(
                        Localized(
                            zh: "“\(token)”不是 \(range.lowerBound) 到 \(range.upperBound) 之间的整数。",
                            en: "“\(token)” is not a whole number from \(range.lowerBound) to \(range.upperBound)."))
                }
                return .wrong(Localized(zh: "“\(token)”不是数字。", en: "“\(token)” is not a number."))
            }
            guard range.contains(n) else {
                return .wrong(
                    Localized(
                        zh: "\(n) 超出范围 \(range.lowerBound)–\(range.upperBound)。", en: "\(n) is outside \(range.lowerBound)–\(range.upperBound)."))
            }
            return .value(.int(n))
        case .word:
            if let place = buildingAndRoom(&c) { return .value(.text(place)) }
            // `award Emma Brown cleanup`: a person's name of two words is one.
            if !spacedNames.isEmpty, case let rest = c.rest, let name = spacedNames.first(where: { rest == $0 || rest.hasPrefix($0 + " ") }) {
                c.pos += name.unicodeScalars.count
                return .value(.text(name))
            }
            let token = c.takeToken()
            // `登记 2栋 501`: a building and its room, written apart, are one place (not `巡楼 3次`).
            if let last = token.unicodeScalars.last, Grammar.buildingEnds.contains(last), c.pos + 1 < c.chars.count, c.chars[c.pos] == " ",
                Grammar.isDigit(c.chars[c.pos + 1]), token.unicodeScalars.dropLast().contains(where: { Grammar.isDigit($0) || "一二三四五六七八九十号".unicodeScalars.contains($0) })
            {
                c.pos += 1
                return .value(.text(token + c.takeToken()))
            }
            return .value(.text(token))
        case .command:
            // In a group `帮助一下` is a neighbour asking for a hand, not help on a command.
            let token = c.takeToken()
            if !token.unicodeScalars.contains(where: Self.hasMeaning) { return .absent }
            if strict, catalog.spec(named: token) == nil { return .wrong(Localized(zh: "没有“\(token)”这个命令。", en: "There is no command “\(token)”.")) }
            return .value(.text(token))
        case .lang:
            let token = c.takeToken()
            switch token.lowercased() {
            case "zh", "cn", "chinese", "中文", "汉语", "普通话": return .value(.lang(.zh))
            case "en", "english", "英文", "英语": return .value(.lang(.en))
            default: return .wrong(Localized(zh: "语言只能是 zh 或 en。", en: "The language is zh or en."))
            }
        case .quantity:
            switch c.takeQuantity() {
            case .count(let n)?:
                // `借 2 台灯`: a measure word that starts an item's name stays with the name.
                var probe = c
                probe.skipSpaces()
                if Self.take(serviceNames, &probe) == nil { c.skipMeasureWord() }
                return .value(.int(n))
            case .wrong(let problem)?: return .wrong(problem)
            case nil:
                // `借把伞`, `借个充电宝，明天还`: a measure word with no count before an item closing a clause is one of it (`把伞还了`: 把 is no count).
                var probe = c
                probe.skipMeasureWord()
                if probe.pos != c.pos, Self.take(serviceNames, &probe) != nil, probe.atEnd || TextCursor.separators.contains(probe.chars[probe.pos]) { c.skipMeasureWord() }
                return .absent
            }
        case .text:
            let (rest, tail) = (c.rest, c)
            c.pos = c.chars.count
            // `报修？` is not a report whose details are "?"; `3点到5点吧` books no purpose `吧`.
            guard rest.unicodeScalars.contains(where: Self.hasMeaning), !(arg.optional && Self.isPoliteTail(tail)) else { return .absent }
            // Echoed in replies, pushed, posted to groups: a page of text is not a report.
            guard rest.count <= Self.maxText else {
                return .wrong(
                    Localized(
                        zh: "内容太长（\(rest.count)字），请不超过\(Self.maxText)字。", en: "That is too long (\(rest.count) characters); please keep it within \(Self.maxText)."))
            }
            return .value(.text(rest))
        }
    }

    /// The most characters a free-text argument takes.
    public static let maxText = 2_000

    /// The id of the longest name at the cursor (names sorted longest first), moving past it.
    /// `Building 3 1203` at the cursor: a building's English name and its room, one place.
    func buildingAndRoom(_ c: inout TextCursor) -> String? {
        guard !buildingNames.isEmpty, case let rest = c.rest.lowercased(),
            let name = buildingNames.first(where: { rest.hasPrefix($0 + " ") && rest.dropFirst($0.count + 1).first?.isNumber == true })
        else { return nil }
        let written = String(c.rest.prefix(name.count))  // as written: `Building 3`
        c.pos += name.unicodeScalars.count + 1
        return written + " " + c.takeToken()
    }

    static func take(_ names: [(chars: [Unicode.Scalar], id: String)], _ c: inout TextCursor) -> String? {
        for name in names {
            if let n = c.matchLength(name.chars) {
                c.pos += n
                return name.id
            }
        }
        return nil
    }
}
