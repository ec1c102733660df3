extension CommandParser {
    /// Stands in what was said so far for a command's missing record, where it goes
    /// (`评价 ￼ 5`): the record presumed, or the answer to the question, is put there.
    public static let missingRecord = "\u{FFFC}"

    /// `评价 5 很好`, `rate 4`: a score where the record should be, as the answer to a rating
    /// request is often written. What was said, with the record's place marked; nil when
    /// `arg` is not a record said before a number its command takes.
    func scoreFirst(_ arg: ArgSpec, of spec: CommandSpec, _ cursor: TextCursor) -> String? {
        guard case .record = arg.type, !arg.optional,
            case .int(let scores)? = spec.args.first(where: { if case .int = $0.type { true } else { false } })?.type
        else { return nil }
        let token = cursor.peekToken()
        guard token == Self.missingRecord || Int(token).map(scores.contains) == true else { return nil }
        return TextCursor.string(cursor.chars[..<cursor.pos]) + (token == Self.missingRecord ? "" : Self.missingRecord + " ") + cursor.rest
    }

    /// What was said so far made whole with `value`: in the missing record's place, else after it.
    public static func completing(_ soFar: String, with value: String) -> String {
        soFar.contains(missingRecord) ? soFar.replacingOccurrences(of: missingRecord, with: value) : soFar + " " + value
    }
}
