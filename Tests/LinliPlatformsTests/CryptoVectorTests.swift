import Foundation
import LinliCore
import LinliPlatforms
import Testing

/// The platforms' official vectors (WeCom, Feishu AES) and the computed ones
/// (DingTalk, Feishu signature, OneBot) of PLATFORMS.md and platforms/samples.md.
@Suite struct CryptoVectorTests {
    static let weCom = Platform(
        id: "wx", kind: .wecom,
        settings: ["corp_id": "wx5823bf96d3bd56c7", "token": "QDG6eK", "encoding_aes_key": "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"])

    static let echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="
    static let encrypted =
        "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=="

    @Test func weComURLCheckAnswersTheDecryptedEchostr() {
        let query = [
            "msg_signature": "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "timestamp": "1409659589", "nonce": "263014780", "echostr": Self.echostr,
        ]
        let result = Callback.read(CallbackRequest(method: "GET", query: query), platform: Self.weCom, now: Instant(milliseconds: 1_409_659_589_000))
        #expect(result == .answer(status: 200, contentType: "text/plain", body: "1616140317555161061"))
        // One character of the signature off: refused.
        var forged = query
        forged["msg_signature"] = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4"
        #expect(
            isRefused(
                Callback.read(CallbackRequest(method: "GET", query: forged), platform: Self.weCom, now: Instant(milliseconds: 1_409_659_589_000))))
        // The right signature two hours later: stale.
        #expect(
            isRefused(
                Callback.read(CallbackRequest(method: "GET", query: query), platform: Self.weCom, now: Instant(milliseconds: 1_409_666_789_000))))
    }

    @Test func weComMessageDecryptsToHelloFromMycreate() throws {
        let body =
            "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[\(Self.encrypted)]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>"
        let query = ["msg_signature": "477715d11cdb4164915debcba66cb864d751f3e6", "timestamp": "1409659813", "nonce": "1372623149"]
        let result = Callback.read(
            CallbackRequest(method: "POST", query: query, body: Array(body.utf8)), platform: Self.weCom, now: Instant(milliseconds: 1_409_659_813_000)
        )
        guard case .message(let m) = result else {
            Issue.record("not a message: \(result)")
            return
        }
        #expect(m.account == "mycreate" && m.text == "hello" && m.eventID == "4561255354251345929" && m.chat == nil)
        #expect(m.route == .weComPassive(toUser: "mycreate"))
        let plain = try #require(
            PlatformCrypto.weComDecrypt(Self.encrypted, encodingAESKey: Self.weCom["encoding_aes_key"]!, receiveID: "wx5823bf96d3bd56c7"))
        #expect(String(decoding: plain, as: UTF8.self).contains("<FromUserName><![CDATA[mycreate]]></FromUserName>"))
        // Another receiver's corp id does not decrypt it.
        #expect(PlatformCrypto.weComDecrypt(Self.encrypted, encodingAESKey: Self.weCom["encoding_aes_key"]!, receiveID: "wx0000000000000000") == nil)
    }

    @Test func weComEncryptionRoundTripsAndTamperingFails() throws {
        let random = Array("0123456789abcdef".utf8)
        let sealed = try #require(
            PlatformCrypto.weComEncrypt(Array("好的 ok".utf8), encodingAESKey: Self.weCom["encoding_aes_key"]!, receiveID: "", random: random))
        #expect(
            PlatformCrypto.weComDecrypt(sealed, encodingAESKey: Self.weCom["encoding_aes_key"]!, receiveID: "").map {
                String(decoding: $0, as: UTF8.self)
            } == "好的 ok")
        var bytes = try #require(Data(base64Encoded: sealed))
        bytes[bytes.count - 1] ^= 0x5a
        #expect(PlatformCrypto.weComDecrypt(bytes.base64EncodedString(), encodingAESKey: Self.weCom["encoding_aes_key"]!, receiveID: "") == nil)
    }

    @Test func feishuAESVectorAndSignature() {
        let plain = PlatformCrypto.feishuDecrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", encryptKey: "test key")
        #expect(plain.map { String(decoding: $0, as: UTF8.self) } == "hello world")
        #expect(
            PlatformCrypto.feishuDecrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", encryptKey: "other key").map {
                String(decoding: $0, as: UTF8.self)
            } != "hello world")
        let body = #"{"encrypt":"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="}"#
        #expect(
            PlatformCrypto.feishuSignature(timestamp: "1700000000", nonce: "nonce123", encryptKey: "test key", body: Array(body.utf8))
                == "669e3ed5328644f71370e3249f96af0fd17e5ed4d7b178c44f11f7997339e344")
        let iv = Array("abcdefghijklmnop".utf8)
        let sealed = PlatformCrypto.feishuEncrypt(Array("你好".utf8), encryptKey: "k", iv: iv)
        #expect(sealed.flatMap { PlatformCrypto.feishuDecrypt($0, encryptKey: "k") }.map { String(decoding: $0, as: UTF8.self) } == "你好")
    }

    @Test func dingTalkAndOneBotComputedVectors() {
        #expect(
            PlatformCrypto.dingTalkValid(
                sign: "1k/k1M3fRj7XwNQ2bXM74cujS/8uiygr8ao50v6pkzg=", timestampMillis: 1_577_262_236_757, appSecret: "SECtestsecret"))
        #expect(
            !PlatformCrypto.dingTalkValid(
                sign: "1k/k1M3fRj7XwNQ2bXM74cujS/8uiygr8ao50v6pkzg=", timestampMillis: 1_577_262_236_758, appSecret: "SECtestsecret"))
        let body = #"{"time":1515204254,"self_id":10001000,"post_type":"message"}"#
        #expect(PlatformCrypto.oneBotSignature(secret: "some-secret", body: Array(body.utf8)) == "sha1=5175ab74327c57a0fcbffd9f04138b39fcadab6e")
    }

    func isRefused(_ result: CallbackResult) -> Bool {
        if case .refused = result { true } else { false }
    }
}
