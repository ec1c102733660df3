import Foundation
import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// The community file changed between runs, with work orders open in the database.
@Suite struct FileChangeTests {
    /// A building's captain changed in the file: at the first event after the start
    /// the old captain's open orders of that building go to the new one, both are
    /// told, and an order given to someone by name stays theirs.
    @Test func aCaptainChangedInTheFileHandsOverTheOpenOrders() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("file-change-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let bot = try FamilyHarness("workorders", database: path)
            #expect(try bot.say("报修 漏水 厨房滴水", from: "u-ann", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
            #expect(try bot.say("报修 漏水 卫生间", from: "u-ann", in: "t-b1", at: "2026-11-28T09:01:00+08:00").reply.refs == ["R2"])
            #expect(try bot.say("派单 R2 u-vol", from: "u-office", at: "2026-11-28T09:02:00+08:00").reply.ok)
        }
        let moved = try FamilyHarness.community(
            replacing: "captain: u-cap1, groups: [t-b1]",
            with: "captain: u-cap2, groups: [t-b1]")
        let again = try FamilyHarness("workorders", community: moved, database: path)
        let out = try again.say("大家好", from: "u-ann", in: "t-b1", at: "2026-11-28T09:10:00+08:00")
        let told = out.notifications.filter { $0.reason == "role_changed" }
        #expect(told.map(\.to) == ["u-cap2", "u-cap1"], "\(told)")
        #expect(told.first?.text.contains("【交接】刘队长的工单 R1 现由您处理") == true, "\(told)")
        #expect(told.allSatisfy { $0.refs == ["R1"] }, "R2 was given to u-vol by name")
        let history = try again.engine.history(1)
        #expect(history.last?.action == "handover", "\(history)")
        #expect(try again.engine.history(2).last?.action == "assign")
        let queue = try again.say("待办", from: "u-cap2", at: "2026-11-28T09:10:30+08:00").reply.text
        #expect(queue.contains("R1") && !queue.contains("R2"), "\(queue)")
        let later = try again.say("早上好", from: "u-ann", in: "t-b1", at: "2026-11-28T09:11:00+08:00")
        #expect(!later.contains { $0.reason == "role_changed" }, "once")
    }

    /// Nothing changed in the file: a restart hands nothing over. An order the grid
    /// leader took from the captain, or one staff took, stays theirs (each restart gave
    /// them to the captain, and the one who had it could no longer see it).
    @Test func aRestartWithTheSameFileHandsNothingOver() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("file-same-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let bot = try FamilyHarness("workorders", database: path)
            #expect(try bot.say("报修 漏水 厨房滴水", from: "u-ann", in: "t-b1", at: "2026-11-28T09:00:00+08:00").reply.refs == ["R1"])
            #expect(try bot.say("报修 其他 楼道堆物", from: "u-li", in: "t-b1", at: "2026-11-28T09:01:00+08:00").reply.refs == ["R2"])
            #expect(try bot.say("签收 R1", from: "u-grid", at: "2026-11-28T09:02:00+08:00").reply.ok)
            #expect(try bot.say("签收 R2", from: "u-office", at: "2026-11-28T09:03:00+08:00").reply.ok)
        }
        let again = try FamilyHarness("workorders", database: path)
        let out = try again.say("大家好", from: "u-ann", in: "t-b1", at: "2026-11-28T09:10:00+08:00")
        #expect(!out.contains { $0.reason == "role_changed" }, "\(out)")
        // A captain replaced in the file who is a mediator too still hands over a leak (not a dispute).
        do {
            let mediator = FamilyHarness.community.replacingOccurrences(of: "roles: [captain]}", with: "roles: [captain, mediator]}")
            let bot = try FamilyHarness("workorders", community: mediator, database: path)
            #expect(try bot.say("报修 漏水 卫生间", from: "u-li", in: "t-b1", at: "2026-11-28T09:20:00+08:00").reply.refs == ["R3"])
            #expect(try bot.say("签收 R3", from: "u-cap1", at: "2026-11-28T09:21:00+08:00").reply.ok)
        }
        let moved = FamilyHarness.community.replacingOccurrences(of: "captain: u-cap1, groups: [t-b1]", with: "captain: u-cap2, groups: [t-b1]")
            .replacingOccurrences(of: "{id: u-cap1, name: 刘队长, home: b1-101, roles: [captain]}", with: "{id: u-cap1, name: 刘队长, home: b1-101, roles: [mediator]}")
        let later = try FamilyHarness("workorders", community: moved, database: path)
        let told = try later.say("早", from: "u-ann", in: "t-b1", at: "2026-11-28T09:30:00+08:00").notifications.filter { $0.reason == "role_changed" }
        #expect(told.first?.refs == ["R3"] && told.first?.to == "u-cap2", "\(told)")
        #expect(try again.say("进度 R1", from: "u-grid", at: "2026-11-28T09:11:00+08:00").reply.text.contains("马网格"))
        #expect(try again.say("进度 R2", from: "u-office", at: "2026-11-28T09:11:00+08:00").reply.text.contains("王主任"))
    }

    /// A building dropped from the file while orders are open there: `check --db`
    /// and `run` refuse to start (exit 2) and say which building and order.
    @Test func aBuildingDroppedWithOpenOrdersIsRefused() async throws {
        let db = BinaryRunner.temporaryDatabase()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dropped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            try? FileManager.default.removeItem(at: dir)
        }
        let commands = ["--commands", Fixtures.commandsPath]
        let input = "@2026-11-28T09:00:00+08:00 [fudi-b4] u-tang: 报修 漏水 厨房滴水\n"
        let ran = try await offThePool {
            try BinaryRunner.run(
                ["run", "--community", Fixtures.communityPath] + commands + ["--db", db, "--format", "chat", "--drain-timeout", "0"], input: Data(input.utf8))
        }
        #expect(ran.status == 0 && ran.stdout.contains("R1"), "\(ran.stdout) \(ran.stderr)")
        // The demo file without building b4 (it is b5 now, its people with it).
        let demo = try String(contentsOfFile: Fixtures.communityPath, encoding: .utf8)
        let file = dir.appendingPathComponent("fudi.yaml").path
        try demo.replacingOccurrences(of: "id: b4", with: "id: b5").replacingOccurrences(of: "b4-", with: "b5-")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let plain = try await offThePool { try BinaryRunner.run(["check", "--community", file] + commands, input: Data()) }
        #expect(plain.status == 0, "the file alone is fine: \(plain.stderr)")
        for args in [["check", "--community", file] + commands + ["--db", db], ["run", "--community", file] + commands + ["--db", db, "--drain-timeout", "0"]] {
            let refused = try await offThePool { try BinaryRunner.run(args, input: Data(input.utf8)) }
            #expect(refused.status == 2, "\(args[0]): \(refused.stderr)")
            #expect(refused.stderr.contains("building b4 has open work orders (R1"), "\(refused.stderr)")
        }
    }
}
