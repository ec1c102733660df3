import LinliCore
import LinliWebhooks

/// Building HTML by hand: every piece of text goes through `escape`.
enum HTML {
    /// Text as it may stand in an element or a quoted attribute; bidirectional controls
    /// dropped, as for robots (a phone number or a room could read reversed).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars where !WebhookFormatter.bidiControls.contains(c.value) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A whole page: the shared style sheet (same host), the navigation, `body`.
    static func page(title: String, lang: Lang, nav: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(lang == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="/dashboard/style.css">
        </head>
        <body>
        \(nav)
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    /// The pages' style sheet: one column on a phone, no fonts or images from elsewhere.
    static let style = """
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1d2430;background:#f5f6f8}
        nav{display:flex;flex-wrap:wrap;gap:.25rem .9rem;padding:.6rem 1rem;background:#174a7c}
        nav a{color:#fff;text-decoration:none;white-space:nowrap}
        nav a.here{font-weight:700;text-decoration:underline}
        nav .who{margin-left:auto;color:#cfe0f2;font-size:.85rem}
        nav form.out{margin:0}nav form.out button{background:none;border:1px solid #cfe0f2;border-radius:.3rem;color:#fff;font-size:.8rem;padding:0 .4rem}
        main{max-width:64rem;margin:0 auto;padding:1rem}
        h1{font-size:1.3rem;margin:.2rem 0 .8rem}
        h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
        .figs{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.6rem}
        .fig{background:#fff;border-radius:.5rem;padding:.6rem .7rem;box-shadow:0 1px 2px #0002}
        .fig .k{font-size:.8rem;color:#556}
        .fig .v{font-size:1.35rem;font-weight:700}
        .fig .n{font-size:.8rem;color:#556}
        .fig svg{display:block;width:100%;height:6px;margin-top:.3rem}
        .chart svg,.bars svg{width:100%;height:auto;background:#fff;border-radius:.5rem}
        .legend{font-size:.8rem;color:#556}
        .axis{stroke:#99a}.lbl{fill:#556}.name{fill:#1d2430}
        .sw-open{fill:#2f7dd1}.sw-done{fill:#36a269}.sw-bg{fill:#e3e7ee}.sw-late{fill:#d1453b}
        table{width:100%;border-collapse:collapse;background:#fff;font-size:.9rem}
        th,td{padding:.35rem .45rem;border-bottom:1px solid #e3e7ee;text-align:left;vertical-align:top}
        .scroll{overflow-x:auto}
        .late{color:#d1453b;font-weight:600}
        .chips{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}
        .chips li{background:#fff;border-radius:1rem;padding:.15rem .6rem;font-size:.85rem}
        form.filters{display:flex;flex-wrap:wrap;gap:.4rem;align-items:end;margin-bottom:.8rem}
        form.filters label{display:flex;flex-direction:column;font-size:.8rem}
        select,input,button{font:inherit;padding:.25rem}
        ol.timeline{list-style:none;padding-left:0;border-left:3px solid #2f7dd1}
        ol.timeline li{margin:0 0 .6rem .8rem}
        ol.timeline time{display:block;font-size:.8rem;color:#556}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;background:#fff;padding:.7rem;border-radius:.5rem}
        dl.facts dt{color:#556}
        dl.facts dd{margin:0;overflow-wrap:anywhere}
        .pager{display:flex;gap:1rem;margin:.8rem 0}
        .note{color:#556;font-size:.85rem}
        """
}
