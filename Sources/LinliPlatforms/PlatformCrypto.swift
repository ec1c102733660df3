import Crypto
import CryptoExtras
import Foundation
import LinliWebhooks

/// The platforms' callback signatures and encryption (PLATFORMS.md §2). Every
/// comparison is in constant time; every check reads the raw bytes as received.
public enum PlatformCrypto {
    static func same(_ a: String, _ b: String) -> Bool {
        Signatures.constantTimeEqual(a.utf8, b.utf8)
    }

    // MARK: DingTalk

    /// Whether `sign` is Base64(HMAC-SHA256(app secret, "timestamp\napp secret")).
    public static func dingTalkValid(sign: String, timestampMillis: Int64, appSecret: String) -> Bool {
        same(sign, Signatures.dingTalk(secret: appSecret, timestampMillis: timestampMillis))
    }

    /// A body's SHA-256, hex: what a signature spent on a callback without a message is kept against.
    static func digest(_ body: [UInt8]) -> String {
        Signatures.hex(SHA256.hash(data: body))
    }

    // MARK: Feishu

    /// Hex SHA-256 of timestamp + nonce + encrypt key + raw body.
    public static func feishuSignature(timestamp: String, nonce: String, encryptKey: String, body: [UInt8]) -> String {
        Signatures.hex(SHA256.hash(data: Array((timestamp + nonce + encryptKey).utf8) + body))
    }

    /// Decrypts a Feishu `encrypt` value: key SHA-256(encrypt key), the first 16
    /// bytes the IV, AES-256-CBC with PKCS#7. Nil when it does not decrypt.
    public static func feishuDecrypt(_ encrypted: String, encryptKey: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: encrypted), data.count > 16, data.count % 16 == 0 else { return nil }
        let key = SymmetricKey(data: SHA256.hash(data: Array(encryptKey.utf8)))
        guard let iv = try? AES._CBC.IV(ivBytes: data.prefix(16)),
            let plain = try? AES._CBC.decrypt(data.dropFirst(16), using: key, iv: iv)
        else { return nil }
        return Array(plain)
    }

    /// Encrypts as Feishu does (for the fake platform of the tests).
    public static func feishuEncrypt(_ plain: [UInt8], encryptKey: String, iv: [UInt8]) -> String? {
        let key = SymmetricKey(data: SHA256.hash(data: Array(encryptKey.utf8)))
        guard let ivValue = try? AES._CBC.IV(ivBytes: iv), let sealed = try? AES._CBC.encrypt(plain, using: key, iv: ivValue) else { return nil }
        return (Data(iv) + sealed).base64EncodedString()
    }

    // MARK: WeCom

    /// `msg_signature`: hex SHA-1 of token, timestamp, nonce and the encrypted text, sorted and joined.
    public static func weComSignature(token: String, timestamp: String, nonce: String, encrypted: String) -> String {
        Signatures.hex(Insecure.SHA1.hash(data: Array([token, timestamp, nonce, encrypted].sorted().joined().utf8)))
    }

    /// The AES key of an EncodingAESKey (43 characters of base64 without its `=`).
    static func weComKey(_ encodingAESKey: String) -> [UInt8]? {
        guard let key = Data(base64Encoded: encodingAESKey + "="), key.count == 32 else { return nil }
        return Array(key)
    }

    /// Decrypts a WeCom `Encrypt`/`echostr`/`encrypt` value: AES-256-CBC, the IV the
    /// key's first 16 bytes, PKCS#7 to 32-byte blocks; the plaintext is 16 random
    /// bytes, a 4-byte big-endian length, the message, the receive id. Nil when it
    /// does not decrypt or the receive id is not `receiveID`.
    public static func weComDecrypt(_ encrypted: String, encodingAESKey: String, receiveID: String) -> [UInt8]? {
        guard let key = weComKey(encodingAESKey), let data = Data(base64Encoded: encrypted), !data.isEmpty, data.count % 16 == 0,
            let iv = try? AES._CBC.IV(ivBytes: key.prefix(16)),
            let padded = try? AES._CBC.decrypt(data, using: SymmetricKey(data: key), iv: iv, noPadding: true)
        else { return nil }
        let bytes = Array(padded)
        guard let pad = bytes.last, (1...32).contains(pad), Int(pad) <= bytes.count,
            bytes.suffix(Int(pad)).allSatisfy({ $0 == pad })
        else { return nil }
        let plain = bytes.dropLast(Int(pad))
        guard plain.count >= 20 else { return nil }
        let lengthBytes = plain[plain.startIndex + 16..<plain.startIndex + 20]
        let length = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
        let start = plain.startIndex + 20
        guard length <= plain.count - 20 else { return nil }
        let message = plain[start..<start + length]
        let receiver = plain[(start + length)...]
        guard Signatures.constantTimeEqual(receiver, receiveID.utf8) else { return nil }
        return Array(message)
    }

    /// Encrypts a message for WeCom (a passive reply): `random` must be 16 bytes.
    public static func weComEncrypt(_ message: [UInt8], encodingAESKey: String, receiveID: String, random: [UInt8]) -> String? {
        guard let key = weComKey(encodingAESKey), random.count == 16, let iv = try? AES._CBC.IV(ivBytes: key.prefix(16)) else { return nil }
        let length = UInt32(message.count)
        var plain = random + [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)]
        plain += message + Array(receiveID.utf8)
        let pad = 32 - plain.count % 32
        plain += Array(repeating: UInt8(pad), count: pad)
        guard let sealed = try? AES._CBC.encrypt(plain, using: SymmetricKey(data: key), iv: iv, noPadding: true) else { return nil }
        return sealed.base64EncodedString()
    }

    // MARK: OneBot

    /// `X-Signature`: `sha1=` and hex HMAC-SHA1(secret, raw body).
    public static func oneBotSignature(secret: String, body: [UInt8]) -> String {
        "sha1=" + Signatures.hex(HMAC<Insecure.SHA1>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8))))
    }
}
