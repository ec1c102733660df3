import Foundation
import HTTPTypes
import Hummingbird
import LinliBot
import LinliCore
import LinliHTTP
import LinliStore
import LinliTesting
import Logging
import NIOCore
import NIOEmbedded
import Testing

/// The routes called through the router's responder, without a socket: the
/// request is a value, the context sits on an embedded channel.
@Suite struct RouterTests {
    static func respond(
        _ router: Router<BasicRequestContext>, _ method: HTTPRequest.Method, _ path: String,
        body: String = "", headers: [(String, String)] = []
    ) async throws -> (status: Int, text: String) {
        var fields = HTTPFields()
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: path, headerFields: fields),
            body: RequestBody(buffer: ByteBuffer(string: body)))
        let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: Logger(label: "test")))
        let response = try await router.buildResponder().respond(to: request, context: context)
        let sink = Sink()
        try await response.body.write(Collector(sink: sink))
        return (response.status.code, String(buffer: sink.buffer))
    }

    /// Where a response body is gathered.
    final class Sink { var buffer = ByteBuffer() }

    struct Collector: ResponseBodyWriter {
        let sink: Sink
        mutating func write(_ buffer: ByteBuffer) async throws { sink.buffer.writeImmutableBuffer(buffer) }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    static func headers(_ body: String, id: String = "msg_1") -> [(String, String)] {
        IngressTests.signed(body, id: id).map { ($0.name, $0.value) }
    }

    @Test func aSignedReportIsAnsweredAndKept() async throws {
        let rig = try IngressTests.Rig()
        let (status, text) = try await Self.respond(
            rig.router, .post, "/v1/events", body: IngressTests.report, headers: Self.headers(IngressTests.report))
        #expect(status == 200)
        #expect(text.hasPrefix(#"{"events":[{"type":"reply""#) && text.contains(#""refs":["R1"]"#), "\(text)")
        #expect(try rig.store.read { try $0.workOrder(1) }?.reporter == "u-li")
    }

    @Test(arguments: [
        ([("webhook-id", "msg_1")], "missing_signature"),
        ([("webhook-id", "msg_1"), ("webhook-timestamp", "12"), ("webhook-signature", "v1,AAAA")], "stale_timestamp"),
    ])
    func unsignedAndStaleRequestsAreRefusedWithAReason(headers: [(String, String)], code: String) async throws {
        let rig = try IngressTests.Rig()
        let (status, text) = try await Self.respond(rig.router, .post, "/v1/events", body: IngressTests.report, headers: headers)
        #expect(status == 401 && text.contains(code))
        #expect(try rig.store.read { try $0.workOrder(1) } == nil)
    }

    @Test func aForgedSignatureIsRefused() async throws {
        let rig = try IngressTests.Rig()
        var headers = Self.headers(IngressTests.report)
        headers[2].1 = "v1," + Data(repeating: 7, count: 32).base64EncodedString()
        let (status, text) = try await Self.respond(rig.router, .post, "/v1/events", body: IngressTests.report, headers: headers)
        #expect(status == 401 && text.contains("bad_signature"))
    }

    @Test func healthMetricsAndUnknownPaths() async throws {
        let rig = try IngressTests.Rig(secret: nil)
        #expect(try await Self.respond(rig.router, .get, "/healthz").text.contains(#""outbox_depth":0"#))
        _ = try await Self.respond(rig.router, .post, "/v1/events", body: IngressTests.report)
        #expect(try await Self.respond(rig.router, .get, "/metrics").text.contains(#"linli_events_in_total{type="message"} 1"#))
        #expect(try await Self.respond(rig.router, .get, "/v2/nothing").status == 404)
    }

    /// `GET /healthz` answers from what the gate keeps (issue 20), not from a query per
    /// request: the outbox's depth as counted after a batch (at most once a second),
    /// and a database that failed the last batch until one commits again.
    @Test func healthComesFromTheLastBatchNotFromAQueryPerRequest() async throws {
        let db = try TestPostgres.database()
        let store = try Store(path: db)
        let rig = try IngressTests.Rig(secret: nil, store: store)
        let now = Linli.wallClock()
        try store.write { tx in
            for i in 0..<3 {
                try tx.enqueue(
                    OutboxRow(
                        eventID: "e\(i)", webhook: "generic-water", recipient: "u-cap3", reason: "new_report", text: "push", refs: [],
                        event: "{}", createdAt: now, dueAt: now.adding(.hours(1))))
            }
        }
        // Written behind the gate's back: not seen until a batch counts again.
        #expect(try await Self.respond(rig.router, .get, "/healthz").text.contains(#""outbox_depth":0"#))
        try await Task.sleep(for: .milliseconds(1_100))
        _ = try await Self.respond(rig.router, .post, "/v1/events", body: #"{"type":"tick","ts":"2026-11-28T09:00:00+08:00"}"#)
        #expect(try await Self.respond(rig.router, .get, "/healthz").text.contains(#""outbox_depth":3"#))
        // The database goes away: the next batch fails, and health says so.
        try TestPostgres.drop(db)
        _ = try? await Self.respond(rig.router, .post, "/v1/events", body: IngressTests.report)
        let down = try await Self.respond(rig.router, .get, "/healthz")
        #expect(down.status == 503 && down.text.contains("database_unavailable"), "\(down.text)")
    }

    /// An engine that commits nothing for a while (a batch waiting on a lock; the
    /// server's tick commits every second) is not healthy, whatever its last batch said.
    @Test func healthSaysSoWhenNothingHasCommittedForAWhile() async throws {
        let store = try Store(path: ":memory:")
        let gate = EngineGate(try Fixtures.engine(store: store))
        let router = Ingress.router(gate: gate, store: store, configuration: IngressConfiguration(key: nil, stalledAfter: .seconds(2)))
        try await Task.sleep(for: .milliseconds(2_200))
        let stalled = try await Self.respond(router, .get, "/healthz")
        #expect(stalled.status == 503 && stalled.text.contains("engine_stalled"), "\(stalled.text)")
        // A batch commits: the clock of health starts again from it.
        let before = ContinuousClock.now
        _ = try await Self.respond(router, .post, "/v1/events", body: #"{"type":"tick","ts":"2026-11-28T09:00:00+08:00"}"#)
        #expect(gate.currentHealth.committed >= before && gate.currentHealth.storeError == nil)
    }

    /// Another process holds the SQLite file's write lock (a backup, a `sqlite3` shell):
    /// an event is refused with 503 and a code, not an empty 500; health stays 503 while
    /// the lock is held (a tick that writes nothing cleared it), and is well once it is let go.
    @Test func aLockedDatabaseIsReportedUntilItIsLetGo() async throws {
        let path = BinaryRunner.temporaryDatabase()
        let store = try Store(path: path)
        let gate = EngineGate(try Fixtures.engine(store: store))
        let router = Ingress.router(gate: gate, store: store, configuration: IngressConfiguration(key: nil))
        let ticker = gate.startTicking(every: .milliseconds(200))
        defer { ticker.cancel() }
        let other = try Store(path: path)
        let (held, letGo) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        Thread.detachNewThread {
            try? other.write { tx in
                try tx.setMeta("held", 1)
                held.signal()
                letGo.wait()
            }
        }
        held.wait()
        let refused = try await Self.respond(router, .post, "/v1/events", body: IngressTests.report)
        #expect(refused.status == 503 && refused.text.contains("database_unavailable"), "\(refused.text)")
        try await Task.sleep(for: .milliseconds(1_500))  // idle ticks meanwhile
        let locked = try await Self.respond(router, .get, "/healthz")
        #expect(locked.status == 503 && locked.text.contains("database_unavailable"), "\(locked.text)")
        letGo.signal()
        var well = false
        for _ in 0..<150 where !well {
            try await Task.sleep(for: .milliseconds(200))
            well = try await Self.respond(router, .get, "/healthz").status == 200
        }
        #expect(well, "health comes back once the lock is let go")
    }
}
