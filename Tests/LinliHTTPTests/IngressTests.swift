import Foundation
import HTTPTypes
import Hummingbird
import LinliBot
import LinliCore
import LinliHTTP
import LinliStore
import LinliTesting
import LinliWebhooks
import NIOCore
import Synchronization
import Testing

/// A response as the tests read it.
struct Reply: Sendable {
    var status: Int
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Runs the routes on 127.0.0.1 (any free port) for the length of `body`, which
/// talks to them with libcurl: real HTTP over loopback.
func withServer(
    _ router: Router<BasicRequestContext>, readTimeout: Duration = .seconds(10), _ body: @Sendable (LiveClient) async throws -> Void
) async throws {
    let (ports, port) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router, server: Ingress.server(readTimeout: readTimeout),
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { port.yield($0.localAddress?.port ?? 0) })
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        var next = ports.makeAsyncIterator()
        let number = await next.next() ?? 0
        let client = LiveClient(base: "http://127.0.0.1:\(number)")
        defer { client.curl.shutdown() }
        try await body(client)
        group.cancelAll()
    }
}

struct LiveClient: Sendable {
    let base: String
    let curl = CurlClient(totalTimeout: 60_000, maxConnections: 64)  // a loaded test machine answers late, not wrong

    /// Sends requests at once, off the cooperative threads (curl blocks).
    func send(_ requests: [LinliWebhooks.HTTPRequest]) async -> [Reply] {
        await withCheckedContinuation { done in
            DispatchQueue.global().async {
                done.resume(
                    returning: curl.send(requests).map { result in
                        switch result {
                        case .success(let r): Reply(status: r.status, body: r.body)
                        case .failure(let e): Reply(status: 0, body: Array(e.message.utf8))
                        }
                    })
            }
        }
    }

    func post(_ path: String, _ body: String, headers: [HTTPHeader] = []) async -> Reply {
        await send([LinliWebhooks.HTTPRequest(url: base + path, headers: headers, body: Array(body.utf8))])[0]
    }

    func get(_ path: String) async -> Reply {
        await send([LinliWebhooks.HTTPRequest(url: base + path, method: .get)])[0]
    }
}

