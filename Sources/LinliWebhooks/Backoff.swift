import LinliCore

/// When to try again: about 0, 5 s, 30 s, 2 min, 10 min, 1 h, then hourly, with
/// full jitter (a random wait between none and the step), for at most 24 hours.
public enum Backoff {
    public static let steps: [Span] = [.seconds(0), .seconds(5), .seconds(30), .minutes(2), .minutes(10), .hours(1)]
    /// After this long since a push was queued, it becomes a dead letter.
    public static let giveUpAfter = Span.hours(24)

    /// The wait after `attempts` failed attempts (1 = the first failed).
    public static func delay(afterAttempts attempts: Int, using random: inout some RandomNumberGenerator) -> Span {
        let step = steps[min(max(attempts, 0), steps.count - 1)]
        guard step.milliseconds > 0 else { return step }
        return Span(milliseconds: Int64.random(in: 0...step.milliseconds, using: &random))
    }
}

/// Sends allowed per endpoint: WeCom and DingTalk 20 a minute, Feishu 5 a second
/// and 100 a minute, generic receivers as configured.
public struct RateLimiter: Sendable {
    public struct Window: Sendable, Equatable {
        public var count: Int
        public var span: Span
        public init(_ count: Int, per span: Span) {
            self.count = count
            self.span = span
        }
    }

    public static func windows(_ format: WebhookFormat, genericPerMinute: Int? = nil) -> [Window] {
        switch format {
        case .wecom, .dingtalk: [Window(20, per: .minutes(1))]
        case .feishu: [Window(5, per: .seconds(1)), Window(100, per: .minutes(1))]
        case .generic: genericPerMinute.map { [Window($0, per: .minutes(1))] } ?? []
        }
    }

    private var sent: [String: [Instant]] = [:]

    public init() {}

    /// How many sends `endpoint` may make at `now`.
    public func available(_ endpoint: String, windows: [Window], now: Instant) -> Int {
        let times = sent[endpoint] ?? []
        return windows.map { w in max(0, w.count - times.filter { $0 > now.adding(Span(milliseconds: -w.span.milliseconds)) }.count) }.min()
            ?? Int.max
    }

    /// When the next send will be allowed, if none is now.
    public func nextFree(_ endpoint: String, windows: [Window], now: Instant) -> Instant {
        let times = (sent[endpoint] ?? []).sorted()
        var at = now
        for w in windows {
            let inWindow = times.filter { $0 > now.adding(Span(milliseconds: -w.span.milliseconds)) }
            if inWindow.count >= w.count, let oldest = inWindow.first { at = max(at, oldest.adding(w.span)) }
        }
        return at
    }

    public mutating func record(_ endpoint: String, at now: Instant, windows: [Window]) {
        guard let keep = windows.map(\.span).max() else { return }
        var times = (sent[endpoint] ?? []).filter { $0 > now.adding(Span(milliseconds: -keep.milliseconds)) }
        times.append(now)
        sent[endpoint] = times
    }
}
