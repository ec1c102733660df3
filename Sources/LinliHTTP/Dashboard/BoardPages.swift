import LinliBot
import LinliCore

/// `/dashboard/bookings`, `/dashboard/services`, `/dashboard/community`: headings and tables.
enum BoardPages {
    static func bookings(_ b: DashboardBoard, _ c: PageContext) -> String {
        var links = "<div class=\"pager\">"
        if let p = b.previous {
            links += "<a href=\"\(HTML.escape(c.href("/dashboard/bookings", [("week", p)])))\">← \(HTML.escape(c.say("上一周", "Week before")))</a>"
        }
        if let n = b.next {
            links += "<a href=\"\(HTML.escape(c.href("/dashboard/bookings", [("week", n)])))\">\(HTML.escape(c.say("下一周", "Week after"))) →</a>"
        }
        return c.page(c.say("预约", "Bookings"), here: "/dashboard/bookings", "<h1>\(HTML.escape(b.title))</h1>" + links + "</div>" + tables(b, c))
    }

    static func services(_ b: DashboardBoard, _ c: PageContext) -> String {
        c.page(c.say("服务", "Services"), here: "/dashboard/services", "<h1>\(HTML.escape(b.title))</h1>" + tables(b, c))
    }

    static func community(_ b: DashboardBoard, _ c: PageContext) -> String {
        c.page(c.say("社区", "Community"), here: "/dashboard/community", "<h1>\(HTML.escape(b.title))</h1>" + tables(b, c))
    }

    static func tables(_ b: DashboardBoard, _ c: PageContext) -> String {
        let e = HTML.escape
        return b.tables.map { t in
            var html = "<h2>\(e(t.title))</h2>"
            guard !t.rows.isEmpty else { return html + "<p class=\"note\">\(e(c.say("暂无。", "Nothing yet.")))</p>" }
            html += "<div class=\"scroll\"><table><thead><tr>" + t.columns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
            html += t.rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }.joined()
            return html + "</tbody></table></div>"
        }.joined()
    }
}
