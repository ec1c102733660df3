import Foundation
import LinliTesting
import Testing

/// `linli check --db FILE`: the community file with the role changes kept in the database.
@Suite struct RolesCheckTests {
    @Test func checkWithADatabaseShowsTheCommunityAsItNowStands() async throws {
        let db = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        let files = ["--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath]
        let input = """
            @2026-11-28T09:00:00+08:00 u-he: role u-li captain b3
            @2026-11-28T09:01:00+08:00 u-he: 任命 张伟 调解员
            @2026-11-28T09:02:00+08:00 u-he: unrole u-wang volunteer
            @2026-11-28T09:03:00+08:00 u-li: role u-li grid_leader g1

            """
        let ran = try await offThePool {
            try BinaryRunner.run(["run"] + files + ["--db", db, "--format", "chat", "--drain-timeout", "0"], input: Data(input.utf8))
        }
        #expect(ran.status == 0, "\(ran.stderr)")
        let checked = try await offThePool { try BinaryRunner.run(["check"] + files + ["--db", db], input: Data()) }
        #expect(checked.status == 0, "\(checked.stderr)")
        let lines = checked.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("role changes made in chat: 3"), "\(checked.stdout)")
        #expect(lines.contains("captain of 3栋 (b3): 李菊珍 (u-li)"), "\(checked.stdout)")
        #expect(lines.contains("captain of 1栋 (b1): 刘建国 (u-liu)"), "\(checked.stdout)")
        #expect(lines.contains("grid leader of 第一网格 (g1): 马贤江 (u-ma)"), "refused: not staff")
        #expect(lines.contains("mediator: 张伟 (u-zhang)"), "\(checked.stdout)")
        #expect(lines.contains("volunteer: 方阿姨 (u-fang)"), "\(checked.stdout)")

        let plain = try await offThePool { try BinaryRunner.run(["check"] + files, input: Data()) }
        #expect(plain.status == 0 && !plain.stdout.contains("captain of"), "without --db, the community file alone")
        let missing = try await offThePool { try BinaryRunner.run(["check"] + files + ["--db", db + ".missing"], input: Data()) }
        #expect(missing.status == 3 && !FileManager.default.fileExists(atPath: db + ".missing"), "no database is made by a check")
    }
}
