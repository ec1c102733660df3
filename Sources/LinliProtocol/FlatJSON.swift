/// The fast road for the usual LLP/1 line: one flat JSON object whose values are
/// strings, nulls, or (for `mentions`) an array of strings. It reads the event's
/// fields in one pass over the bytes, where the slow road (`LineDecoder.wire`) builds
/// a `JSONValue` tree first and reads the fields from it.
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
        var cursor = JSONCursor(bytes: buffer)
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
}
