import Foundation
import LinliCommands
import LinliCore
import LinliTesting
import Testing

/// Issue 14, 6: `linli parse` prints a readable form (no Swift internals: times as
/// clock times, dates as words or ISO), and `--json` one object for tools.
@Suite struct ParseReportTests {
    @Test func aCommandReadsAsItsArguments() throws {
        let parser = try Fixtures.parser()
        #expect(
            ParseReport(parser.parse("book pavilion tomorrow 3-4pm dancing")).text
                == "book (bookings, en)\n  venue: pavilion\n  date: tomorrow\n  times: 15:00-16:00\n  purpose: dancing")
        #expect(ParseReport(parser.parse("评价 R2 五分 很好")).text == "rate (workorders, zh)\n  record: R2\n  score: 5\n  comment: 很好")
        #expect(ParseReport(parser.parse("预约 凉亭 下周六 下午3点")).text.hasSuffix("  date: next sat\n  times: 15:00"))
        #expect(ParseReport(parser.parse("报修")).text.hasPrefix("report (zh): missing category; asks: 请问是什么问题？"))
        #expect(ParseReport(parser.parse("hello there")).text.hasPrefix("error unknown_command: I don't know “hello”."))
    }

    @Test func jsonIsOneObjectToolsCanRead() throws {
        let report = ParseReport(try Fixtures.parser().parse("report leak \"quoted\" \\ back"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "command" && object["family"] as? String == "workorders" && object["lang"] as? String == "en")
        #expect((object["args"] as? [String: String]) == ["category": "leak", "details": "\"quoted\" \\ back"])
        #expect(report.json.hasPrefix("{\"kind\":\"command\",\"command\":\"report\""), "fields in a fixed order")
    }

    @Test func theBinaryPrintsBoth() async throws {
        let plain = try await offThePool { try BinaryRunner.run(["parse", "进度", "R3"], input: Data()) }
        #expect(plain.status == 0 && plain.stdout == "status (workorders, zh)\n  record: R3\n")
        let json = try await offThePool { try BinaryRunner.run(["parse", "--json", "进度", "R3"], input: Data()) }
        #expect(
            json.stdout == "{\"kind\":\"command\",\"command\":\"status\",\"family\":\"workorders\",\"lang\":\"zh\",\"args\":{\"record\":\"R3\"}}\n")
        // Not a command, or one without its argument: the report is printed and the exit says so.
        let chatter = try await offThePool { try BinaryRunner.run(["parse", "--json", "大家早上好"], input: Data()) }
        #expect(chatter.status == 1 && chatter.stdout.hasPrefix("{\"kind\":\"error\""), "\(chatter.stdout)")
        let incomplete = try await offThePool { try BinaryRunner.run(["parse", "评价", "R1"], input: Data()) }
        #expect(incomplete.status == 1 && incomplete.stdout.contains("missing"), "\(incomplete.stdout)")
    }
}
