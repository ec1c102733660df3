import Foundation
import LinliCore
import Testing

@testable import LinliBot

/// A push held over quiet hours waits in a timer as JSON written by `Effect.json`;
/// `JSONDecoder` must read back the same push, whatever its text holds.
@Suite struct HeldPushJSONTests {
    static let awkward = [
        "", "报修 漏水 501", "\"quoted\" and \\backslash\\", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1f}\u{7f}", "a/b </script>",
        "emoji 🏠👨‍👩‍👧", "\u{2028}\u{2029}", "<b>@all</b> [link](http://x)", "é e\u{301}",
    ]

    static var effects: [Effect] {
        var out: [Effect] = []
        for (i, text) in awkward.enumerated() {
            let other = awkward[(i + 3) % awkward.count]
            out.append(.notify(to: text.isEmpty ? "u-li" : text, reason: "report", text: Localized(zh: text, en: other), refs: [text, "R\(i)"]))
            var post = Effect.post(group: "fudi-b3", reason: other, text: Localized(zh: other, en: text), refs: [], priority: .p2)
            post.replyLang = i % 2 == 0 ? .en : .zh
            out.append(post)
        }
        var bare = Effect.notify(to: "u-zhou", reason: "", text: Localized(zh: "", en: ""), refs: [])
        bare.priority = .p0
        out.append(bare)
        return out
    }

    @Test func jsonDecoderReadsBackEveryPush() throws {
        for effect in Self.effects {
            let read = try JSONDecoder().decode(Effect.self, from: Data(effect.json.utf8))
            #expect(read == effect, "\(effect.json)")
        }
    }

    @Test func theKeysAreThoseJSONEncoderWrote() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for effect in Self.effects {
            let ours = try #require(try JSONSerialization.jsonObject(with: Data(effect.json.utf8)) as? NSDictionary)
            let theirs = try #require(try JSONSerialization.jsonObject(with: encoder.encode(effect)) as? NSDictionary)
            #expect(ours == theirs)
        }
    }
}
