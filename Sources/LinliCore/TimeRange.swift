/// A daily time range such as `07:00-21:00`, in minutes after local midnight.
/// `end` may be smaller than `start` (a range that crosses midnight, like quiet hours).
public struct TimeRange: Hashable, Sendable {
    public var start: Int
    public var end: Int
    /// Hours said without 上午/下午, am/pm or a colon (`3点到4点`): morning or afternoon.
    public var ambiguous: Bool
    public init(start: Int, end: Int, ambiguous: Bool = false) {
        self.start = start
        self.end = end
        self.ambiguous = ambiguous
    }

    /// Parses `07:00-21:00`; `24:00` is allowed as an end.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Self.minutes(parts[0]), let b = Self.minutes(parts[1]), a < 1440, a != b else { return nil }
        self.init(start: a, end: b)
    }

    static func minutes(_ s: Substring) -> Int? {
        let hm = s.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, hm[0].count <= 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
            (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }

    /// Whether a minute of the day falls inside the range.
    public func contains(minuteOfDay m: Int) -> Bool {
        start < end ? (m >= start && m < end) : (m >= start || m < end)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}

extension TimeRange {
    /// When `instant` falls inside the range (read in local time at `offsetSeconds`
    /// from UTC), the instant the range ends; nil when it is outside.
    public func end(containing instant: Instant, offsetSeconds: Int) -> Instant? {
        let localMinute = Int(((instant.milliseconds / 1000 + Int64(offsetSeconds)) / 60) % 1440 + 1440) % 1440
        guard contains(minuteOfDay: localMinute) else { return nil }
        let wait = (end - localMinute + 1440) % 1440
        let minuteStart = instant.milliseconds - ((instant.milliseconds % 60_000) + 60_000) % 60_000
        return Instant(milliseconds: minuteStart + Int64(wait) * 60_000)
    }

    /// When `instant` falls inside the range, the instant the range began; nil when it is outside.
    public func start(containing instant: Instant, offsetSeconds: Int) -> Instant? {
        guard let end = end(containing: instant, offsetSeconds: offsetSeconds) else { return nil }
        return Instant(milliseconds: end.milliseconds - Int64((self.end - start + 1440) % 1440) * 60_000)
    }
}
