import Foundation
import HTTPTypes
import Hummingbird
import LinliBot
import LinliCore
import Synchronization

/// The staff pages (DASHBOARD.md): sign-in by a one-time link, then a session cookie;
/// every page rendered on the server, nothing loaded from another host.
public enum DashboardRoutes {
    /// The session cookie's name.
    static let cookie = "linli_session"

    /// Adds `/dashboard…` to `router`.
    public static func add(to router: Router<BasicRequestContext>, gate: EngineGate) {
        router.get("dashboard/style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: HTML.style)))
        }
        router.get("dashboard/login") { request, _ in try await login(request, gate) }
        router.post("dashboard/logout") { request, _ in
            if let session = request.cookies[cookie]?.value {
                try await gate.withDashboard { try $0.signOut(session: session) }
            }
            var response = redirect("/dashboard/login?out=1" + (language(request).map { "&lang=\($0.rawValue)" } ?? ""))
            response.headers[.setCookie] = "\(cookie)=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Strict"
            return response
        }
        page(router, "dashboard", gate) { request, _, c, d in
            OverviewPage.render(try d.overview(c.viewer, query(request), lang: c.lang), query(request), c)
        }
        page(router, "dashboard/orders", gate) { request, _, c, d in
            OrdersPage.render(try d.orders(c.viewer, query(request), lang: c.lang), query(request), c)
        }
        page(router, "dashboard/orders/:id", gate) { _, context, c, d in
            let id = context.parameters.get("id") ?? ""
            guard let rid = RecordID(parsing: Substring(id)), rid.kind == .workOrder else {
                throw LinliError(.notFound, zh: "没有这张工单。", en: "There is no such work order.")
            }
            return OrdersPage.detail(try d.order(c.viewer, number: rid.number, lang: c.lang), c)
        }
        page(router, "dashboard/bookings", gate) { request, _, c, d in
            BoardPages.bookings(try d.bookings(c.viewer, week: query(request).week, lang: c.lang), c)
        }
        page(router, "dashboard/services", gate) { _, _, c, d in
            BoardPages.services(try d.services(c.viewer, lang: c.lang), c)
        }
        page(router, "dashboard/community", gate) { _, _, c, d in
            BoardPages.community(try d.community(c.viewer, lang: c.lang), c)
        }
        router.get("dashboard/export/orders.csv") { request, _ in
            guard let session = request.cookies[cookie]?.value else { return redirect("/dashboard/login") }
            let q = query(request)
            let asked = language(request)
            let reader = Mutex<Lang?>(asked)  // a refusal is in the viewer's language too
            do {
                let csv = try await gate.withDashboard { d -> String? in
                    guard let viewer = try d.viewer(session: session) else { return nil }
                    reader.withLock { $0 = $0 ?? viewer.lang }
                    let c = PageContext(viewer: viewer, lang: asked ?? viewer.lang, chosen: asked != nil)
                    return CSV.orders(try d.orders(viewer, q, lang: c.lang, limit: 100_000).orders, c)
                }
                guard let csv else { return redirect("/dashboard/login") }
                var headers = secureHeaders("text/csv; charset=utf-8")
                headers[.contentDisposition] = "attachment; filename=\"linli-orders.csv\""
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: csv)))
            } catch let error as LinliError {
                return refusal(error, reader.withLock { $0 } ?? .zh)
            }
        }
    }

    /// A page that needs a session: without one, a redirect to the sign-in help.
    private static func page(
        _ router: Router<BasicRequestContext>, _ path: String, _ gate: EngineGate,
        _ render: @escaping @Sendable (Request, BasicRequestContext, PageContext, Dashboard) throws -> String
    ) {
        router.get(RouterPath(path)) { request, context in
            guard let session = request.cookies[cookie]?.value else { return redirect("/dashboard/login") }
            let asked = language(request)
            let reader = Mutex<Lang?>(asked)
            do {
                let html = try await gate.withDashboard { d -> String? in
                    guard let viewer = try d.viewer(session: session) else { return nil }
                    reader.withLock { $0 = $0 ?? viewer.lang }
                    let query = request.uri.queryParameters.filter { $0.key != "lang" }.map { (String($0.key), String($0.value)) }
                    let c = PageContext(viewer: viewer, lang: asked ?? viewer.lang, chosen: asked != nil, path: request.uri.path, query: query)
                    return try render(request, context, c, d)
                }
                guard let html else { return redirect("/dashboard/login") }
                return Response(status: .ok, headers: secureHeaders("text/html; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: html)))
            } catch let error as LinliError {
                return refusal(error, reader.withLock { $0 } ?? .zh)
            }
        }
    }

    /// `/dashboard/login?token=…`: a session and a redirect, or the page that says how to get a link.
    private static func login(_ request: Request, _ gate: EngineGate) async throws -> Response {
        let lang = language(request) ?? .zh
        guard let token = request.uri.queryParameters["token"].map(String.init), !token.isEmpty else {
            return help(lang, status: .ok, expired: false, signedOut: request.uri.queryParameters["out"] != nil)
        }
        let (session, secure) = try await gate.withDashboard { d in
            (try d.signIn(token: token), d.publicURL?.lowercased().hasPrefix("https://") == true)
        }
        guard let session else { return help(lang, status: .unauthorized, expired: true) }
        let next = request.uri.queryParameters["next"].map(String.init).flatMap { $0.hasPrefix("/dashboard") && !$0.hasPrefix("//") ? $0 : nil }
        var response = redirect(next ?? "/dashboard")
        let lifetime = Dashboard.sessionLifetime.milliseconds / 1000
        response.headers[.setCookie] =
            "\(cookie)=\(session); Path=/dashboard; Max-Age=\(lifetime); HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")"
        return response
    }

    private static func help(_ lang: Lang, status: HTTPResponse.Status, expired: Bool, signedOut: Bool = false) -> Response {
        let say = { (zh: String, en: String) in lang == .zh ? zh : en }
        var body = "<h1>\(HTML.escape(say("登录后台", "Signing in to the staff pages")))</h1>"
        if signedOut {
            body += "<p>\(HTML.escape(say("已退出登录。", "You are signed out.")))</p>"
        }
        if expired {
            body += "<p class=\"late\">\(HTML.escape(say("这个链接已用过或已过期。", "This link was used already or has expired.")))</p>"
        }
        body +=
            "<p>\(HTML.escape(say("请私信 Linli 发送“后台”，机器人会私信发来一个登录链接：10分钟内有效，只能用一次。", "Send “dashboard” to Linli in a private chat: the bot answers with a link that works once, within 10 minutes.")))</p>"
        body +=
            "<p class=\"note\">\(HTML.escape(say("后台只对社区工作人员、网格长和楼栋长开放。", "The staff pages are for the community office, grid leaders and building captains.")))</p>"
        let html = HTML.page(
            title: say("登录后台", "Sign in") + " · Linli", lang: lang, nav: "<nav><a href=\"/dashboard/login\">Linli</a></nav>", body: body)
        return Response(status: status, headers: secureHeaders("text/html; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    private static func refusal(_ error: LinliError, _ lang: Lang) -> Response {
        let status: HTTPResponse.Status =
            switch error.code {
            case .forbidden: .forbidden
            case .notFound: .notFound
            default: .badRequest
            }
        let text = error.message(lang)
        let html = HTML.page(
            title: "\(status.code) · Linli", lang: lang, nav: "<nav><a href=\"/dashboard\">Linli</a></nav>",
            body: "<h1>\(status.code)</h1><p>\(HTML.escape(text))</p>")
        return Response(status: status, headers: secureHeaders("text/html; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = secureHeaders("text/plain; charset=utf-8")
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// Every answer of the pages: nothing from another host, not framed, not cached, no referrer.
    static func secureHeaders(_ type: String) -> HTTPFields {
        [
            .contentType: type, .contentSecurityPolicy: "default-src 'self'", HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("X-Frame-Options")!: "DENY", HTTPField.Name("Referrer-Policy")!: "no-referrer", .cacheControl: "no-store",
        ]
    }

    /// `?lang=en|zh`, if the address chose.
    static func language(_ request: Request) -> Lang? {
        request.uri.queryParameters["lang"].flatMap { Lang(rawValue: String($0)) }
    }

    static func query(_ request: Request) -> DashboardQuery {
        let p = request.uri.queryParameters
        func value(_ name: String) -> String? {
            p[Substring(name)].map { String($0).replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces) }.flatMap {
                $0.isEmpty ? nil : $0
            }
        }
        var q = DashboardQuery()
        (q.building, q.grid, q.period, q.state, q.category, q.week) =
            (value("building"), value("grid"), value("period"), value("state"), value("category"), value("week"))
        q.overdue = ["1", "true", "on", "yes"].contains(value("overdue") ?? "")
        q.page = value("page").flatMap(Int.init) ?? 1
        return q
    }
}
