import Foundation
import LinliHTTP
import Testing

/// A plain TCP client on 127.0.0.1 that sends exactly what it is told, as slowly as
/// it is told: what libcurl will not do.
final class RawClient {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(fd) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything the server sends until it closes the connection or `limit` passes;
    /// `closed` tells which.
    func readUntilClosed(limit: TimeInterval) -> (text: String, closed: Bool) {
        var out: [UInt8] = []
        let deadline = Date().addingTimeInterval(limit)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 50) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return (String(decoding: out, as: UTF8.self), true) }
            out += buffer[..<n]
        }
        return (String(decoding: out, as: UTF8.self), false)
    }
}

/// Clients that send too slowly are cut off: an idle or half-sent request is
/// closed, a body still trickling in is answered 408.
@Suite struct SlowClientTests {
    /// Runs `body` with a raw connection to a server with these limits; returns the rig to look at the store.
    @discardableResult
    static func withRawClient(readTimeout: Duration, idleTimeout: Duration, _ body: @Sendable (RawClient) async throws -> Void) async throws -> IngressTests.Rig {
        let rig = try IngressTests.Rig(secret: nil, readTimeout: readTimeout)
        try await withServer(rig.router, idleTimeout: idleTimeout) { client in
            try await body(RawClient(port: Int(client.base.split(separator: ":").last!)!))
        }
        return rig
    }

    static let head = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(IngressTests.report.utf8.count)\r\n"

    @Test func aConnectionThatSendsHalfAHeaderIsClosed() async throws {
        try await Self.withRawClient(readTimeout: .milliseconds(500), idleTimeout: .milliseconds(500)) { raw in
            raw.send("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty")
            let started = Date()
            let (_, closed) = raw.readUntilClosed(limit: 5)
            #expect(closed, "the server hung up")
            #expect(Date().timeIntervalSince(started) < 4)
        }
    }

    @Test func aBodyThatTricklesInIsAnswered408AndNothingIsKept() async throws {
        let rig = try await Self.withRawClient(readTimeout: .milliseconds(600), idleTimeout: .seconds(5)) { raw in
            raw.send(Self.head + "\r\n")
            // A few bytes every 200 ms: never idle long enough for the idle timeout, too slow for the read timeout.
            for byte in Array(IngressTests.report.utf8).prefix(8) {
                raw.send(String(UnicodeScalar(byte)))
                try await Task.sleep(for: .milliseconds(200))
            }
            let (text, _) = raw.readUntilClosed(limit: 3)
            #expect(text.hasPrefix("HTTP/1.1 408"), "\(text)")
            #expect(text.contains("slow_body"))
        }
        #expect(try rig.store.read { try $0.workOrder(1) } == nil)
    }

    @Test func aPromptClientIsNotCutOff() async throws {
        // Generous limits: the test suites run in parallel on a busy machine.
        let rig = try await Self.withRawClient(readTimeout: .seconds(5), idleTimeout: .seconds(5)) { raw in
            raw.send(Self.head + "Connection: close\r\n\r\n" + IngressTests.report)
            let (text, _) = raw.readUntilClosed(limit: 15)
            #expect(text.hasPrefix("HTTP/1.1 200"), "\(text)")
        }
        #expect(try rig.store.read { try $0.workOrder(1) } != nil)
    }
}
