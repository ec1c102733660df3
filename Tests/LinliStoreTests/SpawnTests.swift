import Foundation
import Testing

@testable import LinliTesting

/// The test PostgreSQL's watchdog lives as long as the test process: a descriptor it
/// inherited (the end of a pipe a test beside it reads a `linli` child's output from)
/// would never close, and that test would wait for ever. It inherits none.
@Suite struct SpawnTests {
    @Test func aSpawnedProgramInheritsNoDescriptorButItsOwnThree() throws {
        // An inheritable pipe open in this process while the program starts.
        var held: [Int32] = [-1, -1]
        #expect(pipe(&held) == 0)
        defer { held.forEach { close($0) } }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("linli-spawn-\(UUID().uuidString)").path
        defer { unlink(output) }
        // `ls` forked by the shell (a second command: bash would exec a lone one) lists the shell's descriptors.
        let pid = try TestPostgres.spawn(["/bin/sh", "-c", "ls /proc/$$/fd; exit 0"], output: output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let listed = try String(contentsOfFile: output, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(status == 0 && Set(listed) == ["0", "1", "2"], "\(listed)")
    }
}
