import LinliCommands
import LinliCore

extension CommunityFile {
    /// What every item may say alone but the file may not say together: a group is
    /// one building's, a name means one category (one venue, one service), and a
    /// person's home is one of its building's rooms.
    static func checkConsistency(_ c: Community, _ root: YAMLValue) {
        let problems = Problems.current ?? Problems(file: "")
        /// Notes `problem` at `key` of the item `id` of `section` (the item, if it has no `key`).
        func note(_ section: String, _ id: String, _ key: String, _ problem: String) {
            _ = problems.attempt {
                let items = try root.required(section).list()
                let item = items.last { (try? $0["id"]?.string()) == id } ?? root
                throw (item[key] ?? item).error(problem)
            }
        }
        var owner: [String: String] = [:]
        for b in c.buildings {
            for g in b.groups {
                if let other = owner[g] {
                    note("buildings", b.id, "groups", "group '\(g)' is already building \(other)'s")
                } else {
                    owner[g] = b.id
                }
            }
        }
        func uniqueNames(_ section: String, _ items: [(id: String, names: [String])]) {
            var meaning: [String: String] = [:]
            for item in items {
                for name in Set(item.names) {
                    if let other = meaning[name], other != item.id {
                        note(section, item.id, "names", "name '\(name)' also means \(other)")
                    } else {
                        meaning[name] = item.id
                    }
                }
            }
        }
        uniqueNames("categories", c.categories.map { ($0.id, $0.names) })
        uniqueNames("venues", c.venues.map { ($0.id, $0.names) })
        uniqueNames("services", c.services.map { ($0.id, $0.names) })
        for p in c.people {
            guard let home = p.home, let dash = home.firstIndex(of: "-"),
                let building = c.buildings.first(where: { $0.id == home[..<dash] })
            else { continue }
            let room = String(home[home.index(after: dash)...])
            if !(building.rooms ?? .plausible).accepts(room) {
                note("people", p.id, "home", "\(room) is not one of \(building.id)'s rooms")
            }
        }
    }
}
