/// A JSON document as a value: what platforms post and answer (a callback's body, a
/// token, a robot's `errcode`), read in one pass over its bytes. Foundation's
/// `JSONSerialization` took a twentieth of a DingTalk callback's time and gave
/// `Any` to cast.
///
/// A number keeps its text (`"msgId": 12345` reads as `12345` either way); a key
/// written twice keeps its last value. Nesting deeper than 64 is refused, as is
/// anything that is not strict JSON (RFC 8259) or not valid UTF-8.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The document in `bytes`, or nil when they are not one JSON value (white space
    /// around it allowed, and a byte-order mark before it).
    public static func parse(_ bytes: some Collection<UInt8>) -> JSONValue? {
        read(bytes)?.value
    }

    /// The document, and the first key an object of it has twice (as read, escapes
    /// decoded: `"fr\u006fm"` is `from`), if any.
    static func read(_ bytes: some Collection<UInt8>) -> (value: JSONValue, repeatedKey: String?)? {
        func read(_ buffer: UnsafeBufferPointer<UInt8>) -> (JSONValue, String?)? {
            var cursor = JSONCursor(bytes: buffer)
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { cursor.i = 3 }
            guard let value = cursor.value(depth: 0) else { return nil }
            cursor.skipSpace()
            return cursor.atEnd ? (value, cursor.repeatedKey) : nil
        }
        return bytes.withContiguousStorageIfAvailable(read) ?? Array(bytes).withUnsafeBufferPointer(read)
    }

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    public var string: String? {
        if case .string(let s) = self { s } else { nil }
    }

    /// A string, or a number as written: platforms send ids as either.
    public var text: String? {
        switch self {
        case .string(let s), .number(let s): s
        default: nil
        }
    }

    /// A whole number (one written with a fraction or an exponent too, when it is whole
    /// and within a double's exact integers, below 2^53).
    public var int64: Int64? {
        guard case .number(let s) = self else { return nil }
        return Int64(s) ?? Double(s).flatMap { $0.magnitude < 9_007_199_254_740_992 ? Int64(exactly: $0) : nil }
    }

    public var bool: Bool? {
        if case .bool(let b) = self { b } else { nil }
    }

    public var array: [JSONValue]? {
        if case .array(let a) = self { a } else { nil }
    }

    public var isObject: Bool {
        if case .object = self { true } else { false }
    }
}

extension JSONCursor {
    static let maxDepth = 64

    /// Any value at the cursor, white space before it skipped.
    mutating func value(depth: Int) -> JSONValue? {
        skipSpace()
        guard i < bytes.count, depth < Self.maxDepth else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "{"):
            i += 1
            var members: [String: JSONValue] = [:]
            if skip(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                skipSpace()
                guard let key = string(), skip(UInt8(ascii: ":")), let value = value(depth: depth + 1) else { return nil }
                if repeatedKey == nil, members.updateValue(value, forKey: key) != nil { repeatedKey = key }
            } while skip(UInt8(ascii: ","))
            return skip(UInt8(ascii: "}")) ? .object(members) : nil
        case UInt8(ascii: "["):
            i += 1
            var elements: [JSONValue] = []
            if skip(UInt8(ascii: "]")) { return .array(elements) }
            repeat {
                guard let value = value(depth: depth + 1) else { return nil }
                elements.append(value)
            } while skip(UInt8(ascii: ","))
            return skip(UInt8(ascii: "]")) ? .array(elements) : nil
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number().map(JSONValue.number)
        }
    }

    /// A number as RFC 8259 writes it: `-`, digits without a leading zero, then a
    /// fraction and an exponent if any.
    private mutating func number() -> String? {
        let start = i
        func digits() -> Int {
            let first = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - first
        }
        func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        _ = take(UInt8(ascii: "-"))
        let whole = digits()
        guard whole > 0, whole == 1 || bytes[i - whole] != UInt8(ascii: "0") else { return nil }
        if take(UInt8(ascii: ".")) { guard digits() > 0 else { return nil } }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits() > 0 else { return nil }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }
}
