import Foundation
import LinliTesting
import Testing

/// `linli run` on SIGTERM: stops reading, commits and prints what it read, exits 0.
@Suite struct SigtermTests {
    @Test func sigtermFinishesWhatWasReadAndExitsZero() throws {
        let db = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = ["run", "--community", Fixtures.communityPath, "--commands", Fixtures.commandsPath, "--db", db, "--drain-timeout", "0"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房滴水\n".utf8))
        // The bridge keeps stdin open; the process is told to stop instead.
        var said = Data()
        let deadline = Date().addingTimeInterval(10)
        while !String(decoding: said, as: UTF8.self).contains("\"new_report\""), Date() < deadline {
            said += output.fileHandleForReading.availableData
        }
        kill(process.processIdentifier, SIGTERM)
        said += output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let text = String(decoding: said, as: UTF8.self)
        #expect(text.contains("\"refs\":[\"R1\"]") && text.contains("\"new_report\""))
        try? input.fileHandleForWriting.close()
    }
}
