/// The command catalog built into the binary: `linli` needs no `commands/` folder
/// beside it. `commands/*.yaml` stay the source; `BuiltInCatalogFiles.swift` is written
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

    /// The Swift source of `BuiltInCatalogFiles.swift` for these files, in this order.
    public static func builtInSource(_ files: [(name: String, text: String)]) -> String {
        var source = """
            // Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

            enum BuiltInCatalogFiles {
                static let files: [(name: String, text: String)] = [

            """
        for (name, text) in files {
            source += "        (\n            \"\(name)\",\n            ####\"\"\"\n"
            // Each line indented as the closing delimiter is; a last empty line keeps the text's final newline.
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                source += line.isEmpty ? "\n" : "            " + line + "\n"
            }
            source += "            \"\"\"####\n        ),\n"
        }
        return source + "    ]\n}\n"
    }
}
