import Foundation
import LinliTesting
import LinliWebhooks
import Synchronization
import Testing

/// libcurl for real, against a real HTTP server on 127.0.0.1.
@Suite(.serialized) struct CurlClientTests {
    @Test func postsBodiesAndHeadersAndReadsTheResponse() throws {
        let receiver = try RecordingReceiver { request in
            .init(status: 201, headers: [("X-Answer", "42")], body: #"{"errcode":0,"got":\#(request.body.count)}"#)
        }
        defer { receiver.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        let results = client.send([
            HTTPRequest(url: receiver.url("/hook?key=K"), headers: [HTTPHeader("webhook-id", "m1")], body: Array(#"{"a":"漏水"}"#.utf8))
        ])
        let response = try results[0].get()
        #expect(response.status == 201)
        #expect(response.headers["x-answer"] == "42")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"errcode":0,"got":14}"#)
        let seen = try #require(receiver.requests.first)
        #expect(seen.method == "POST" && seen.path == "/hook?key=K")
        #expect(seen.headers["webhook-id"] == "m1")
        #expect(seen.text == #"{"a":"漏水"}"#)
    }

    @Test func manyRequestsGoOutTogetherOverReusedConnections() throws {
        // Each request is held until ten are in the receiver at once (or 5 s pass): sent one
        // after another, at most one ever is, whatever the machine's load.
        let inside = Mutex((now: 0, most: 0))
        let receiver = try RecordingReceiver { _ in
            inside.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            let deadline = Date().addingTimeInterval(5)
            while inside.withLock({ $0.most }) < 10 && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
            inside.withLock { $0.now -= 1 }
            return .init(status: 200, body: "{}")
        }
        defer { receiver.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        let requests = (0..<40).map { HTTPRequest(url: receiver.url("/n/\($0)"), body: Array("{\"n\":\($0)}".utf8)) }
        let results = client.send(requests)
        #expect(results.allSatisfy { (try? $0.get().status) == 200 })
        #expect(Set(receiver.requests.map(\.path)).count == 40)
        #expect(inside.withLock { $0.most } >= 10, "sent in parallel, not one after another")
        let before = receiver.connectionCount
        _ = client.send((0..<5).map { HTTPRequest(url: receiver.url("/again/\($0)"), body: []) })
        #expect(receiver.connectionCount - before < 5, "idle connections are reused")
    }

    @Test func noListenerIsAConnectError() throws {
        let closed = try RecordingReceiver { _ in .init() }
        let url = closed.url("/gone")
        closed.stop()
        let client = CurlClient()
        defer { client.shutdown() }
        guard case .failure(let error) = client.send([HTTPRequest(url: url, body: [])])[0] else {
            Issue.record("expected a failure")
            return
        }
        #expect(error == .connect(error.message))
    }

    @Test func aSlowReceiverTimesOut() throws {
        let receiver = try RecordingReceiver { _ in .init(status: 200, delay: 2) }
        defer { receiver.stop() }
        let client = CurlClient(connectTimeout: 500, totalTimeout: 300)
        defer { client.shutdown() }
        guard case .failure(.timeout) = client.send([HTTPRequest(url: receiver.url(), body: [])])[0] else {
            Issue.record("expected a timeout")
            return
        }
    }

    @Test func aDroppedConnectionIsAnError() throws {
        let receiver = try RecordingReceiver { _ in .init(drop: true) }
        defer { receiver.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        #expect(throws: TransportError.self) { try client.send([HTTPRequest(url: receiver.url(), body: Array("x".utf8))])[0].get() }
    }

    @Test func onlyHTTPAndHTTPSAreSpokenAndRedirectsAreNotFollowed() throws {
        let receiver = try RecordingReceiver { _ in .init(status: 302, headers: [("Location", "http://127.0.0.1:1/elsewhere")]) }
        defer { receiver.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        #expect((try client.send([HTTPRequest(url: receiver.url(), body: [])])[0].get()).status == 302)
        #expect(throws: TransportError.self) { try client.send([HTTPRequest(url: "file:///etc/passwd", body: [])])[0].get() }
    }
}
