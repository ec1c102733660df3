/// docs/commands.md, written from the catalog so that it cannot drift from it (a
/// test compares the page with this): a table per family, in catalog order.
extension Catalog {
    public func markdownPage() -> String {
        var page = """
            # Commands

            What people type, by family. The words, roles, usage and examples live in
            [commands/](../commands) (one YAML file per family; every example is a test); this page
            is their summary, generated from them (`LINLI_UPDATE_DOCS=1 swift test --filter CatalogPageTests`).
            Chinese and English both work, full-width characters and any case too; a command
            missing an argument is asked for it (in a group only when the bot was called by
            name). `linli parse <text>` shows how a message is read.

            """
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var families: [String] = []
        for spec in commands where !families.contains(spec.family) { families.append(spec.family) }
        for family in families {
            page += "\n## \(family)\n\n| command | words | who | does |\n|---|---|---|---|\n"
            for spec in commands where spec.family == family {
                let words = (spec.words.filter { $0.lang == .en } + spec.words.filter { $0.lang == .zh }).map(\.text)
                let who = spec.roles.isEmpty ? "anyone" : spec.roles.joined(separator: ", ")
                page +=
                    "| `\(cell(spec.usage.en))` / `\(cell(spec.usage.zh))` | \(cell(words.joined(separator: ", "))) | \(who) | \(cell(spec.summary.en)) |\n"
            }
        }
        return page
    }
}
