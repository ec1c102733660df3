import LinliBot
import LinliProtocol
import Testing

@Suite struct LineSplitterTests {
    func split(_ chunks: [[UInt8]], maxLine: Int = 64) -> [String] {
        var splitter = LineSplitter(maxLine: maxLine)
        var items: [InputItem] = []
        for chunk in chunks { items += chunk.withUnsafeBytes { splitter.feed($0) } }
        items += splitter.finish()
        return items.map {
            switch $0 {
            case .event(let e, let line): "\(line):\(e.from ?? "-"):\(e.text ?? e.type.rawValue)"
            case .bad(let error, let line): "\(line):!\(error.code.rawValue)"
            }
        }
    }

    @Test func linesAcrossChunksAreJoined() {
        let text = Array("u-a: one\nu-b: t".utf8)
        #expect(split([Array(text[0..<5]), Array(text[5...]), Array("wo\n".utf8)]) == ["1:u-a:one", "2:u-b:two"])
    }

    @Test func blankAndCommentLinesCountButYieldNothing() {
        #expect(split([Array("\n# c\nu-a: x\r\n\nu-b: y".utf8)]) == ["3:u-a:x", "5:u-b:y"])
    }

    @Test func aLongLineIsReportedOnceAndSkipped() {
        let long = Array("u-a: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 200)
        let chunks = [Array(long[0..<100]), Array(long[100...]) + Array("\nu-b: ok\n".utf8)]
        #expect(split(chunks, maxLine: 64) == ["1:!line_too_long", "2:u-b:ok"])
        #expect(split([long + [10]], maxLine: 300) == ["1:u-a:" + String(repeating: "x", count: 200)])
    }

    @Test func aLineOfExactlyTheLimitIsAccepted() {
        let line = "u-a: " + String(repeating: "y", count: 59)
        #expect(line.utf8.count == 64)
        #expect(
            split([Array((line + "\r\n" + line + "y\n").utf8)], maxLine: 64) == ["1:u-a:" + String(repeating: "y", count: 59), "2:!line_too_long"])
    }

    @Test func invalidUTF8AndBadJSONAreErrorsAndTheNextLineGoesOn() {
        let bytes: [UInt8] = Array("u-a: ".utf8) + [0xC3, 0x28] + [10] + Array("{oops\nu-b: fine\n".utf8)
        #expect(split([bytes]) == ["1:!invalid_utf8", "2:!bad_json", "3:u-b:fine"])
    }
}
