import Foundation
import Testing

@testable import LinliProtocol

/// `FlatJSON`, the fast road for the usual JSON line (issue 20): wherever it
/// answers, it answers as Foundation's JSONDecoder does; elsewhere it gives way.
@Suite struct FlatJSONTests {
    static let usual: [String] = [
        #"{"id":"ev-1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"报修 漏水 501 厨房滴水"}"#,
        #" { "type" : "tick" , "ts" : "2026-11-28T09:00:00Z" } "#,
        #"{"from":"u-li","text":"a \"quoted\" word, a back\\slash\/, tab\tnewline\n","mentions":["linli","u-wang"]}"#,
        #"{"from":"u-li","text":"\u5c0f\u90bb \ud83d\ude00 \u00e9\u0000","name":null,"mentions":null,"extra":"ignored"}"#,
        #"{"type":"join","from":"u-new","group":"fudi-b1","name":"新邻居","mentions":[]}"#,
        #"{"from":"u-li","text":"<b>hi</b> @all https://x.test"}"#,
    ]

    /// Lines the fast road leaves to the slow one, each for its own reason.
    static let unusual: [String] = [
        #"{"from":"u-li","from":"u-wang","text":"two froms"}"#,
        #"{"from":"u-li","text":"x","x":1,"x":2}"#,
        #"{"from":"u-li","text":"x","n":1}"#,
        #"{"from":"u-li","text":"x","o":{"a":"b"}}"#,
        #"{"from":"u-li","text":42}"#,
        #"{"from":"u-li","text":"lone \udc00 half"}"#,
        #"{"from":"u-li","text":"high \ud83d alone"}"#,
        #"{"from":"u-li","text":"bad \q escape"}"#,
        #"{"fr\u006fm":"u-li","text":"escaped key"}"#,
        #"{"from":"u-li","text":"x"} trailing"#,
        #"{"from":"u-li","text":"x",}"#,
        #"{"from":"u-li","mentions":["a",1],"text":"x"}"#,
        #"{"from":"u-li","text":"unterminated"#,
        "{\"from\":\"u-li\",\"text\":\"raw\u{01}control\"}",
    ]

    static func outcome(_ decoder: LineDecoder, _ line: [UInt8]) -> String {
        do {
            return "\(String(describing: try decoder.decode(line[...])))"
        } catch {
            return "error \(error.code.rawValue): \(error.text)"
        }
    }

    @Test func usualLinesTakeTheFastRoadAndReadAsTheSlowOneReadsThem() {
        for line in Self.usual {
            #expect(FlatJSON.read(Array(line.utf8)[...]) != nil, "fast road: \(line)")
            let (fast, slow) = (Self.outcome(LineDecoder(), Array(line.utf8)), Self.outcome(LineDecoder(fastRoad: false), Array(line.utf8)))
            #expect(fast == slow && !fast.hasPrefix("error"), "\(line)\n fast: \(fast)\n slow: \(slow)")
        }
    }

    @Test func unusualLinesAreLeftToTheSlowRoad() {
        for line in Self.unusual {
            #expect(FlatJSON.read(Array(line.utf8)[...]) == nil, "left alone: \(line)")
            #expect(Self.outcome(LineDecoder(), Array(line.utf8)) == Self.outcome(LineDecoder(fastRoad: false), Array(line.utf8)))
        }
    }

    /// 20,000 lines made by changing a few bytes of the usual ones (a fixed seed):
    /// the two roads agree on every one, event or error.
    @Test func bothRoadsAgreeOnMangledLines() {
        var random = SplitMix(seed: 20_261_204)
        let pieces: [[UInt8]] = ["\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\\u", "\\ud83d", "null", "1", "\u{1}", "é", "\\n"].map {
            Array($0.utf8)
        }
        var fastTaken = 0
        for n in 0..<20_000 {
            var line = Array(Self.usual[n % Self.usual.count].utf8)
            for _ in 0...(random.next() % 3) {
                let at = Int(random.next() % UInt64(line.count + 1))
                switch random.next() % 3 {
                case 0: line.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
                case 1: if at < line.count { line.remove(at: at) }
                default: if at < line.count { line[at] = pieces[Int(random.next() % UInt64(pieces.count))][0] }
                }
            }
            guard String(validating: line, as: UTF8.self) != nil else { continue }
            if FlatJSON.read(line[...]) != nil { fastTaken += 1 }
            let (fast, slow) = (Self.outcome(LineDecoder(), line), Self.outcome(LineDecoder(fastRoad: false), line))
            #expect(fast == slow, "\(String(decoding: line, as: UTF8.self))\n fast: \(fast)\n slow: \(slow)")
            if fast != slow { return }
        }
        #expect(fastTaken > 1_000, "the fast road took \(fastTaken) of the mangled lines")
    }
}

/// A small seeded generator (SplitMix64): the same lines on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
