import Foundation
import LinliTesting
import LinliWebhooks
import Testing

/// The staff pages as people use them (issue 18, item 5): the real `linli serve` on
/// 127.0.0.1, a sign-in link the bot gave, every page opened in headless Chromium
/// (Debian's, installed by deploy/install-deps.sh), a screenshot of the overview
/// kept under .build/test-output/. Outside CI a machine without Chromium skips it.
@Suite(.serialized) struct DashboardBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: chromium != nil || inCI, "chromium is not installed (deploy/install-deps.sh installs it): skipped outside CI"))
    func everyPageOpensInARealBrowser() async throws {
        let chromium = try #require(Self.chromium, "CI=true: chromium must be installed (deploy/install-deps.sh)")
        let server = try LiveServer()
        defer { server.stop() }
        try server.send(#"{"id":"r1","from":"u-li","text":"报修 漏水 厨房天花板滴水"}"#)
        try server.send(#"{"id":"r2","from":"u-bo","text":"报修 其他 <b>楼道</b>灯不亮"}"#)
        try server.send(#"{"id":"r3","from":"u-cap1","text":"签收 R1"}"#)
        let pages: [(path: String, expect: [String])] = [
            ("/dashboard", ["办结率", "响应率", "近30天新增与办结", "各网格"]),
            ("/dashboard?lang=en", ["Closure rate", "The last 30 days: opened and resolved"]),
            ("/dashboard/orders", ["R1", "厨房天花板滴水", "R2", "<b>楼道</b>灯不亮"]),
            ("/dashboard/orders/R1", ["处理经过", "刘队长", "办结时限"]),
            ("/dashboard/bookings", ["场地预约", "凉亭"]),
            ("/dashboard/services", ["便民服务", "爱心伞"]),
            ("/dashboard/community", ["积分榜", "微心愿"]),
        ]
        for (n, page) in pages.enumerated() {
            let link = try server.signInLink(id: "d\(n)")
            let (dom, console) = try await Browser.open(chromium, ["--dump-dom", link + "&next=" + Self.encode(page.path)])
            let text = Browser.text(dom)
            for expected in page.expect { #expect(text.contains(expected), "\(page.path): \(expected) not in \(text.prefix(600))") }
            #expect(!dom.contains("<b>楼道</b>"), "resident text stays text")
            #expect(!console.contains("Content Security Policy"), "\(page.path): \(console)")
            #expect(
                Browser.foreignReferences(dom, allowed: server.origin).isEmpty,
                "\(page.path): \(Browser.foreignReferences(dom, allowed: server.origin))")
        }
        let used = try server.signInLink(id: "used")
        _ = try await Browser.open(chromium, ["--dump-dom", used])
        let again = try await Browser.open(chromium, ["--dump-dom", used])
        #expect(Browser.text(again.dom).contains("这个链接已用过或已过期"), "a link works once")
        let output = Fixtures.root.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let shot = output.appendingPathComponent("dashboard-overview.png")
        try? FileManager.default.removeItem(at: shot)
        _ = try await Browser.open(chromium, ["--screenshot=\(shot.path)", "--window-size=375,1600", try server.signInLink(id: "shot")])
        let png = try Data(contentsOf: shot)
        #expect(png.count > 5_000 && png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]), "a PNG of the overview at 375 px")
    }

    @Test func aPageThatReferencesAnotherHostFails() async throws {
        let origin = "http://127.0.0.1:8080"
        let clean =
            #"<link rel="stylesheet" href="/dashboard/style.css"><a href="/dashboard/orders?lang=en">x</a><a href="http://127.0.0.1:8080/dashboard">y</a>"#
        #expect(Browser.foreignReferences(clean, allowed: origin).isEmpty)
        for bad in [
            #"<script src="https://cdn.example.com/chart.js"></script>"#, #"<link href="//fonts.example.com/css" rel="stylesheet">"#,
            #"<img src='http://tracker.example.net/p.gif'>"#, #"<style>@import url(https://x.example.org/a.css)</style>"#,
            #"<svg><image href="https://img.example.com/a.png"/></svg>"#,
        ] {
            #expect(!Browser.foreignReferences(bad, allowed: origin).isEmpty, "\(bad)")
        }
        // And in the browser: under the pages' policy a foreign image is refused, and the console says so.
        guard let chromium = Self.chromium else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("linli-foreign-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let page =
            #"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head><body><img src="https://cdn.example.com/a.png"></body></html>"#
        try page.write(to: file, atomically: true, encoding: .utf8)
        let refused = try await Browser.open(chromium, ["--dump-dom", file.absoluteString])
        #expect(refused.console.contains("Content Security Policy"))
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_."))) ?? s
    }
}

/// Headless Chromium, one page a run, with no network but 127.0.0.1.
enum Browser {
    /// `run`, awaited off the pool: Chromium takes seconds (a first start on a fresh
    /// machine far more), and a blocked pool thread stalls every in-process server of the run.
    static func open(_ chromium: String, _ arguments: [String]) async throws -> (dom: String, console: String) {
        try await offThePool { try run(chromium, arguments) }
    }

    /// The page's DOM (or nothing), and what Chromium's console said (CSP violations among it).
    static func run(_ chromium: String, _ arguments: [String]) throws -> (dom: String, console: String) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("linli-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=\(profile.path)",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--enable-logging=stderr", "--v=0",
            ] + arguments
        let out = Pipe()
        process.standardOutput = out
        let log = profile.appendingPathExtension("log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        let data = Received()
        let reader = Thread { data.bytes = out.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return (String(decoding: data.bytes, as: UTF8.self), (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// What the reader thread read, handed over once it finished.
    final class Received: @unchecked Sendable { var bytes = Data() }

    /// The text of a DOM: tags dropped, entities read.
    static func text(_ dom: String) -> String {
        var text = dom.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: char)
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    /// Every address in `html` (src, href, action, url(), @import) that leads to a host other than `allowed`.
    static func foreignReferences(_ html: String, allowed: String) -> [String] {
        let pattern = #"(?:src|href|action|poster|data|srcset)\s*=\s*["']?([^"'\s>]+)|url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)"#
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let value =
                (1...3).compactMap { i -> String? in
                    let r = m.range(at: i)
                    return r.location == NSNotFound ? nil : ns.substring(with: r)
                }.first ?? ""
            let lower = value.lowercased()
            let leavesTheSite = lower.hasPrefix("//") || lower.range(of: "^[a-z][a-z0-9+.-]*:", options: .regularExpression) != nil
            guard leavesTheSite, !lower.hasPrefix(allowed.lowercased() + "/"), lower != allowed.lowercased() else { return nil }
            return value
        }
    }
}

/// `linli serve` on a free port of 127.0.0.1, with the staff pages' community.
final class LiveServer {
    let process = Process()
    let port: Int
    var origin: String { "http://127.0.0.1:\(port)" }
    let client = CurlClient()

    init() throws {
        port = try Loopback.freePort()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("linli-dash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let community = dir.appendingPathComponent("community.yaml")
        try DashboardRig.community.write(to: community, atomically: true, encoding: .utf8)
        let log = dir.appendingPathComponent("serve.err")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = Fixtures.binary
        process.arguments = [
            "serve", "--community", community.path, "--commands", Fixtures.commandsPath, "--db", dir.appendingPathComponent("db.sqlite").path,
            "--port", String(port), "--insecure-no-auth", "--drain-timeout", "0", "--public-url", origin,
        ]
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("listening on") { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw CocoaError(.fileReadUnknown, userInfo: ["log": (try? String(contentsOf: log, encoding: .utf8)) ?? ""])
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        client.shutdown()
    }

    /// Posts one event; the reply's text.
    @discardableResult
    func send(_ event: String) throws -> String {
        let response = try client.send([HTTPRequest(url: "\(origin)/v1/events", body: Array(event.utf8))])[0].get()
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        let events = object?["events"] as? [[String: Any]] ?? []
        return events.first { $0["type"] as? String == "reply" }?["text"] as? String ?? ""
    }

    /// `后台` from the office, privately: the link in the reply.
    func signInLink(id: String) throws -> String {
        let text = try send(#"{"id":"\#(id)","from":"u-office","text":"后台"}"#)
        guard let range = text.range(of: "\(origin)/dashboard/login?token=") else { throw CocoaError(.fileReadUnknown, userInfo: ["reply": text]) }
        return String(text[range.lowerBound...].prefix { !$0.isWhitespace })
    }
}
