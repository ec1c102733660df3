import Foundation
import LinliCore
import LinliTesting
import Testing

/// The staff pages through the router (issue 18, items 1–3): sign-in, redirects,
/// scope, the overview's figures against `stats`, escaping, languages, the CSV.
@Suite struct DashboardPagesTests {
    @Test func signingInSetsAStrictCookieAndEveryPageNeedsIt() async throws {
        let rig = try DashboardRig()
        let bare = try await rig.get("/dashboard/orders")
        #expect(bare.status == 303 && bare.header("Location") == "/dashboard/login")
        let help = try await rig.get("/dashboard/login")
        #expect(help.status == 200 && help.text.contains("后台"), "the page says how to get a link")
        let link = try rig.link("u-office")
        let first = try await rig.get(link)
        #expect(first.status == 303 && first.header("Location") == "/dashboard")
        let cookie = try #require(first.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Max-Age=43200") && !cookie.contains("Secure"))
        let again = try await rig.get(link)
        #expect(again.status == 401 && again.text.contains("已用过或已过期") && again.header("Set-Cookie") == nil, "once")
        let session = String(cookie.split(separator: ";")[0])
        for path in ["/dashboard", "/dashboard/orders", "/dashboard/bookings", "/dashboard/services", "/dashboard/community"] {
            let page = try await rig.get(path, cookie: session)
            #expect(page.status == 200 && page.header("Content-Security-Policy") == "default-src 'self'", "\(path)")
            #expect(page.text.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        }
        #expect(try await rig.get("/dashboard", cookie: "linli_session=forged").status == 303)
    }

    /// Signing out (the button on every page) ends the session on the server: the
    /// cookie, kept or copied, opens nothing any more.
    @Test(arguments: [("", "已退出登录"), ("?lang=en", "You are signed out")])
    func signingOutEndsTheSession(_ lang: String, _ said: String) async throws {
        let rig = try DashboardRig()
        let session = try await rig.signIn("u-office")
        let page = try await rig.get("/dashboard\(lang)", cookie: session)
        #expect(page.text.contains(#"<form class="out" method="post" action="/dashboard/logout">"#), "\(page.text)")
        let out = try await rig.get("/dashboard/logout\(lang)", cookie: session, method: .post)
        #expect(out.status == 303 && out.header("Set-Cookie")?.hasPrefix("linli_session=; Path=/dashboard; Max-Age=0") == true)
        let help = try await rig.get(try #require(out.header("Location")))
        #expect(help.status == 200 && help.text.contains(said), "\(help.text)")
        #expect(try await rig.get("/dashboard", cookie: session).status == 303, "the old cookie opens nothing")
        let other = try await rig.signIn("u-cap1")
        #expect(try await rig.get("/dashboard/logout", cookie: nil, method: .post).status == 303, "no session: nothing to end")
        #expect(try await rig.get("/dashboard", cookie: other).status == 200, "another's session stands")
    }

    /// The other language's link shows the same page with the same filters; the state
    /// filter offers each value once.
    @Test func theLanguageLinkKeepsThePageAndItsFilters() async throws {
        let rig = try DashboardRig()
        try rig.november()
        let session = try await rig.signIn("u-office")
        let order = try await rig.get("/dashboard/orders/R1?lang=en", cookie: session)
        #expect(order.status == 200 && order.text.contains(#"<a href="/dashboard/orders/R1?lang=zh">中文</a>"#), "\(order.text)")
        let list = try await rig.get("/dashboard/orders?state=open&building=b1", cookie: session)
        #expect(list.text.contains(#"<a href="/dashboard/orders?state=open&amp;building=b1&amp;lang=en">English</a>"#), "\(list.text)")
        let states = try #require(list.text.components(separatedBy: "<select name=\"state\">").last?.components(separatedBy: "</select>").first)
        let values = states.components(separatedBy: "<option value=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!values.isEmpty && Set(values).count == values.count, "\(values)")
    }

    /// The community page shows a captain their own buildings' wishes and visits, in
    /// words; a grid a captain's building is in shows that building.
    @Test func aCaptainSeesTheirOwnBuildingsOnly() async throws {
        let rig = try DashboardRig(also: ["wishes"])
        try rig.november()
        try rig.bot.say("心愿 想要一副老花镜", from: "u-li", at: "2026-11-28T09:00:00+08:00")
        try rig.bot.say("心愿 帮忙修收音机", from: "u-bo", at: "2026-11-28T09:01:00+08:00")
        let captain = try await rig.signIn("u-cap1")
        let page = try await rig.get("/dashboard/community", cookie: captain)
        #expect(page.text.contains("老花镜") && !page.text.contains("收音机"), "2栋's wish is not 1栋's captain's")
        #expect(page.text.contains("<td>待认领</td>") && !page.text.contains("<td>open</td>"), "the state in words")
        let office = try await rig.get("/dashboard/community?lang=en", cookie: try await rig.signIn("u-office"))
        #expect(office.text.contains("老花镜") && office.text.contains("收音机") && office.text.contains("<td>open</td>"))
        let grid = try await rig.get("/dashboard/orders?grid=g1", cookie: captain)
        #expect(grid.status == 200 && grid.text.contains(">R1<") && !grid.text.contains(">R3<"), "g1 as far as it is 1栋")
    }

    /// English pages name buildings, venues and services in English where the file gives it.
    @Test func englishPagesUseEnglishNames() async throws {
        let named = DashboardRig.community
            .replacingOccurrences(of: "{id: b1, name: 1栋,", with: "{id: b1, name: {zh: 1栋, en: Building 1},")
            .replacingOccurrences(of: "{id: pavilion, name: 凉亭,", with: "{id: pavilion, name: {zh: 凉亭, en: Pavilion},")
            .replacingOccurrences(of: "{id: umbrella, name: 爱心伞,", with: "{id: umbrella, name: {zh: 爱心伞, en: Umbrella},")
        #expect(["en: Building 1", "en: Pavilion", "en: Umbrella"].allSatisfy(named.contains), "three English names")
        let rig = try DashboardRig(community: named)
        try rig.november()
        let office = try await rig.signIn("u-office")
        let orders = try await rig.get("/dashboard/orders?lang=en", cookie: office).text
        #expect(orders.contains("Building 1") && !orders.contains("<td>1栋</td>"), "\(orders)")
        #expect(try await rig.get("/dashboard/bookings?lang=en", cookie: office).text.contains("Pavilion"))
        let services = try await rig.get("/dashboard/services?lang=en", cookie: office).text
        #expect(services.contains("<td>Umbrella</td>") && !services.contains("爱心伞"), "\(services)")
        #expect(try await rig.get("/dashboard/services", cookie: office).text.contains("爱心伞"), "Chinese pages keep the Chinese names")
        // The overview: a grid's rows are its buildings, a building's page is headed by its name.
        let grid = try await rig.get("/dashboard?grid=g1&lang=en", cookie: office).text
        #expect(grid.contains(">Building 1</a></td>") && !grid.contains(">1栋</a>"), "\(grid)")
        let building = try await rig.get("/dashboard?building=b1&lang=en", cookie: office).text
        #expect(building.contains("<h1>Building 1 · "), "\(building)")
        #expect(try await rig.get("/dashboard?grid=g1", cookie: office).text.contains(">1栋</a></td>"), "Chinese rows keep the Chinese names")
    }

    @Test func overHTTPSTheCookieIsSecure() async throws {
        let rig = try DashboardRig(community: DashboardRig.community.replacingOccurrences(of: "http://linli.test/", with: "https://linli.test/"))
        let text = try rig.bot.say("后台", from: "u-office", at: "2026-11-30T10:00:00+08:00").reply.text
        let start = try #require(text.range(of: "https://linli.test")).upperBound
        let answer = try await rig.get(String(text[start...].prefix { !$0.isWhitespace }))
        #expect(answer.header("Set-Cookie")?.contains("; Secure") == true)
    }

    @Test func aPageOutsideOnesScopeIs403() async throws {
        let rig = try DashboardRig()
        try rig.november()
        let captain = try await rig.signIn("u-cap1")
        #expect(try await rig.get("/dashboard?building=b2", cookie: captain).status == 403)
        #expect(try await rig.get("/dashboard/orders?grid=g2", cookie: captain).status == 403)
        #expect(try await rig.get("/dashboard/orders/R3", cookie: captain).status == 403, "R3 is 2栋's")
        #expect(try await rig.get("/dashboard/orders/R99", cookie: captain).status == 404)
        #expect(try await rig.get("/dashboard/orders?period=someday", cookie: captain).status == 400)
        let own = try await rig.get("/dashboard/orders", cookie: captain)
        #expect(own.text.contains("R1") && own.text.contains("R5") && !own.text.contains(">R3<") && !own.text.contains(">R4<"))
        let leader = try await rig.signIn("u-grid")
        let grid = try await rig.get("/dashboard/orders", cookie: leader)
        #expect(grid.text.contains(">R3<") && grid.text.contains("楼上装修到半夜"), "a private matter, shown to one who handles it")
        #expect(!grid.text.contains(">R4<"))
        #expect(try await rig.get("/dashboard?building=b3", cookie: leader).status == 403)
    }

    /// Every figure of the overview, as `stats` says it for the same person, place and period.
    @Test(arguments: [
        ("u-office", "", "month"), ("u-office", "b1", "2026-11"), ("u-grid", "", "month"), ("u-office", "", "all"), ("u-cap1", "", "2026-11"),
        ("u-cap3", "", "month"),
    ])
    func theOverviewSaysWhatStatsSays(user: String, building: String, period: String) async throws {
        let rig = try DashboardRig()
        try rig.november()
        let cookie = try await rig.signIn(user)
        let stats = try rig.bot.say("统计 \(building) \(period)", from: user, at: "2026-11-30T10:00:01+08:00").reply.text
        let html = try await rig.get("/dashboard?building=\(building)&period=\(period)", cookie: cookie).text
        let f = Self.figures(html)
        #expect(stats.contains("（共 \(try #require(f["total"]).value) 件）"), "\(stats)")
        for (key, label) in [("closure", "办结率"), ("satisfaction", "满意率"), ("rating", "参评率"), ("ontime", "按时签收率")] {
            let figure = try #require(f[key])
            #expect(stats.contains("\(label) \(figure.value)（\(figure.detail)）"), "\(key): \(figure) in \(stats)")
        }
        #expect(stats.contains("签收用时：中位 \(f["accept"]!.value)，\(f["accept"]!.detail)；"))
        #expect(stats.contains("办结用时：中位 \(f["resolve"]!.value)，\(f["resolve"]!.detail)"))
        #expect(stats.contains("超期 \(f["overdue"]!.value) 件"))
        let response = try #require(f["response"])
        let onTime = try #require(f["ontime"]).detail.split(separator: "/")[0]
        #expect(response.detail == "\(onTime)/\(f["total"]!.value)", "响应率 = accepted on time ÷ reports")
        for chip in Self.chips(html, "outcomes") { #expect(stats.contains(chip), "\(chip)") }
        for chip in Self.chips(html, "states") where chip != "—" { #expect(stats.contains(chip), "\(chip)") }
    }

    /// On PostgreSQL the pages, the CSV and Open311 are the same, byte for byte (issue 21).
    @Test func everyPageIsTheSameOnPostgreSQL() async throws {
        let (sqlite, postgres) = (try DashboardRig(), try DashboardRig(database: try TestPostgres.database()))
        var pages: [[String]] = []
        for rig in [sqlite, postgres] {
            try rig.november()
            let cookie = try await rig.signIn("u-office")
            var texts: [String] = []
            for path in [
                "/dashboard?period=month", "/dashboard?period=all&building=b1", "/dashboard/orders", "/dashboard/orders?state=open",
                "/dashboard/orders/R1", "/dashboard/export/orders.csv", "/dashboard/bookings", "/dashboard/services", "/dashboard/community",
                "/open311/v2/requests.json", "/open311/v2/services.json",
            ] {
                let answer = try await rig.get(path, cookie: cookie)
                texts.append("\(path) \(answer.status)\n\(answer.text)")
            }
            pages.append(texts)
        }
        #expect(pages[0].allSatisfy { $0.contains(" 200\n") }, "\(pages[0].map { $0.prefix(60) })")
        for (a, b) in zip(pages[0], pages[1]) { #expect(a == b) }
    }

    @Test func residentTextIsEscapedEverywhere() async throws {
        let rig = try DashboardRig()
        let hostile = #"<script>alert(1)</script><img src=x onerror=alert(2)>"#
        try rig.bot.say("报修 漏水 \(hostile)", from: "u-li", at: "2026-11-29T10:00:00+08:00")
        let cookie = try await rig.signIn("u-office")
        for path in ["/dashboard/orders", "/dashboard/orders/R1", "/dashboard"] {
            let text = try await rig.get(path, cookie: cookie).text
            #expect(!text.contains("<script") && !text.contains("<img"), "\(path)")
        }
        #expect(try await rig.get("/dashboard/orders/R1", cookie: cookie).text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func englishByTheAddressOrThePersonsLanguage() async throws {
        let rig = try DashboardRig()
        try rig.november()
        let cookie = try await rig.signIn("u-office")
        let zh = try await rig.get("/dashboard", cookie: cookie).text
        #expect(zh.contains("<html lang=\"zh-CN\">") && zh.contains("办结率") && zh.contains("近30天新增与办结"))
        let en = try await rig.get("/dashboard?lang=en", cookie: cookie).text
        #expect(en.contains("<html lang=\"en\">") && en.contains("Closure rate") && !en.contains("办结率"))
        #expect(en.contains("href=\"/dashboard/orders?lang=en\""), "links keep the language")
        #expect(en.contains("<svg viewBox=\"0 0 600 180\""), "the 30-day chart")
    }

    @Test func oneWorkOrderShowsItsHistoryAndClocks() async throws {
        let rig = try DashboardRig()
        try rig.november()
        let cookie = try await rig.signIn("u-office")
        let page = try await rig.get("/dashboard/orders/R4?lang=en", cookie: cookie).text
        #expect(page.contains("R4") && page.contains("Resolve by") && page.contains("2026-11-22 12:00"), "accepted 11-21 12:00 + 24h")
        #expect(page.contains("<ol class=\"timeline\">") && page.contains("accepted"))
        let rated = try await rig.get("/dashboard/orders/R2", cookie: cookie).text
        #expect(rated.contains("2/5"), "its rating")
    }

    @Test func theCSVIsUTF8WithABOMAndSafeFromFormulas() async throws {
        let rig = try DashboardRig()
        try rig.november()
        try rig.bot.say("报修 其他 =HYPERLINK(\"http://x.test\",\"点我\")", from: "u-bo", at: "2026-11-29T11:00:00+08:00")
        let cookie = try await rig.signIn("u-office")
        let zh = try await rig.get("/dashboard/export/orders.csv?period=all", cookie: cookie)
        #expect(zh.header("Content-Type") == "text/csv; charset=utf-8")
        let bytes = Array(zh.body.readableBytesView)
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        let lines = zh.text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 7 && lines[0].hasPrefix("编号,报修时间,类别"), "a header and one row per order")
        #expect(lines[1].hasPrefix("R6,") && lines[1].contains(#""'=HYPERLINK(""http://x.test"",""点我"")""#), "\(lines[1])")
        let en = try await rig.get("/dashboard/export/orders.csv?period=all&lang=en&building=b1", cookie: cookie).text
        let rows = en.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows[0].hasPrefix("id,reported,category") && rows.count == 4, "R1, R2, R5 of 1栋")
    }

    /// `data-k` figures: key → (value, detail).
    static func figures(_ html: String) -> [String: (value: String, detail: String)] {
        var out: [String: (String, String)] = [:]
        for part in html.components(separatedBy: "<div class=\"fig\" data-k=\"").dropFirst() {
            let key = String(part.prefix { $0 != "\"" })
            func inner(_ cls: String) -> String {
                guard let r = part.range(of: "<div class=\"\(cls)\">") else { return "" }
                return String(part[r.upperBound...].prefix { $0 != "<" })
            }
            out[key] = (inner("v"), inner("n"))
        }
        return out
    }

    static func chips(_ html: String, _ key: String) -> [String] {
        guard let r = html.range(of: "data-k=\"\(key)\">") else { return [] }
        let list = html[r.upperBound...].prefix { $0 != "/" || true }
        let end = list.range(of: "</ul>")!.lowerBound
        return list[..<end].components(separatedBy: "<li>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }
}

/// DASHBOARD.md §2: the services page lists the loans out, an overdue one marked and
/// counted (it listed none: its query left loans out).
@Suite struct LoansOnTheServicesPageTests {
    @Test func loansOutAndOverdueAreListed() async throws {
        let rig = try DashboardRig(also: ["services"])
        #expect(try rig.bot.say("借 伞", from: "u-li", at: "2026-11-24T09:00:00+08:00").reply.ok)
        #expect(try rig.bot.say("借 伞", from: "u-bo", at: "2026-11-29T09:00:00+08:00").reply.ok)
        let office = try await rig.signIn("u-office")
        let page = try await rig.get("/dashboard/services", cookie: office).text
        #expect(page.contains("S1") && page.contains("S2") && page.contains("（逾期）"), "\(page)")
        #expect(page.components(separatedBy: "（逾期）").count == 2, "only the loan due on the 27th is late: \(page)")
        #expect(page.contains("<td>爱心伞</td><td>2</td><td>2</td><td>1</td>"), "stock 2, out 2, overdue 1: \(page)")
    }
}

/// A staff member who reads English gets the pages' refusals in English too (they were
/// Chinese unless the address said `?lang=en`); resident text loses its bidirectional
/// controls on the pages, in the CSV and in Open311, as in robot pushes (a phone number
/// could read reversed).
@Suite struct StaffPagesReadAsWrittenTests {
    @Test func refusalsAreInTheReadersLanguage() async throws {
        let english = DashboardRig.community.replacingOccurrences(
            of: "{id: u-office, name: 王主任, roles: [staff]}", with: "{id: u-office, name: 王主任, roles: [staff], lang: en}")
        #expect(english != DashboardRig.community)
        let rig = try DashboardRig(community: english)
        let office = try await rig.signIn("u-office")
        let missing = try await rig.get("/dashboard/orders/R99", cookie: office)
        #expect(missing.status == 404 && missing.text.contains("There is no") && !missing.text.contains("没有"), "\(missing.text)")
        #expect(try await rig.get("/dashboard/orders/R99?lang=zh", cookie: office).text.contains("没有"))
    }

    @Test func bidirectionalControlsAreDropped() async throws {
        let rig = try DashboardRig()
        try rig.bot.say("报修 其他 楼道堆物 电话\u{202E}8765 4321\u{202C}", from: "u-li", at: "2026-11-28T10:00:00+08:00")
        let office = try await rig.signIn("u-office")
        for path in ["/dashboard/orders", "/dashboard/orders/R1", "/dashboard/export/orders.csv", "/open311/v2/requests.json"] {
            let text = try await rig.get(path, cookie: office).text
            #expect(text.contains("楼道堆物") && !text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x202C }, "\(path)")
        }
    }
}
