/// The kinds of record, each with its own id letter and counter (PROTOCOL.md §3).
public enum RecordKind: String, Sendable, CaseIterable {
    /// Work orders: reports and disputes.
    case workOrder = "R"
    case booking = "B"
    case service = "S"
    case event = "E"
    case wish = "W"
    case proposal = "P"
    /// Household visits (党员包户 走访).
    case visit = "V"
    /// Emergency broadcasts and drills (紧急通知, 演练).
    case alert = "A"
}

/// A record id such as `R12`; accepted in any case and with an optional `#`.
public struct RecordID: Hashable, Sendable, CustomStringConvertible {
    public var kind: RecordKind
    public var number: Int

    public init(_ kind: RecordKind, _ number: Int) {
        self.kind = kind
        self.number = number
    }

    /// Parses `R1`, `r1`, `#R1`, `＃R1` already folded to `#R1`.
    public init?(parsing text: Substring) {
        self.init(scalars: text.unicodeScalars)
    }

    /// The same from scalars, as the command parser's cursor holds them (no string is
    /// made): an optional `#`, a record letter in either case, then at most nine
    /// characters that read as a whole number above zero (`+5` too, as `Int` reads it).
    @inlinable
    public init?(scalars: some BidirectionalCollection<Unicode.Scalar>) {
        var rest = scalars[...]
        if rest.first == "#" { rest = rest.dropFirst() }
        guard let letter = rest.popFirst(), let kind = RecordKind(rawValue: String(letter).uppercased()), (1...9).contains(rest.count)
        else { return nil }
        if rest.first == "+" { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.allSatisfy({ (48...57).contains($0.value) }) else { return nil }
        let number = rest.reduce(0) { $0 * 10 + Int($1.value - 48) }
        guard number > 0 else { return nil }
        self.init(kind, number)
    }

    public var description: String { kind.rawValue + String(number) }
}
