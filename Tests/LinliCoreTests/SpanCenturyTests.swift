import LinliCore
import Testing

/// Guards `Span(parsing:)`: a number of units past a century overflowed the milliseconds
/// (and crashed); it is now not a span, while everything up to a century still parses.
@Suite struct SpanCenturyTests {
    /// Past a century, or past what Int64 milliseconds hold: nil, not a crash.
    @Test(arguments: ["36526d", "999999999999d", "9223372036854775807s", "876601h", "52596001m", "3155760001s"])
    func pastACenturyIsNil(_ text: String) {
        #expect(Span(parsing: text) == nil)
    }

    /// A century exactly, and the everyday spans, parse as before.
    @Test(arguments: [("36525d", Span.days(36_525)), ("30m", .minutes(30)), ("2h", .hours(2)), ("876600h", .days(36_525))])
    func upToACenturyParses(_ text: String, _ span: Span) {
        #expect(Span(parsing: text) == span)
    }
}
