/// A calendar day in the community's time zone, counted in days since 1970-01-01.
public struct LocalDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var index: Int

    public init(index: Int) { self.index = index }

    public init(year: Int, month: Int, day: Int) { index = RFC3339.daysFromCivil(year: year, month: month, day: day) }

    /// The local day of `instant` at a UTC offset.
    public init(_ instant: Instant, offsetSeconds: Int) {
        index = Int(RFC3339.floorDivide(instant.milliseconds + Int64(offsetSeconds) * 1000, 86_400_000))
    }

    public static func < (a: LocalDay, b: LocalDay) -> Bool { a.index < b.index }

    public var civil: (year: Int, month: Int, day: Int) { RFC3339.civilFromDays(index) }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int { ((index + 3) % 7 + 7) % 7 + 1 }

    /// The Monday of this day's week.
    public var weekStart: LocalDay { LocalDay(index: index - (weekday - 1)) }

    public func adding(days: Int) -> LocalDay { LocalDay(index: index + days) }

    /// The instant `minutes` after this day's local midnight.
    public func instant(minutes: Int, offsetSeconds: Int) -> Instant {
        Instant(milliseconds: (Int64(index) * 1440 + Int64(minutes)) * 60_000 - Int64(offsetSeconds) * 1000)
    }

    /// `2026-12-03`
    public var description: String {
        let (y, m, d) = civil
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// As `spoken(_:)`, with its year when it is not `today`'s (`2027年12月1日 周三`, `Wed 1 Dec 2027`).
    public func spoken(_ lang: Lang, from today: LocalDay) -> String {
        let year = civil.year
        guard year != today.civil.year else { return spoken(lang) }
        return lang == .zh ? "\(year)年\(spoken(.zh))" : "\(spoken(.en)) \(year)"
    }

    /// `12月3日 周四` / `Thu 3 Dec`
    public func spoken(_ lang: Lang) -> String {
        let (_, m, d) = civil
        switch lang {
        case .zh: return "\(m)月\(d)日 周\(["一", "二", "三", "四", "五", "六", "日"][weekday - 1])"
        case .en:
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday - 1]) \(d) \(months[m - 1])"
        }
    }
}

/// A date as people say it, resolved against today.
public enum DateSpec: Hashable, Sendable {
    case absolute(year: Int, month: Int, day: Int)
    /// A month and day without a year: this year's, or next year's once it is more
    /// than three months past.
    case monthDay(month: Int, day: Int)
    /// Today (0), tomorrow (1), the day after (2)…
    case relative(days: Int)
    /// 1 = Monday … 7 = Sunday: the coming one (today included), or next week's.
    case weekday(Int, nextWeek: Bool)

    /// The day meant, seen from `today`; nil for a date that does not exist.
    public func resolve(today: LocalDay) -> LocalDay? {
        switch self {
        case .absolute(let y, let m, let d):
            return Self.valid(y, m, d) ? LocalDay(year: y, month: m, day: d) : nil
        case .monthDay(let m, let d):
            let y = today.civil.year
            guard Self.valid(y, m, d) || Self.valid(y + 1, m, d) else { return nil }
            // A day of the last three months is meant as this year's, and is past (the
            // caller says so); an earlier one is next year's.
            if Self.valid(y, m, d), LocalDay(year: y, month: m, day: d) >= today.adding(days: -92) { return LocalDay(year: y, month: m, day: d) }
            return Self.valid(y + 1, m, d) ? LocalDay(year: y + 1, month: m, day: d) : nil
        case .relative(let n):
            return today.adding(days: n)
        case .weekday(let w, let nextWeek):
            if nextWeek { return today.weekStart.adding(days: 7 + w - 1) }
            return today.adding(days: (w - today.weekday + 7) % 7)
        }
    }

    static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }
}
