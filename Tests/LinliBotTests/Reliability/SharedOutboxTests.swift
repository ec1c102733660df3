import Foundation
import LinliBot
import LinliCore
import LinliPostgres
import LinliTesting
import Testing

@testable import LinliStore

/// Deliverers of several processes on one PostgreSQL database (issue 21, item 3): each
/// claims the pushes it sends (`FOR UPDATE SKIP LOCKED`), so they share the outbox,
/// send each push once, and never wait for the engines' writer lock.
@Suite struct SharedOutboxTests {
    /// A `linli deliver --until-empty` on `db` with the demo community's generic
    /// webhook at `generic`.
    static func deliverer(_ db: String, generic: String, in dir: URL) throws -> Process {
        let (text, _) = try DeliveryProgressTests.community(robot: "http://127.0.0.1:9/robot", generic: generic)
        let file = dir.appendingPathComponent("fudi-\(UUID().uuidString).yaml").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = ["deliver", "--community", file, "--commands", Fixtures.commandsPath, "--db", db, "--until-empty"]
        process.standardError = FileHandle.nullDevice
        return process
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("linli-shared-outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Waits up to `seconds` for `process` to exit; kills it if it did not.
    static func exited(_ process: Process, within seconds: Double) async throws -> Bool {
        let done = try await DeliveryProgressTests.waitFor(seconds) { !process.isRunning }
        if !done { process.terminate() }
        process.waitUntilExit()
        return done
    }

    @Test func twoDeliverersShareTheOutboxAndSendEachPushOnce() async throws {
        // Each answer takes a while, so that both deliverers are at work at once.
        let receiver = try RecordingReceiver { _ in
            Thread.sleep(forTimeInterval: 0.005)
            return .init(status: 200)
        }
        defer { receiver.stop() }
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try TestPostgres.database()
        let pushes = 3_000
        try DeliveryProgressTests.queue(Store(path: db), pushes, to: "generic-water", at: Linli.wallClock())
        // The same webhook, at another path for each process: the receiver tells them apart.
        let deliverers = try ["/a", "/b"].map { try Self.deliverer(db, generic: receiver.url($0), in: dir) }
        for d in deliverers { try d.run() }
        for d in deliverers {
            #expect(try await Self.exited(d, within: 120))
            #expect(d.terminationStatus == 0)
        }
        let requests = receiver.requests
        let ids = requests.compactMap { $0.headers["webhook-id"] }
        #expect(ids.count == pushes && Set(ids).count == pushes, "each push sent once: \(ids.count) requests, \(Set(ids).count) pushes")
        let shares = ["/a", "/b"].map { path in requests.filter { $0.path == path }.count }
        #expect(shares.allSatisfy { $0 > 0 }, "both deliverers sent some: \(shares)")
        let rows = try Store(path: db).read { try $0.outbox() }
        #expect(rows.count == pushes && rows.allSatisfy { $0.status == .delivered })
        let attempts = try Store(path: db).read { try $0.first("SELECT count(*) FROM delivery_attempts") { $0[0] as Int } }
        #expect(attempts == pushes, "one attempt recorded a push")
    }

    /// An engine's batch holds the writer lock (here: held by the test, as long as it
    /// likes): a deliverer goes on sending meanwhile.
    @Test func aDelivererDoesNotWaitForTheWriterLock() async throws {
        let receiver = try RecordingReceiver { _ in .init(status: 200) }
        defer { receiver.stop() }
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try TestPostgres.database()
        try DeliveryProgressTests.queue(Store(path: db), 50, to: "generic-water", at: Linli.wallClock())
        let writer = try PostgresConnection(url: db)
        try writer.execute("BEGIN; SELECT pg_advisory_xact_lock(\(Schema.migrationLock))")
        let deliverer = try Self.deliverer(db, generic: receiver.url("/water"), in: dir)
        try deliverer.run()
        #expect(try await Self.exited(deliverer, within: 60), "delivered with the writer lock held")
        try writer.execute("ROLLBACK")
        #expect(Set(receiver.requests.compactMap { $0.headers["webhook-id"] }).count == 50)
    }
}
