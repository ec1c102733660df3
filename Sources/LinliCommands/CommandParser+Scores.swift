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

    /// What was said so far made whole with `value`: in the missing record's place, else after it.
    public static func completing(_ soFar: String, with value: String) -> String {
        soFar.contains(missingRecord) ? soFar.replacingOccurrences(of: missingRecord, with: value) : soFar + " " + value
    }
}

extension ParseResult {
    /// Whether this is a command unfinished for its record only, a score said (`评价 5`).
    public var scoreWithoutRecord: Bool {
        if case .incomplete(_, let soFar, _, _) = self { soFar.contains(CommandParser.missingRecord) } else { false }
    }
}
