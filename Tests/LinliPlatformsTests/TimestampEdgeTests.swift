import Foundation
import LinliCore
import LinliPlatforms
import LinliWebhooks
import Testing

/// Guards `Callback.fresh(_:each:_:)`: a platform's timestamp at Int64's ends overflowed
/// (`abs(now - t)`, `t * 1000`) and crashed the server; now every platform calls it stale.
@Suite struct TimestampEdgeTests {
    static let now = Instant(milliseconds: 1_795_827_600_000)
    static let ends = [Int64.min, Int64.max]
    static let stale = CallbackResult.refused(code: "stale_timestamp", text: "the timestamp is more than an hour from now")

    /// DingTalk's `timestamp` header (milliseconds), correctly signed, is stale; now's is read.
    @Test(arguments: ends)
    func dingTalk(_ stamp: Int64) {
        let platform = Platform(id: "dd", kind: .dingtalk, settings: ["app_secret": "SECtestsecret"])
        func request(_ millis: Int64) -> CallbackRequest {
            let body = #"{"msgtype":"text","msgId":"m1","senderStaffId":"s1","conversationType":"1","text":{"content":"hi"}}"#
            let sign = Signatures.dingTalk(secret: "SECtestsecret", timestampMillis: millis)
            return CallbackRequest(method: "POST", headers: ["timestamp": String(millis), "sign": sign], body: Array(body.utf8))
        }
        #expect(Callback.read(request(stamp), platform: platform, now: Self.now) == Self.stale)
        #expect(Self.isMessage(Callback.read(request(Self.now.milliseconds), platform: platform, now: Self.now)))
    }

    /// Feishu's `X-Lark-Request-Timestamp` (seconds) with an encrypt key: checked, and stale, before the signature.
    @Test(arguments: ends)
    func feishu(_ stamp: Int64) {
        let platform = Platform(id: "fs", kind: .feishu, settings: ["encrypt_key": "test key", "verification_token": "CAkCxxxxk5J"])
        let headers = ["x-lark-request-timestamp": String(stamp), "x-lark-request-nonce": "n0nce", "x-lark-signature": "00"]
        let request = CallbackRequest(method: "POST", headers: headers, body: Array(#"{"encrypt":"AAAA"}"#.utf8))
        #expect(Callback.read(request, platform: platform, now: Self.now) == Self.stale)
    }

    /// WeCom's `timestamp` query (seconds), on the official URL-check vector otherwise unchanged.
    @Test(arguments: ends)
    func weCom(_ stamp: Int64) {
        let query = [
            "msg_signature": "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "timestamp": String(stamp), "nonce": "263014780",
            "echostr": CryptoVectorTests.echostr,
        ]
        #expect(Callback.read(CallbackRequest(method: "GET", query: query), platform: CryptoVectorTests.weCom, now: Self.now) == Self.stale)
    }

    /// OneBot's body `time` (seconds): the signature is checked first, then the time is stale; now's is read.
    @Test(arguments: ends)
    func oneBot(_ time: Int64) {
        let platform = Platform(id: "qq", kind: .onebot, settings: ["secret": "some-secret", "self_id": "10001000"])
        func request(_ time: Int64, secret: String = "some-secret") -> CallbackRequest {
            let body = Array(OneBotConversationTests.message(1, text: "hi", time: time).utf8)
            return CallbackRequest(
                method: "POST", headers: ["x-signature": PlatformCrypto.oneBotSignature(secret: secret, body: body)], body: body)
        }
        #expect(Callback.read(request(time), platform: platform, now: Self.now) == Self.stale)
        let forged = Callback.read(request(time, secret: "another"), platform: platform, now: Self.now)
        #expect(forged == .refused(code: "bad_signature", text: "the signature does not match"), "the signature comes first")
        #expect(Self.isMessage(Callback.read(request(Self.now.milliseconds / 1000), platform: platform, now: Self.now)))
    }

    static func isMessage(_ result: CallbackResult) -> Bool {
        if case .message = result { true } else { false }
    }
}
