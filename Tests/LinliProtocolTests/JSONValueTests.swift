import Foundation
import LinliProtocol
import Testing

/// The JSON reader platforms' callbacks and answers go through.
@Suite struct JSONValueTests {
    func parse(_ text: String) -> JSONValue? { JSONValue.parse(Array(text.utf8)) }

    @Test func readsACallbackAsItsParts() throws {
        let o = try #require(
            parse(
                #" {"msgId":"msg1","conversationType":"2","sessionWebhookExpiredTime":1795830000000,"isInAtList":true,"#
                    + #""text":{"content":" 报修 \u6f0f\u6c34 \ud83d\ude00"},"atUsers":[{"dingtalkId":"$:x"}],"x":null,"n":-1.5e3} "#))
        #expect(o["msgId"]?.string == "msg1")
        #expect(o["conversationType"]?.text == "2")
        #expect(o["sessionWebhookExpiredTime"]?.int64 == 1_795_830_000_000)
        #expect(o["sessionWebhookExpiredTime"]?.text == "1795830000000")
        #expect(o["isInAtList"]?.bool == true)
        #expect(o["text"]?["content"]?.string == " 报修 漏水 😀")
        #expect(o["atUsers"]?.array?.first?["dingtalkId"]?.string == "$:x")
        #expect(o["x"] == .null)
        #expect(o["n"]?.int64 == -1500)
        #expect(o["missing"] == nil)
        #expect(o["text"]?["content"]?["deeper"] == nil)
        #expect(o["msgId"]?.int64 == nil)
    }

    @Test func aByteOrderMarkIsReadPast() {
        #expect(JSONValue.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))?["a"]?.int64 == 1)
    }

    @Test func aFractionBeyondADoublesIntegersIsNoWholeNumber() {
        #expect(parse("9007199254740993.0")?.int64 == nil)
        #expect(parse("-9223372036854775809")?.int64 == nil)
        #expect(parse("1e3")?.int64 == 1000)
    }

    @Test func aKeyWrittenTwiceKeepsItsLastValue() {
        #expect(parse(#"{"a":1,"a":"two"}"#)?["a"]?.string == "two")
    }

    /// What strict JSON (RFC 8259) refuses, and Foundation's reader refuses too.
    static let refused = [
        "", " ", "{", "{a:1}", "{'a':1}", "01", "-", "1.", ".5", "1e", "+1", "0x10", "NaN", "tru", "nul",
        "{\"a\":1} x", "[1] [2]", "\"\u{01}\"", #""\x""#, #""\ud800""#, #""\udc00x""#, "{\"a\" 1}", "[\"a\" \"b\"]",
    ]

    @Test(arguments: refused) func refusesWhatIsNotJSON(_ text: String) {
        #expect(parse(text) == nil)
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) == nil)
    }

    /// Trailing commas, which Foundation's reader lets pass.
    @Test func refusesTrailingCommas() {
        #expect(parse(#"{"a":1,}"#) == nil)
        #expect(parse("[1,]") == nil)
    }

    @Test func refusesBytesThatAreNotUTF8() {
        #expect(JSONValue.parse([UInt8](#"{"a":""#.utf8) + [0xFF, 0xFE] + [UInt8](#""}"#.utf8)) == nil)
        #expect(JSONValue.parse([UInt8](#"{"a":""#.utf8) + [0xE6, 0xBC] + [UInt8](#""}"#.utf8)) == nil)
    }

    @Test func refusesNestingDeeperThanSixtyFour() {
        #expect(parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) != nil)
        #expect(parse(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)) == nil)
        // A hostile body nested a hundred thousand deep is refused, not a stack overflow.
        #expect(parse(String(repeating: "{\"a\":", count: 100_000)) == nil)
    }

    /// Documents Foundation reads: the same values here.
    static let agreed = [
        #"{"a":[1,2.5,-0,1E2,true,false,null,"\"\\\/\b\f\n\r\t"],"b":{},"c":[]}"#,
        #"[{"id":12345678901234,"name":"李菊珍"},"\u00e9"]"#,
        "\"plain\"", "0", "-12", "true", "null",
    ]

    @Test(arguments: agreed) func readsWhatFoundationReads(_ text: String) throws {
        let ours = try #require(parse(text))
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(Self.foundation(ours) == theirs as? NSObject)
    }

    /// Our value in Foundation's terms, to compare.
    static func foundation(_ value: JSONValue) -> NSObject {
        switch value {
        case .null: NSNull()
        case .bool(let b): NSNumber(value: b)
        case .number(let s): NSNumber(value: Double(s)!)
        case .string(let s): s as NSString
        case .array(let a): a.map(foundation) as NSArray
        case .object(let o): o.mapValues(foundation) as NSDictionary
        }
    }
}
