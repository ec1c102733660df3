import LinliBot
import LinliCore

/// `/dashboard/orders` and `/dashboard/orders/R12`.
enum OrdersPage {
    static func render(_ list: DashboardOrders, _ q: DashboardQuery, _ c: PageContext) -> String {
        let e = HTML.escape
        var body = "<h1>\(e(c.say("工单", "Work orders"))) · \(e(list.place)) (\(list.total))</h1>"
        body += filters(list, q, c)
        body += list.orders.isEmpty ? "<p class=\"note\">\(e(c.say("没有符合条件的工单。", "No work orders match.")))</p>" : table(list.orders, c)
        func link(_ page: Int) -> String { c.href("/dashboard/orders", query(q) + [("page", String(page))]) }
        body += "<div class=\"pager\">"
        if list.page > 1 { body += "<a href=\"\(e(link(list.page - 1)))\">← \(e(c.say("上一页", "Newer")))</a>" }
        body += "<span>\(list.page)/\(list.pages)</span>"
        if list.page < list.pages { body += "<a href=\"\(e(link(list.page + 1)))\">\(e(c.say("下一页", "Older"))) →</a>" }
        body += "</div><p><a href=\"\(e(c.href("/dashboard/export/orders.csv", query(q))))\">\(e(c.say("导出 CSV", "Export as CSV")))</a></p>"
        return c.page(c.say("工单", "Work orders"), here: "/dashboard/orders", body)
    }

    /// The filters a list was asked for, as query pairs.
    static func query(_ q: DashboardQuery) -> [(String, String)] {
        [
            ("state", q.state ?? ""), ("building", q.building ?? ""), ("grid", q.grid ?? ""), ("category", q.category ?? ""),
            ("period", q.period ?? ""), ("overdue", q.overdue ? "1" : ""),
        ]
    }

    static func table(_ orders: [DashboardOrderLine], _ c: PageContext) -> String {
        let e = HTML.escape
        var html = "<div class=\"scroll\"><table><thead><tr><th>\(e(c.say("编号", "No.")))</th><th>\(e(c.say("报修时间", "Reported")))</th>"
        html += "<th>\(e(c.say("类别", "Category")))</th><th>\(e(c.say("位置", "Where")))</th><th>\(e(c.say("状态", "State")))</th>"
        html += "<th>\(e(c.say("处理人", "Handler")))</th><th>\(e(c.say("内容", "Details")))</th></tr></thead><tbody>"
        for o in orders {
            html +=
                "<tr><td><a href=\"\(e(c.href("/dashboard/orders/\(o.id)")))\">\(e(o.id))</a></td><td>\(e(o.reported))</td><td>\(e(o.category))</td>"
            html +=
                "<td>\(e(o.building)) \(e(o.place))</td><td>\(e(o.state))\(o.overdue ? " <span class=\"late\">\(e(c.say("超期", "overdue")))</span>" : "")</td>"
            html += "<td>\(e(o.assignee))</td><td>\(e(String(o.details.prefix(60))))</td></tr>"
        }
        return html + "</tbody></table></div>"
    }

    private static func filters(_ list: DashboardOrders, _ q: DashboardQuery, _ c: PageContext) -> String {
        let e = HTML.escape
        func select(_ name: String, _ label: String, _ options: [(String, String)], _ current: String?) -> String {
            var html = "<label>\(e(label))<select name=\"\(name)\"><option value=\"\">\(e(c.say("全部", "all")))</option>"
            for (value, text) in options {
                html += "<option value=\"\(e(value))\"\(value == current ? " selected" : "")>\(e(text))</option>"
            }
            return html + "</select></label>"
        }
        let states =
            [("open", c.say("未办结", "open")), ("closed", c.say("已结束", "closed"))]
            // `closed` names all that ended above; the state of that name is one of them.
            + WorkOrderState.allCases.filter { $0 != .closed }.map { ($0.rawValue, $0.label(c.lang)) }
        let periods = [
            ("today", c.say("今天", "today")), ("week", c.say("本周", "this week")), ("month", c.say("本月", "this month")),
            ("30d", c.say("近30天", "30 days")),
        ]
        var html = "<form class=\"filters\" method=\"get\" action=\"/dashboard/orders\">"
        html += select("state", c.say("状态", "State"), states, q.state)
        html += select("building", c.say("楼栋", "Building"), list.buildings.map { ($0.id, $0.name) }, q.building)
        html += select("grid", c.say("网格", "Grid"), list.grids.map { ($0.id, $0.name) }, q.grid)
        html += select("category", c.say("类别", "Category"), list.categories.map { ($0.id, $0.name) }, q.category)
        html += select("period", c.say("时段", "Period"), periods, q.period)
        html +=
            "<label>\(e(c.say("只看超期", "Overdue only")))<input type=\"checkbox\" name=\"overdue\" value=\"1\"\(q.overdue ? " checked" : "")></label>"
        if c.chosen { html += "<input type=\"hidden\" name=\"lang\" value=\"\(c.lang.rawValue)\">" }
        return html + "<button>\(e(c.say("筛选", "Filter")))</button></form>"
    }

    static func detail(_ d: DashboardOrderDetail, _ c: PageContext) -> String {
        let e = HTML.escape
        let o = d.line
        var body = "<h1>\(e(o.id)) \(e(o.category)) · \(e(o.building)) \(e(o.place))</h1>"
        if d.isPrivate { body += "<p class=\"note\">\(e(c.say("私密事项：不在群里公开。", "A private matter: never shown in a group.")))</p>" }
        let facts: [(String, String)] = [
            (c.say("状态", "State"), o.state + (o.overdue ? c.say("（超期）", " (overdue)") : "")), (c.say("内容", "Details"), o.details),
            (c.say("报修人", "Reported by"), d.reporter + (d.household.isEmpty ? "" : " (\(d.household))")),
            (c.say("报修时间", "Reported"), o.reported), (c.say("处理人", "Handler"), o.assignee), (c.say("优先级", "Priority"), d.priority),
            (c.say("签收", "Accepted"), o.accepted), (c.say("办结", "Resolved"), o.resolved), (c.say("结果", "Result"), o.result),
            (c.say("评价", "Rating"), o.rating.isEmpty ? "" : "\(o.rating)/5 \(d.comment)"), (c.say("外部编号", "External ref"), d.externalRef),
            (c.say("关注户数", "Following households"), d.followers == 0 ? "" : String(d.followers)),
        ]
        body += "<dl class=\"facts\">" + facts.filter { !$0.1.isEmpty }.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>" }.joined() + "</dl>"
        body += "<h2>\(e(c.say("时限", "Clocks")))</h2>"
        body +=
            d.clocks.isEmpty
            ? "<p class=\"note\">\(e(c.say("没有在走的时限。", "No clock is running.")))</p>"
            : "<ul class=\"chips\">"
                + d.clocks.map { "<li\($0.passed ? " class=\"late\"" : "")>\(e($0.label)) \(e($0.at))</li>" }.joined() + "</ul>"
        body += "<h2>\(e(c.say("处理经过", "History")))</h2><ol class=\"timeline\">"
        for s in d.timeline {
            body += "<li><time>\(e(s.at))</time>\(e(s.actor)) \(e(s.action))\(s.detail.isEmpty ? "" : c.say("：", ": ") + e(s.detail))</li>"
        }
        body += "</ol><p><a href=\"\(e(c.href("/dashboard/orders")))\">← \(e(c.say("返回工单列表", "All work orders")))</a></p>"
        return c.page("\(o.id)", here: "/dashboard/orders", body)
    }
}
