import LinliBot
import LinliCore

/// `/dashboard`: the figures, the states, thirty days, what is overdue, and a row per building or grid.
enum OverviewPage {
    static func render(_ o: DashboardOverview, _ q: DashboardQuery, _ c: PageContext) -> String {
        let e = HTML.escape
        var body = "<h1>\(e(o.place)) · \(e(o.period))</h1>"
        body += periodLinks(q, c)
        body += #"<section class="figs" aria-label="\#(e(c.say("指标", "Figures")))">"#
        for f in o.figures {
            body += #"<div class="fig" data-k="\#(e(f.key))"><div class="k">\#(e(f.label))</div><div class="v">\#(e(f.value))</div>"#
            body += #"<div class="n">\#(e(f.detail))</div>\#(f.share != nil || f.key.hasSuffix("rate") ? Charts.rate(f.share) : "")</div>"#
        }
        body += "</section>"
        body += "<h2>\(e(c.say("办结构成", "Outcomes")))</h2><ul class=\"chips\" data-k=\"outcomes\">"
        body += o.outcomes.map { "<li>\(e($0.label)) \($0.count)</li>" }.joined()
        body += "</ul><h2>\(e(c.say("按状态", "By state")))</h2><ul class=\"chips\" data-k=\"states\">"
        body += o.states.isEmpty ? "<li>—</li>" : o.states.map { "<li>\(e($0.label)) \($0.count)</li>" }.joined()
        body += "</ul>"
        let (opened, resolved) = (c.say("新增", "opened"), c.say("办结", "resolved"))
        body += "<h2>\(e(c.say("近30天新增与办结", "The last 30 days: opened and resolved")))</h2>"
        body += #"<div class="chart">\#(Charts.days(o.days, opened: opened, resolved: resolved))</div>"#
        body +=
            #"<p class="legend"><svg width="10" height="10"><rect class="sw-open" width="10" height="10"/></svg> \#(e(opened)) \#(o.days.map(\.opened).reduce(0, +)) "#
        body +=
            #"<svg width="10" height="10"><rect class="sw-done" width="10" height="10"/></svg> \#(e(resolved)) \#(o.days.map(\.resolved).reduce(0, +))</p>"#
        body += "<h2>\(e(c.say("超期未办", "Overdue and still open"))) (\(o.overdue.count))</h2>"
        body += o.overdue.isEmpty ? "<p class=\"note\">\(e(c.say("没有超期工单。", "Nothing is overdue.")))</p>" : OrdersPage.table(o.overdue, c)
        body += "<h2>\(e(o.rowsAreGrids ? c.say("各网格", "By grid") : c.say("各楼栋", "By building")))</h2>"
        body += #"<div class="bars">\#(Charts.bars(o.rows))</div>"#
        body += "<div class=\"scroll\"><table><thead><tr><th>\(e(o.rowsAreGrids ? c.say("网格", "Grid") : c.say("楼栋", "Building")))</th>"
        body += "<th>\(e(c.say("报修", "Reports")))</th><th>\(e(c.say("办结率", "Closure")))</th><th>\(e(c.say("满意率", "Satisfaction")))</th>"
        body += "<th>\(e(c.say("超期", "Overdue")))</th></tr></thead><tbody>"
        for r in o.rows {
            let link = c.href(
                "/dashboard", [(String(r.query.split(separator: "=")[0]), String(r.query.split(separator: "=")[1])), ("period", o.periodToken)])
            body += "<tr><td><a href=\"\(e(link))\">\(e(r.name))</a></td><td>\(r.total)</td><td>\(e(r.closure)) (\(r.done)/\(r.counted))</td>"
            body += "<td>\(e(r.satisfaction))</td><td>\(r.overdue)</td></tr>"
        }
        body += "</tbody></table></div>"
        let csv = c.href("/dashboard/export/orders.csv", [("building", q.building ?? ""), ("grid", q.grid ?? ""), ("period", o.periodToken)])
        body += "<p><a href=\"\(e(csv))\">\(e(c.say("导出本时段工单 CSV", "Export this period's work orders as CSV")))</a></p>"
        return c.page(c.say("概览", "Overview"), here: "/dashboard", body)
    }

    /// Today · this week · this month · last 30 days · all, for the same place.
    static func periodLinks(_ q: DashboardQuery, _ c: PageContext) -> String {
        let periods = [
            ("today", c.say("今天", "today")), ("week", c.say("本周", "this week")), ("month", c.say("本月", "this month")),
            ("30d", c.say("近30天", "30 days")), ("all", c.say("全部", "all")),
        ]
        let links = periods.map { token, label in
            "<li><a href=\"\(HTML.escape(c.href("/dashboard", [("building", q.building ?? ""), ("grid", q.grid ?? ""), ("period", token)])))\">\(HTML.escape(label))</a></li>"
        }
        return "<ul class=\"chips\">\(links.joined())</ul>"
    }
}
