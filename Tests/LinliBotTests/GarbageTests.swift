import LinliBot
import LinliProtocol
import LinliTesting
import Testing

/// Nothing the bot can be fed crashes it: random bytes, random JSON-ish lines and
/// random commands all get an answer or an error, line by line.
@Suite struct GarbageTests {
    /// A small deterministic generator (a 64-bit LCG), so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomInputNeverCrashesAndEveryMessageGetsOneReply(seed: UInt64) throws {
        var random = Seeded(state: seed)
        let pieces = [
            "{", "}", "\"", ":", ",", "[", "]", "text", "from", "u-li", "报修", "漏水", "R1", "#", "@", "2026-11-28T09:00:00+08:00",
            "[fudi-b3]", " ", "\\", "\u{FF}", "评价", "5", "accept", "type", "tick", "null", "\t", "💧", "\u{0}",
        ]
        let engine = try Fixtures.engine()
        var splitter = LineSplitter(maxLine: 200)
        var lines = 0
        var messages = 0
        var privateMessages = 0
        var out: [OutboundEvent] = []
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            if Bool.random(using: &random) {
                for _ in 0..<Int.random(in: 0...12, using: &random) { bytes += Array(pieces.randomElement(using: &random)!.utf8) }
            } else {
                for _ in 0..<Int.random(in: 0...40, using: &random) { bytes.append(UInt8.random(in: 0...255, using: &random)) }
            }
            bytes.removeAll { $0 == 10 }
            bytes.append(10)
            lines += 1
            let items = bytes.withUnsafeBytes { splitter.feed($0) }
            messages += items.filter { if case .event(let e, _) = $0 { e.type == .message } else { false } }.count
            privateMessages += items.filter { if case .event(let e, _) = $0 { e.type == .message && e.group == nil } else { false } }.count
            out += try engine.process(items)
        }
        #expect(lines == 400)
        // A private message always gets its one reply; in a group, garbage is mostly chatter and gets none.
        let replies = out.filter { $0.type == .reply }.count
        #expect(replies >= privateMessages && replies <= messages, "at most one reply per message, one for each private one")
        #expect(out.allSatisfy { $0.type != .error || ($0.code != nil && $0.line != nil) })
        let ids = out.map(\.id)
        #expect(Set(ids).count == ids.count, "every outbound id is unique")
    }
}
