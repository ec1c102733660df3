import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LinliBot
import LinliCore
import LinliHTTP
import LinliStore
import LinliTesting
import LinliWebhooks
import Testing

/// `POST /v1/events` through the router and live on 127.0.0.1.
@Suite struct IngressTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    struct Rig {
        let store: Store
        let router: Router<BasicRequestContext>
        init(secret: String? = IngressTests.secret, maxBody: Int = 1 << 20) throws {
            store = try Store(path: ":memory:")
            let engine = try Fixtures.engine(store: store)
            router = Ingress.router(gate: EngineGate(engine), store: store, configuration: IngressConfiguration(secret: secret, maxBody: maxBody))
        }
        var app: some ApplicationProtocol { Application(router: router) }
    }

    /// Standard Webhooks headers for `body`, signed now (or `skew` seconds off).
    static func signed(_ body: String, id: String = "msg_1", skew: Int64 = 0, secret: String = IngressTests.secret) -> HTTPFields {
        let ts = Linli.wallClock().milliseconds / 1000 + skew
        let signature = Signatures.standardWebhooks(secret: secret, id: id, timestamp: ts, body: Array(body.utf8)) ?? ""
        var headers = HTTPFields()
        headers[HTTPField.Name("webhook-id")!] = id
        headers[HTTPField.Name("webhook-timestamp")!] = String(ts)
        headers[HTTPField.Name("webhook-signature")!] = signature
        return headers
    }

    static func events(_ response: TestResponse) -> [[String: Any]] {
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]
        return object?["events"] as? [[String: Any]] ?? []
    }

    static let report = #"{"id":"m1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"报修 漏水 501 厨房滴水"}"#

    @Test func aSignedEventIsAnsweredWithWhatItCaused() async throws {
        let rig = try Rig()
        try await rig.app.test(.router) { client in
            try await client.execute(uri: "/v1/events", method: .post, headers: Self.signed(Self.report), body: ByteBuffer(string: Self.report)) { response in
                #expect(response.status == .ok)
                let events = Self.events(response)
                #expect(events.map { $0["type"] as? String } == ["reply", "notify"])
                #expect(events.first?["refs"] as? [String] == ["R1"] && events.first?["in_reply_to"] as? String == "m1")
            }
        }
    }

    @Test func forgedStaleAndMissingSignaturesAreRefused() async throws {
        let rig = try Rig()
        try await rig.app.test(.router) { client in
            let forged = Self.signed(Self.report, secret: "whsec_" + Data("another secret entirely!".utf8).base64EncodedString())
            let stale = Self.signed(Self.report, skew: -301)
            let tampered = Self.signed(Self.report.replacingOccurrences(of: "501", with: "502"))
            for (headers, code) in [(forged, "bad_signature"), (stale, "stale_timestamp"), (HTTPFields(), "missing_signature"), (tampered, "bad_signature")] {
                try await client.execute(uri: "/v1/events", method: .post, headers: headers, body: ByteBuffer(string: Self.report)) { response in
                    #expect(response.status == .unauthorized)
                    #expect(String(buffer: response.body).contains(code))
                }
            }
            try await client.execute(uri: "/v1/events", method: .post, headers: Self.signed(Self.report, skew: 299), body: ByteBuffer(string: Self.report)) { response in
                #expect(response.status == .ok, "within five minutes")
            }
        }
        #expect(try rig.store.read { try $0.workOrder(1) } != nil)
        #expect(try rig.store.read { try $0.workOrder(2) } == nil, "nothing refused took effect")
    }

    @Test func badEmptyAndOversizedBodies() async throws {
        let rig = try Rig(maxBody: 1_000)
        try await rig.app.test(.router) { client in
            for (body, status, code) in [("{broken", HTTPResponse.Status.badRequest, "bad_json"), ("", .badRequest, "missing_field"), ("[1, 2]", .ok, "bad_json"),
                                         ("not json at all", .badRequest, "missing_field")] {
                try await client.execute(uri: "/v1/events", method: .post, headers: Self.signed(body), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(body)")
                    #expect(String(buffer: response.body).contains(code), "\(body)")
                }
            }
            let big = String(repeating: "x", count: 2_000)
            try await client.execute(uri: "/v1/events", method: .post, headers: Self.signed(big), body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func ndjsonAndArraysCarrySeveralEventsInOrder() async throws {
        let rig = try Rig()
        let ndjson = Self.report + "\n" + #"{"ts":"2026-11-28T09:01:00+08:00","from":"u-zhou","text":"签收 R1"}"# + "\n"
        let array = #"[{"ts":"2026-11-28T09:02:00+08:00","from":"u-li","text":"status R1"},{"ts":"2026-11-28T09:03:00+08:00","from":"u-li"}]"#
        try await rig.app.test(.router) { client in
            try await client.execute(uri: "/v1/events", method: .post, headers: Self.signed(ndjson), body: ByteBuffer(string: ndjson)) { response in
                let events = Self.events(response)
                #expect(events.filter { $0["type"] as? String == "reply" }.map { $0["to"] as? String } == ["u-li", "u-zhou"])
            }
            try await client.execute(uri: "/v1/events", method: .post, headers: Self.signed(array), body: ByteBuffer(string: array)) { response in
                let events = Self.events(response)
                #expect(events.map { $0["type"] as? String } == ["reply", "error"])
                #expect(events.last?["line"] as? Int == 2 && events.last?["code"] as? String == "missing_field")
            }
        }
    }

    @Test func aRepeatedIDAcrossRequestsChangesNothing() async throws {
        let rig = try Rig()
        try await rig.app.test(.router) { client in
            var first: [[String: Any]] = []
            try await client.execute(uri: "/v1/events", method: .post, headers: Self.signed(Self.report), body: ByteBuffer(string: Self.report)) { first = Self.events($0) }
            try await client.execute(uri: "/v1/events", method: .post, headers: Self.signed(Self.report, id: "msg_2"), body: ByteBuffer(string: Self.report)) { response in
                let again = Self.events(response)
                #expect(again.count == 1, "the reply only, no new notification")
                #expect(again.first?["refs"] as? [String] == first.first?["refs"] as? [String])
                #expect(again.first?["text"] as? String == first.first?["text"] as? String)
            }
        }
        #expect(try rig.store.read { try $0.workOrder(2) } == nil)
    }

    @Test func healthAndMetrics() async throws {
        let rig = try Rig()
        try await rig.app.test(.router) { client in
            try await client.execute(uri: "/v1/events", method: .post, headers: Self.signed(Self.report), body: ByteBuffer(string: Self.report)) { _ in }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"database\":\"ok\""))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                for metric in ["linli_events_in_total{type=\"message\"} 1", "linli_replies_total{code=\"ok\"} 1", "linli_http_requests_total{status=\"200\"} 1",
                               "linli_timers_pending 1", "linli_outbox_depth", "linli_dead_letters 0"] {
                    #expect(text.contains(metric), "\(metric)")
                }
            }
        }
    }

    @Test func twoHundredConcurrentReportsFromFortyClientsAreEachKeptOnce() async throws {
        let rig = try Rig(secret: nil)
        try await rig.app.test(.live) { client in
            try await withThrowingTaskGroup(of: [String].self) { group in
                for c in 0..<40 {
                    group.addTask {
                        var refs: [String] = []
                        for k in 0..<5 {
                            let body = #"{"id":"c\#(c)-\#(k)","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"report leak pipe \#(c)-\#(k)"}"#
                            try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: body)) { response in
                                refs += (Self.events(response).first?["refs"] as? [String]) ?? []
                            }
                        }
                        return refs
                    }
                }
                var all: [String] = []
                for try await refs in group { all += refs }
                #expect(all.count == 200)
                #expect(Set(all) == Set((1...200).map { "R\($0)" }), "every report got its own number, none lost or doubled")
            }
        }
        #expect(try rig.store.read { try $0.workOrder(200) } != nil)
        #expect(try rig.store.read { try $0.workOrder(201) } == nil)
    }
}
