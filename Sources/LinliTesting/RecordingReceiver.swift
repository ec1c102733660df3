import Foundation
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 for tests: it records every request and
/// answers as its responder says (any status, headers, body, a delay, or a dropped
/// connection). Connections are kept alive, as a robot's server would.
///
/// ```swift
/// let receiver = try RecordingReceiver { _ in .init(status: 200, body: #"{"errcode":0}"#) }
/// defer { receiver.stop() }
/// // POST to receiver.url("/hook") … then look at receiver.requests
/// ```
public final class RecordingReceiver: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// Lower-case names.
        public var headers: [String: String]
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object.
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: String
        /// Wait this long before answering.
        public var delay: TimeInterval
        /// Close the connection without answering.
        public var drop: Bool

        public init(status: Int = 200, headers: [(String, String)] = [], body: String = "", delay: TimeInterval = 0, drop: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.drop = drop
        }
    }

    public let port: UInt16
    private let listener: Int32
    private let responder: @Sendable (Request) -> Response
    private let recorded = Mutex<[Request]>([])
    private let connections = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    /// Listens on `port` (0: any free port).
    public init(port wanted: UInt16 = 0, _ responder: @escaping @Sendable (Request) -> Response) throws {
        self.responder = responder
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = wanted.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// `http://127.0.0.1:<port><path>`
    public func url(_ path: String = "/") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests so far, in arrival order.
    public var requests: [Request] { recorded.withLock { $0 } }

    /// How many TCP connections clients opened.
    public var connectionCount: Int { connections.load(ordering: .relaxed) }

    public func stop() {
        guard !stopped.exchange(true, ordering: .sequentiallyConsistent) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while !stopped.load(ordering: .relaxed) {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if stopped.load(ordering: .relaxed) { return }
                continue
            }
            connections.add(1, ordering: .relaxed)
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        func fill() -> Bool {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return false }
            buffer += chunk[0..<n]
            return true
        }
        while true {
            var headerEnd: Int?
            while headerEnd == nil {
                if let r = find([13, 10, 13, 10], in: buffer) { headerEnd = r } else if !fill() { return }
            }
            let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self).components(separatedBy: "\r\n")
            let parts = head[0].split(separator: " ")
            var headers: [String: String] = [:]
            for line in head.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            let start = headerEnd! + 4
            while buffer.count < start + length { if !fill() { return } }
            let request = Request(
                method: parts.first.map(String.init) ?? "", path: parts.count > 1 ? String(parts[1]) : "/", headers: headers,
                body: Array(buffer[start..<(start + length)]))
            buffer.removeFirst(start + length)
            recorded.withLock { $0.append(request) }
            let response = responder(request)
            if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
            if response.drop { return }
            var text = "HTTP/1.1 \(response.status) X\r\nContent-Length: \(response.body.utf8.count)\r\nContent-Type: application/json\r\n"
            for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
            text += "\r\n" + response.body
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n <= 0 { return }
                sent += n
            }
        }
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}
