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
        var t = text
        if t.first == "#" { t = t.dropFirst() }
        guard let letter = t.first, let kind = RecordKind(rawValue: letter.uppercased()),
            t.count > 1, t.count <= 10, let n = Int(t.dropFirst()), n > 0,
            t.dropFirst().allSatisfy(\.isASCII)
        else { return nil }
        self.init(kind, n)
    }

    public var description: String { kind.rawValue + String(number) }
}
