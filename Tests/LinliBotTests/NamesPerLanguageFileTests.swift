import LinliBot
import LinliCommands
import LinliCore
import Testing

/// `name:` of a venue or service: one name, or one per language (`{zh, en}`).
@Suite struct NamesPerLanguageFileTests {
    static func file(_ venues: String, _ services: String = "  - {id: umbrella, name: 爱心伞, stock: 2, loan: 3d}") -> String {
        """
        community: {id: c, name: C, timezone: Asia/Shanghai}
        venues:
        \(venues)
        services:
        \(services)
        """
    }

    @Test func aPlainNameServesBothLanguagesAndAPairGivesEachItsOwn() throws {
        let c = try CommunityFile.parse(
            Self.file(
                "  - {id: kiosk, name: {zh: 邻里商议亭, en: Discussion kiosk}}\n  - {id: pavilion, name: 凉亭}",
                "  - {id: umbrella, name: {zh: 爱心伞, en: Umbrella}, unit: 把, stock: 2, loan: 3d}\n  - {id: haircut, name: 义剪}"),
            file: "c.yaml")  // no unknown key: it would be refused
        #expect(c.venues.map(\.title) == [Localized(zh: "邻里商议亭", en: "Discussion kiosk"), Localized(zh: "凉亭", en: "凉亭")])
        #expect(c.services.map(\.title) == [Localized(zh: "爱心伞", en: "Umbrella"), Localized(zh: "义剪", en: "义剪")])
        #expect(c.services.map(\.unit) == ["把", "件"])
        #expect(c.venueTitle("kiosk").en == "Discussion kiosk" && c.serviceTitle("gone") == Localized(zh: "gone", en: "gone"))
    }

    @Test(arguments: [
        ("  - {id: kiosk, name: {en: Discussion kiosk}}", "zh"),
        ("  - {id: kiosk, name: {zh: '', en: Discussion kiosk}}", "not empty"),
        ("  - {id: kiosk, name: [邻里商议亭, Discussion kiosk]}", "single value"),
    ])
    func aBadNameIsRefusedWithItsLine(venue: String, word: String) {
        #expect {
            _ = try CommunityFile.parse(Self.file(venue), file: "c.yaml")
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.file == "c.yaml" && e.line == 3 && e.problem.contains(word)
        }
    }

    @Test func anUnknownLanguageIsRefusedWithItsLine() throws {
        #expect {
            try CommunityFile.parse(Self.file("  - {id: kiosk, name: {zh: 商议亭, fr: Kiosque}}"), file: "c.yaml")
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.line == 3 && e.problem.contains("fr") && e.problem.contains("unknown key")
        }
    }
}
