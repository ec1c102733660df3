import Foundation
import HTTPTypes
import Hummingbird
import LinliBot
import LinliCore
import LinliHTTP
import LinliTesting
import Logging
import NIOCore
import NIOEmbedded

/// The staff pages through the router, over a harness engine of the work-order and
/// dashboard families: sign in as someone, then ask for pages with the cookie.
final class DashboardRig {
    let bot: FamilyHarness
    let router: Router<BasicRequestContext>

    struct Answer {
        var status: Int
        var headers: HTTPFields
        var body: ByteBuffer
        var text: String { String(buffer: body) }
        func header(_ name: String) -> String? { headers[HTTPField.Name(name)!] }
    }

    /// `database`: SQLite in memory, or a PostgreSQL database's URL.
    init(community: String = DashboardRig.community, database: String = ":memory:", also: [String] = []) throws {
        bot = try FamilyHarness(families: ["dashboard", "workorders"] + also, community: community, database: database)
        router = Ingress.router(gate: EngineGate(bot.engine), store: bot.store, configuration: IngressConfiguration(key: nil))
    }

    /// The harness community with a public address, Open311, a second grid with its own building.
    static let community = FamilyHarness.dashboardCommunity(publicURL: "http://linli.test/")

    func get(_ path: String, cookie: String? = nil, method: HTTPRequest.Method = .get) async throws -> Answer {
        var fields = HTTPFields()
        if let cookie { fields[.cookie] = cookie }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "linli.test", path: path, headerFields: fields),
            body: RequestBody(buffer: ByteBuffer()))
        let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: Logger(label: "test")))
        let response = try await router.buildResponder().respond(to: request, context: context)
        let sink = RouterTests.Sink()
        try await response.body.write(RouterTests.Collector(sink: sink))
        return Answer(status: Int(response.status.code), headers: response.headers, body: sink.buffer)
    }

    /// The link the bot sends `user` for `后台`, as a path.
    func link(_ user: String, at ts: String = "2026-11-30T10:00:00+08:00") throws -> String {
        let out = try bot.say("后台", from: user, at: ts)
        let text = out.reply.text
        guard let range = text.range(of: "http://linli.test") else { throw LinliError(.notFound, zh: "no link", en: "no link: \(text)") }
        return String(text[range.upperBound...].prefix { !$0.isWhitespace })
    }

    /// Signs `user` in through their link: the cookie to send.
    func signIn(_ user: String, at ts: String = "2026-11-30T10:00:00+08:00") async throws -> String {
        let answer = try await get(try link(user, at: ts))
        guard answer.status == 303, let cookie = answer.header("Set-Cookie")?.split(separator: ";").first else {
            throw LinliError(.forbidden, zh: "not signed in", en: "not signed in: \(answer.status)")
        }
        return String(cookie)
    }

    /// November in the three buildings: R1 (b1 leak, fixed and rated 5), R2 (b1 leak,
    /// rated 2), R3 (b2 private noise, open), R4 (b3 leak, accepted late), R5 (b1 other, still submitted).
    func november() throws {
        try bot.say("报修 漏水 厨房滴水", from: "u-li", at: "2026-11-10T10:00:00+08:00")
        try bot.say("签收 R1", from: "u-cap1", at: "2026-11-10T10:10:00+08:00")
        try bot.say("办结 R1 换了水管", from: "u-cap1", at: "2026-11-10T12:00:00+08:00")
        try bot.say("评价 R1 5", from: "u-li", at: "2026-11-10T13:00:00+08:00")
        try bot.say("report leak bathroom", from: "u-ann", at: "2026-11-11T10:00:00+08:00")
        try bot.say("签收 R2", from: "u-cap1", at: "2026-11-11T10:10:00+08:00")
        try bot.say("办结 R2 修好了", from: "u-cap1", at: "2026-11-11T14:00:00+08:00")
        try bot.say("rate R2 2", from: "u-ann", at: "2026-11-11T15:00:00+08:00")
        try bot.say("报修 噪音 楼上装修到半夜", from: "u-bo", at: "2026-11-20T10:00:00+08:00")
        try bot.say("报修 漏水 楼道水管", from: "u-cap3", at: "2026-11-21T10:00:00+08:00")
        try bot.say("签收 R4", from: "u-cap3", at: "2026-11-21T12:00:00+08:00")
        try bot.say("报修 其他 路灯坏了", from: "u-li", at: "2026-11-29T10:00:00+08:00")
    }
}
