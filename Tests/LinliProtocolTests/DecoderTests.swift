import Foundation
import LinliCore
import LinliProtocol
import Testing

@Suite struct LineDecoderTests {
    let decoder = LineDecoder()

    func decode(_ text: String) throws(LineError) -> InboundEvent? {
        try decoder.decode(Array(text.utf8)[...])
    }

    func code(_ text: String) -> LineErrorCode? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func jsonMessage() throws {
        let e = try #require(
            try decode(
                #"{"id":"m1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","name":"李菊珍","text":"进度","mentions":["u-zhou"],"extra":1}"#
            ))
        #expect(
            e
                == InboundEvent(
                    type: .message, id: "m1", ts: RFC3339.parse("2026-11-28T09:00:00+08:00"), group: "fudi-b3",
                    from: "u-li", name: "李菊珍", text: "进度", mentions: ["u-zhou"]))
    }

    @Test func jsonTickJoinLeave() throws {
        #expect(try decode(#"{"type":"tick","ts":"2026-11-28T11:00:00+08:00"}"#)?.type == .tick)
        #expect(try decode(#"{"type":"join","group":"fudi-b3","from":"u-new"}"#)?.type == .join)
        #expect(try decode(#"{"type":"leave","group":"fudi-b3","from":"u-new"}"#)?.type == .leave)
    }

    static let shorthand: [(String, InboundEvent)] = [
        ("[fudi-b3] u-li: report leak 501 kitchen", InboundEvent(group: "fudi-b3", from: "u-li", text: "report leak 501 kitchen")),
        ("[fudi-b3] u-li (李菊珍): 报修 漏水", InboundEvent(group: "fudi-b3", from: "u-li", name: "李菊珍", text: "报修 漏水")),
        ("u-li: status", InboundEvent(from: "u-li", text: "status")),
        ("u-li：进度", InboundEvent(from: "u-li", text: "进度")),
        ("u-li（李菊珍）：进度", InboundEvent(from: "u-li", name: "李菊珍", text: "进度")),
        ("@2026-11-28T09:00:00+08:00", InboundEvent(type: .tick, ts: RFC3339.parse("2026-11-28T09:00:00+08:00"))),
        (
            "@2026-11-28T11:30:00+08:00 [fudi-b3] u-zhou: accept R1",
            InboundEvent(ts: RFC3339.parse("2026-11-28T11:30:00+08:00"), group: "fudi-b3", from: "u-zhou", text: "accept R1")
        ),
        ("  u-li: note R1 at 10:30: done", InboundEvent(from: "u-li", text: "note R1 at 10:30: done")),
        ("u-li: status\r", InboundEvent(from: "u-li", text: "status")),
    ]

    @Test(arguments: shorthand.indices)
    func chatShorthand(_ i: Int) throws {
        let (line, event) = Self.shorthand[i]
        #expect(try decode(line) == event)
    }

    @Test(arguments: ["", "   ", "\r\r\r", " \t\r ", "# a comment", "  # indented comment"])
    func skipped(_ line: String) throws {
        #expect(try decode(line) == nil)
    }

    static let refused: [(String, LineErrorCode)] = [
        (#"{"from":"u-li","text":"x""#, .badJSON),
        (#"{not json}"#, .badJSON),
        (#"{"from":"u-li"}"#, .missingField),
        (#"{"text":"status"}"#, .missingField),
        (#"{"from":"u-li","text":""}"#, .missingField),
        (#"{"type":"tick"}"#, .missingField),
        (#"{"type":"join","group":"g"}"#, .missingField),
        (#"{"from":"u-li","text":"x","ts":"yesterday"}"#, .badTimestamp),
        (#"{"from":"u-li","text":"x","ts":"2026-11-28T09:00:00"}"#, .badTimestamp),
        (#"{"from":5,"text":"x"}"#, .badField),
        (#"{"from":"u-li","text":"x","mentions":"u-zhou"}"#, .badField),
        (#"{"from":"u-li","text":"x","mentions":["u-zhou",5]}"#, .badField),
        (#"{"from":"u-li","text":"status",}"#, .badJSON),
        (#"{"from":"u-li","fr\u006fm":"u-zhou","text":"x"}"#, .badJSON),
        (#"{"from":"u-li","text":"status"}{"id":"x","from":"u-li","text":"status"}"#, .badJSON),
        (#"{"from":"u-li","text":"x","ts":"2100-01-01T07:59:59+08:00"}"#, .badTimestamp),
        (#"{"type":"shout","from":"u-li","text":"x"}"#, .badField),
        (#"{"id":"","from":"u-li","text":"x"}"#, .badField),
        ("{\"id\":\"\(String(repeating: "x", count: 129))\",\"from\":\"u-li\",\"text\":\"x\"}", .badField),
        ("@2026-13-01T00:00:00Z u-li: status", .badTimestamp),
        ("@noon", .badTimestamp),
        ("hello there", .missingField),
        ("[fudi-b3 u-li: status", .badField),
        (": status", .missingField),
    ]

    @Test(arguments: refused.indices)
    func refusedLines(_ i: Int) {
        let (line, expected) = Self.refused[i]
        #expect(code(line) == expected, "\(line)")
    }

    /// A field of the wrong type is named as the line has it, not as Swift's decoder would.
    @Test func aWrongTypeIsNamedAsWritten() {
        #expect(throws: LineError(.badField, "field 'mentions' has the wrong type")) {
            try decoder.decode(Array(#"{"from":"u-li","text":"x","mentions":[1]}"#.utf8)[...])
        }
    }

    @Test func invalidUTF8() {
        var bytes = Array("u-li: 报修 ".utf8)
        bytes += [0xFF, 0xFE, 0x80]
        #expect(throws: LineError(.invalidUTF8, "the line is not valid UTF-8")) { try decoder.decode(bytes[...]) }
    }
}

@Suite struct EncoderTests {
    let t = Instant(milliseconds: 1_795_827_600_000)

    @Test func replyHasTheProtocolFieldsInOrder() {
        let e = OutboundEvent(type: .reply, id: "o1", ts: t, inReplyTo: "m1", group: "fudi-b3", to: "u-li", text: "已受理 R1", refs: ["R1"])
        #expect(
            EventEncoder().encode(e)
                == #"{"type":"reply","id":"o1","ts":"2026-11-28T01:00:00Z","in_reply_to":"m1","group":"fudi-b3","to":"u-li","text":"已受理 R1","ok":true,"refs":["R1"]}"#
                + "\n")
    }

    @Test func failedReplyCarriesItsCodeAndPrivateChatHasNoGroup() {
        let e = OutboundEvent(type: .reply, id: "o2", ts: t, to: "u-li", text: "no", ok: false, code: "usage")
        #expect(
            EventEncoder().jsonObject(e)
                == #"{"type":"reply","id":"o2","ts":"2026-11-28T01:00:00Z","to":"u-li","text":"no","ok":false,"code":"usage","refs":[]}"#)
    }

    @Test func notifyPostAndError() {
        let enc = EventEncoder(formatTime: { RFC3339.format($0, offsetSeconds: 8 * 3600) })
        #expect(
            enc.jsonObject(OutboundEvent(type: .notify, id: "o3", ts: t, to: "u-zhou", reason: "new_report", text: "x", refs: ["R1"]))
                == #"{"type":"notify","id":"o3","ts":"2026-11-28T09:00:00+08:00","to":"u-zhou","reason":"new_report","text":"x","refs":["R1"]}"#)
        #expect(
            enc.jsonObject(OutboundEvent(type: .post, id: "o4", ts: t, group: "fudi-b3", reason: "announcement", text: "y"))
                == #"{"type":"post","id":"o4","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","reason":"announcement","text":"y","refs":[]}"#)
        #expect(
            enc.jsonObject(OutboundEvent(type: .error, id: "o5", ts: t, text: "bad", ok: false, code: "bad_json", line: 7))
                == #"{"type":"error","id":"o5","ts":"2026-11-28T09:00:00+08:00","line":7,"code":"bad_json","text":"bad","refs":[]}"#)
    }

    @Test func escapesQuotesBackslashesAndControls() {
        var out = ""
        JSON.appendString("a\"b\\c\nd\te\u{01}f/g", to: &out)
        #expect(out == #""a\"b\\c\nd\te\u0001f/g""#)
        // Runs of other characters are copied whole, multi-byte ones included.
        for text in ["【新报修】R1 漏水\n3栋501：厨房滴水\n", "💧\"é\"\u{1F}\r\n", "", "\n", "no escapes 完全没有"] {
            var line = ""
            JSON.appendString(text, to: &line)
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed)) as? String == text, "\(line)")
        }
    }

    @Test func chatFormat() {
        let enc = EventEncoder(format: .chat)
        #expect(
            enc.encode(OutboundEvent(type: .reply, id: "o1", ts: t, group: "fudi-b3", to: "u-li", text: "ok\nnext", refs: ["R1"]))
                == "[fudi-b3] linli → u-li: ok | next {R1}\n")
        #expect(
            enc.encode(OutboundEvent(type: .reply, id: "o1", ts: t, to: "u-li", text: "no", ok: false, code: "usage"))
                == "linli → u-li: (usage) no\n")
        #expect(
            enc.encode(OutboundEvent(type: .notify, id: "o2", ts: t, to: "u-zhou", reason: "new_report", text: "x", refs: ["R1"]))
                == "notify → u-zhou (new_report): x {R1}\n")
    }
}
