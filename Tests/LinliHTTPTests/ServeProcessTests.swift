import Foundation
import LinliStore
import LinliTesting
import LinliWebhooks
import Testing

/// The real `linli serve`: it answers on 127.0.0.1 and exits 0 on SIGTERM with
/// everything it answered kept.
@Suite struct ServeProcessTests {
    /// Starts `linli serve` on `db` and a free port; returns it, the port and its log's path.
    static func launch(_ db: String) throws -> (process: Process, port: Int, log: URL) {
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("linli-serve-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = [
            "serve", "--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", db,
            "--port", "0", "--insecure-no-auth", "--drain-timeout", "0", "--sender-limit", "0",
        ]
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var port: Int?
        for _ in 0..<400 where port == nil {
            Thread.sleep(forTimeInterval: 0.05)
            let log = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            if let line = log.split(separator: "\n").first(where: { $0.hasPrefix("linli: info [linli] listening on ") }) {
                port = Int(line.split(separator: ":").last ?? "")
            }
        }
        return (process, try #require(port, "the server said where it listens"), errURL)
    }

    /// On either store: a SQLite file, or a database on the tests' PostgreSQL server.
    @Test(arguments: ["sqlite", "postgres"])
    func sigtermStopsItCleanlyAndNothingCommittedIsLost(_ store: String) throws {
        let db = store == "postgres" ? try TestPostgres.database() : BinaryRunner.temporaryDatabase()
        let (process, listening, errURL) = try Self.launch(db)
        defer { if process.isRunning { process.terminate() } }
        // Hummingbird's own messages come through the server's log, in linli's form.
        let log = try String(contentsOf: errURL, encoding: .utf8)
        #expect(log.contains("linli: info [HummingbirdCore] Server started and listening on 127.0.0.1:\(listening)"), "\(log)")
        let client = CurlClient()
        defer { client.shutdown() }
        let body = #"{"id":"t1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"报修 漏水 501 厨房滴水"}"#
        let response = try client.send([HTTPRequest(url: "http://127.0.0.1:\(listening)/v1/events", body: Array(body.utf8))])[0].get()
        #expect(response.status == 200 && String(decoding: response.body, as: UTF8.self).contains("\"refs\":[\"R1\"]"))
        process.interrupt()  // SIGINT, like SIGTERM: a graceful shutdown
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try Store(path: db).read { try $0.workOrder(1) }?.details == "厨房滴水")
        // `linli check --db` reads the community as it stands in that database.
        let check = try BinaryRunner.run(
            ["check", "--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", db], input: Data())
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// Two `linli serve` in front of one PostgreSQL database (issue 21, items 3–4): reports
    /// posted to both at once are each kept once and numbered without a gap; one is
    /// killed with SIGKILL under load, the other goes on, and nothing it answered is lost.
    @Test func twoServersShareOneDatabaseAndOneSurvivesTheOthersKill() throws {
        let db = try TestPostgres.database()
        let (first, firstPort, _) = try Self.launch(db)
        let (second, secondPort, _) = try Self.launch(db)
        defer { for p in [first, second] where p.isRunning { p.terminate() } }
        let client = CurlClient()
        defer { client.shutdown() }
        /// Posts report `i` to each port given with it, all at once; the status of each.
        func post(_ events: [(i: Int, port: Int)]) -> [Int] {
            client.send(
                events.map { e in
                    let body = #"{"id":"k\#(e.i)","ts":"2026-11-28T09:00:00+08:00","from":"u-li","text":"报修 漏水 第\#(e.i)处"}"#
                    return HTTPRequest(url: "http://127.0.0.1:\(e.port)/v1/events", body: Array(body.utf8))
                }
            ).map { (try? $0.get().status) ?? 0 }
        }
        // Each event to both servers at once: it takes effect once, both answer.
        #expect(post((0..<40).flatMap { [($0, firstPort), ($0, secondPort)] }).allSatisfy { $0 == 200 })
        // Under load, the first is killed; a bridge retries what failed on the one still up.
        let killer = Thread {
            usleep(30_000)
            kill(first.processIdentifier, SIGKILL)
        }
        killer.start()
        let during = post((40..<300).map { ($0, $0 % 2 == 0 ? firstPort : secondPort) })
        first.waitUntilExit()
        #expect(during.contains(200), "some were answered before the kill")
        #expect(post((40..<300).map { ($0, secondPort) }).allSatisfy { $0 == 200 }, "the second server goes on")
        let orders = try Store(path: db).read { tx in try (1...301).compactMap { try tx.workOrder($0) } }
        #expect(orders.map(\.number) == Array(1...300), "every report kept once, numbered without a gap")
        #expect(Set(orders.map(\.details)).count == 300)
        kill(second.processIdentifier, SIGTERM)
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)
    }

