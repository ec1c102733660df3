import Foundation
import LinliStore
import LinliTesting
import Testing

/// `linli migrate`: a community's SQLite database moved into PostgreSQL.
@Suite struct MigrateTests {
    static let transcripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")

    func args(_ db: String) -> [String] {
        ["run", "--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", db, "--drain-timeout", "0"]
    }

    @Test func everyTableIsCopiedAndTheConversationGoesOnThere() throws {
        let sqlite = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlite + suffix) } }
        let input = try Data(contentsOf: Self.transcripts.appendingPathComponent("workorder-zh.in"))
        let first = try BinaryRunner.run(args(sqlite), input: input)
        #expect(first.status == 0, "\(first.stderr)")

        let url = try TestPostgres.database()
        let moved = try BinaryRunner.run(["migrate", "--from", sqlite, "--to", url], input: Data())
        #expect(moved.status == 0, "\(moved.stderr)")
        let counts = Dictionary(
            uniqueKeysWithValues: moved.stdout.split(separator: "\n").map { line in
                let parts = line.split(separator: "\t")
                return (String(parts[0]), Int(parts[1]) ?? -1)
            })
        #expect(counts.count >= 30)
        #expect(counts["work_orders", default: 0] > 0 && counts["history", default: 0] > 0 && counts["residents", default: 0] > 0)
        #expect(counts["timers", default: 0] > 0 && counts["outbox", default: 0] > 0)

        // What the stores hold reads the same on both sides.
        let (from, to) = (try Store(path: sqlite), try Store(path: url))
        #expect(try from.read { try $0.counters() } == to.read { try $0.counters() })
        #expect(try from.read { try $0.outbox() } == to.read { try $0.outbox() })
        #expect(
            try from.read { try $0.nextTimer(dueBy: .init(milliseconds: .max)) } == to.read { try $0.nextTimer(dueBy: .init(milliseconds: .max)) })

        // A repeat of an event handled before the move gets its answer again; a new one goes on from there.
        let line = String(decoding: input, as: UTF8.self).split(separator: "\n").first { !$0.hasPrefix("#") && !$0.isEmpty }!
        let before = try BinaryRunner.run(args(sqlite), input: Data((line + "\n").utf8))
        let after = try BinaryRunner.run(args(url), input: Data((line + "\n").utf8))
        #expect(after.status == 0 && after.stdout == before.stdout, "\(after.stderr)")

        // A second copy into the same database is refused, and changes nothing.
        let kept = try to.read { try $0.outbox() }
        let again = try BinaryRunner.run(["migrate", "--from", sqlite, "--to", url], input: Data())
        #expect(again.status == 1 && again.stderr.contains("not empty"))
        #expect(try to.read { try $0.outbox() } == kept)
    }
}
