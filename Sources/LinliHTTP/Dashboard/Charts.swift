import LinliBot

/// Charts as inline SVG: nothing to load, nothing from another host.
enum Charts {
    /// A thin bar showing a rate (0…1); empty for no rate.
    static func rate(_ share: Double?) -> String {
        let width = ((share ?? 0) * 100).clamped(0, 100)
        return #"<svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true"><rect class="sw-bg" width="100" height="6"/>"#
            + #"<rect class="sw-done" width="\#(format(width))" height="6"/></svg>"#
    }

    /// Reports opened and resolved on each of the days, side by side.
    static func days(_ days: [DashboardOverview.Day], opened: String, resolved: String) -> String {
        let (width, height, top, bottom) = (600.0, 180.0, 10.0, 24.0)
        let peak = max(1, days.map { max($0.opened, $0.resolved) }.max() ?? 1)
        let step = width / Double(max(days.count, 1))
        let bar = max(1, step / 2 - 1)
        func h(_ n: Int) -> Double { (height - top - bottom) * Double(n) / Double(peak) }
        var svg =
            #"<svg viewBox="0 0 \#(format(width)) \#(format(height))" role="img" aria-label="\#(HTML.escape(opened)) / \#(HTML.escape(resolved))">"#
        svg += #"<line x1="0" y1="\#(format(height - bottom))" x2="\#(format(width))" y2="\#(format(height - bottom))" class="axis"/>"#
        svg += #"<text x="2" y="\#(format(top + 2))" font-size="11" class="lbl">\#(peak)</text>"#
        for (i, d) in days.enumerated() {
            let x = Double(i) * step
            svg += "<g><title>\(HTML.escape(d.label))：\(HTML.escape(opened)) \(d.opened)，\(HTML.escape(resolved)) \(d.resolved)</title>"
            svg +=
                #"<rect class="sw-open" x="\#(format(x + 1))" y="\#(format(height - bottom - h(d.opened)))" width="\#(format(bar))" height="\#(format(h(d.opened)))"/>"#
            svg +=
                #"<rect class="sw-done" x="\#(format(x + 1 + bar))" y="\#(format(height - bottom - h(d.resolved)))" width="\#(format(bar))" height="\#(format(h(d.resolved)))"/></g>"#
            if i == days.count - 1 {
                svg +=
                    #"<text x="\#(format(width - 1))" y="\#(format(height - 6))" font-size="11" class="lbl" text-anchor="end">\#(HTML.escape(d.label))</text>"#
            } else if i % 5 == 0 && i < days.count - 3 {
                svg += #"<text x="\#(format(x + 1))" y="\#(format(height - 6))" font-size="11" class="lbl">\#(HTML.escape(d.label))</text>"#
            }
        }
        return svg + "</svg>"
    }

    /// A bar per building or grid: all its reports, the part done in front.
    static func bars(_ rows: [DashboardOverview.Row]) -> String {
        let (label, area, rowHeight) = (80.0, 180.0, 26.0)
        let peak = max(1, rows.map(\.total).max() ?? 1)
        var svg = #"<svg viewBox="0 0 360 \#(format(rowHeight * Double(max(rows.count, 1)) + 4))" role="img">"#
        for (i, r) in rows.enumerated() {
            let y = Double(i) * rowHeight + 4
            let all = area * Double(r.total) / Double(peak)
            let done = area * Double(r.done) / Double(peak)
            svg += "<g><title>\(HTML.escape(r.name))：\(r.done)/\(r.total)</title>"
            svg += #"<text x="0" y="\#(format(y + 15))" font-size="13" class="name">\#(HTML.escape(r.name))</text>"#
            svg += #"<rect class="sw-bg" x="\#(format(label))" y="\#(format(y))" width="\#(format(max(all, 1)))" height="18"/>"#
            svg += #"<rect class="sw-done" x="\#(format(label))" y="\#(format(y))" width="\#(format(done))" height="18"/>"#
            svg +=
                #"<text x="\#(format(label + max(all, 1) + 6))" y="\#(format(y + 14))" font-size="12" class="lbl">\#(r.done)/\#(r.total) · \#(HTML.escape(r.closure))</text></g>"#
        }
        return svg + "</svg>"
    }

    static func format(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}

extension Double {
    fileprivate func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}
