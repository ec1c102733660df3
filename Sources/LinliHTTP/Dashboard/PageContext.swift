import Foundation
import LinliBot
import LinliCore

/// What every page knows: who reads it, in which language, and how links keep that language.
struct PageContext {
    let viewer: DashboardViewer
    let lang: Lang
    /// Whether the address chose the language (`?lang=en`): then links keep it.
    let chosen: Bool
    /// The page's own address, without `lang`: what the other language's link shows.
    var path = "/dashboard"
    var query: [(String, String)] = []

    /// A link to `path` with `query` (already escaped pairs), keeping a chosen language.
    func href(_ path: String, _ query: [(String, String)] = []) -> String {
        var pairs = query.filter { !$0.1.isEmpty }
        if chosen { pairs.append(("lang", lang.rawValue)) }
        guard !pairs.isEmpty else { return path }
        return path + "?" + pairs.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? value
    }

    func say(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    /// The navigation bar, `here` marked.
    func nav(_ here: String) -> String {
        let items = [
            ("/dashboard", say("概览", "Overview")), ("/dashboard/orders", say("工单", "Work orders")),
            ("/dashboard/bookings", say("预约", "Bookings")), ("/dashboard/services", say("服务", "Services")),
            ("/dashboard/community", say("社区", "Community")),
        ]
        var html = "<nav>"
        for (path, label) in items {
            html += #"<a href="\#(HTML.escape(href(path)))"\#(path == here ? #" class="here""# : "")>\#(HTML.escape(label))</a>"#
        }
        // The same page, filters and all, in the other language.
        let other = lang == .zh ? Lang.en : .zh
        let same = path + "?" + (query + [("lang", other.rawValue)]).map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
        html += #"<a href="\#(HTML.escape(same))">\#(other == .en ? "English" : "中文")</a>"#
        html += #"<span class="who">\#(HTML.escape(viewer.name))</span>"#
        // A form, not a link: a sign-out is a change, and a page elsewhere cannot post it (SameSite=Strict).
        html += #"<form class="out" method="post" action="/dashboard/logout"><button>\#(HTML.escape(say("退出登录", "Sign out")))</button></form></nav>"#
        return html
    }

    func page(_ title: String, here: String, _ body: String) -> String {
        HTML.page(title: "\(title) · Linli", lang: lang, nav: nav(here), body: body)
    }
}
