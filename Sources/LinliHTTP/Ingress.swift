import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliWebhooks
import Prometheus

/// How the ingress checks requests.
public struct IngressConfiguration: Sendable {
    /// The Standard Webhooks secret (`whsec_…`), decoded; nil only with `--insecure-no-auth`.
    public var key: StandardWebhooksKey?
    /// The largest body accepted, in bytes.
    public var maxBody: Int
    /// How far a `webhook-timestamp` may be from now.
    public var tolerance: Span
    /// How long a client may take to send a request: a connection idle this long is
    /// closed, and so is one whose request has not arrived whole this long after its head.
    public var readTimeout: Duration
    /// `GET /healthz` answers 503 `engine_stalled` when no batch or tick (one a second)
    /// has committed for this long.
    public var stalledAfter: Duration

    public init(
        key: StandardWebhooksKey?, maxBody: Int = 1 << 20, tolerance: Span = .minutes(5), readTimeout: Duration = .seconds(10),
        stalledAfter: Duration = .seconds(30)
    ) {
        self.key = key
        self.maxBody = maxBody
        self.tolerance = tolerance
        self.readTimeout = readTimeout
        self.stalledAfter = stalledAfter
    }
}

/// The server's metrics: a Prometheus registry that the bot's swift-metrics
/// counters, gauges and timers write to, and `/metrics` reads.
public final class IngressMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    /// The swift-metrics side, for the engine, the outbox and the routes.
    public let bot: BotMetrics

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        // Commands take microseconds to milliseconds; the default buckets start at 5 ms.
        factory.durationHistogramBuckets["linli_command_duration_seconds"] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
        ]
        bot = BotMetrics(factory: factory)
    }

    /// Everything in the Prometheus text format, with the gauges read now.
    public func render(gauges: [(String, Int)]) -> String {
        for (label, value) in gauges { bot.gauge(label, value) }
        return registry.emitToString()
    }
}

