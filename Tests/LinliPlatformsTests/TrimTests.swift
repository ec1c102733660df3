import Foundation
import Testing

@testable import LinliPlatforms

/// `Callback.trimmed` takes off what Foundation's `trimmingCharacters` took with white
/// space, newlines and the ideographic space, and nothing else.
@Suite struct TrimTests {
    static func foundation(_ s: String) -> String {
        s.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}")))
    }

    @Test func trimsWhatFoundationTrims() {
        // Every scalar of the Basic Multilingual Plane around a word, then the usual cases.
        var cases = (0...0xFFFF).compactMap(Unicode.Scalar.init).map { scalar in
            let c = String(Character(scalar))
            return c + "报修 漏水" + c
        }
        cases += ["", " ", "\u{3000}\u{3000}", " 报修 漏水 501 ", "\u{3000}进度\n", "\t\r\nstatus R1\u{85}", "\u{200B}x\u{200B}", "\u{FEFF}x", "a"]
        // Random strings of white space and text (fixed seed).
        let alphabet: [Character] = [" ", "\u{3000}", "\n", "\t", "\u{A0}", "\u{2028}", "报", "a", "\u{200B}", "é", "👍"]
        var seed: UInt64 = 20_261_205
        for _ in 0..<5_000 {
            var s = ""
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for k in 0..<Int(seed >> 60) { s.append(alphabet[Int((seed >> UInt64(4 * k)) & 0xFF) % alphabet.count]) }
            cases.append(s)
        }
        let differ = cases.filter { Callback.trimmed($0) != Self.foundation($0) }.prefix(5).map { $0.unicodeScalars.map { String($0.value, radix: 16) } }
        #expect(differ.isEmpty)
        #expect(Callback.trimmed("\u{3000} 报修 漏水 \u{3000}") == "报修 漏水")
        #expect(Callback.trimmed(" \n ") == "")
    }
}
