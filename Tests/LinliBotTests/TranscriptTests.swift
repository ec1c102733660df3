import Foundation
import LinliTesting
import Testing

/// Golden transcripts: whole conversations through the real `linli run`
/// (stdin → stdout), compared byte for byte with the reviewed output beside them.
/// `LINLI_UPDATE_GOLDEN=1 swift test --filter TranscriptTests` rewrites the `.out`
/// files; review the diff before committing it.
@Suite(.serialized) struct TranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".in") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// Runs a transcript: `#! args: …` adds options, `#! restart` starts a new
    /// process on the same database. Returns the concatenated stdout.
    /// On `database` when given (a PostgreSQL URL), else on a new SQLite file. The
    /// processes are awaited off the pool (`offThePool`), where in-process servers of other tests run.
    static func play(_ name: String, via mode: BinaryRunner.Input = .file, database: String? = nil) async throws -> String {
        let results = try await offThePool { try runs(name, via: mode, database: database) }
        for result in results { #expect(result.status == 0, "\(name): \(result.stderr)") }
        return results.map(\.stdout).joined()
    }

    /// The blocking part of `play`: each run's result.
    private static func runs(_ name: String, via mode: BinaryRunner.Input, database: String?) throws -> [BinaryRunner.Result] {
        let input = try Data(contentsOf: folder.appendingPathComponent("\(name).in"))
        let db = database ?? BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        var args = ["run", "--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", db, "--drain-timeout", "0"]
        var runs: [Data] = [Data()]
        for line in input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.starts(with: Array("#! args: ".utf8)) {
                args += String(decoding: line.dropFirst(9), as: UTF8.self).split(separator: " ").map(String.init)
            } else if line.starts(with: Array("#! restart".utf8)) {
                runs.append(Data())
            } else {
                runs[runs.count - 1] += line + [UInt8(ascii: "\n")]
            }
        }
        if input.last != UInt8(ascii: "\n") { runs[runs.count - 1].removeLast() }
        return try runs.map { try BinaryRunner.run(args, input: $0, via: mode) }
    }

    @Test func thereAreEnoughTranscripts() {
        #expect(Self.names.count >= 6)
    }

    @Test(arguments: names)
    func matchesTheGoldenOutput(_ name: String) async throws {
        let actual = try await Self.play(name)
        let golden = Self.folder.appendingPathComponent("\(name).out")
        if ProcessInfo.processInfo.environment["LINLI_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(!expected.isEmpty)
        #expect(actual == expected, "\(name): output differs from \(name).out")
    }

    /// The same conversations on PostgreSQL (the tests' own server) give the same bytes.
    @Test(arguments: names)
    func matchesTheGoldenOutputOnPostgreSQL(_ name: String) async throws {
        let actual = try await Self.play(name, database: try await offThePool { try TestPostgres.database() })
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("\(name).out"), encoding: .utf8)
        #expect(actual == expected, "\(name): output on PostgreSQL differs from \(name).out")
    }

    @Test(arguments: names)
    func isByteIdenticalOnEveryRun(_ name: String) async throws {
        let (first, second) = (try await Self.play(name), try await Self.play(name))
        #expect(first == second)
    }

    @Test func aPipeGivesTheSameOutputAsAFile() async throws {
        let (piped, read) = (try await Self.play("workorder-zh", via: .pipe), try await Self.play("workorder-zh", via: .file))
        #expect(piped == read)
    }

    @Test func aBrokenCommunityFileIsRefusedAndTheDatabaseIsNotTouched() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("linli-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try "community:\n  id: x\n  name: X\nbuildings:\n  - id: b1\n    grid: nowhere\n".write(to: file, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("db.sqlite").path
        let result = try BinaryRunner.run(
            ["run", "--community", file.path, "--commands", Fixtures.commandsPath, "--db", db], input: Data("u-a: help\n".utf8))
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.yaml:6:") && result.stderr.contains("nowhere"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