/// The HTTP routes: `POST /v1/events`, `GET /healthz`, `GET /metrics`, the staff pages
/// (`/dashboard…`) and Open311 (`/open311/v2/…`).
public enum Ingress {
    /// Builds the router for the engine behind `gate`.
    public static func router(
        gate: EngineGate, store: Store, configuration: IngressConfiguration, metrics: IngressMetrics = IngressMetrics(),
        wallClock: @escaping @Sendable () -> Instant = Linli.wallClock
    ) -> Router<BasicRequestContext> {
        let router = Router()
        let encoder = {
            var encoder = EventEncoder(format: .json, formatTime: gate.formatTime)
            encoder.reuseEncoded = true  // the engine's formatTime: what it encoded is what would be written
            return encoder
        }()
        let replays = ReplayGuard(keep: Span(milliseconds: configuration.tolerance.milliseconds * 2))
        @Sendable func answered(_ status: Int) { metrics.bot.count("linli_http_requests_total", [("status", String(status))]) }
        router.post("v1/events") { request, context -> Response in
            var request = request
            let bytes: [UInt8]
            switch await body(of: &request, upTo: configuration.maxBody) {
            case .read(let b): bytes = b
            case .refused(let refusal):
                answered(Int(refusal.status.code))
                return refusal
            }
            if let key = configuration.key {
                if let refusal = verify(request.headers, bytes, key: key, tolerance: configuration.tolerance, now: wallClock()) {
                    answered(401)
                    return refusal
                }
            }
            var read: [InputItem]
            switch IngressBody.items(bytes) {
            case .success(let i): read = i
            case .failure(let error):
                answered(400)
                return problem(.badRequest, error.code.rawValue, error.text)
            }
            // A signed request's events without an id are known by its webhook-id: a replay
            // changes nothing, also after the guard below has forgotten it or the server restarted.
            let webhookID = configuration.key == nil ? nil : request.headers[.webhookID]
            if let webhookID {
                read = read.map { item in
                    guard case .event(var event, let line) = item, event.id == nil else { return item }
                    event.key = "webhook-id:\(webhookID)#\(line)"
                    return .event(event, line: line)
                }
            }
            let items = read
            @Sendable func handle() async throws -> String {
                let events = try await gate.process(items)
                metrics.bot.record(items, events)
                return "{\"events\":[" + events.map(encoder.jsonObject).joined(separator: ",") + "]}"
            }
            // A signed request is answered once: its repeats get the first answer.
            let json: String
            do {
                if let webhookID {
                    json = try await replays.answer(webhookID, now: wallClock(), handle)
                } else {
                    json = try await handle()
                }
            } catch is ReplayGuard.Unanswered {
                answered(503)
                return problem(.serviceUnavailable, "retry", "the first request with this webhook-id ended without an answer; send it again")
            } catch {
                // Nothing of it was kept (the batch's transaction did not commit): the bridge sends it again.
                answered(503)
                return problem(.serviceUnavailable, "database_unavailable", "the events were not kept (\(error)); send them again")
            }
            answered(200)
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        // From what the gate keeps as batches and ticks (one a second) go: no query.
        router.get("healthz") { _, _ -> Response in
            let health = gate.currentHealth
            if let error = health.syncError ?? health.storeError { return problem(.serviceUnavailable, "database_unavailable", error) }
            let idle = ContinuousClock.now - health.committed
            if idle > configuration.stalledAfter {
                return problem(
                    .serviceUnavailable, "engine_stalled", "no batch or tick has committed and reached the disk for \(idle.components.seconds) s (waiting on a lock, or on the disk?)")
            }
            let json = "{\"status\":\"ok\",\"database\":\"ok\",\"outbox_depth\":\(health.outboxDepth)}"
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        router.get("metrics") { _, _ -> Response in
            let (depth, timers, dead) =
                (try? store.read { tx in (try tx.outboxDepth(), try tx.pendingTimers(), try tx.deadLetters().count) }) ?? (0, 0, 0)
            let text = metrics.render(gauges: [("linli_outbox_depth", depth), ("linli_timers_pending", timers), ("linli_dead_letters", dead)])
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        DashboardRoutes.add(to: router, gate: gate)
        Open311Routes.add(to: router, gate: gate)
        return router
    }

    /// A request's body as read, or the answer to give instead.
    public enum Body {
        case read([UInt8])
        case refused(Response)
    }

    /// Reads a request's body: 413 past `maxBody` bytes, 400 when it cannot be read (a broken chunk).
    public static func body(of request: inout Request, upTo maxBody: Int) async -> Body {
        do {
            return .read(Array(buffer: try await request.collectBody(upTo: maxBody)))
        } catch is NIOTooManyBytesError {
            return .refused(problem(.contentTooLarge, "body_too_large", "the body is over \(maxBody) bytes"))
        } catch {
            return .refused(problem(.badRequest, "bad_body", "the body could not be read (\(error))"))
        }
    }

    /// Standard Webhooks verification of the raw body; nil when it passes.
    static func verify(_ headers: HTTPFields, _ body: [UInt8], key: StandardWebhooksKey, tolerance: Span, now: Instant) -> Response? {
        guard let id = headers[.webhookID], let stamp = headers[.webhookTimestamp], let signature = headers[.webhookSignature]
        else {
            return problem(.unauthorized, "missing_signature", "webhook-id, webhook-timestamp and webhook-signature are required")
        }
        guard let seconds = Int64(stamp), case let (gap, over) = (now.milliseconds / 1000).subtractingReportingOverflow(seconds), !over,
            gap.magnitude <= tolerance.milliseconds.magnitude / 1000
        else {
            return problem(.unauthorized, "stale_timestamp", "webhook-timestamp is more than \(tolerance.spoken(.en)) from now")
        }
        guard key.verify(id: id, timestamp: seconds, body: body, header: signature) else {
            return problem(.unauthorized, "bad_signature", "the signature does not match the body")
        }
        return nil
    }

    public static func problem(_ status: HTTPResponse.Status, _ code: String, _ text: String) -> Response {
        var json = "{\"code\":"
        JSON.appendString(code, to: &json)
        json += ",\"text\":"
        JSON.appendString(text, to: &json)
        json += "}"
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}

extension HTTPField.Name {
    /// Standard Webhooks' headers, made once (a name is checked and lowercased when made).
    static let webhookID = HTTPField.Name("webhook-id")!
    static let webhookTimestamp = HTTPField.Name("webhook-timestamp")!
    static let webhookSignature = HTTPField.Name("webhook-signature")!
}
