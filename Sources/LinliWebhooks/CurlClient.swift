import CCurl
import Foundation
import Synchronization

/// Sends HTTP POSTs with libcurl: one network thread owns one curl multi handle
/// (connections are reused across requests) and drives it with `curl_multi_poll`;
/// callers hand it requests and wait for the results.
///
/// ```swift
/// let client = CurlClient()
/// let results = client.send([HTTPRequest(url: "http://127.0.0.1:9000/hook", body: Array("{}".utf8))])
/// client.shutdown()
/// ```
public final class CurlClient: @unchecked Sendable {
    /// Connect and whole-transfer limits, in milliseconds.
    public let connectTimeout: Int
    public let totalTimeout: Int

    private let multi: UnsafeMutableRawPointer
    private let incoming = Mutex<[Job]>([])
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let shutdownOnce = Mutex<Bool>(false)

    /// `curl_global_init` runs once per process, before the first handle; SIGPIPE is ignored.
    private static let global: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        linli_ignore_sigpipe()
    }()

    /// At most this many connections at once, and this many to one host; more
    /// requests wait inside curl (a host that hangs holds only its own connections).
    public let maxConnections: Int
    public let maxPerHost: Int
    /// At most this many requests in curl at once; more wait here, in order.
    var maxTransfers: Int { maxConnections * 4 }

    public init(connectTimeout: Int = 5_000, totalTimeout: Int = 15_000, maxConnections: Int = 256, maxPerHost: Int = 64) {
        _ = Self.global
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxConnections = maxConnections
        self.maxPerHost = maxPerHost
        multi = curl_multi_init()
        linli_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        linli_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxPerHost)
        let thread = Thread { [self] in loop() }
        thread.name = "linli-curl"
        thread.start()
    }

    deinit { shutdown() }

    /// Sends the requests at once and waits until every one has an outcome.
    public func send(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
        submit(requests).wait()
    }

    /// Requests handed to the network thread; `wait` for their outcomes.
    public final class Pending: Sendable {
        fileprivate let results: Mutex<[Result<HTTPResponse, TransportError>?]>
        fileprivate let group = DispatchGroup()
        fileprivate init(count: Int) { results = Mutex(Array(repeating: nil, count: count)) }

        /// Blocks until every request has an outcome, in the order they were given.
        public func wait() -> [Result<HTTPResponse, TransportError>] {
            group.wait()
            return results.withLock { $0.map { $0 ?? .failure(.other(code: -1, message: "no result")) } }
        }
    }

    /// Starts sending the requests and returns at once.
    public func submit(_ requests: [HTTPRequest]) -> Pending {
        let pending = Pending(count: requests.count)
        for (i, request) in requests.enumerated() {
            pending.group.enter()
            submit(request) { result in
                pending.results.withLock { $0[i] = result }
                pending.group.leave()
            }
        }
        return pending
    }

    /// Starts sending one request and returns at once; `done` gets its outcome on the
    /// network thread as soon as it has one (keep it short).
    public func submit(_ request: HTTPRequest, done: @escaping @Sendable (Result<HTTPResponse, TransportError>) -> Void) {
        incoming.withLock { $0.append(Job(request, done)) }
        curl_multi_wakeup(multi)
    }

    /// Cancels the transfers under way, stops the thread and frees the multi handle.
    public func shutdown() {
        let first = shutdownOnce.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        stopping.store(true, ordering: .sequentiallyConsistent)
        curl_multi_wakeup(multi)
        finished.wait()
        curl_multi_cleanup(multi)
    }

    // MARK: The network thread

    private struct Job: Sendable {
        let request: HTTPRequest
        let done: @Sendable (Result<HTTPResponse, TransportError>) -> Void
        init(_ request: HTTPRequest, _ done: @escaping @Sendable (Result<HTTPResponse, TransportError>) -> Void) {
            self.request = request
            self.done = done
        }
    }

    /// The state of one transfer, reached from curl's callbacks through its pointer.
    private final class Transfer {
        let job: Job
        var headerList: UnsafeMutablePointer<curl_slist>?
        var body: [UInt8] = []
        var headers: [String: String] = [:]
        static let maxBody = 64 * 1024
        init(_ job: Job) { self.job = job }
    }

    /// Easy handles kept for reuse (reset between transfers), so that a busy
    /// client does not allocate and free one per request.
    private var idle: [UnsafeMutableRawPointer] = []

    private func loop() {
        var active: [UnsafeMutableRawPointer: Transfer] = [:]
        var waiting: [Job] = []
        var next = 0
        while true {
            waiting += incoming.withLock { jobs in
                defer { jobs.removeAll() }
                return jobs
            }
            // At most `maxTransfers` transfers in curl at once, the rest wait here.
            while active.count < maxTransfers, next < waiting.count {
                let job = waiting[next]
                next += 1
                if let (easy, transfer) = start(job) {
                    active[easy] = transfer
                } else {
                    job.done(.failure(.other(code: -1, message: "cannot create a curl handle")))
                }
            }
            if next == waiting.count {
                waiting.removeAll(keepingCapacity: true)
                next = 0
            }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                    let transfer = active.removeValue(forKey: easy)
                else { continue }
                finish(easy, transfer, code: message.pointee.data.result)
            }
            if stopping.load(ordering: .sequentiallyConsistent) {
                // Whoever stops the client has waited as long as it wanted: what is
                // still under way ends now, as cancelled.
                for (easy, transfer) in active { finish(easy, transfer, code: CURLE_ABORTED_BY_CALLBACK) }
                for job in waiting[next...] + incoming.withLock({ $0 }) { job.done(.failure(.other(code: -1, message: "cancelled"))) }
                break
            }
            if active.count < maxTransfers, next < waiting.count { continue }
            var ready: Int32 = 0
            curl_multi_poll(multi, nil, 0, 1_000, &ready)
        }
        for easy in idle { curl_easy_cleanup(easy) }
        idle.removeAll()
        finished.signal()
    }

    private func start(_ job: Job) -> (UnsafeMutableRawPointer, Transfer)? {
        guard let easy = idle.popLast() ?? curl_easy_init() else { return nil }
        let transfer = Transfer(job)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        let r = job.request
        linli_easy_setopt_string(easy, CURLOPT_URL, r.url)
        linli_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        linli_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, connectTimeout)
        linli_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, totalTimeout)
        linli_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        linli_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        linli_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        if r.method == .get {
            linli_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)
        } else {
            linli_easy_setopt_long(easy, CURLOPT_POST, 1)
            linli_easy_setopt_long(easy, CURLOPT_POSTFIELDSIZE, r.body.count)
            r.body.withUnsafeBufferPointer { buffer in
                // COPYPOSTFIELDS copies the bytes: nothing to keep alive.
                _ = linli_easy_setopt_pointer(
                    easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!))
            }
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in r.headers + [HTTPHeader("Expect", "")] {
            list = curl_slist_append(list, "\(header.name): \(header.value)")
        }
        transfer.headerList = list
        linli_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(list))
        linli_easy_setopt_callback(
            easy, CURLOPT_WRITEFUNCTION,
            { data, size, count, context in
                let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
                let n = size * count
                if let data, transfer.body.count < Transfer.maxBody {
                    transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: min(n, Transfer.maxBody - transfer.body.count)))
                }
                return n
            })
        linli_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        linli_easy_setopt_callback(
            easy, CURLOPT_HEADERFUNCTION,
            { data, size, count, context in
                let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
                let n = size * count
                guard let data else { return n }
                let bytes = UnsafeRawBufferPointer(start: data, count: n)
                if bytes.starts(with: "HTTP/".utf8) {
                    transfer.headers.removeAll()  // a new response (after 100 Continue)
                } else if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
                    func trimmed(_ s: Slice<UnsafeRawBufferPointer>) -> String {
                        let blank: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 }
                        let start = s.firstIndex { !blank($0) } ?? s.endIndex
                        let end = s.lastIndex { !blank($0) }.map { $0 + 1 } ?? start
                        return String(decoding: s[start..<max(start, end)], as: UTF8.self)
                    }
                    transfer.headers[trimmed(bytes[..<colon]).lowercased()] = trimmed(bytes[(colon + 1)...])
                }
                return n
            })
        linli_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        curl_multi_add_handle(multi, easy)
        return (easy, transfer)
    }

    private func finish(_ easy: UnsafeMutableRawPointer, _ transfer: Transfer, code: CURLcode) {
        var status = 0
        linli_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        curl_multi_remove_handle(multi, easy)
        curl_easy_reset(easy)
        idle.append(easy)
        curl_slist_free_all(transfer.headerList)
        if code == CURLE_OK {
            transfer.job.done(.success(HTTPResponse(status: status, headers: transfer.headers, body: transfer.body)))
            return
        }
        let message = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_OPERATION_TIMEDOUT: transfer.job.done(.failure(.timeout(message)))
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST: transfer.job.done(.failure(.connect(message)))
        default: transfer.job.done(.failure(.other(code: Int(code.rawValue), message: message)))
        }
    }
}
