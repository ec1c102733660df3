import Foundation
import LinliBot
import LinliCommands
import LinliCore
import LinliTesting
import Testing

@Suite struct CommunityFileTests {
    @Test func theDemoCommunityIsComplete() throws {
        let community = try CommunityFile.load(path: Fixtures.communityPath, environment: [:])  // no unknown key: it would be refused
        #expect(community.name == "福地社区")
        #expect(community.grids.count >= 2)
        #expect(community.buildings.count >= 4)
        #expect(community.buildings.allSatisfy { !$0.groups.isEmpty && $0.captain != nil })
        #expect(community.grids.allSatisfy { $0.leader != nil })
        #expect(community.people.filter { $0.home != nil }.count >= 20)
        #expect(community.people.contains { $0.roles.contains(.staff) })
        #expect(!community.departments.isEmpty)
        let categories = Set(community.categories.map(\.id))
        #expect(
            categories.isSuperset(of: ["leak", "power", "water", "elevator", "noise", "garbage", "parking", "light", "safety", "dispute", "other"]))
        let leak = try #require(community.categories.first { $0.id == "leak" })
        #expect(leak.accept == .minutes(30) && leak.resolve == .hours(24))
        #expect(!community.venues.isEmpty && !community.services.isEmpty && !community.points.isEmpty)
        #expect(community.quietHours == TimeRange(start: 22 * 60, end: 7 * 60))
    }

    static let minimal = """
        community:
          id: c
          name: C
          timezone: Asia/Shanghai
        grids:
          - id: g1
            name: G1
            leader: u-ma
        buildings:
          - id: b3
            name: 3栋
            grid: g1
            captain: u-zhou
            groups: [c-b3]
        people:
          - id: u-zhou
            name: 周
            home: b3-101
            roles: [captain]
          - id: u-ma
            name: 马
            roles: [grid_leader, staff]
        webhooks:
          - id: w
            format: generic
            url: http://127.0.0.1:9000/x
            secret_env: W_SECRET
        """

    @Test func theCommunityFileFormatIsAccepted() throws {
        let c = try CommunityFile.parse(Self.minimal, file: "c.yaml", environment: ["W_SECRET": "whsec_abc"])
        #expect(c.buildings.first?.captain == "u-zhou")
        #expect(c.people.first?.roles == [.captain, .resident])
        #expect(c.webhooks.first?.secret == "whsec_abc")
    }

    /// (a change to the minimal file, the line the error must name, a word the problem must contain)
    static let broken: [(String, String, Int?, String)] = [
        ("    leader: u-ma", "    leader: u-nobody", 8, "u-nobody"),
        ("    grid: g1", "    grid: g9", 12, "g9"),
        ("    home: b3-101", "    home: b9-101", 18, "b9"),
        ("    roles: [captain]", "    roles: [king]", 19, "king"),
        ("  timezone: Asia/Shanghai", "  timezone: Mars/Olympus", 4, "Mars/Olympus"),
        ("    format: generic", "    format: telegram", 25, "format"),
        ("    url: http://127.0.0.1:9000/x", "    url: ftp://x", 26, "http"),
        ("  id: c\n", "  id: c d\n", 2, "not an id"),
        ("    name: G1", "    name: [G1", nil, "expected"),
    ]

    @Test(arguments: broken.indices)
    func aBrokenFileIsRefusedWithFileLineAndProblem(_ i: Int) {
        let (from, to, line, word) = Self.broken[i]
        let text = Self.minimal.replacingOccurrences(of: from, with: to)
        #expect(text != Self.minimal)
        #expect {
            _ = try CommunityFile.parse(text, file: "c.yaml", environment: ["W_SECRET": "s"])
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.file == "c.yaml" && (line == nil ? e.line != nil : e.line == line) && e.problem.contains(word)
        }
    }

    @Test func everyProblemOfAFileIsListedInTheOrderOfTheFile() {
        // Four problems (two in items that cannot be read, two references); the reader goes on past each.
        var text = Self.minimal
        for i in [0, 1, 3, 5] { text = text.replacingOccurrences(of: Self.broken[i].0, with: Self.broken[i].1) }
        #expect {
            _ = try CommunityFile.parse(text, file: "c.yaml", environment: ["W_SECRET": "s"])
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            let expected = [0, 1, 3, 5].map { Self.broken[$0] }
            return e.all.map(\.line) == expected.map(\.2) && zip(e.all, expected).allSatisfy { $0.problem.contains($1.3) }
                && e.description.split(separator: "\n").count == 4
        }
    }

    @Test func aBrokenItemIsNotReportedAgainAsAnUnknownID() {
        // The captain cannot be read (a language Linli does not speak), but the building
        // naming them is not told "unknown captain" as well.
        let text = Self.minimal.replacingOccurrences(of: "    roles: [captain]", with: "    roles: [captain]\n    lang: fr")
        #expect {
            _ = try CommunityFile.parse(text, file: "c.yaml", environment: ["W_SECRET": "s"])
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.all.count == 1 && e.problem.contains("lang") && e.line == 20
        }
    }

    /// (a change to the demo file, a word the problem must contain): each item makes
    /// sense alone, but the file would not do what it says.
    static let senseless: [(String, String, String)] = [
        ("groups: [fudi-b2]", "groups: [fudi-b1]", "already building b1's"),
        ("stock: 20", "stock: -5", "below 0"),
        ("min: 30m, max: 2h, horizon: 7d", "min: 3h, max: 2h, horizon: 7d", "min is longer than max"),
        ("names: [power, outage,", "names: [leak, outage,", "name 'leak' also means leak"),
        ("names: [pavilion, 凉亭, 文化凉亭]", "names: [station, 凉亭, 文化凉亭]", "also means"),
        ("weekly_quota: 3", "weekly_quota: -1", "below 0"),
        ("visit_every: 30d", "visit_every: 0d", "longer than 0"),
        ("  visit_every: 30d", "  public_url: linli.example.org\n  visit_every: 30d", "http"),
        ("home: b4-1201", "home: b4-9999", "9999 is not one of b4's rooms"),
    ]

    @Test(arguments: senseless.indices)
    func aFileThatContradictsItselfIsRefused(_ i: Int) throws {
        let (from, to, word) = Self.senseless[i]
        let demo = try String(contentsOfFile: Fixtures.communityPath, encoding: .utf8)
        let text = demo.replacingOccurrences(of: from, with: to)
        #expect(text != demo, "\(from) is in the demo file")
        #expect {
            _ = try CommunityFile.parse(text, file: "fudi.yaml")
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.all.count == 1 && e.line != nil && e.problem.contains(word)
        }
    }

    /// COMMUNITY.md: a key this version does not know is refused with its line (`privat: true`
    /// left noise reports public, with a warning no one reads), unless it starts with `x-`.
    @Test func anUnknownKeyIsRefusedAndOneOfYourOwnIsNot() throws {
        let demo = try String(contentsOfFile: Fixtures.communityPath, encoding: .utf8)
        let typo = demo.replacingOccurrences(of: "private: true", with: "privat: true")
        #expect(typo != demo)
        #expect {
            _ = try CommunityFile.parse(typo, file: "fudi.yaml")
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.all.allSatisfy { $0.problem.contains("privat: unknown key") && $0.line != nil } && !e.all.isEmpty
        }
        let own = demo.replacingOccurrences(of: "  visit_every: 30d", with: "  visit_every: 30d\n  x-note: 试运行")
        #expect(own != demo)
        #expect(try CommunityFile.parse(own, file: "fudi.yaml").name == "福地社区", "a key of the file's own is taken")
    }

    /// Three common slips, each named at its own line: a key written twice, a group's
    /// unknown robot (it was named at line 5, `bot:`), two webhooks of one id (never named).
    @Test(arguments: [
        ("  id: fudi\n", "  id: fudi\n  id: fudi2\n", "a key written twice in one mapping: id", "  id: fudi\n"),
        ("{id: fudi-b4-elders, lang: zh}", "{id: fudi-b4-elders, lang: zh, webhook: wecom-b9}", "unknown webhook 'wecom-b9'", "wecom-b9"),
        ("  - id: generic-water\n", "  - id: wecom-b3\n", "duplicate id 'wecom-b3'", "  - id: wecom-b3\n"),
    ])
    func aSlipIsNamedAtItsLine(_ from: String, _ to: String, _ problem: String, _ marker: String) throws {
        let demo = try String(contentsOfFile: Fixtures.communityPath, encoding: .utf8)
        let text = demo.replacingOccurrences(of: from, with: to)
        #expect(text != demo)
        // The line where the slip shows: the first line holding the marker (the second, for a repeated id).
        let lines = text.components(separatedBy: "\n").enumerated().filter { $0.element.contains(marker.trimmingCharacters(in: .newlines)) }.map { $0.offset + 1 }
        let expected = problem.hasPrefix("duplicate") ? lines.last : lines.first
        #expect {
            _ = try CommunityFile.parse(text, file: "fudi.yaml")
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.all.contains { $0.problem.contains(problem) && $0.line == expected }
        }
    }

    /// One platform account is one person; WeCom's EncodingAESKey is 43 characters.
    @Test func anAccountGivenTwiceAndAShortWeComKeyAreRefused() throws {
        let demo = try String(contentsOfFile: Fixtures.communityPath, encoding: .utf8)
        let platform = "\nplatforms:\n  - {id: qq, kind: onebot, secret: s, self_id: \"10001\"}\n"
        let twice = demo.replacingOccurrences(of: "{id: u-li, name: 李菊珍, home: b3-501, lang: zh}", with: "{id: u-li, name: 李菊珍, home: b3-501, lang: zh, accounts: {qq: \"123\"}}")
            .replacingOccurrences(of: "{id: u-zhang, name: 张伟, home: b3-502}", with: "{id: u-zhang, name: 张伟, home: b3-502, accounts: {qq: \"123\"}}") + platform
        #expect(twice.components(separatedBy: "accounts").count == 3)
        #expect {
            _ = try CommunityFile.parse(twice, file: "fudi.yaml")
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.problem.contains("account '123' on qq is u-li's already") && e.line != nil
        }
        let key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
        for (value, ok) in [(key, true), (String(key.dropLast()), false), ("not base64 at all!", false)] {
            let wecom = demo + "\nplatforms:\n  - {id: wx, kind: wecom, corp_id: ww1, token: t, encoding_aes_key: \"\(value)\"}\n"
            let read = Result { try CommunityFile.parse(wecom, file: "fudi.yaml") }
            if ok {
                #expect((try? read.get()) != nil, "\(read)")
            } else {
                #expect("\(read)".contains("encoding_aes_key must be the 43 characters"), "\(read)")
            }
        }
    }

    @Test func aMissingSecretEnvironmentVariableIsAnError() {
        #expect(throws: YAMLFileError.self) { try CommunityFile.parse(Self.minimal, file: "c.yaml", environment: [:]) }
    }

    @Test func durationsMustBeDurations() {
        let text = Self.minimal + "\ncategories:\n  - id: leak\n    names: [leak]\n    accept: soon\n"
        #expect {
            _ = try CommunityFile.parse(text, file: "c.yaml", environment: ["W_SECRET": "s"])
        } throws: { error in
            (error as? YAMLFileError)?.problem.contains("soon") == true && (error as? YAMLFileError)?.line == 31
        }
    }
}
