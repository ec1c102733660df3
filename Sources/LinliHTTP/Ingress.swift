import Foundation
import HTTPTypes
import Hummingbird
import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliWebhooks
import Synchronization

/// How the ingress checks requests.
public struct IngressConfiguration: Sendable {
    /// The Standard Webhooks secret (`whsec_…`); nil only with `--insecure-no-auth`.
    public var secret: String?
    /// The largest body accepted, in bytes.
    public var maxBody: Int
    /// How far a `webhook-timestamp` may be from now.
    public var tolerance: Span

    public init(secret: String?, maxBody: Int = 1 << 20, tolerance: Span = .minutes(5)) {
        self.secret = secret
        self.maxBody = maxBody
        self.tolerance = tolerance
    }
}

/// Counters for `/metrics`, written in the Prometheus text format.
public final class IngressMetrics: Sendable {
    private let counters = Mutex<[String: Int]>([:])

    public init() {}

    func add(_ name: String, _ labels: String = "", by n: Int = 1) {
        counters.withLock { $0[labels.isEmpty ? name : "\(name){\(labels)}", default: 0] += n }
    }

    /// Counts what a batch came to.
    func record(_ items: [InputItem], _ events: [OutboundEvent]) {
        for item in items {
            if case .event(let e, _) = item { add("linli_events_in_total", "type=\"\(e.type.rawValue)\"") }
        }
        for e in events {
            switch e.type {
            case .reply: add("linli_replies_total", "code=\"\(e.ok ? "ok" : e.code ?? "error")\"")
            case .error: add("linli_bad_lines_total", "code=\"\(e.code ?? "")\"")
            case .notify, .post: add("linli_pushes_total", "type=\"\(e.type.rawValue)\"")
            }
        }
    }

    /// The counters and the gauges read now, one metric a line.
    public func render(gauges: [(String, Int)]) -> String {
        let lines = counters.withLock { c in c.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" } }
        return (lines + gauges.map { "\($0.0) \($0.1)" }).joined(separator: "\n") + "\n"
    }
}

/// The HTTP routes: `POST /v1/events`, `GET /healthz`, `GET /metrics`.
public enum Ingress {
    /// Builds the router for the engine behind `gate`.
    public static func router(gate: EngineGate, store: Store, configuration: IngressConfiguration, metrics: IngressMetrics = IngressMetrics(),
                              outbox: OutboxService? = nil, wallClock: @escaping @Sendable () -> Instant = Linli.wallClock) -> Router<BasicRequestContext> {
        let router = Router()
        let encoder = EventEncoder(format: .json, formatTime: gate.formatTime)
        router.post("v1/events") { request, context -> Response in
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: configuration.maxBody)
            } catch {
                metrics.add("linli_http_requests_total", "status=\"413\"")
                return problem(.contentTooLarge, "body_too_large", "the body is over \(configuration.maxBody) bytes")
            }
            let bytes = Array(buffer: body)
            if let secret = configuration.secret {
                if let refusal = verify(request.headers, bytes, secret: secret, tolerance: configuration.tolerance, now: wallClock()) {
                    metrics.add("linli_http_requests_total", "status=\"401\"")
                    return refusal
                }
            }
            let items: [InputItem]
            switch IngressBody.items(bytes) {
            case .success(let i): items = i
            case .failure(let error):
                metrics.add("linli_http_requests_total", "status=\"400\"")
                return problem(.badRequest, error.code.rawValue, error.text)
            }
            let events = try await gate.process(items)
            outbox?.poke()
            metrics.record(items, events)
            metrics.add("linli_http_requests_total", "status=\"200\"")
            let json = "{\"events\":[" + events.map(encoder.jsonObject).joined(separator: ",") + "]}"
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        router.get("healthz") { _, _ -> Response in
            do {
                let depth = try store.read { try $0.outboxDepth() }
                let json = "{\"status\":\"ok\",\"database\":\"ok\",\"outbox_depth\":\(depth)}"
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
            } catch {
                return problem(.serviceUnavailable, "database_unavailable", "\(error)")
            }
        }
        router.get("metrics") { _, _ -> Response in
            let (depth, timers, dead) = (try? store.read { tx in (try tx.outboxDepth(), try tx.pendingTimers(), try tx.deadLetters().count) }) ?? (0, 0, 0)
            let text = metrics.render(gauges: [("linli_outbox_depth", depth), ("linli_timers_pending", timers), ("linli_dead_letters", dead)])
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        return router
    }

    /// Standard Webhooks verification of the raw body; nil when it passes.
    static func verify(_ headers: HTTPFields, _ body: [UInt8], secret: String, tolerance: Span, now: Instant) -> Response? {
        guard let id = headers[HTTPField.Name("webhook-id")!], let stamp = headers[HTTPField.Name("webhook-timestamp")!],
              let signature = headers[HTTPField.Name("webhook-signature")!] else {
            return problem(.unauthorized, "missing_signature", "webhook-id, webhook-timestamp and webhook-signature are required")
        }
        guard let seconds = Int64(stamp), abs(now.milliseconds / 1000 - seconds) <= tolerance.milliseconds / 1000 else {
            return problem(.unauthorized, "stale_timestamp", "webhook-timestamp is more than \(tolerance.spoken(.en)) from now")
        }
        guard Signatures.verifyStandardWebhooks(secret: secret, id: id, timestamp: seconds, body: body, header: signature) else {
            return problem(.unauthorized, "bad_signature", "the signature does not match the body")
        }
        return nil
    }

    static func problem(_ status: HTTPResponse.Status, _ code: String, _ text: String) -> Response {
        var json = "{\"code\":"
        JSON.appendString(code, to: &json)
        json += ",\"text\":"
        JSON.appendString(text, to: &json)
        json += "}"
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}
