import Foundation
import LinliTesting
import Testing

/// The docs that ship with the code stay true (issue 14, 8): every command the
/// README shows runs, every file the docs link to exists, and the community file
/// example in docs/ is accepted by `linli check`.
@Suite struct DocsTests {
    static func text(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The lines of the fenced blocks of `language` in a markdown text.
    static func blocks(_ language: String, in markdown: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in markdown.components(separatedBy: "\n") {
            if current == nil, line == "```" + language {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current!)
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func everyLinliCommandTheReadmeShowsRuns() async throws {
        let db = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        var ran = 0
        for line in Self.blocks("sh", in: try Self.text("README.md")).joined() {
            let command = line.components(separatedBy: "  #")[0]
            for part in command.components(separatedBy: "&&") {
                var words = part.split(separator: " ").map(String.init)
                guard
                    let start = words.firstIndex(where: { $0.hasSuffix("release/linli") }).map({ $0 + 1 })
                        ?? words.indices.first(where: { $0 > 0 && words[$0] == "linli" && words[$0 - 1] == "run" }).map({ $0 + 1 })
                else { continue }
                words = Array(words[start...])
                var input = Data()
                if let arrow = words.firstIndex(of: "<") {
                    input = try Data(contentsOf: Fixtures.root.appendingPathComponent(words[arrow + 1]))
                    words.removeSubrange(arrow...)
                }
                // A file database goes to a temporary place, not into the checkout.
                words = words.map { $0 == "linli.sqlite" ? db : $0 }
                let (arguments, stdin) = (words, input)
                let result = try await offThePool { try BinaryRunner.run(arguments, input: stdin) }
                #expect(result.status == 0, "\(part): \(result.stderr)")
                #expect(!result.stdout.isEmpty, "\(part) printed nothing")
                ran += 1
            }
        }
        #expect(ran >= 4, "the README's commands were found")
    }

    @Test(arguments: ["README.md", "deploy/BRIDGES.md", "docs/protocol.md", "docs/commands.md", "docs/community-file.md", "docs/design.md"])
    func everyFileTheDocsLinkToIsInTheRepository(_ path: String) throws {
        let text = try Self.text(path)
        let base = Fixtures.root.appendingPathComponent(path).deletingLastPathComponent()
        let links = try Regex(#"\]\(([^)#\s]+)"#)
        for match in text.matches(of: links) {
            let target = String(match.output[1].substring ?? "")
            guard !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
            #expect(
                FileManager.default.fileExists(atPath: base.appendingPathComponent(target).standardizedFileURL.path), "\(path) links to \(target)")
            #expect(!target.contains("shared/"), "\(path) links outside the repository: \(target)")
        }
        #expect(!text.contains("../shared"), "\(path) points to ../shared, which a clone does not have")
    }

    @Test func theCommunityFileExampleIsAcceptedByCheck() async throws {
        let wholeFiles = Self.blocks("yaml", in: try Self.text("docs/community-file.md")).filter { $0.contains { $0.hasPrefix("community:") } }
        #expect(!wholeFiles.isEmpty)
        for lines in wholeFiles {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("linli-doc-\(UUID().uuidString).yaml")
            try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let path = file.path
            let result = try await offThePool { try BinaryRunner.run(["check", "--community", path], input: Data()) }
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }
    }
}
