import Foundation
import Hummingbird
import LinliBot
import LinliCore
import LinliHTTP
import LinliPlatforms
import LinliStore
import LinliTesting
import LinliWebhooks
import Synchronization
import Testing

/// A fake platform on 127.0.0.1 (its API, its reply URLs) and `linli serve`'s
/// routes on the demo community with `platforms` pointing at it.
final class PlatformRig: Sendable {
    let platform: RecordingReceiver
    let store: Store
    let community: Community
    let databasePath: String
    /// Tokens the fake platform has handed out, and whether it now calls the first one invalid.
    final class Flags: Sendable {
        let issued = Atomic<Int>(0)
        let firstTokenRevoked = Atomic<Bool>(false)
        /// A request whose body holds this text is answered 500, once.
        let failOnce = Mutex<String?>(nil)
    }
    let flags: Flags

    /// `platforms` is the YAML of the community file's `platforms:` items, with
    /// `API` standing for the fake platform's address; `people` edits the people's lines.
    init(platforms: String, people: [(String, String)] = [], database: String? = nil) throws {
        let flags = Flags()
        self.flags = flags
        platform = try RecordingReceiver { request in
            if request.path.hasPrefix("/open-apis/auth/v3/tenant_access_token/internal") {
                let n = flags.issued.add(1, ordering: .relaxed).newValue
                return .init(body: #"{"code":0,"msg":"ok","tenant_access_token":"t-\#(n)","expire":7200}"#)
            }
            if request.path.hasPrefix("/cgi-bin/gettoken") {
                let n = flags.issued.add(1, ordering: .relaxed).newValue
                return .init(body: #"{"errcode":0,"errmsg":"ok","access_token":"AT\#(n)","expires_in":7200}"#)
            }
            let failed = flags.failOnce.withLock { marker in
                guard let m = marker, request.text.contains(m) else { return false }
                marker = nil
                return true
            }
            if failed { return .init(status: 500, body: "{}") }
            if flags.firstTokenRevoked.load(ordering: .relaxed), request.headers["authorization"] == "Bearer t-1" {
                return .init(body: #"{"code":99991663,"msg":"Invalid access token for authorization."}"#)
            }
            return .init(body: #"{"errcode":0,"errmsg":"ok","code":0,"msg":"success","status":"ok","retcode":0}"#)
        }
        databasePath = database ?? BinaryRunner.temporaryDatabase()
        var text = try Fixtures.communityText(webhooksAt: platform.url(""))
        for (from, to) in people {
            #expect(text.contains(from), "the demo community has '\(from)'")
            text = text.replacingOccurrences(of: from, with: to)
        }
        text += "\nplatforms:\n" + platforms.replacingOccurrences(of: "API", with: platform.url(""))
        community = try CommunityFile.parse(text, file: "fudi.yaml")
        store = try Store(path: databasePath)
    }

    deinit { platform.stop() }

    /// Requests the fake platform received on paths starting with `prefix`.
    func received(_ prefix: String) -> [RecordingReceiver.Request] {
        platform.requests.filter { $0.path.hasPrefix(prefix) }
    }

    /// Waits (up to 20 s) until `count` requests arrived on `prefix`, then returns them.
    func await(_ prefix: String, count: Int) async throws -> [RecordingReceiver.Request] {
        for _ in 0..<400 where received(prefix).count < count { try await Task.sleep(for: .milliseconds(50)) }
        return received(prefix)
    }

    /// Waits (up to 20 s) until nothing in the outbox is still to be delivered: what a
    /// step of a test changes on the fake platform then meets no push of an earlier one.
    func settled() async throws {
        for _ in 0..<400 where try store.read({ try $0.outbox() }).contains(where: { $0.status == .queued }) {
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Runs the server (a new engine on the rig's database, as after a restart) and the outbox.
    func serve(_ body: @Sendable (Caller) async throws -> Void) async throws {
        let (_, catalog) = try Fixtures.load()
        let engine = try Engine(community: community, catalog: catalog, store: store, wallClock: rigClock)
        let client = CurlClient()
        let outbox = OutboxService(
            store: store, community: community, client: client, clock: rigClock,
            channels: Platforms.channels(community, client: client, wallClock: rigClock))
        let gate = EngineGate(engine, pushesQueued: { outbox.poke() })
        let router = Ingress.router(gate: gate, store: store, configuration: IngressConfiguration(key: nil))
        Platforms(community: community, gate: gate, wallClock: rigClock, outbox: outbox).addRoutes(to: router)
        outbox.start()
        defer {
            outbox.finish(drainingFor: .seconds(2))
            client.shutdown()
        }
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, server: Ingress.server(readTimeout: .seconds(10)), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { port.yield($0.localAddress?.port ?? 0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var next = ports.makeAsyncIterator()
            let caller = Caller(base: "http://127.0.0.1:\(await next.next() ?? 0)")
            defer { caller.curl.shutdown() }
            try await body(caller)
            group.cancelAll()
        }
    }

    /// The reply Linli kept for platform event `id` (`<platform>:<event id>`).
    func replyText(_ id: String) throws -> String? { try kept(id, type: "reply").first?["text"] as? String }

    /// The outbound events of `type` Linli kept for platform event `id`.
    func kept(_ id: String, type: String) throws -> [[String: Any]] {
        let stored = try store.read { try $0.outcome(ofEvent: id) }
        return (stored?.events?.split(separator: "\n") ?? []).compactMap { line in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return object?["type"] as? String == type ? object : nil
        }
    }

    func workOrders() throws -> [WorkOrder] {
        try store.read { tx in try (1...20).compactMap { try tx.workOrder($0) } }
    }
}

/// Posts to the server under test like the platform does.
struct Caller: Sendable {
    let base: String
    let curl = CurlClient(totalTimeout: 60_000)

    func send(_ request: LinliWebhooks.HTTPRequest) async -> LinliWebhooks.HTTPResponse {
        await withCheckedContinuation { done in
            DispatchQueue.global().async {
                switch curl.send([request])[0] {
                case .success(let r): done.resume(returning: r)
                case .failure(let e): done.resume(returning: LinliWebhooks.HTTPResponse(status: 0, body: Array(e.message.utf8)))
                }
            }
        }
    }

    func post(_ path: String, _ body: String, headers: [HTTPHeader] = []) async -> LinliWebhooks.HTTPResponse {
        await send(LinliWebhooks.HTTPRequest(url: base + path, headers: headers, body: Array(body.utf8)))
    }

    func get(_ path: String) async -> LinliWebhooks.HTTPResponse {
        await send(LinliWebhooks.HTTPRequest(url: base + path, method: .get))
    }
}

extension LinliWebhooks.HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A JSON string literal, written by hand (the tests' own encoder, not the program's).
func literal(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if c.value < 0x20 { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) }
        }
    }
    return out + "\""
}

/// Milliseconds since 1970, now on the rig's clock: real time moved to 10:00 in
/// Shanghai of the same day, so that quiet hours (22:00-07:00) never hold a push back
/// whatever the hour the tests run at. The fake platforms sign with it and the server
/// checks their timestamps with it.
func nowMillis() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) + rigShift }

/// `nowMillis` as the server's wall clock.
@Sendable func rigClock() -> Instant { Instant(milliseconds: nowMillis()) }

private let rigShift: Int64 = {
    let (day, offset) = (Int64(86_400_000), Int64(8 * 3_600_000))
    let real = Int64(Date().timeIntervalSince1970 * 1000)
    let morning = (real + offset) / day * day - offset + 10 * 3_600_000
    return morning - real
}()
