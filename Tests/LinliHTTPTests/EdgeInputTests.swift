import Foundation
import LinliCore
import LinliTesting
import LinliWebhooks
import Testing

/// `POST /v1/events` on input no client means to send: the server answers it and stays up.
@Suite struct EdgeInputTests {
    /// Guards `Ingress.verify`: `now - webhook-timestamp` at Int64's ends overflowed and
    /// crashed the server; it is a stale timestamp, and the next signed request is answered.
    @Test(arguments: [Int64.min, Int64.max])
    func aTimestampAtInt64sEndIsStaleAndTheServerGoesOn(_ stamp: Int64) async throws {
        let rig = try IngressTests.Rig()
        let body = IngressTests.report
        let signature = Signatures.standardWebhooks(secret: IngressTests.secret, id: "msg_edge", timestamp: stamp, body: Array(body.utf8)) ?? ""
        let headers = [
            HTTPHeader("webhook-id", "msg_edge"), HTTPHeader("webhook-timestamp", String(stamp)), HTTPHeader("webhook-signature", signature),
        ]
        try await withServer(rig.router) { client in
            let refused = await client.post("/v1/events", body, headers: headers)
            #expect(refused.status == 401 && refused.text.contains("stale_timestamp"), "\(refused.status) \(refused.text)")
            let normal = await client.post("/v1/events", body, headers: IngressTests.signed(body))
            #expect(normal.status == 200, "the server still answers: \(normal.text)")
        }
        #expect(try rig.store.read { try $0.workOrder(1) } != nil)
        #expect(try rig.store.read { try $0.workOrder(2) } == nil, "the refused request took no effect")
    }

    /// Guards `Ingress.body(of:upTo:)`: a chunked body that cannot be read was called too
    /// large (413 `body_too_large`); it is a bad body (400), and nothing is kept. (When
    /// NIO meets the broken chunk before the route runs, as on a loaded machine, it
    /// closes the connection unanswered: also fine.) The server answers the next request.
    @Test func aMalformedChunkedBodyIsABadBodyNotATooLargeOne() async throws {
        let rig = try IngressTests.Rig(secret: nil, maxBody: 1_000)
        try await withServer(rig.router) { client in
            let raw = try RawClient(port: Int(client.base.split(separator: ":").last!)!)
            raw.send(Self.chunked("ZZZ\r\nabc\r\n0\r\n\r\n"))
            let (text, closed) = await raw.readUntilClosed(limit: 60)
            #expect(closed && (text.isEmpty || text.hasPrefix("HTTP/1.1 400") && text.contains("bad_body")), "\(text)")
            #expect(await client.post("/v1/events", IngressTests.report).status == 200, "the server goes on")
        }
        #expect(try rig.store.read { try $0.workOrder(2) } == nil, "only the good request made a report")
        #expect(try rig.store.read { try $0.workOrder(1) } != nil)
    }

    /// Keeps the fix narrow: a well-formed chunked body is read as any other, one over the limit is still 413.
    @Test func wellFormedChunkedBodiesAreReadOrRefusedBySize() async throws {
        let rig = try IngressTests.Rig(secret: nil, maxBody: 1_000)
        let report = IngressTests.report
        try await withServer(rig.router) { client in
            let port = Int(client.base.split(separator: ":").last!)!
            let small = try RawClient(port: port)
            small.send(Self.chunked(String(report.utf8.count, radix: 16) + "\r\n" + report + "\r\n0\r\n\r\n"))
            let read = await small.readUntilClosed(limit: 60).text
            #expect(read.hasPrefix("HTTP/1.1 200") && read.contains(#""refs":["R1"]"#), "\(read)")
            let big = try RawClient(port: port)
            big.send(Self.chunked("7d0\r\n" + String(repeating: "x", count: 2_000) + "\r\n0\r\n\r\n"))
            let refused = await big.readUntilClosed(limit: 60).text
            #expect(refused.hasPrefix("HTTP/1.1 413") && refused.contains("body_too_large"), "\(refused)")
        }
    }

    /// A chunked `POST /v1/events` with `chunks` as its body, the connection closed after
    /// (so a read ends with the answer; its 60 s limit is LiveClient's, for a loaded machine).
    static func chunked(_ chunks: String) -> String {
        "POST /v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks
    }
}