/// `POST /v1/events` live on 127.0.0.1.
@Suite struct IngressTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    struct Rig {
        let store: Store
        let router: Router<BasicRequestContext>
        let metrics = IngressMetrics()
        /// A server on `store` (a new one, or the database of a server that stopped).
        init(secret: String? = IngressTests.secret, maxBody: Int = 1 << 20, store: Store? = nil) throws {
            self.store = try store ?? Store(path: ":memory:")
            let engine = try Fixtures.engine(store: self.store)
            engine.metrics = metrics.bot
            router = Ingress.router(
                gate: EngineGate(engine), store: self.store,
                configuration: IngressConfiguration(key: secret.flatMap(StandardWebhooksKey.init), maxBody: maxBody), metrics: metrics)
        }
    }

    /// Standard Webhooks headers for `body`, signed now (or `skew` seconds off).
    static func signed(_ body: String, id: String = "msg_1", skew: Int64 = 0, secret: String = IngressTests.secret) -> [HTTPHeader] {
        let ts = Linli.wallClock().milliseconds / 1000 + skew
        let signature = Signatures.standardWebhooks(secret: secret, id: id, timestamp: ts, body: Array(body.utf8)) ?? ""
        return [HTTPHeader("webhook-id", id), HTTPHeader("webhook-timestamp", String(ts)), HTTPHeader("webhook-signature", signature)]
    }

    static func events(_ response: Reply) -> [[String: Any]] {
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
        return object?["events"] as? [[String: Any]] ?? []
    }

    static let report = #"{"id":"m1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"报修 漏水 501 厨房滴水"}"#

    @Test func aSignedEventIsAnsweredWithWhatItCaused() async throws {
        let rig = try Rig()
        try await withServer(rig.router) { client in
            let response = await client.post("/v1/events", Self.report, headers: Self.signed(Self.report))
            #expect(response.status == 200)
            let events = Self.events(response)
            #expect(events.map { $0["type"] as? String } == ["reply", "notify"])
            #expect(events.first?["refs"] as? [String] == ["R1"] && events.first?["in_reply_to"] as? String == "m1")
        }
    }

    @Test func forgedStaleAndMissingSignaturesAreRefused() async throws {
        let rig = try Rig()
        try await withServer(rig.router) { client in
            let forged = Self.signed(Self.report, secret: "whsec_" + Data("another secret entirely!".utf8).base64EncodedString())
            let stale = Self.signed(Self.report, skew: -301)
            let tampered = Self.signed(Self.report.replacingOccurrences(of: "501", with: "502"))
            for (headers, code) in [(forged, "bad_signature"), (stale, "stale_timestamp"), ([], "missing_signature"), (tampered, "bad_signature")] {
                let response = await client.post("/v1/events", Self.report, headers: headers)
                #expect(response.status == 401)
                #expect(response.text.contains(code))
            }
            #expect(await client.post("/v1/events", Self.report, headers: Self.signed(Self.report, skew: 299)).status == 200, "within five minutes")
        }
        #expect(try rig.store.read { try $0.workOrder(1) } != nil)
        #expect(try rig.store.read { try $0.workOrder(2) } == nil, "nothing refused took effect")
    }

    @Test func badEmptyAndOversizedBodies() async throws {
        let rig = try Rig(maxBody: 1_000)
        try await withServer(rig.router) { client in
            for (body, status, code) in [
                ("{broken", 400, "bad_json"), ("", 400, "missing_field"), ("[1, 2]", 400, "bad_json"), ("[1, " + Self.report + "]", 200, "bad_json"), ("not json at all", 400, "missing_field"),
            ] {
                let response = await client.post("/v1/events", body, headers: Self.signed(body))
                #expect(response.status == status, "\(body)")
                #expect(response.text.contains(code), "\(body)")
            }
            let big = String(repeating: "x", count: 2_000)
            #expect(await client.post("/v1/events", big, headers: Self.signed(big)).status == 413)
        }
    }

    @Test func ndjsonAndArraysCarrySeveralEventsInOrder() async throws {
        let rig = try Rig()
        let ndjson = Self.report + "\n" + #"{"ts":"2026-11-28T09:01:00+08:00","from":"u-zhou","text":"签收 R1"}"# + "\n"
        let array = #"[{"ts":"2026-11-28T09:02:00+08:00","from":"u-li","text":"status R1"},{"ts":"2026-11-28T09:03:00+08:00","from":"u-li"}]"#
        try await withServer(rig.router) { client in
            let first = Self.events(await client.post("/v1/events", ndjson, headers: Self.signed(ndjson)))
            #expect(first.filter { $0["type"] as? String == "reply" }.map { $0["to"] as? String } == ["u-li", "u-zhou"])
            let second = Self.events(await client.post("/v1/events", array, headers: Self.signed(array, id: "msg_2")))
            #expect(second.map { $0["type"] as? String } == ["reply", "error"])
            #expect(second.last?["line"] as? Int == 2 && second.last?["code"] as? String == "missing_field")
        }
    }

    @Test func aRepeatedIDAcrossRequestsChangesNothing() async throws {
        let rig = try Rig()
        try await withServer(rig.router) { client in
            let first = Self.events(await client.post("/v1/events", Self.report, headers: Self.signed(Self.report)))
            let again = Self.events(await client.post("/v1/events", Self.report, headers: Self.signed(Self.report, id: "msg_2")))
            // The same events as the first time, ids included: the bridge drops what it delivered.
            #expect(again.count == 2 && again.map { $0["id"] as? String } == first.map { $0["id"] as? String })
            #expect(again.first?["refs"] as? [String] == first.first?["refs"] as? [String])
            #expect(again.first?["text"] as? String == first.first?["text"] as? String)
        }
        #expect(try rig.store.read { try $0.workOrder(2) } == nil)
    }

    /// PROTOCOL.md §4: a request whose `webhook-id` was answered gets that answer and changes nothing.
    @Test func aReplayedSignedRequestGetsTheFirstAnswerAndChangesNothing() async throws {
        let rig = try Rig()
        let noID = #"{"ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"report leak kitchen"}"#
        try await withServer(rig.router) { client in
            let headers = Self.signed(noID, id: "msg_once")
            let first = await client.post("/v1/events", noID, headers: headers)
            let replayed = await client.post("/v1/events", noID, headers: headers)
            #expect(first.status == 200 && replayed.status == 200 && replayed.text == first.text)
        }
        #expect(try rig.store.read { try $0.workOrder(1) } != nil)
        #expect(try rig.store.read { try $0.workOrder(2) } == nil, "the replay created nothing")
    }

    /// The guard's memory is gone after a restart; the request's events without ids are
    /// still known by its webhook-id, in the database.
    @Test func aSignedRequestReplayedAfterARestartChangesNothing() async throws {
        let rig = try Rig()
        let twoWithoutIDs =
            #"{"ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"report leak kitchen"}"# + "\n"
            + #"{"ts":"2026-11-28T09:01:00+08:00","from":"u-li","text":"status"}"#
        let headers = Self.signed(twoWithoutIDs, id: "msg_before_restart")
        let answer = Mutex<Reply?>(nil)
        try await withServer(rig.router) { client in
            let reply = await client.post("/v1/events", twoWithoutIDs, headers: headers)
            answer.withLock { $0 = reply }
        }
        let firstEvents = try Self.events(#require(answer.withLock { $0 }))
        let (ids, texts) = (firstEvents.map { $0["id"] as? String }, firstEvents.map { $0["text"] as? String })
        let restarted = try Rig(store: rig.store)
        try await withServer(restarted.router) { client in
            let replayed = Self.events(await client.post("/v1/events", twoWithoutIDs, headers: headers))
            #expect(ids.count == 3 && replayed.map { $0["id"] as? String } == ids)
            #expect(replayed.map { $0["text"] as? String } == texts)
            // The same events under another webhook-id are new events: a bridge's fresh request.
            let fresh = Self.events(await client.post("/v1/events", twoWithoutIDs, headers: Self.signed(twoWithoutIDs, id: "msg_new")))
            #expect(fresh.first?["refs"] as? [String] == ["R2"])
        }
        #expect(try rig.store.read { try $0.workOrder(3) } == nil)
    }

    @Test func aPrettyPrintedEventAndShorthandLinesAreReadAsOnStdin() async throws {
        let rig = try Rig()
        let pretty = """
            {
              "ts": "2026-11-28T09:00:00+08:00",
              "group": "fudi-b3",
              "from": "u-li",
              "text": "report leak kitchen"
            }
            """
        let shorthand = "[fudi-b3] u-zhang: report light corridor dark\n@2026-11-28T09:05:00+08:00 u-zhang: status"
        try await withServer(rig.router) { client in
            let one = Self.events(await client.post("/v1/events", pretty, headers: Self.signed(pretty, id: "msg_p")))
            #expect(one.first?["type"] as? String == "reply" && one.first?["refs"] as? [String] == ["R1"])
            let lines = Self.events(await client.post("/v1/events", shorthand, headers: Self.signed(shorthand, id: "msg_s")))
            #expect(lines.filter { $0["type"] as? String == "reply" }.map { $0["to"] as? String } == ["u-zhang", "u-zhang"])
        }
    }

    @Test func healthAndMetrics() async throws {
        let rig = try Rig()
        try await withServer(rig.router) { client in
            _ = await client.post("/v1/events", Self.report, headers: Self.signed(Self.report))
            _ = await client.post("/v1/events", Self.report, headers: Self.signed(Self.report, id: "msg_2"))
            _ = await client.post("/v1/events", "{broken", headers: Self.signed("{broken"))
            let health = await client.get("/healthz")
            #expect(health.status == 200 && health.text.contains("\"database\":\"ok\""))
            let metrics = await client.get("/metrics").text
            for metric in [
                "linli_events_in_total{type=\"message\"} 2", "linli_replies_total{code=\"ok\"} 2", "linli_http_requests_total{status=\"200\"} 2",
                "linli_http_requests_total{status=\"400\"} 1", "linli_dedupe_hits_total 1", "linli_pushes_total{type=\"notify\"} 2",
                "linli_command_duration_seconds_count{command=\"report\"} 1",
                "linli_command_duration_seconds_bucket{command=\"report\",le=\"1.0\"} 1",
                // Timers: the report's clock and the daily ones (the delivery note, visit reminders, the monthly figures).
                "linli_timers_pending 4.0", "linli_outbox_depth 1.0", "linli_dead_letters 0.0", "# TYPE linli_command_duration_seconds histogram",
            ] {
                #expect(metrics.contains(metric), "\(metric) in \(metrics)")
            }
        }
    }

    @Test func twoHundredConcurrentReportsFromFortyClientsAreEachKeptOnce() async throws {
        let rig = try Rig(secret: nil)
        try await withServer(rig.router) { client in
            // 40 clients, 5 reports each, all in flight together (curl keeps at most 64 connections).
            let requests = (0..<40).flatMap { c in
                (0..<5).map { k in
                    LinliWebhooks.HTTPRequest(
                        url: client.base + "/v1/events",
                        body: Array(
                            #"{"id":"c\#(c)-\#(k)","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"report leak pipe \#(c)-\#(k)"}"#
                                .utf8))
                }
            }
            let replies = await client.send(requests)
            let refs = replies.flatMap { (Self.events($0).first?["refs"] as? [String]) ?? [] }
            #expect(
                replies.allSatisfy { $0.status == 200 }, "\(Set(replies.filter { $0.status != 200 }.map { "\($0.status) \($0.text.prefix(80))" }))")
            #expect(refs.count == 200)
            #expect(Set(refs) == Set((1...200).map { "R\($0)" }), "every report got its own number, none lost or doubled")
        }
        #expect(try rig.store.read { try $0.workOrder(200) } != nil)
        #expect(try rig.store.read { try $0.workOrder(201) } == nil)
    }

    @Test func deliveryAttemptsAndDeadLettersAreCounted() async throws {
        let answered = Mutex(0)
        let receiver = try RecordingReceiver { _ in
            answered.withLock { n in
                n += 1
                return n == 1 ? .init(status: 200, body: #"{"errcode":0}"#) : .init(status: 400, body: "no")
            }
        }
        defer { receiver.stop() }
        let (engine, store, community) = try Fixtures.engine(webhooksAt: receiver.url(""))
        let metrics = IngressMetrics()
        let client = CurlClient()
        defer { client.shutdown() }
        let outbox = OutboxService(store: store, community: community, client: client, clock: { Linli.wallClock() }, metrics: metrics.bot)
        for k in 1...2 {
            var splitter = LineSplitter(maxLine: 65_536)
            let line = #"{"ts":"2026-11-28T09:0\#(k):00+08:00","group":"fudi-b3","from":"u-li","text":"报修 漏水 厨房 \#(k)"}"# + "\n"
            _ = try engine.process(Array(line.utf8).withUnsafeBytes { splitter.feed($0) })
            #expect(try outbox.deliverDue() == 1)
        }
        let text = metrics.render(gauges: [])
        #expect(text.contains(#"linli_delivery_attempts_total{result="delivered"} 1"#), "\(text)")
        #expect(text.contains(#"linli_delivery_attempts_total{result="permanent"} 1"#), "\(text)")
        #expect(text.contains("linli_dead_letters_total 1"), "\(text)")
    }
}
