import Foundation
import LinliCommands
import LinliTesting
import Testing

/// The catalog built into the binary is commands/*.yaml (`LINLI_UPDATE_CATALOG=1`
/// rewrites Sources/LinliCommands/BuiltInCatalogFiles.swift and BuiltInCatalog/ when they change).
@Suite struct BuiltInCatalogTests {
    @Test func theBuiltInCatalogIsTheCommandsFolder() throws {
        let folder = Fixtures.commandsPath
        let names = Catalog.inFamilyOrder(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted())
        let files = try names.map { ($0, try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
        if ProcessInfo.processInfo.environment["LINLI_UPDATE_CATALOG"] == "1" {
            let sources = Fixtures.root.appendingPathComponent("Sources/LinliCommands")
            let folder = sources.appendingPathComponent("BuiltInCatalog")
            try? FileManager.default.removeItem(at: folder)  // a family removed leaves no file behind
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (path, source) in Catalog.builtInSources(files) {
                try source.write(to: sources.appendingPathComponent(path), atomically: true, encoding: .utf8)
            }
            return
        }
        #expect(
            Catalog.builtIn().commands == (try Fixtures.load().1.commands),
            "the built-in catalog is stale: LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests, then build again")
    }

    /// `--commands DIR` over the built-in catalog: a words-only entry adds synonyms, a
    /// whole entry replaces the command.
    @Test func aFolderAddsWordsOrReplacesCommands() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("linli-local-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        family: local
        commands:
          - id: report
            words: {zh: [报事儿]}
          - id: status
            words: {en: [whereis], zh: [到哪了]}
            roles: [anyone]
            usage: {en: "whereis [R<n>]", zh: "到哪了 [R编号]"}
            summary: {en: where is it, zh: 到哪了}
            args: [{name: id, type: record, optional: true}]
        """.write(to: dir.appendingPathComponent("local.yaml"), atomically: true, encoding: .utf8)
        let catalog = try Catalog.load(directory: dir.path, over: .builtIn())
        let report = try #require(catalog.spec(named: "报事儿"))
        #expect(report.id == "report" && report.words.contains { $0.text == "报修" }, "words added, the rest kept")
        let status = try #require(catalog.spec(named: "whereis"))
        #expect(status.id == "status" && status.usage.zh == "到哪了 [R编号]" && catalog.spec(named: "进度") == nil, "replaced whole")
        #expect(catalog.commands.count == Catalog.builtIn().commands.count)
    }
}
