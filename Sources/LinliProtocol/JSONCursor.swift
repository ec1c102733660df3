/// Reads JSON from bytes, one token at a time, without building anything it is not
/// asked for: `FlatJSON` takes an LLP/1 line's fields through it, `JSONValue` a whole
/// document. Only strings may hold bytes past ASCII: each is checked as UTF-8 as it is
/// read (anywhere else such a byte is a syntax error).
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    /// The first key an object read by `value` had twice.
    var repeatedKey: String?

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
        return Self.utf8(UnsafeBufferPointer(rebasing: bytes[start..<i]))
    }

    /// The bytes as a string; nil when they are not UTF-8. Decoding repairs what is not
    /// (with U+FFFD), so the bytes were UTF-8 when they come back unchanged: the standard
    /// library's `String(validating:as:)` is generic, and looked up type metadata on every string.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let string = String(decoding: bytes, as: UTF8.self)
        return string.utf8.count == bytes.count && string.utf8.elementsEqual(bytes) ? string : nil
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

    mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count, (0..<n).allSatisfy({ bytes[i + $0] == word.utf8Start[$0] }) else { return false }
        i += n
        return true
    }

    /// A string at the cursor, its escapes read; nil for a string JSON refuses or
    /// one with a lone surrogate.
    mutating func string() -> String? {
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
            return Self.utf8(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return out.withUnsafeBufferPointer(Self.utf8)
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
