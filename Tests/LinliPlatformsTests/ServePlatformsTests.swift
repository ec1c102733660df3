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

    @Test func servePrintsEachCallbackURLAndAnswersASignedCallback() throws {
        let community = try Self.communityFile("  - {id: dd, kind: dingtalk, app_secret_env: LINLI_TEST_DD_SECRET}\n")
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("linli-serve-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = [
            "serve", "--community", community, "--commands", Fixtures.commandsPath, "--db", BinaryRunner.temporaryDatabase(),
            "--port", "0", "--insecure-no-auth", "--drain-timeout", "0",
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["LINLI_TEST_DD_SECRET": "SECtestsecret"]) { _, b in b }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var url: String?
        for _ in 0..<200 where url == nil {
            Thread.sleep(forTimeInterval: 0.05)
            let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            url = out.split(separator: "\n").first { $0.hasPrefix("platform dd (dingtalk): callback URL http://127.0.0.1:") }
                .map { String($0.split(separator: " ").last ?? "") }
        }
        let callback = try #require(url, "serve printed the callback URL")
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

    @Test func checkRefusesABadPlatformWithItsLine() throws {
        let bad = try Self.communityFile("  - {id: dd, kind: dingtalk, app_secret: s, groups: {cid1: fudi-b9}}\n")
        let result = try BinaryRunner.run(["check", "--community", bad, "--commands", Fixtures.commandsPath], input: Data())
        #expect(result.status == 2 && result.stderr.contains("unknown group 'fudi-b9'"), "\(result.stderr)")
        let good = try Self.communityFile("  - {id: dd, kind: dingtalk, app_secret: s, groups: {cid1: fudi-b3}}\n")
        #expect(try BinaryRunner.run(["check", "--community", good, "--commands", Fixtures.commandsPath], input: Data()).status == 0)
    }
}
