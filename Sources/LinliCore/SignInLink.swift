#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A staff-page sign-in link (`…/dashboard/login?token=…`) signs in whoever holds it:
/// only the person it was made for may see it, and no copy of its token is kept.
/// What the database keeps of a reply or push that carried one has the token
/// replaced by `redacted`.
public enum SignInLink {
    /// What precedes the token in a link, also inside JSON (where `/` may be escaped).
    static let marker = Array("login?token=".utf8)

    /// Whether `text` holds a sign-in link.
    public static func appears(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { range(of: marker, in: $0, from: 0) != nil }
    }

    /// `text` with every link's token replaced by `redacted`; `text` itself when it has none.
    public static func redacted(_ text: String) -> String {
        guard appears(in: text) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            guard var found = range(of: marker, in: bytes, from: 0) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            var copied = 0
            while true {
                out += bytes[copied..<found]
                out += Array("redacted".utf8)
                copied = found
                while copied < bytes.count, isTokenByte(bytes[copied]) { copied += 1 }
                guard let next = range(of: marker, in: bytes, from: copied) else { break }
                found = next
            }
            out += bytes[copied...]
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Where the first token after `marker` starts, at or after `start`. Every kept
    /// outcome is searched, and most have no link: the C library's `memchr` finds each
    /// candidate first byte.
    private static func range(of marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var i = start
        while bytes.count - i >= marker.count {
            guard let hit = memchr(base + i, Int32(marker[0]), bytes.count - i - marker.count + 1) else { return nil }
            i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if bytes[i..<i + marker.count].elementsEqual(marker) { return i + marker.count }
            i += 1
        }
        return nil
    }

    /// The base64url alphabet tokens are written in.
    private static func isTokenByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
    }
}
