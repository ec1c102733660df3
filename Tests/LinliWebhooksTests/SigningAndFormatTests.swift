import Foundation
import LinliCore
import LinliWebhooks
import Testing

@Suite struct SignatureTests {
    /// The Standard Webhooks specification's published example.
    @Test func standardWebhooksPublishedVector() throws {
        let signature = Signatures.standardWebhooks(
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
            timestamp: 1_614_265_330, body: Array(#"{"test": 2432232314}"#.utf8))
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        let key = try #require(StandardWebhooksKey(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        #expect(
            key.verify(
                id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Array(#"{"test": 2432232314}"#.utf8),
                header: "v1,bm9ldmVu v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="))
        #expect(
            !key.verify(
                id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_331, body: Array(#"{"test": 2432232314}"#.utf8),
                header: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="))
    }

    /// The key is keyed once and copied per signature: no signature carries what an
    /// earlier one (or one on another thread) hashed.
    @Test func aKeySignsEachMessageOnItsOwn() async throws {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let key = try #require(StandardWebhooksKey(secret: secret))
        let raw = try #require(Data(base64Encoded: String(secret.dropFirst(6))))
        func expected(_ i: Int) -> String {
            let mac = Signatures.hmacSHA256(key: Array(raw), message: Array("m\(i).\(1_614_265_330 + i).body \(i)".utf8))
            return "v1," + Data(mac).base64EncodedString()
        }
        let signed = await withTaskGroup(of: (Int, String).self) { group in
            for i in 0..<64 {
                group.addTask { (i, key.signature(id: "m\(i)", timestamp: Int64(1_614_265_330 + i), body: Array("body \(i)".utf8))) }
            }
            return await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        #expect(signed.count == 64)
        for (i, signature) in signed { #expect(signature == expected(i)) }
        #expect(key.signature(id: "m3", timestamp: 1_614_265_333, body: Array("body 3".utf8)) == expected(3))
    }

    /// GitHub's documented example of an `X-Hub-Signature-256`.
    @Test func hexIsTwoLowercaseDigitsAByte() {
        let every = (0...255).map(UInt8.init)
        #expect(Signatures.hex(every) == every.map { String(format: "%02x", $0) }.joined())
        #expect(Signatures.hex([]) == "")
        #expect(Signatures.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }

    @Test func githubPublishedVector() {
        #expect(
            Signatures.sha256Hex(secret: "It's a Secret to Everybody", body: Array("Hello, World!".utf8))
                == "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
    }

    @Test func dingTalkAndFeishuSignTheirStringsToSign() {
        let secret = "SEC0123456789abcdef"
        let ding = Signatures.dingTalk(secret: secret, timestampMillis: 1_700_000_000_000)
        #expect(Data(base64Encoded: ding)?.count == 32)
        #expect(ding == Data(Signatures.hmacSHA256(key: Array(secret.utf8), message: Array("1700000000000\n\(secret)".utf8))).base64EncodedString())
        let feishu = Signatures.feishu(secret: secret, timestampSeconds: 1_700_000_000)
        #expect(feishu == Data(Signatures.hmacSHA256(key: Array("1700000000\n\(secret)".utf8), message: [])).base64EncodedString())
        #expect(ding != feishu)
    }

    @Test func percentEncodingIsOnceAndOnlyReserved() {
        #expect(WebhookFormatter.percentEncode("a+b/c=") == "a%2Bb%2Fc%3D")
        #expect(WebhookFormatter.percentEncode("AZaz09-._~") == "AZaz09-._~")
    }
}

@Suite struct FormatTests {
    let now = Instant(milliseconds: 1_795_827_600_123)
    let message = PushMessage(
        id: "fudi-o7", to: "u-zhou", reason: "new_report", text: "【新报修】R1 漏水", refs: ["R1"],
        event: Array(#"{"type":"notify","id":"o7"}"#.utf8))

    func json(_ r: HTTPRequest) -> [String: Any] { (try? JSONSerialization.jsonObject(with: Data(r.body))) as? [String: Any] ?? [:] }

    @Test func wecomText() {
        let r = WebhookFormatter.request(message, to: Webhook(id: "w", format: .wecom, url: "http://h/send?key=K", secret: nil), now: now)
        #expect(r.url == "http://h/send?key=K")
        #expect(json(r)["msgtype"] as? String == "text")
        #expect((json(r)["text"] as? [String: Any])?["content"] as? String == "【新报修】R1 漏水")
        #expect(r.headers.contains(HTTPHeader("Content-Type", "application/json; charset=utf-8")))
    }

    @Test func dingtalkSignsTheURL() {
        let r = WebhookFormatter.request(
            message, to: Webhook(id: "d", format: .dingtalk, url: "http://h/robot/send?access_token=T", secret: "SEC1"), now: now)
        let sign = WebhookFormatter.percentEncode(Signatures.dingTalk(secret: "SEC1", timestampMillis: now.milliseconds))
        #expect(r.url == "http://h/robot/send?access_token=T&timestamp=\(now.milliseconds)&sign=\(sign)")
        #expect(json(r)["msgtype"] as? String == "text")
        #expect((json(r)["at"] as? [String: Any])?["isAtAll"] as? Bool == false)
    }

    @Test func feishuSignsTheBody() {
        let r = WebhookFormatter.request(message, to: Webhook(id: "f", format: .feishu, url: "http://h/hook/X", secret: "S"), now: now)
        let body = json(r)
        #expect(body["msg_type"] as? String == "text")
        #expect(body["timestamp"] as? String == "1795827600")
        #expect(body["sign"] as? String == Signatures.feishu(secret: "S", timestampSeconds: 1_795_827_600))
        #expect(WebhookFormatter.request(message, to: Webhook(id: "f", format: .feishu, url: "http://h", secret: nil), now: now).body.count > 0)
    }

    @Test func genericSendsTheEventWithStandardWebhooksHeaders() throws {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let r = WebhookFormatter.request(message, to: Webhook(id: "g", format: .generic, url: "http://h/x", secret: secret), now: now)
        #expect(r.body == message.event)
        let headers = Dictionary(r.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(headers["webhook-id"] == "fudi-o7")
        #expect(headers["webhook-timestamp"] == "1795827600")
        let signature = try #require(headers["webhook-signature"])
        #expect(try #require(StandardWebhooksKey(secret: secret)).verify(id: "fudi-o7", timestamp: 1_795_827_600, body: r.body, header: signature))
    }

    @Test(arguments: [10, 100, 2_048])
    func longTextsAreCutAtACharacterBoundaryInBytes(limit: Int) {
        let text = String(repeating: "漏水a", count: 2_000)
        let cut = WebhookFormatter.truncate(text, maxBytes: limit)
        #expect(cut.utf8.count <= max(limit, WebhookFormatter.truncationMarker.utf8.count))
        #expect(cut.hasSuffix(WebhookFormatter.truncationMarker))
        #expect(WebhookFormatter.truncate("short", maxBytes: limit) == "short")
    }

    @Test func wecomTextStaysWithin2048Bytes() {
        let long = PushMessage(id: "x", to: "u", reason: "r", text: String(repeating: "楼", count: 3_000), refs: [], event: [])
        let r = WebhookFormatter.request(long, to: Webhook(id: "w", format: .wecom, url: "http://h", secret: nil), now: now)
        let content = (json(r)["text"] as? [String: Any])?["content"] as? String ?? ""
        #expect(content.utf8.count <= 2_048 && content.utf8.count > 2_000)
    }

    @Test func digestsListEveryMessage() {
        let d = WebhookFormatter.digest([message, message], id: "dg")
        #expect(d.text.contains("1. 【新报修】") && d.text.contains("2. 【新报修】") && d.text.contains("汇总 2"))
        #expect(d.reason == "digest" && d.refs == ["R1"])
    }
}

@Suite struct ClassifierTests {
    static func response(_ status: Int, _ body: String = "", _ headers: [String: String] = [:]) -> Result<HTTPResponse, TransportError> {
        .success(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)))
    }

    static let table: [(WebhookFormat, Result<HTTPResponse, TransportError>, String)] = [
        (.wecom, response(200, #"{"errcode":0,"errmsg":"ok"}"#), "delivered"),
        (.wecom, response(200, #"{"errcode":45009,"errmsg":"api freq out of limit"}"#), "retry"),
        (.wecom, response(200, #"{"errcode":93000,"errmsg":"invalid webhook url"}"#), "permanent"),
        (.wecom, response(200, #"{"errcode":40008}"#), "permanent"),
        (.dingtalk, response(200, #"{"errcode":0}"#), "delivered"),
        (.dingtalk, response(200, #"{"errcode":310000,"errmsg":"sign not match"}"#), "permanent"),
        (.dingtalk, response(200, #"{"errcode":130101,"errmsg":"send too fast"}"#), "retry"),
        (.wecom, response(200, #"{"errcode":-1,"errmsg":"系统繁忙"}"#), "retry"),
        (.dingtalk, response(200, #"{"errcode":-1,"errmsg":"系统繁忙"}"#), "retry"),
        (.feishu, response(200, #"{"code":0,"msg":"success"}"#), "delivered"),
        (.feishu, response(200, #"{"code":11232,"msg":"frequency limited"}"#), "retry"),
        (.feishu, response(200, #"{"code":19021,"msg":"sign match fail"}"#), "permanent"),
        (.feishu, response(200, #"{"code":19024}"#), "permanent"),
        (.feishu, response(400, #"{"code":99991400,"msg":"request trigger frequency limit"}"#), "retry"),
        (.feishu, response(400, #"{"code":230020,"msg":"This operation triggers the frequency limit."}"#), "retry"),
        (.feishu, response(400, #"{"code":230001,"msg":"invalid receive_id"}"#), "permanent"),
        (.feishu, response(200, #"{"StatusCode":0}"#), "delivered"),
        (.generic, response(204), "delivered"),
        (.generic, response(200, #"{"errcode":93000}"#), "delivered"),
        (.generic, response(408), "retry"),
        (.generic, response(425), "retry"),
        (.generic, response(429), "retry"),
        (.generic, response(500), "retry"),
        (.generic, response(503), "retry"),
        (.generic, response(301), "permanent"),
        (.generic, response(400), "permanent"),
        (.generic, response(401), "permanent"),
        (.generic, response(404), "permanent"),
        (.generic, response(410), "disable"),
        (.wecom, .failure(.timeout("timed out")), "retry"),
        (.dingtalk, .failure(.connect("refused")), "retry"),
    ]

    @Test(arguments: table.indices)
    func classifies(_ i: Int) {
        let (format, result, expected) = Self.table[i]
        let kind =
            switch Classifier.classify(result, format: format) {
            case .delivered: "delivered"
            case .retry: "retry"
            case .permanent: "permanent"
            case .disable: "disable"
            }
        #expect(kind == expected, "\(format) \(result)")
    }

    @Test func retryAfterIsHonouredAndClampedToAnHour() {
        let now = Date(timeIntervalSince1970: 1_795_827_600)
        #expect(
            Classifier.classify(Self.response(429, "", ["retry-after": "7"]), format: .generic, now: now)
                == .retry(after: .seconds(7), reason: "HTTP 429"))
        #expect(
            Classifier.classify(Self.response(503, "", ["retry-after": "86400"]), format: .generic, now: now)
                == .retry(after: .hours(1), reason: "HTTP 503"))
        #expect(
            Classifier.classify(Self.response(429, "", ["retry-after": "Fri, 28 Nov 2026 01:01:00 GMT"]), format: .generic, now: now)
                == .retry(after: .seconds(60), reason: "HTTP 429"))
    }
}

@Suite struct BackoffAndRateTests {
    struct Fixed: RandomNumberGenerator {
        var value: UInt64
        mutating func next() -> UInt64 { value }
    }

    @Test func fullJitterStaysWithinEachStep() {
        var random = SystemRandomNumberGenerator()
        for (attempts, step) in [(1, Span.seconds(5)), (2, .seconds(30)), (3, .minutes(2)), (4, .minutes(10)), (5, .hours(1)), (9, .hours(1))] {
            for _ in 0..<50 {
                let d = Backoff.delay(afterAttempts: attempts, using: &random)
                #expect(d >= .seconds(0) && d <= step)
            }
        }
        var zero = Fixed(value: 0)
        #expect(Backoff.delay(afterAttempts: 0, using: &zero) == .seconds(0))
    }

    @Test func robotsAreLimitedPerMinute() {
        var limiter = RateLimiter()
        let t = Instant(seconds: 1_795_827_600)
        let wecom = RateLimiter.windows(.wecom)
        for i in 0..<20 { limiter.record("w", at: t.adding(.seconds(Int64(i))), windows: wecom) }
        #expect(limiter.available("w", windows: wecom, now: t.adding(.seconds(30))) == 0)
        #expect(limiter.nextFree("w", windows: wecom, now: t.adding(.seconds(30))) == t.adding(.minutes(1)))
        #expect(limiter.available("w", windows: wecom, now: t.adding(.seconds(61))) == 2)
        #expect(limiter.available("other", windows: wecom, now: t) == 20)
        let feishu = RateLimiter.windows(.feishu)
        var f = RateLimiter()
        for _ in 0..<5 { f.record("f", at: t, windows: feishu) }
        #expect(f.available("f", windows: feishu, now: t) == 0)
        #expect(f.available("f", windows: feishu, now: t.adding(.seconds(2))) == 5)
        #expect(RateLimiter.windows(.generic).isEmpty && RateLimiter.windows(.generic, genericPerMinute: 60) == [.init(60, per: .minutes(1))])
        var g = RateLimiter()
        g.record("g", at: t, windows: [])
        #expect(g.available("g", windows: [], now: t) == Int.max, "no configured limit: no limit")
    }
}

@Suite struct RichFormatTests {
    let now = Instant(milliseconds: 1_795_827_600_123)
    let message = PushMessage(
        id: "fudi-o9", to: "u-zhou", reason: "new_report", text: "【新报修】R1 漏水", refs: ["R1"], event: [], mentions: ["13800000000"])

    func json(_ r: HTTPRequest) -> [String: Any] { (try? JSONSerialization.jsonObject(with: Data(r.body))) as? [String: Any] ?? [:] }

    @Test func wecomMentionsTheRecipientOrSendsMarkdown() {
        let text = json(WebhookFormatter.request(message, to: Webhook(id: "w", format: .wecom, url: "http://h", secret: nil), now: now))
        #expect((text["text"] as? [String: Any])?["mentioned_mobile_list"] as? [String] == ["13800000000"])
        let md = json(WebhookFormatter.request(message, to: Webhook(id: "w", format: .wecom, url: "http://h", secret: nil, markdown: true), now: now))
        #expect(md["msgtype"] as? String == "markdown" && (md["markdown"] as? [String: Any])?["content"] as? String == "【新报修】R1 漏水")
        #expect(WebhookFormatter.textLimit(.wecom, markdown: true) == 4_096)
    }

    @Test func dingtalkAtMobilesAppearInTheText() {
        let d = json(WebhookFormatter.request(message, to: Webhook(id: "d", format: .dingtalk, url: "http://h", secret: nil), now: now))
        #expect((d["at"] as? [String: Any])?["atMobiles"] as? [String] == ["13800000000"])
        #expect(((d["text"] as? [String: Any])?["content"] as? String)?.hasSuffix("@13800000000") == true)
        let md = json(
            WebhookFormatter.request(message, to: Webhook(id: "d", format: .dingtalk, url: "http://h", secret: nil, markdown: true), now: now))
        #expect(md["msgtype"] as? String == "markdown" && (md["markdown"] as? [String: Any])?["title"] as? String == "【新报修】R1 漏水", "the title people read, not the reason's code")
    }

    /// A long first line is cut for the title.
    @Test func aLongTitleIsCut() {
        var long = message
        long.text = String(repeating: "漏", count: 40) + "\n第二行"
        let md = json(WebhookFormatter.request(long, to: Webhook(id: "d", format: .dingtalk, url: "http://h", secret: nil, markdown: true), now: now))
        #expect((md["markdown"] as? [String: Any])?["title"] as? String == String(repeating: "漏", count: 30) + "…")
    }

    @Test func feishuRichTextIsAPost() {
        let f = json(WebhookFormatter.request(message, to: Webhook(id: "f", format: .feishu, url: "http://h", secret: nil, markdown: true), now: now))
        #expect(f["msg_type"] as? String == "post")
        let post = ((f["content"] as? [String: Any])?["post"] as? [String: Any])?["zh_cn"] as? [String: Any]
        let first = ((post?["content"] as? [[Any]])?.first?.first) as? [String: Any]
        #expect(post?["title"] as? String == "【新报修】R1 漏水" && first?["tag"] as? String == "text" && first?["text"] as? String == "【新报修】R1 漏水")
    }
}
