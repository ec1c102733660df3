import Crypto
import Foundation

/// The signatures the webhook formats need, all HMAC-SHA256.
public enum Signatures {
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    /// Standard Webhooks: `v1,<base64 HMAC of "id.timestamp.body">`. Nil for a
    /// secret that is not base64.
    public static func standardWebhooks(secret: String, id: String, timestamp: Int64, body: [UInt8]) -> String? {
        StandardWebhooksKey(secret: secret)?.signature(id: id, timestamp: timestamp, body: body)
    }

    /// DingTalk: base64 HMAC keyed by the secret over "timestamp\nsecret" (timestamp in ms).
    public static func dingTalk(secret: String, timestampMillis: Int64) -> String {
        Data(hmacSHA256(key: Array(secret.utf8), message: Array("\(timestampMillis)\n\(secret)".utf8))).base64EncodedString()
    }

    /// Feishu: base64 HMAC keyed by "timestamp\nsecret" over nothing (timestamp in seconds).
    public static func feishu(secret: String, timestampSeconds: Int64) -> String {
        Data(hmacSHA256(key: Array("\(timestampSeconds)\n\(secret)".utf8), message: [])).base64EncodedString()
    }

    /// GitHub style: `sha256=<hex HMAC of the body>`.
    public static func sha256Hex(secret: String, body: [UInt8]) -> String {
        "sha256=" + hex(hmacSHA256(key: Array(secret.utf8), message: body))
    }

    /// Lowercase hex, two digits a byte (`String(format:)` per byte took a twentieth
    /// of a Feishu callback's CPU).
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Compares without an early exit, so timing says nothing about where they differ.
    @inlinable  // specialized where it is called: generic code unspecialized looked up type metadata each call
    public static func constantTimeEqual(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for (x, y) in zip(a, b) { diff |= x ^ y }
        return diff == 0
    }
}

/// A Standard Webhooks secret, decoded once: the base64 key after its `whsec_` prefix.
/// The HMAC is keyed once too (padding the key and hashing its first block took a
/// fifth of checking a request); each signature starts from a copy of it.
public struct StandardWebhooksKey: Sendable {
    private let keyed: HMAC<SHA256>

    /// Nil for a secret that is not base64.
    public init?(secret: String) {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let bytes = Data(base64Encoded: encoded), !bytes.isEmpty else { return nil }
        keyed = HMAC(key: SymmetricKey(data: bytes))
    }

    /// `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
    public func signature(id: String, timestamp: Int64, body: [UInt8]) -> String {
        var mac = keyed
        var signed = "\(id).\(timestamp)."
        signed.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        body.withUnsafeBytes { mac.update(data: $0) }
        return "v1," + Data(mac.finalize()).base64EncodedString()
    }

    /// Checks a `webhook-signature` header (space-separated `v1,…` entries) in constant time.
    public func verify(id: String, timestamp: Int64, body: [UInt8], header: String) -> Bool {
        let expected = signature(id: id, timestamp: timestamp, body: body)
        return header.utf8.split(separator: UInt8(ascii: " ")).contains { Signatures.constantTimeEqual($0, expected.utf8) }
    }
}
