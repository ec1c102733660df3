import Foundation
import LinliBot
import LinliCommands
import LinliCore
import LinliPlatforms
import LinliTesting
import Testing

/// `platforms:` in the community file, as `linli check` reads it.
@Suite struct PlatformConfigTests {
    static func parse(_ platforms: String, environment: [String: String] = [:]) throws -> Community {
        let text = try Fixtures.communityText(webhooksAt: "http://127.0.0.1:9") + "\nplatforms:\n" + platforms
        return try CommunityFile.parse(text, file: "fudi.yaml", environment: environment)
    }

    /// The problem `linli check` reports for `platforms`, or nil when it is valid.
    static func problem(_ platforms: String, environment: [String: String] = [:]) -> String? {
        do {
            _ = try parse(platforms, environment: environment)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func everyKindWithSecretsInlineOrFromTheEnvironment() throws {
        let community = try Self.parse(
            """
              - {id: dd, kind: dingtalk, app_secret_env: LINLI_DD_SECRET, groups: {"cidPvvXBY8Ksl3JzHCDn9w==": fudi-b3}}
              - {id: fs, kind: feishu, app_id: cli_a1b2c3, app_secret_env: LINLI_FS_SECRET, verification_token: tok, bot_open_id: ou_bot0001}
              - {id: wx, kind: wecom, corp_id: wx5823bf96d3bd56c7, agent_id: 218, token: QDG6eK, encoding_aes_key: jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C, secret_env: LINLI_WX_SECRET}
              - {id: wxbot, kind: wecom_bot, token_env: LINLI_WXBOT_TOKEN, encoding_aes_key: jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C, groups: {wrkSFfCgAAxxxx: fudi-b1}}
              - {id: qq, kind: onebot, secret: s, self_id: "10001000", api_base: "http://127.0.0.1:5700/", groups: {"123456": fudi-b2}}
            """,
            environment: ["LINLI_DD_SECRET": "SECdd", "LINLI_FS_SECRET": "fs", "LINLI_WX_SECRET": "wx", "LINLI_WXBOT_TOKEN": "bt"])
        #expect(community.platforms.map(\.kind) == [.dingtalk, .feishu, .wecom, .wecomBot, .onebot])
        #expect(community.platforms[0]["app_secret"] == "SECdd" && community.platforms[0].apiBase == "https://oapi.dingtalk.com")
        #expect(community.platforms[0].groups == ["cidPvvXBY8Ksl3JzHCDn9w==": "fudi-b3"])
        #expect(community.platforms[2]["agent_id"] == "218" && community.platforms[2].sendsToAccounts)
        #expect(community.platforms[3]["token"] == "bt")
        #expect(community.platforms[4].apiBase == "http://127.0.0.1:5700" && community.platforms[4].chats(ofGroup: "fudi-b2") == ["123456"])
        let urls = Platforms.callbackURLs(community, base: "https://linli.example.org/").map(\.1)
        #expect(urls.first == "https://linli.example.org/v1/platforms/dd" && urls.last == "https://linli.example.org/v1/platforms/qq")
    }

    @Test(arguments: [
        ("  - {id: x, kind: slack, secret: s}", "unknown platform kind 'slack'"),
        ("  - {id: dd, kind: dingtalk}", "dingtalk needs app_secret or app_secret_env"),
        ("  - {id: dd, kind: dingtalk, app_secret_env: NOT_SET_ANYWHERE}", "environment variable NOT_SET_ANYWHERE is not set"),
        ("  - {id: qq, kind: onebot, secret: s}", "onebot needs self_id"),
        ("  - {id: dd, kind: dingtalk, app_secret: s, groups: {cid1: fudi-b9}}", "maps to unknown group 'fudi-b9'"),
        ("  - {id: dd, kind: dingtalk, app_secret: s, corp_id: c}", "'corp_id' is not a setting of a dingtalk platform"),
        ("  - {id: dd, kind: dingtalk, app_secret: s}\n  - {id: dd, kind: onebot, secret: s, self_id: '1'}", "duplicate platform id 'dd'"),
        ("  - {id: qq, kind: onebot, secret: s, self_id: '1', api_base: ftp://x}", "api_base must start with http"),
        // Settings that would pass and never work.
        ("  - {id: qq, kind: onebot, secret: s, self_id: abc}", "self_id must be a number"),
        ("  - {id: qq, kind: onebot, secret: s, self_id: '1', groups: {group-a: fudi-b3}}", "a QQ group id is a number"),
        ("  - {id: wx, kind: wecom, corp_id: c, token: t, encoding_aes_key: jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C, secret: s}", "give its agent_id too"),
        ("  - {id: wx, kind: wecom, corp_id: c, token: t, encoding_aes_key: jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C, secret: s, agent_id: abc}", "agent_id must be a number"),
        ("  - {id: fs, kind: feishu, app_id: a, app_secret: s, verification_token: t, bot_open_id: ''}", "bot_open_id is empty"),
        ("  - {id: dd, kind: dingtalk, app_secret: s, app_secret_env: HOME}", "app_secret is given twice"),
    ])
    func badPlatformsAreRefusedWithTheirProblem(_ platforms: String, _ problem: String) {
        let found = Self.problem(platforms)
        #expect(found?.contains(problem) == true, "\(found ?? "accepted")")
    }

    /// An account on a platform the file does not have is a slip (a platform renamed, a typo).
    @Test func anAccountOnNoPlatformIsRefused() throws {
        let text = try Fixtures.communityText(webhooksAt: "http://127.0.0.1:9").replacingOccurrences(
            of: "{id: u-li, name: 李菊珍, home: b3-501, lang: zh}", with: "{id: u-li, name: 李菊珍, home: b3-501, lang: zh, accounts: {dingtalk: m1}}")
        #expect(text.contains("accounts: {dingtalk: m1}"))
        let problem = Result { try CommunityFile.parse(text + "\nplatforms:\n  - {id: dd, kind: dingtalk, app_secret: s}\n", file: "fudi.yaml") }
        guard case .failure(let error) = problem else {
            Issue.record("accepted")
            return
        }
        #expect("\(error)".contains("an account on 'dingtalk', which is no platform of this file"), "\(error)")
    }

    @Test func platformsNeedTheBotNamed() throws {
        let text = try Fixtures.communityText(webhooksAt: "http://127.0.0.1:9").replacingOccurrences(
            of: "bot:\n  id: linli\n", with: "").replacingOccurrences(of: "  names: [小邻, linli]\n", with: "")
        #expect(!text.contains("names: [小邻"))
        let problem = Result { try CommunityFile.parse(text + "\nplatforms:\n  - {id: dd, kind: dingtalk, app_secret: s}\n", file: "fudi.yaml") }
        guard case .failure(let error) = problem else {
            Issue.record("accepted")
            return
        }
        #expect("\(error)".contains("platforms need the bot named"), "\(error)")
    }
}
