import Foundation
import LinliCommands
import LinliTesting
import Testing

/// docs/commands.md is the catalog's page: it fails as soon as a command, a word, a
/// role or a summary changes without the page (`LINLI_UPDATE_DOCS=1` rewrites it).
@Suite struct CatalogPageTests {
    @Test func theCommandsPageIsTheCatalogs() throws {
        let page = try Fixtures.load().1.markdownPage()
        let path = Fixtures.root.appendingPathComponent("docs/commands.md").path
        if ProcessInfo.processInfo.environment["LINLI_UPDATE_DOCS"] == "1" { try page.write(toFile: path, atomically: true, encoding: .utf8) }
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == page, "docs/commands.md is stale: LINLI_UPDATE_DOCS=1 swift test --filter CatalogPageTests")
        for spec in try Fixtures.load().1.commands { #expect(written.contains("`\(spec.usage.zh.replacingOccurrences(of: "|", with: "\\|"))`")) }
    }
}
