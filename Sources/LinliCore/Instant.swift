import Foundation

/// A point in time, in milliseconds since the Unix epoch.
///
/// The core never reads the wall clock: every `Instant` comes from an event's `ts`
/// or from the edge of the process (the stdin reader, the HTTP server).
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    /// Creates an instant from milliseconds since the epoch.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// Creates an instant from whole seconds since the epoch.
    public init(seconds: Int64) { self.milliseconds = seconds * 1000 }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// The instant `duration` later.
    public func adding(_ duration: Span) -> Instant { Instant(milliseconds: milliseconds + duration.milliseconds) }

    /// The span from `earlier` to `self` (negative when `earlier` is later).
    public func since(_ earlier: Instant) -> Span { Span(milliseconds: milliseconds - earlier.milliseconds) }

    public var description: String { RFC3339.format(self, offsetSeconds: 0) }
}

/// A length of time, in milliseconds. Written in community files as `30m`, `2h`, `1d`.
public struct Span: Hashable, Comparable, Sendable {
    /// Milliseconds.
    public var milliseconds: Int64

    /// Creates a span of milliseconds.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func seconds(_ n: Int64) -> Span { Span(milliseconds: n * 1000) }
    public static func minutes(_ n: Int64) -> Span { .seconds(n * 60) }
    public static func hours(_ n: Int64) -> Span { .minutes(n * 60) }
    public static func days(_ n: Int64) -> Span { .hours(n * 24) }

    public static func < (lhs: Span, rhs: Span) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// Parses `45s`, `30m`, `2h`, `1d`, `7d` (a whole number and one unit).
    /// Nil past a century, which no one means (and which would overflow an instant).
    public init?(parsing text: String) {
        guard let unit = text.last, let n = Int64(text.dropLast()), n >= 0 else { return nil }
        let each: Span
        switch unit {
        case "s": each = .seconds(1)
        case "m": each = .minutes(1)
        case "h": each = .hours(1)
        case "d": each = .days(1)
        default: return nil
        }
        guard n <= Self.century.milliseconds / each.milliseconds else { return nil }
        self.init(milliseconds: n * each.milliseconds)
    }

    /// The longest span read from text.
    public static let century = Span.days(36_525)

    /// The shortest exact form: `1d`, `90m`, `45s`.
    public var compact: String {
        let s = milliseconds / 1000
        if s % 86_400 == 0 { return "\(s / 86_400)d" }
        if s % 3_600 == 0 { return "\(s / 3_600)h" }
        if s % 60 == 0 { return "\(s / 60)m" }
        return "\(s)s"
    }

    /// A reader's form in the given language: `2小时`, `30分钟`, `2 hours`.
    public func spoken(_ lang: Lang) -> String {
        let minutes = milliseconds / 60_000
        let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60)
        var parts: [String] = []
        switch lang {
        case .zh:
            if d > 0 { parts.append("\(d)天") }
            if h > 0 { parts.append("\(h)小时") }
            if m > 0 || parts.isEmpty { parts.append("\(m)分钟") }
            return parts.joined()
        case .en:
            if d > 0 { parts.append(English.count(Int(d), "day")) }
            if h > 0 { parts.append(English.count(Int(h), "hour")) }
            if m > 0 || parts.isEmpty { parts.append(English.count(Int(m), "minute")) }
            return parts.joined(separator: " ")
        }
    }
}
