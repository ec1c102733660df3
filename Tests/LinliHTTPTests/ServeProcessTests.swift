import Foundation
import LinliStore
import LinliTesting
import LinliWebhooks
import Testing

/// The real `linli serve`: it answers on 127.0.0.1 and exits 0 on SIGTERM with
/// everything it answered kept.
@Suite struct ServeProcessTests {
    /// On either store: a SQLite file, or a database on the tests' PostgreSQL server.
    @Test(arguments: ["sqlite", "postgres"])
    func sigtermStopsItCleanlyAndNothingCommittedIsLost(_ store: String) throws {
        let db = store == "postgres" ? try TestPostgres.database() : BinaryRunner.temporaryDatabase()
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("linli-serve-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = [
            "serve", "--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", db,
            "--port", "0", "--insecure-no-auth", "--drain-timeout", "0",
        ]
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var port: Int?
        for _ in 0..<200 where port == nil {
            Thread.sleep(forTimeInterval: 0.05)
            let log = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            if let line = log.split(separator: "\n").first(where: { $0.hasPrefix("linli: info [linli] listening on ") }) {
                port = Int(line.split(separator: ":").last ?? "")
            }
        }
        let listening = try #require(port, "the server said where it listens")
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
}
