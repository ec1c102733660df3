import LinliCore

extension CommandParser {
    /// Stands in what was said so far for a command's missing record, where it goes
    /// (`评价 ￼ 5`): the record presumed, or the answer to the question, is put there.
    public static let missingRecord = "\u{FFFC}"

    /// `评价 5 很好`, `评价 五星`, `rate 4`: a score where the record should be, as the answer
    /// to a rating request is often written. The command unfinished, with the record's
    /// place marked; a score out of range, refused; nil when `arg` is not a record said
    /// before a number its command takes.
    func scoreFirst(_ arg: ArgSpec, of spec: CommandSpec, _ cursor: TextCursor, lang: Lang) -> ParseResult? {
        guard case .record = arg.type, !arg.optional, let score = spec.args.first(where: { if case .int = $0.type { true } else { false } })
        else { return nil }
        let token = cursor.peekToken()
        if token != Self.missingRecord {
            var probe = cursor
            switch read(score, &probe, strict: false) {
            case .value: break
            // `评价 6`: a number, but no score.
            case .wrong(let problem) where Int(token) != nil: return .failure(usage(spec, lang, problem: problem), lang: lang)
            default: return nil
            }
        }
        let said = TextCursor.string(cursor.chars[..<cursor.pos]) + (token == Self.missingRecord ? "" : Self.missingRecord + " ") + cursor.rest
        return .incomplete(commandID: spec.id, soFar: said, missing: arg, lang: lang)
    }

    /// `报名 邻里节`, `join film night`: an event named by its title where its id should be.
    /// The command unfinished, with the record's place marked before the title (its family
    /// finds the event by it); nil when `arg` is no event or the text is an id mistyped.
    func titleFirst(_ arg: ArgSpec, of spec: CommandSpec, _ cursor: TextCursor, lang: Lang) -> ParseResult? {
        guard case .record(let kinds) = arg.type, kinds == [.event], !arg.optional, spec.args.count == 1, !cursor.atEnd,
            !Self.looksLikeRecord(cursor.peekToken()), cursor.peekToken() != Self.missingRecord
        else { return nil }
        var probe = cursor
        guard probe.takeRecord() == nil else { return nil }  // `报名 E1。`
        let said = TextCursor.string(cursor.chars[..<cursor.pos]) + Self.missingRecord + " " + cursor.rest
        return .incomplete(commandID: spec.id, soFar: said, missing: arg, lang: lang)
    }

    /// The title said after the record's place (`报名 ￼ 邻里节`), or nil.
    public static func titleSaid(_ soFar: String) -> String? {
        guard let mark = soFar.range(of: missingRecord) else { return nil }
        let title = soFar[mark.upperBound...].trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : title
    }

    /// `预约凉亭明天下午`: the times are asked for, and the answer read after the half of the
    /// day; `book pavilion tomorrow at 3`: asked for, and the answer read after what was read
    /// (the day kept). Nil when `arg` is no times a command needs.
    func timesAsked(_ arg: ArgSpec, of spec: CommandSpec, _ cursor: TextCursor, said: String, lang: Lang) -> ParseResult? {
        guard arg.type == .times, !arg.optional else { return nil }
        let soFar = cursor.isHalfOfTheDayAlone ? said : TextCursor.string(cursor.chars[..<cursor.pos]).trimmingCharacters(in: .whitespaces)
        return .incomplete(commandID: spec.id, soFar: soFar, missing: arg, lang: lang)
    }

    /// What was said so far made whole with `value`: in the missing record's place, else after it.
    public static func completing(_ soFar: String, with value: String) -> String {
        soFar.contains(missingRecord) ? soFar.replacingOccurrences(of: missingRecord, with: value) : soFar + " " + value
    }
}

extension ParseResult {
    /// Whether this is a command unfinished for its record only, what it is about said
    /// instead (`评价 5`, `报名 邻里节`): its family may presume the record.
    public var recordToPresume: Bool {
        if case .incomplete(_, let soFar, _, _) = self { soFar.contains(CommandParser.missingRecord) } else { false }
    }
}
