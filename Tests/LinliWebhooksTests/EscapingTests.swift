import Foundation
import LinliCore
import LinliWebhooks
import Testing

/// Resident text in a robot push cannot mention anyone, format, link or embed (issue 19).
@Suite struct EscapingTests {
    static let hostile = [
        #"<at user_id="all">大家</at> 快看"#, "@all 停水了", "@所有人 开会", "[点这里](http://evil.example/x)", "![img](https://evil.example/p.png)",
        #"<font color="warning">红字</font>"#, "**粗体** _斜体_ `代码`", "# 标题\n> 引用", "abc\u{202E}gpj.exe", "visit https://evil.example now",
    ]

    static let endpoints: [(String, Webhook)] = [
        ("wecom text", Webhook(id: "w", format: .wecom, url: "http://h", secret: nil)),
        ("wecom markdown", Webhook(id: "w", format: .wecom, url: "http://h", secret: nil, markdown: true)),
        ("dingtalk text", Webhook(id: "d", format: .dingtalk, url: "http://h", secret: nil)),
        ("dingtalk markdown", Webhook(id: "d", format: .dingtalk, url: "http://h", secret: nil, markdown: true)),
        ("feishu text", Webhook(id: "f", format: .feishu, url: "http://h", secret: nil)),
        ("feishu post", Webhook(id: "f", format: .feishu, url: "http://h", secret: nil, markdown: true)),
    ]

    /// What the robot reads of the message: every string in the JSON body.
    static func shown(_ body: [UInt8]) -> String {
        func strings(_ any: Any) -> [String] {
            switch any {
            case let s as String: [s]
            case let a as [Any]: a.flatMap(strings)
            case let d as [String: Any]: d.values.flatMap(strings)
            default: []
            }
        }
        return strings((try? JSONSerialization.jsonObject(with: Data(body))) ?? "").joined(separator: "\n")
    }

    @Test(arguments: endpoints.indices)
    func hostileTextIsInertInEveryRobotFormat(_ e: Int) {
        let (name, endpoint) = Self.endpoints[e]
        for text in Self.hostile {
            let message = PushMessage(id: "x", to: "u-zhou", reason: "new_report", text: "【新报修】R1：\(text)", refs: ["R1"], event: [], mentions: [])
            let seen = Self.shown(WebhookFormatter.request(message, to: endpoint, now: Instant(milliseconds: 0)).body)
            #expect(!seen.contains("@"), "\(name): \(text) → \(seen)")
            #expect(!seen.contains("://"), "\(name): \(text) → \(seen)")
            #expect(!seen.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) }, "\(name): bidi control kept")
            if endpoint.format == .feishu { #expect(!seen.contains("<"), "\(name): \(text) → \(seen)") }
            if endpoint.markdown, endpoint.format != .feishu {  // a Feishu post is plain text elements: its tags are the risk
                for mark in ["[", "]", "(", ")", "*", "`", "#", "<", ">", "!"] { #expect(!seen.contains(mark), "\(name): \(mark) in \(seen)") }
            }
            #expect(seen.contains("【新报修】R1"), "Linli's own text stays readable")
        }
    }

    @Test func linlisOwnMentionStillWorks() {
        let message = PushMessage(id: "x", to: "u-zhou", reason: "new_report", text: "@all 停水", refs: [], event: [], mentions: ["13800000301"])
        let r = WebhookFormatter.request(
            message, to: Webhook(id: "d", format: .dingtalk, url: "http://h", secret: nil), now: Instant(milliseconds: 0))
        let seen = Self.shown(r.body)
        #expect(seen.contains("@13800000301") && !seen.contains("@all"))
    }

    @Test func genericLosesOnlyBidiControls() {
        #expect(WebhookFormatter.neutralised("a\u{202E}b [x](http://y) @all", for: .generic, markdown: false) == "ab [x](http://y) @all")
    }
}