    /// A second engine on a SQLite file the server writes would number records the
    /// server numbers too: it is refused (exit 3), and the server goes on.
    @Test func aSecondWriterOfOneSQLiteFileIsRefused() async throws {
        let db = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        let (server, _, _) = try await offThePool { try Self.launch(db) }
        defer { server.terminate() }
        let files = ["--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", db]
        let results = try await offThePool {
            try [["run", "--drain-timeout", "0"], ["serve", "--port", "0", "--insecure-no-auth"]].map {
                try BinaryRunner.run([$0[0]] + files + $0.dropFirst(), input: Data("@2026-11-28T09:00:00+08:00 u-li: 报修 漏水 厨房\n".utf8))
            }
        }
        for result in results {
            #expect(result.status == 3 && result.stderr.contains("another linli run or serve is using"), "\(result.status) \(result.stderr)")
        }
        #expect(server.isRunning)
    }

    @Test func itRefusesToStartWithoutAUsableSecret() throws {
        let serve = [
            "serve", "--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", BinaryRunner.temporaryDatabase(), "--port",
            "0",
        ]
        let missing = try BinaryRunner.run(serve, input: Data(), environment: ["LINLI_INGRESS_SECRET": ""])
        #expect(missing.status == 2 && missing.stderr.contains("set LINLI_INGRESS_SECRET"))
        let malformed = try BinaryRunner.run(serve, input: Data(), environment: ["LINLI_INGRESS_SECRET": "whsec_not*base64"])
        #expect(malformed.status == 2 && malformed.stderr.contains("not a Standard Webhooks secret"))
    }

    /// An address that cannot be had (a port another process holds, a host that is no
    /// address) is an error in the log's form naming the options, exit 4, not a raw Swift error.
    @Test func anAddressItCannotHaveIsAnErrorNamingTheOptions() async throws {
        let held = try RecordingReceiver { _ in .init(status: 200) }
        defer { held.stop() }
        let common = ["serve", "--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", ":memory:"]
        let cases = [["--port", "\(held.port)"], ["--host", "127.0.0.300", "--port", "0"]]
        let results = try await offThePool {
            try cases.map { try BinaryRunner.run(common + $0, input: Data(), environment: ["LINLI_INGRESS_SECRET": IngressTests.secret]) }
        }
        for (arguments, result) in zip(cases, results) {
            #expect(result.status == 4, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("linli: error [linli] cannot listen on") && result.stderr.contains("(--host, --port)"), "\(result.stderr)")
        }
    }

    /// NaN, infinity or 1e300 seconds overflowed into a crash (SIGILL); a port past
    /// 65535 was taken modulo 65536. Each is a usage error (64) naming the option.
    @Test func nonsenseNumbersAreUsageErrors() async throws {
        let cases: [([String], String)] = [
            (["run", "--drain-timeout", "nan"], "--drain-timeout"), (["run", "--drain-timeout", "1e300"], "--drain-timeout"),
            (["run", "--max-line", "0"], "--max-line"), (["serve", "--read-timeout", "inf"], "--read-timeout"),
            (["serve", "--drain-timeout", "-1"], "--drain-timeout"), (["serve", "--port", "99999"], "--port"),
            (["serve", "--sender-limit", "-1"], "--sender-limit"), (["serve", "--public-url", "linli.example.org"], "--public-url"), (["deliver", "--seconds", "nan"], "--seconds"),
        ]
        let common = ["--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", ":memory:"]
        let results = try await offThePool {
            try cases.map { try BinaryRunner.run($0.0 + common, input: Data(), environment: ["LINLI_INGRESS_SECRET": IngressTests.secret]) }
        }
        for ((arguments, option), result) in zip(cases, results) {
            #expect(result.status == 64 && result.stderr.contains(option), "\(arguments): \(result.status) \(result.stderr)")
        }
    }
}
