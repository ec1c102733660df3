import Foundation
import LinliTesting
import Testing

/// At least once to the bridge (PROTOCOL.md §4, issue 19 item 2): `linli run` is
/// killed with SIGKILL at 20 random points; each time the bridge replays its whole
/// input. `bench/faults.sh` runs it larger (`LINLI_FAULT_KILLS`, `LINLI_FAULT_EVENTS`). Every outbound event of an undisturbed run is in the union of what the
/// killed runs printed, and no outbound id was ever printed with two contents.
@Suite struct KillReplayTests {
    /// A week of a building's life in the demo community: reports in the groups,
    /// progress asked in private, captains taking and closing them, ratings, and
    /// chatter, 7 minutes apart (so that the 30-minute clocks fire on their own).
    static func conversation(events: Int) -> Data {
        let residents = [("u-li", "fudi-b3", "u-zhou"), ("u-wu", "fudi-b1", "u-liu"), ("u-xu", "fudi-b2", "u-sun"), ("u-emma", "fudi-b3", "u-zhou")]
        var lines: [String] = []
        var order = 0
        let start = 1_795_827_600  // 2026-11-28T01:00:00Z
        while lines.count < events {
            order += 1
            let (resident, group, captain) = residents[order % residents.count]
            let steps: [(String?, String, String)] = [
                (group, resident, order % 2 == 0 ? "报修 漏水 厨房滴水 \(order)" : "report leak kitchen tap \(order)"),
                (group, "u-zhang", "大家早上好"),
                (nil, resident, "进度 R\(order)"),
                (group, captain, order % 3 == 0 ? "签收 R\(order)" : "accept R\(order)"),
                (group, resident, "谢谢！"),
                (nil, captain, "完成 R\(order) 已修好"),
                (group, resident, "评价 R\(order) 5"),
            ]
            for (group, sender, text) in steps where lines.count < events {
                let ts = Date(timeIntervalSince1970: TimeInterval(start + lines.count * 420)).formatted(.iso8601)
                let chat = group.map { #","group":"\#($0)""# } ?? ""
                lines.append(#"{"id":"ev-\#(lines.count)","ts":"\#(ts)","from":"\#(sender)"\#(chat),"text":"\#(text)"}"#)
            }
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Outbound events by id, from `linli run`'s JSON lines.
    static func events(_ output: String) -> [(id: String, object: NSDictionary)] {
        output.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary, let id = object["id"] as? String else {
                return nil
            }
            return (id, object)
        }
    }

    static let environment = ProcessInfo.processInfo.environment
    static let kills = environment["LINLI_FAULT_KILLS"].flatMap(Int.init) ?? 20
    static let eventCount = environment["LINLI_FAULT_EVENTS"].flatMap(Int.init) ?? 1_400

    /// What the runs printed: the undisturbed run's events, all the killed runs' and the last run's.
    struct Runs: @unchecked Sendable {  // handed over once, from the thread that made it
        var referenceStatus: Int32
        var lastStatus: Int32
        var expected: [(id: String, object: NSDictionary)]
        var printed: [(id: String, object: NSDictionary)]
        var cut: Int
    }

    /// The blocking part: processes started, killed and waited for.
    static func killAndReplay() throws -> Runs {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("linli-killreplay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("input.jsonl")
        try conversation(events: eventCount).write(to: input)
        func arguments(_ db: String) -> [String] {
            [
                "run", "--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", dir.appendingPathComponent(db).path,
                "--drain-timeout", "0",
            ]
        }
        let began = Date()
        let reference = try BinaryRunner.run(arguments("reference.db"), input: Data(contentsOf: input))
        let runTime = Date().timeIntervalSince(began)
        // Kills at random points of a run (a fixed seed: the same points every time).
        var random = GarbageTests.Seeded(state: 19)
        var printed: [(id: String, object: NSDictionary)] = []
        var cut = 0
        let expected = Self.events(reference.stdout)
        for k in 0..<kills {
            let out = dir.appendingPathComponent("out-\(k)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            let process = Process()
            process.executableURL = Fixtures.binary
            process.arguments = arguments("killed.db")
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: runTime * Double((random.next() >> 33) % 1_000) / 1_000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let got = Self.events(try String(contentsOf: out, encoding: .utf8))
            if process.terminationReason == .uncaughtSignal, got.count < expected.count { cut += 1 }
            printed += got
        }
        let last = try BinaryRunner.run(arguments("killed.db"), input: Data(contentsOf: input))
        printed += Self.events(last.stdout)
        return Runs(referenceStatus: reference.status, lastStatus: last.status, expected: expected, printed: printed, cut: cut)
    }

    @Test func killedTwentyTimesAndReplayedNothingIsLostOrChanged() async throws {
        let runs = try await offThePool { try Self.killAndReplay() }
        let expected = runs.expected
        #expect(runs.referenceStatus == 0 && runs.lastStatus == 0)
        #expect(expected.count > Self.eventCount * 3 / 4)
        #expect(expected.contains { ($0.object["type"] as? String) == "notify" }, "notifications are part of what must not be lost")
        // Later runs replay what is done already (repeats are quick), so not every kill lands mid-run.
        #expect(runs.cut >= Self.kills / 3, "kills land in the middle of a run (\(runs.cut) of \(Self.kills) did)")

        var seen: [String: NSDictionary] = [:]
        var changed: [String] = []
        for (id, object) in runs.printed {
            if let first = seen[id], first != object { changed.append(id) }
            seen[id] = seen[id] ?? object
        }
        #expect(changed.isEmpty, "outbound ids printed with two contents: \(changed.prefix(5))")
        let missing = expected.filter { seen[$0.id] != $0.object }.map(\.id)
        #expect(missing.isEmpty, "\(missing.count) outbound events of the undisturbed run never printed, e.g. \(missing.prefix(5))")
    }
}
