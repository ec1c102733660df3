/// The fast road for the usual LLP/1 line: one flat JSON object whose values are
/// strings, nulls, or (for `mentions`) an array of strings. It reads the event's
/// fields in one pass over the bytes, where Foundation's JSONDecoder builds a
/// tree first and decodes it through `Decodable`.
///
/// It gives up (nil) on anything else: a key written twice or with an escape, a
/// number, a nested object, a lone surrogate, a control character, text after the
/// object. `LineDecoder` then reads the line the slow way, which says exactly what
/// is wrong; so for every line this road accepts, both roads agree.
enum FlatJSON {
    /// The fields of `bytes` (valid UTF-8), or nil to take the slow road.
    static func read(_ bytes: ArraySlice<UInt8>) -> LineDecoder.Wire? {
        bytes.withUnsafeBufferPointer { FlatJSON.read(buffer: $0) }
    }

    private static func read(buffer: UnsafeBufferPointer<UInt8>) -> LineDecoder.Wire? {
        var cursor = Cursor(bytes: buffer)
        var fields = LineDecoder.Wire()
        var keys: [String] = []
        guard cursor.skip(UInt8(ascii: "{")) else { return nil }
        if !cursor.skip(UInt8(ascii: "}")) {
            repeat {
                // An event has eight fields: a line with many more keys is left to the slow road
                // (checking each against the others would cost the square of their number).
                guard keys.count < 16, let key = cursor.plainKey(), cursor.skip(UInt8(ascii: ":")), !keys.contains(key) else { return nil }
                keys.append(key)
                if key == "mentions" {
                    guard let list = cursor.stringsOrNull() else { return nil }
                    fields.mentions = list
                    continue
                }
                guard let value = cursor.stringOrNull() else { return nil }
                switch key {
                case "type": fields.type = value
                case "id": fields.id = value
                case "ts": fields.ts = value
                case "group": fields.group = value
                case "from": fields.from = value
                case "name": fields.name = value
                case "text": fields.text = value
                default: break  // another key with a string: ignored, as the slow road does
                }
            } while cursor.skip(UInt8(ascii: ","))
            guard cursor.skip(UInt8(ascii: "}")) else { return nil }
        }
        cursor.skipSpace()
        return cursor.atEnd ? fields : nil
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        var atEnd: Bool { i == bytes.count }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
        }

        /// Skips white space, then `byte` if it comes next.
        mutating func skip(_ byte: UInt8) -> Bool {
            skipSpace()
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        /// A key without escapes.
        mutating func plainKey() -> String? {
            guard skip(UInt8(ascii: "\"")) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == UInt8(ascii: "\\") || bytes[i] < 0x20 { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }

        /// A string; `.some(nil)` for null; nil for anything else.
        mutating func stringOrNull() -> String?? {
            skipSpace()
            if literal("null") { return .some(nil) }
            return string().map { .some($0) }
        }

        /// An array of strings, or null.
        mutating func stringsOrNull() -> [String]?? {
            skipSpace()
            if literal("null") { return .some(nil) }
            guard skip(UInt8(ascii: "[")) else { return nil }
            var list: [String] = []
            if skip(UInt8(ascii: "]")) { return .some(list) }
            repeat {
                skipSpace()
                guard let s = string() else { return nil }
                list.append(s)
            } while skip(UInt8(ascii: ","))
            return skip(UInt8(ascii: "]")) ? .some(list) : nil
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count, (0..<n).allSatisfy({ bytes[i + $0] == word.utf8Start[$0] }) else { return false }
            i += n
            return true
        }

        /// A string at the cursor, its escapes read; nil for a string JSON refuses or
        /// one with a lone surrogate.
        private mutating func string() -> String? {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") {
                if bytes[i] < 0x20 { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "\"") {
                defer { i += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { return nil }
                guard b == UInt8(ascii: "\\") else {
                    out.append(b)
                    i += 1
                    continue
                }
                guard i + 1 < bytes.count else { return nil }
                i += 2
                switch bytes[i - 1] {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A pair: the high half, then `\u` and the low half.
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        return nil
                    }
                    guard let scalar = Unicode.Scalar(scalar) else { return nil }
                    UTF8.encode(scalar) { out.append($0) }
                default: return nil
                }
            }
            return nil
        }

        /// Four hex digits at the cursor.
        private mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let digit: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                i += 1
            }
            return value
        }
    }
}
