/// Fast look-ups over a `Community`: who a person is, what a group belongs to,
/// who is responsible for a building.
public final class Directory: Sendable {
    public let community: Community
    private let peopleByID: [String: Person]
    private let buildingsByID: [String: Building]
    private let buildingByGroup: [String: String]
    private let gridsByID: [String: Grid]
    private let departmentsByID: [String: Department]
    private let categoriesByID: [String: Category]
    /// Hides the community's people, rooms and numbers in text shown to others.
    public let anonymiser: Anonymiser

    public init(_ community: Community) {
        self.community = community
        peopleByID = Dictionary(community.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        buildingsByID = Dictionary(community.buildings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var groups: [String: String] = [:]
        for b in community.buildings { for g in b.groups { groups[g] = b.id } }
        buildingByGroup = groups
        gridsByID = Dictionary(community.grids.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        departmentsByID = Dictionary(community.departments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        categoriesByID = Dictionary(community.categories.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        anonymiser = Anonymiser(names: community.people.flatMap { [$0.name, $0.id] })
    }

    public func person(_ id: String) -> Person? { peopleByID[id] }
    public func building(_ id: String) -> Building? { buildingsByID[id] }
    public func grid(_ id: String) -> Grid? { gridsByID[id] }
    public func department(_ id: String) -> Department? { departmentsByID[id] }

    /// A department by its id (in any case) or its name; `partly`, also by a part of a
    /// Chinese name no other department's has (`物业` for 红色物业; not `at` in Water Company).
    public func department(named word: String, partly: Bool = false) -> Department? {
        let w = word.lowercased()
        if let d = community.departments.first(where: { $0.id.lowercased() == w || $0.name.lowercased() == w }) { return d }
        guard partly, w.count >= 2, w.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) else { return nil }
        let matches = community.departments.filter { $0.name.contains(w) }
        return matches.count == 1 ? matches[0] : nil
    }
    public func category(_ id: String) -> Category? { categoriesByID[id] }

    /// The person of this id, else the one of this name (`@name` with one of `mentions`: the
    /// one the chat tagged, whoever else bears it); two of one name are not guessed between
    /// (`conflict`, with their ids to write instead).
    public func person(named written: String, mentions: [String] = []) throws(LinliError) -> Person? {
        let word = written.hasPrefix("@") ? String(written.dropFirst()) : written
        if written.hasPrefix("@"), mentions.count == 1, let p = peopleByID[mentions[0]], p.name == word { return p }
        if let p = peopleByID[word] { return p }
        let named = community.people.filter { $0.name == word }
        guard named.count > 1 else { return named.first }
        // Their ids only: where they live is not for whoever asks.
        let ids = named.map(\.id)
        throw LinliError(
            .conflict, zh: "有 \(named.count) 位“\(word)”：\(ids.joined(separator: "、"))。请写编号，例如 \(ids[0])。",
            en: "\(named.count) people are called “\(word)”: \(ids.joined(separator: ", ")). Write the id, e.g. \(ids[0]).")
    }

    /// What people call the bot in each language: the community file's first Chinese and
    /// first Latin name for it (`bot.names`), else 小邻 and Linli.
    public var botNames: (zh: String, en: String) {
        let names = community.bot?.names ?? []
        return (names.first { !$0.allSatisfy(\.isASCII) } ?? "小邻", names.first { $0.allSatisfy(\.isASCII) } ?? "Linli")
    }

    /// The building whose chat group this is.
    public func building(ofGroup group: String) -> Building? { buildingByGroup[group].flatMap { buildingsByID[$0] } }

    /// The building a piece of text names: its name (`3栋楼道`), its id as a word (`b3`),
    /// or its number as people say it (`3号楼`, `3幢`, `building 3`, `block 3`), for a
    /// building named `<n>栋`. The first one named, else nil.
    public func building(mentionedIn text: String) -> Building? {
        let folded = text.lowercased()
        let named = community.buildings.first { b in [b.name, b.nameEn].compactMap { $0 }.contains { folded.contains($0.lowercased()) } }
        if let named { return named }
        let words = folded.split { !$0.isLetter && !$0.isNumber }
        if let byID = community.buildings.first(where: { b in words.contains { $0 == b.id.lowercased() } }) { return byID }
        for pattern in [/(\d+)\s*(?:号楼|幢)/, /(?:building|block|bldg)\s*(\d+)/] {
            if let match = folded.firstMatch(of: pattern), let n = Int(match.1),
                let b = community.buildings.first(where: { $0.name == "\(n)栋" })
            {
                return b
            }
        }
        return nil
    }

    /// The building one word of an argument names: its id, name or English name (`b3`,
    /// `3栋`, `Building 3`), in any case.
    public func building(named word: String) -> Building? {
        let word = word.lowercased()
        return community.buildings.first { b in [b.id, b.name, b.title.en].contains { $0.lowercased() == word } }
    }

    /// The words of an argument, with a building's English name (`Building 3`) and each of
    /// `phrases` (`this month`) taken as one: the word it stands for.
    public func words(_ text: String, phrases: [String: String] = [:]) -> [String] {
        var text = text
        let names = community.buildings.filter { $0.title.en.contains(" ") }.map { ($0.title.en, $0.id) }
        for (phrase, word) in names + phrases.sorted(by: { $0.key.count > $1.key.count }) {
            text = text.replacingOccurrences(of: phrase, with: word, options: .caseInsensitive)
        }
        return text.split(separator: " ").map(String.init)
    }

    /// The building part of a home such as `b3-501`.
    public func building(ofHome home: String) -> Building? {
        guard let dash = home.firstIndex(of: "-") else { return nil }
        return buildingsByID[String(home[..<dash])]
    }

    /// The grid leader over a building.
    public func gridLeader(of building: Building) -> String? { building.grid.flatMap { gridsByID[$0]?.leader } }

    /// The first staff member in the community file: who escalations to the office reach.
    public var firstStaff: String? { community.people.first { $0.roles.contains(.staff) }?.id }

    /// Departments the person belongs to.
    public func departments(of person: String) -> [Department] {
        community.departments.filter { $0.members.contains(person) }
    }

    /// A display name: the community file's, or the id.
    public func name(of id: String) -> String { peopleByID[id]?.name ?? departmentsByID[id]?.name ?? id }

    /// Whether `person` has authority over `building`: its captain, its grid's leader, or staff.
    public func manages(_ person: String, building: Building) -> Bool {
        guard let p = peopleByID[person] else { return false }
        if p.roles.contains(.staff) { return true }
        if building.captain == person { return true }
        if let grid = building.grid, gridsByID[grid]?.leader == person { return true }
        return false
    }
}

extension Directory {
    /// The buildings a person answers for: staff all, a grid leader their grid's, a captain their own.
    public func buildings(inScopeOf person: String) -> [Building] {
        if self.person(person)?.roles.contains(.staff) == true { return community.buildings }
        let grids = Set(community.grids.filter { $0.leader == person }.map(\.id))
        return community.buildings.filter { $0.captain == person || ($0.grid.map(grids.contains) ?? false) }
    }

    /// The groups a person may post to: every group of the buildings in their scope,
    /// and for staff the community's own groups first.
    public func groups(inScopeOf person: String) -> [String] {
        let office = self.person(person)?.roles.contains(.staff) == true ? community.groups : []
        return office + buildings(inScopeOf: person).flatMap(\.groups)
    }

    /// A group as people call it in `lang`: its building's name, or the community's.
    public func label(ofGroup group: String, _ lang: Lang = .zh) -> String {
        building(ofGroup: group)?.title(lang) ?? community.name
    }
}
