import Foundation
import LinliCore

/// The community's local time: days, clock times, and quiet hours.
struct LocalCalendar {
    let now: Instant
    let timeZone: TimeZone
    let quietHours: TimeRange?

    /// The community's UTC offset at `instant`, in seconds.
    func offset(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000))
    }

    /// Today, in the community's time zone.
    var today: LocalDay { LocalDay(now, offsetSeconds: offset(at: now)) }

    /// The local day of an instant.
    func day(of instant: Instant) -> LocalDay { LocalDay(instant, offsetSeconds: offset(at: instant)) }

    /// Minutes after local midnight now.
    var minuteOfDay: Int { minuteOfDay(at: now) }

    /// Minutes past local midnight at `instant`.
    func minuteOfDay(at instant: Instant) -> Int {
        Int(instant.since(day(of: instant).instant(minutes: 0, offsetSeconds: offset(at: instant))).milliseconds / 60_000)
    }

    /// The day a date spec names (today when absent), or `usage`.
    func day(_ spec: DateSpec?) throws -> LocalDay {
        guard let day = (spec ?? .relative(days: 0)).resolve(today: today) else {
            throw LinliError(.usage, zh: "没有这一天。", en: "There is no such date.")
        }
        return day
    }

    /// The month a token names: `2026-11`, `2026年11月`, or `11月`, `11月份`, `november`, `nov`
    /// (this year's, or last year's when it is still to come).
    func month(named token: String) -> (year: Int, month: Int)? {
        var t = Substring(token.lowercased())
        if t.hasSuffix("份") { t = t.dropLast() }
        let named = t.hasSuffix("月") || Self.months.contains { t == $0 || t == $0.prefix(3) }
        if t.hasSuffix("月") { t = t.dropLast() }
        let parts = t.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "年" }
        let (y, m, _) = today.civil
        if named, parts.count == 1, let month = Int(parts[0]) ?? Self.months.firstIndex(where: { t == $0 || t == $0.prefix(3) }).map({ $0 + 1 }),
            (1...12).contains(month)
        {
            return (month > m ? y - 1 : y, month)
        }
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), (2000...2099).contains(year),
            (1...12).contains(month)
        else { return nil }
        return (year, month)
    }

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// The instant a local day's clock time falls on.
    func instant(_ day: LocalDay, _ minutes: Int) -> Instant {
        let guess = day.instant(minutes: minutes, offsetSeconds: offset(at: now))
        return day.instant(minutes: minutes, offsetSeconds: offset(at: guess))
    }

    /// The next time after now that the local clock shows `minutes` after midnight.
    func next(minutes: Int) -> Instant {
        let today = instant(today, minutes)
        return today > now ? today : instant(self.today.adding(days: 1), minutes)
    }

    /// The local clock time of an instant, `07:00`.
    func clockTime(_ instant: Instant) -> String {
        String(RFC3339.format(instant, offsetSeconds: offset(at: instant)).dropFirst(11).prefix(5))
    }

    /// When a push of this priority sent now would have to wait for quiet hours to end.
    func quietEnd(for priority: Priority?, at instant: Instant? = nil) -> Instant? {
        let at = instant ?? now
        guard let priority, priority != .p0, let quietHours else { return nil }
        return quietHours.end(containing: at, offsetSeconds: offset(at: at))
    }

    /// When to remind of something that starts at `start`, `lead` before it: then, or, when
    /// that falls in quiet hours (a reminder would wait past the start), an hour before
    /// they begin: the evening before an early start.
    func reminderTime(before start: Instant, lead: Span) -> Instant {
        let due = start.adding(Span(milliseconds: -lead.milliseconds))
        guard let quietHours, let quiet = quietHours.start(containing: due, offsetSeconds: offset(at: due)) else { return due }
        return quiet.adding(.hours(-1))
    }

    /// What a reply promises of a reminder due at `due` for something starting at `start`:
    /// `lead` before it, or a day and time (the evening before); nil when none will come.
    func promise(reminderAt due: Instant, start: Instant, lead: Span) -> Localized? {
        guard due > now else { return nil }
        if due.adding(lead) == start { return Localized(zh: "开始前\(lead.spoken(.zh))提醒您", en: "I will remind you \(lead.spoken(.en)) before") }
        let (day, time) = (day(of: due), clockTime(due))
        if day == today { return Localized(zh: "今天\(time)提醒您", en: "I will remind you today at \(time)") }
        return Localized(zh: "\(day.spoken(.zh)) \(time)提醒您", en: "I will remind you on \(day.spoken(.en)) at \(time)")
    }

    /// A local day and clock time as a reminder sent now reads it: the day only when it is not today.
    func spoken(_ day: LocalDay, _ time: String, _ lang: Lang) -> String {
        day == today ? time : "\(day.spoken(lang)) \(time)"
    }

    /// When someone told now can start acting: now, or the end of quiet hours.
    func deliveryTime(_ priority: Priority?) -> Instant { quietEnd(for: priority) ?? now }
}
