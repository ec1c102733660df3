import LinliBot
import LinliCore
import LinliWebhooks

/// The work orders as CSV: UTF-8 with a byte-order mark (spreadsheet programs then
/// read the Chinese), CRLF lines, columns named in the page's language, and no cell
/// a spreadsheet would run as a formula.
enum CSV {
    static func orders(_ orders: [DashboardOrderLine], _ c: PageContext) -> String {
        let header = [
            c.say("编号", "id"), c.say("报修时间", "reported"), c.say("类别", "category"), c.say("楼栋", "building"), c.say("位置", "place"),
            c.say("状态", "state"), c.say("处理人", "handler"), c.say("超期", "overdue"), c.say("内容", "details"), c.say("签收时间", "accepted"),
            c.say("办结时间", "resolved"), c.say("结果", "result"), c.say("评价", "rating"),
        ]
        var out = "\u{FEFF}" + line(header)
        for o in orders {
            out += line([
                o.id, o.reported, o.category, o.building, o.place, o.state, o.assignee, o.overdue ? c.say("是", "yes") : "", o.details, o.accepted,
                o.resolved, o.result, o.rating,
            ])
        }
        return out
    }

    static func line(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") + "\r\n" }

    /// A cell quoted when it must be; one that starts like a formula gets a leading `'`.
    static func cell(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.contains(where: { WebhookFormatter.bidiControls.contains($0.value) }) {
            text = WebhookFormatter.neutralised(text, for: .generic, markdown: false)  // bidirectional controls dropped
        }
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
