import Foundation
import LinliTesting
import LinliWebhooks
import Testing

/// The real `linli serve` and `linli check` with platforms in the community file.
@Suite struct ServePlatformsTests {
    static func communityFile(_ platforms: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("linli-platforms-\(UUID().uuidString).yaml").path
        let text = try Fixtures.communityText(webhooksAt: "http://127.0.0.1:9") + "\nplatforms:\n" + platforms
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Starts `linli serve` on a free port with `platforms` in the demo community (secrets
    /// from `environment`); returns it and the callback URL it printed for each platform.
    static func serve(_ platforms: String, environment: [String: String] = [:]) throws -> (Process, [String: String]) {
        let community = try Self.communityFile(platforms)
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("linli-serve-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = [
            "serve", "--community", community, "--commands", Fixtures.commandsPath, "--db", BinaryRunner.temporaryDatabase(),
            "--port", "0", "--insecure-no-auth", "--drain-timeout", "0",
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, b in b }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let expected = platforms.split(separator: "\n").count
        var urls: [String: String] = [:]
        for _ in 0..<400 where urls.count < expected {
            Thread.sleep(forTimeInterval: 0.05)
            for line in ((try? String(contentsOf: outURL, encoding: .utf8)) ?? "").split(separator: "\n")
            where line.hasPrefix("platform ") && line.contains("callback URL http://127.0.0.1:") {
                urls[String(line.split(separator: " ")[1])] = String(line.split(separator: " ").last ?? "")
            }
        }
        return (process, urls)
    }

    @Test func servePrintsEachCallbackURLAndAnswersASignedCallback() throws {
        let (process, urls) = try Self.serve(
            "  - {id: dd, kind: dingtalk, app_secret_env: LINLI_TEST_DD_SECRET}\n", environment: ["LINLI_TEST_DD_SECRET": "SECtestsecret"])
        defer { if process.isRunning { process.terminate() } }
        let callback = try #require(urls["dd"], "serve printed the callback URL")
        #expect(callback.hasSuffix("/v1/platforms/dd"))
        let client = CurlClient()
        defer { client.shutdown() }
        let stamp = Int64(Date().timeIntervalSince1970 * 1000)
        let body =
            #"{"msgId":"s1","msgtype":"text","text":{"content":"进度"},"senderStaffId":"manager4721","conversationType":"1","sessionWebhook":"http://127.0.0.1:9/x","sessionWebhookExpiredTime":0}"#
        let signed = [
            HTTPHeader("timestamp", String(stamp)), HTTPHeader("sign", Signatures.dingTalk(secret: "SECtestsecret", timestampMillis: stamp)),
        ]
        let good = try client.send([HTTPRequest(url: callback, headers: signed, body: Array(body.utf8))])[0].get()
        let forged = [HTTPHeader("timestamp", String(stamp)), HTTPHeader("sign", Signatures.dingTalk(secret: "SECother", timestampMillis: stamp))]
        let bad = try client.send([HTTPRequest(url: callback, headers: forged, body: Array(body.utf8))])[0].get()
        #expect(good.status == 200 && bad.status == 401)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// deploy/platform-check.sh plays each platform against the real `linli serve`: what it
    /// signs and encrypts is accepted, and with a wrong secret it is refused (exit 1).
    @Test func platformCheckPassesWithTheRightSecretsAndFailsWithAWrongOne() throws {
        let aes = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
        let (process, urls) = try Self.serve(
            """
              - {id: dd, kind: dingtalk, app_secret: SECdd}
              - {id: fs, kind: feishu, app_id: cli_a, app_secret: s, verification_token: tok, encrypt_key: "test key"}
              - {id: wx, kind: wecom, corp_id: wx5823bf96d3bd56c7, agent_id: 1, token: QDG6eK, encoding_aes_key: \(aes), secret: s}
              - {id: wxbot, kind: wecom_bot, token: botTok, encoding_aes_key: \(aes)}
              - {id: qq, kind: onebot, secret: qqs, self_id: "10001000", api_base: "http://127.0.0.1:9/"}

            """)
        defer { if process.isRunning { process.terminate() } }
        func check(_ arguments: String...) throws -> (status: Int32, output: String) {
            let script = Process()
            script.executableURL = URL(fileURLWithPath: "/bin/bash")
            script.arguments = [Fixtures.root.appendingPathComponent("deploy/platform-check.sh").path] + arguments
            let pipe = Pipe()
            script.standardOutput = pipe
            script.standardError = FileHandle.nullDevice
            try script.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            script.waitUntilExit()
            return (script.terminationStatus, output)
        }
        let (dd, fs, wx, wxbot, qq) = (
            try #require(urls["dd"]), try #require(urls["fs"]), try #require(urls["wx"]), try #require(urls["wxbot"]), try #require(urls["qq"])
        )
        let passed = [
            try check("dingtalk", dd, "SECdd"), try check("feishu", fs, "tok", "test key"),
            try check("wecom", wx, "QDG6eK", aes, "wx5823bf96d3bd56c7"), try check("wecom_bot", wxbot, "botTok", aes),
            try check("onebot", qq, "qqs", "10001000"),
        ]
        for (status, output) in passed { #expect(status == 0 && output.contains("HTTP 2"), "\(output)") }
        #expect(passed[1].output.contains(#"{"challenge":"check-"#), "Feishu's challenge echoed")
        for echoed in [passed[2].output, passed[3].output] {
            let lines = echoed.split(separator: "\n")
            #expect(lines.first == lines.last?.split(separator: " ").last, "the decrypted echostr is answered: \(echoed)")
        }
        let refused = [
            try check("dingtalk", dd, "SECwrong"), try check("wecom", wx, "wrong", aes, "wx5823bf96d3bd56c7"),
            try check("onebot", qq, "nope", "10001000"),
        ]
        for (status, output) in refused { #expect(status == 1 && output.contains("HTTP 401"), "\(output)") }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    @Test func checkRefusesABadPlatformWithItsLine() throws {
        let bad = try Self.communityFile("  - {id: dd, kind: dingtalk, app_secret: s, groups: {cid1: fudi-b9}}\n")
        let result = try BinaryRunner.run(["check", "--community", bad, "--commands", Fixtures.commandsPath], input: Data())
        #expect(result.status == 2 && result.stderr.contains("unknown group 'fudi-b9'"), "\(result.stderr)")
        let good = try Self.communityFile("  - {id: dd, kind: dingtalk, app_secret: s, groups: {cid1: fudi-b3}}\n")
        #expect(try BinaryRunner.run(["check", "--community", good, "--commands", Fixtures.commandsPath], input: Data()).status == 0)
    }
}
