import Foundation
import LinliHTTP
import Testing

/// A plain TCP client on 127.0.0.1 that sends exactly what it is told, as slowly as
/// it is told: what libcurl will not do.
final class RawClient: @unchecked Sendable {
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
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(fd) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything the server sends until it closes the connection or `limit` passes;
    /// `closed` tells which. It waits on a dispatch thread: blocking the test's
    /// cooperative threads could starve the server under test.
    func readUntilClosed(limit: TimeInterval) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { done in
            DispatchQueue.global().async { done.resume(returning: self.blockingRead(limit: limit)) }
        }
    }

    private func blockingRead(limit: TimeInterval) -> (text: String, closed: Bool) {
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

/// Clients that send too slowly are cut off: a connection idle, or still short of
/// a whole request, `readTimeout` after it began is closed.
@Suite struct SlowClientTests {
    /// Runs `body` with a raw connection to a server with this read timeout; returns the rig to look at the store.
    @discardableResult
    static func withRawClient(readTimeout: Duration, _ body: @Sendable (RawClient) async throws -> Void) async throws -> IngressTests.Rig {
        let rig = try IngressTests.Rig(secret: nil)
        try await withServer(rig.router, readTimeout: readTimeout) { client in
            try await body(RawClient(port: Int(client.base.split(separator: ":").last!)!))
        }
        return rig
    }

    static let head = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(IngressTests.report.utf8.count)\r\n"

    @Test func aConnectionThatSendsHalfAHeaderIsClosed() async throws {
        try await Self.withRawClient(readTimeout: .milliseconds(500)) { raw in
            raw.send("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty")
            let (text, closed) = await raw.readUntilClosed(limit: 10)
            #expect(closed, "the server hung up")
            #expect(text.isEmpty)
        }
    }

    @Test func aBodyThatTricklesInIsCutOffAndNothingIsKept() async throws {
        let rig = try await Self.withRawClient(readTimeout: .milliseconds(600)) { raw in
            raw.send(Self.head + "\r\n")
            // A byte every 200 ms: never idle for the idle timeout, but far too slow for the whole request.
            var closed = false
            for byte in Array(IngressTests.report.utf8).prefix(50) where !closed {
                raw.send(String(UnicodeScalar(byte)))
                closed = await raw.readUntilClosed(limit: 0.2).closed
            }
            #expect(closed, "the server hung up before the body was complete")
        }
        #expect(try rig.store.read { try $0.workOrder(1) } == nil)
    }

    @Test func aPromptClientIsNotCutOff() async throws {
        let rig = try await Self.withRawClient(readTimeout: .seconds(5)) { raw in
            raw.send(Self.head + "Connection: close\r\n\r\n" + IngressTests.report)
            let (text, _) = await raw.readUntilClosed(limit: 60)
            #expect(text.hasPrefix("HTTP/1.1 200"), "\(text)")
        }
        #expect(try rig.store.read { try $0.workOrder(1) } != nil)
    }
}
