/// The command catalog built into the binary: `linli` needs no `commands/` folder
/// beside it. `commands/*.yaml` stay the source; `BuiltInCatalogFiles.swift` and `BuiltInCatalog/` are written
/// from them (`LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`), and a
/// test fails when it is stale.
extension Catalog {
    /// The catalog as built in.
    public static func builtIn() -> Catalog {
        var catalog = Catalog(commands: [])
        for (name, text) in BuiltInCatalogFiles.files {
            do throws(YAMLFileError) {
                try catalog.merge(yaml: text, file: "commands/" + name)
            } catch {
                preconditionFailure("the built-in catalog does not load: \(error)")  // a test loads it on every change
            }
        }
        return catalog
    }

    /// The Swift sources of the built-in catalog for these files, in this order, by file
    /// name: `BuiltInCatalogFiles.swift` lists them, and each file's text is in a source
    /// of its own under `BuiltInCatalog/` (one family a file).
    public static func builtInSources(_ files: [(name: String, text: String)]) -> [(path: String, source: String)] {
        let header = "// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.\n\n"
        func identifier(_ name: String) -> String { String(name.dropLast(".yaml".count)).replacingOccurrences(of: "-", with: "_") }
        var sources = [
            (
                "BuiltInCatalogFiles.swift",
                header + "enum BuiltInCatalogFiles {\n    static let files: [(name: String, text: String)] = [\n"
                    + files.map { "        \(identifier($0.name)),\n" }.joined() + "    ]\n}\n"
            )
        ]
        for (name, text) in files {
            var source =
                header
                + "extension BuiltInCatalogFiles {\n    static let \(identifier(name)) = (\n        name: \"\(name)\",\n        text: ####\"\"\"\n"
            // Each line indented as the closing delimiter is; a last empty line keeps the text's final newline.
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                source += line.isEmpty ? "\n" : "            " + line + "\n"
            }
            sources.append(("BuiltInCatalog/\(identifier(name)).swift", source + "            \"\"\"####\n    )\n}\n"))
        }
        return sources
    }
}
