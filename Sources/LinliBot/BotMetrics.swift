import CoreMetrics
import LinliProtocol
import Synchronization

/// What the bot counts and times, through swift-metrics: the backend is whatever
/// factory it is given (Prometheus for `linli serve`). An explicit factory rather
/// than the process-wide bootstrap, so that each server (and each test) has its own.
///
/// ```swift
/// let metrics = BotMetrics(factory: PrometheusMetricsFactory(registry: registry))
/// engine.metrics = metrics
/// ```
public struct BotMetrics: Sendable {
    let factory: any MetricsFactory
    /// Counters made so far, by label and dimensions: made once, then only incremented.
    private let counters = Counters()

    public init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Adds `n` to a counter.
    public func count(_ label: String, _ dimensions: [(String, String)] = [], by n: Int = 1) {
        let key = dimensions.reduce(label) { $0 + "\u{0}" + $1.0 + "=" + $1.1 }
        counters.get(key) { Counter(label: label, dimensions: dimensions, factory: factory) }.increment(by: n)
    }

    private final class Counters: Sendable {
        private let made = Mutex<[String: Counter]>([:])
        func get(_ key: String, make: () -> Counter) -> Counter {
            made.withLock { made in
                if let counter = made[key] { return counter }
                let counter = make()
                made[key] = counter
                return counter
            }
        }
    }

    /// Sets a gauge.
    public func gauge(_ label: String, _ value: Int) {
        Gauge(label: label, factory: factory).record(value)
    }

    /// How long one command took from the event's arrival in the engine to its outcome.
    func commandHandled(_ command: String, nanoseconds: Int64) {
        Timer(label: "linli_command_duration_seconds", dimensions: [("command", command)], factory: factory).recordNanoseconds(nanoseconds)
    }

    /// Counts what a batch came to: events in by type, replies by code, bad lines, pushes.
    public func record(_ items: [InputItem], _ events: [OutboundEvent]) {
        for item in items {
            if case .event(let e, _) = item { count("linli_events_in_total", [("type", e.type.rawValue)]) }
        }
        for e in events {
            switch e.type {
            case .reply: count("linli_replies_total", [("code", e.ok ? "ok" : e.code ?? "error")])
            case .error: count("linli_bad_lines_total", [("code", e.code ?? "")])
            case .notify, .post: count("linli_pushes_total", [("type", e.type.rawValue)])
            }
        }
    }
}
