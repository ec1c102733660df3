import Foundation
import LinliBot
import LinliCore
import LinliProtocol
import LinliTesting
import Testing

/// `dashboard | 后台` (issue 18, item 1): a one-time link sent privately, a session
/// kept as a hash in the database, scoped like `stats`.
@Suite struct DashboardFamilyTests {
    /// The harness community with a public address, Open311, and a second grid with its own building.
    static let community = FamilyHarness.dashboardCommunity(publicURL: "https://linli.test/")

    static func bot(_ database: String = ":memory:") throws -> FamilyHarness {
        try FamilyHarness("dashboard", "workorders", community: community, database: database)
    }

    /// The token of the link in `text`.
    static func token(_ text: String) -> String? {
        guard let range = text.range(of: "https://linli.test/dashboard/login?token=") else { return nil }
        return String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test func staffGetAPrivateLinkThatWorksOnce() throws {
        let bot = try Self.bot()
        let out = try bot.say("后台", from: "u-office", at: "2026-11-28T09:00:00+08:00")
        #expect(out.reply.ok && out.reply.text.contains("10分钟"), "\(out.reply.text)")
        let token = try #require(Self.token(out.reply.text))
        #expect(token.count == 43)
        let session = try #require(try bot.engine.withDashboard { try $0.signIn(token: token) })
        #expect(try bot.engine.withDashboard { try $0.signIn(token: token) } == nil, "once")
        let viewer = try #require(try bot.engine.withDashboard { try $0.viewer(session: session) })
        #expect(viewer.user == "u-office" && viewer.isStaff && viewer.buildings == ["b1", "b2", "b3"])
        #expect(try bot.engine.withDashboard { try $0.viewer(session: token) } == nil, "a link is not a session")
        let english = try bot.say("dashboard", from: "u-grid", at: "2026-11-28T09:01:00+08:00")
        #expect(english.reply.text.hasPrefix("Your link to the staff pages"))
    }

    @Test func inAGroupTheLinkGoesPrivatelyAndChatterStaysSilent() throws {
        let bot = try Self.bot()
        for text in ["后台在哪里看？", "大家好", "谢谢刘队长", "the dashboard is nice"] {
            #expect(try bot.say(text, from: "u-cap1", in: "t-b1", at: "2026-11-28T09:00:00+08:00").isEmpty, "\(text)")
        }
        let out = try bot.say("@小邻 后台", from: "u-cap1", in: "t-b1", mentions: ["linli"], at: "2026-11-28T09:01:00+08:00")
        #expect(out.reply.text == "后台登录链接已私信发给您。" && Self.token(out.reply.text) == nil)
        let notice = try #require(out.notifications.first)
        #expect(notice.to == "u-cap1" && notice.reason == "private_reply" && Self.token(notice.text) != nil)
        #expect(!out.contains { $0.type == .post })
    }

    @Test func residentsAndCommunitiesWithoutAnAddressAreRefused() throws {
        let bot = try Self.bot()
        #expect(try bot.say("后台", from: "u-li", at: "2026-11-28T09:00:00+08:00").reply.code == "forbidden")
        let bare = try FamilyHarness("dashboard", "workorders")
        let out = try bare.say("dashboard", from: "u-office", at: "2026-11-28T09:00:00+08:00")
        #expect(out.reply.code == "invalid_state" && out.reply.text.contains("public_url"))
    }

    @Test func aLinkExpiresAfterTenMinutesAndASessionAfterTwelveHours() throws {
        let bot = try Self.bot()
        let late = try #require(Self.token(try bot.say("后台", from: "u-office", at: "2026-11-28T09:00:00+08:00").reply.text))
        try bot.say("大家好", from: "u-li", in: "t-b1", at: "2026-11-28T09:10:01+08:00")  // the clock moves
        #expect(try bot.engine.withDashboard { try $0.signIn(token: late) } == nil, "expired")
        let token = try #require(Self.token(try bot.say("后台", from: "u-office", at: "2026-11-28T09:11:00+08:00").reply.text))
        let session = try #require(try bot.engine.withDashboard { try $0.signIn(token: token) })
        try bot.say("大家好", from: "u-li", in: "t-b1", at: "2026-11-28T21:10:00+08:00")
        #expect(try bot.engine.withDashboard { try $0.viewer(session: session) } != nil)
        try bot.say("晚安", from: "u-li", in: "t-b1", at: "2026-11-28T21:11:01+08:00")
        #expect(try bot.engine.withDashboard { try $0.viewer(session: session) } == nil, "12 hours")
    }

    @Test func sessionsSurviveARestartAndOnlyHashesAreKept() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dash-\(UUID().uuidString).sqlite").path
        var session = ""
        var token = ""
        do {
            let bot = try Self.bot(path)
            token = try #require(Self.token(try bot.say("后台", from: "u-cap3", at: "2026-11-28T09:00:00+08:00").reply.text))
            session = try #require(try bot.engine.withDashboard { try $0.signIn(token: token) })
        }
        let again = try Self.bot(path)
        let viewer = try #require(try again.engine.withDashboard { try $0.viewer(session: session) })
        #expect(viewer.user == "u-cap3" && viewer.buildings == ["b3"])
        var bytes = Data()
        for suffix in ["", "-wal"] { bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data() }
        #expect(bytes.range(of: Data(session.utf8)) == nil && bytes.range(of: Data(token.utf8)) == nil, "neither the link nor the session in clear")
    }

    /// Two processes on one PostgreSQL database (issue 21): the staff pages served by
    /// one see a role the other gave, though it has run no batch since.
    @Test func pagesThroughOneProcessSeeARoleGivenThroughAnother() throws {
        let db = try TestPostgres.database()
        let (a, b) = try (
            FamilyHarness("dashboard", "workorders", "roles", community: Self.community, database: db),
            FamilyHarness("dashboard", "workorders", "roles", community: Self.community, database: db)
        )
        #expect(try a.say("role u-li captain b1", from: "u-office", at: "2026-11-28T09:00:00+08:00").reply.ok)
        let token = try #require(Self.token(try a.say("后台", from: "u-li", at: "2026-11-28T09:01:00+08:00").reply.text))
        let session = try #require(try b.engine.withDashboard { try $0.signIn(token: token) })
        let viewer = try #require(try b.engine.withDashboard { try $0.viewer(session: session) })
        #expect(viewer.buildings == ["b1"] && !viewer.isStaff, "\(viewer.buildings)")
        // B's next batch goes on from there: the new captain accepts a report filed through A.
        #expect(try a.say("报修 漏水 厨房滴水", from: "u-ann", at: "2026-11-28T09:02:00+08:00").reply.refs == ["R1"])
        #expect(try b.say("签收 R1", from: "u-li", at: "2026-11-28T09:03:00+08:00").reply.ok)
    }
}
