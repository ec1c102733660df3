import Foundation
import LinliCommands
import LinliCore

/// Reads a community file (COMMUNITY.md). A file with any error is refused as a
/// whole, with the file, the line and the problem.
public enum CommunityFile {
    /// Loads and checks `path`; `environment` answers `secret_env` look-ups.
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(YAMLFileError) -> Community {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw YAMLFileError(file: path, line: nil, problem: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw YAMLFileError(file: path, line: nil, problem: "the file is not UTF-8")
        }
        return try parse(text, file: path, environment: environment)
    }

    /// Parses the text of a community file.
    public static func parse(
        _ text: String, file: String, environment: [String: String] = [:]
    ) throws(YAMLFileError) -> Community {
        let problems = Problems(file: file)
        // Reading goes on past a broken item, so that one run lists every problem.
        let community = problems.attempt {
            try Problems.$current.withValue(problems) { () throws -> Community in
                try read(text, file: file, environment: environment)
            }
        }
        // In the order of the file (a problem without a line last).
        let found = problems.list.enumerated().sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }.map(\.element)
        guard var first = found.first else { return community! }
        first.more = Array(found.dropFirst())
        throw first
    }

    /// The problems found in one file so far.
    final class Problems: @unchecked Sendable {
        let file: String
        private(set) var list: [YAMLFileError] = []
        /// Those of the file being read (a task-local, so the section readers need not pass it along).
        @TaskLocal static var current: Problems?

        init(file: String) { self.file = file }

        func note(_ problem: YAMLFileError) { list.append(problem) }

        /// `body`'s value, or nil with its error noted.
        func attempt<T>(_ body: () throws -> T) -> T? {
            do {
                return try body()
            } catch let error as YAMLFileError {
                list += error.all
            } catch {
                list.append(YAMLFileError(file: file, line: nil, problem: "\(error)"))
            }
            return nil
        }
    }

    private static func read(_ text: String, file: String, environment: [String: String]) throws -> Community {
        let root = try YAMLValue.parse(text, file: file)
        try root.expectMapping(known: [
            "bot", "community", "grids", "buildings", "people", "departments", "categories", "venues", "services", "points", "webhooks", "platforms",
        ])
        let c = try root.required("community")
        try c.expectMapping(known: ["id", "name", "timezone", "quiet_hours", "groups", "public_url", "registration", "visit_every", "open311", "bridge"])
        let timezone = try c["timezone"]?.string() ?? "Asia/Shanghai"
        guard TimeZone(identifier: timezone) != nil else { throw try c.required("timezone").error("unknown time zone '\(timezone)'") }
        var community = Community(
            id: try identifier(c.required("id")), name: try c.required("name").string(), timezone: timezone,
            quietHours: try c["quiet_hours"].map(timeRange)
        )
        var settings: [String: GroupSettings] = [:]
        community.groups = try groups(c["groups"], into: &settings)
        community.publicURL = try c["public_url"]?.string()
        if let url = community.publicURL, !Community.isWebAddress(url) {
            throw try c.required("public_url").error("public_url '\(url)' is not an http:// or https:// address")
        }
        community.open311 = try c["open311"]?.bool() ?? false
        community.bridge = try c["bridge"]?.string()
        if let r = c["registration"] {
            switch try r.string() {
            case "open": community.registrationNeedsApproval = false
            case "approve": community.registrationNeedsApproval = true
            default: throw r.error("registration is open or approve")
            }
        }
        community.visitEvery = try c["visit_every"].map(span)
        if let every = community.visitEvery, every.milliseconds <= 0 { throw try c.required("visit_every").error("visit_every must be longer than 0") }
        if let b = root["bot"] {
            try b.expectMapping(known: ["id", "names"])
            let names = try b["names"]?.strings() ?? []
            community.bot = Bot(id: try identifier(b.required("id")), names: names.isEmpty ? [try b.required("id").string()] : names)
        }
        community.grids = try items(root["grids"], known: ["id", "name", "leader"]) { v in
            Grid(id: try identifier(v.required("id")), name: try v["name"]?.string() ?? v.required("id").string(), leader: try v["leader"]?.string())
        }
        community.buildings = try items(root["buildings"], known: ["id", "name", "grid", "captain", "groups", "rooms", "lat", "long"]) { v in
            let name = try twoNames(v["name"])
            var b = Building(
                id: try identifier(v.required("id")), name: try name?.zh ?? v.required("id").string(),
                grid: try v["grid"]?.string(), captain: try v["captain"]?.string(), groups: try groups(v["groups"], into: &settings),
                rooms: try v["rooms"].map(rooms))
            (b.latitude, b.longitude) = (try v["lat"].map(coordinate), try v["long"].map(coordinate))
            b.nameEn = name?.en
            return b
        }
        community.groupSettings = settings
        community.people = try items(root["people"], known: ["id", "name", "home", "roles", "lang", "webhook", "mobile", "accounts", "pairs"]) { v in
            var roles = Set<Role>()
            for r in try v["roles"]?.strings() ?? [] {
                guard let role = Role(rawValue: r) else { throw try v.required("roles").error("unknown role '\(r)'") }
                roles.insert(role)
            }
            let lang = try v["lang"].map(language)
            let home = try v["home"]?.string()
            if home != nil { roles.insert(.resident) }
            var person = Person(
                id: try identifier(v.required("id")), name: try v["name"]?.string() ?? v.required("id").string(),
                home: home, roles: roles, lang: lang, webhook: try v["webhook"]?.string(), mobile: try v["mobile"]?.string())
            for (platform, account) in try v["accounts"]?.entries() ?? [] { person.accounts[platform] = try account.string() }
            person.pairs = try v["pairs"]?.strings() ?? []
            return person
        }
        community.departments = try items(root["departments"], known: ["id", "name", "members", "webhook"]) { v in
            Department(
                id: try identifier(v.required("id")), name: try v["name"]?.string() ?? v.required("id").string(),
                members: try v["members"]?.strings() ?? [], webhook: try v["webhook"]?.string())
        }
        community.categories = try items(root["categories"], known: ["id", "names", "priority", "accept", "resolve", "private"]) { v in
            let id = try identifier(v.required("id"))
            var priority = Priority.p2
            if let p = v["priority"] {
                guard let parsed = Priority(rawValue: try p.string().uppercased()) else { throw p.error("priority is P0, P1, P2 or P3") }
                priority = parsed
            }
            return Category(
                id: id, names: try v["names"]?.strings() ?? [id], priority: priority,
                accept: try v["accept"].map(span) ?? .days(1), resolve: try v["resolve"].map(span) ?? .days(7),
                isPrivate: try v["private"]?.bool() ?? false)
        }
        community.venues = try items(
            root["venues"], known: ["id", "name", "names", "open", "min", "max", "horizon", "weekly_quota", "approval", "mediation"]
        ) {
            v in
            let id = try identifier(v.required("id"))
            let name = try twoNames(v["name"])
            let (min, max) = (try v["min"].map(span), try v["max"].map(span))
            if let min, let max, min > max { throw try v.required("min").error("min is longer than max") }
            return Venue(
                id: id, name: name?.zh ?? id, names: try v["names"]?.strings() ?? [id],
                open: try v["open"].map(timeRange), min: min, max: max,
                horizon: try v["horizon"].map(span), weeklyQuota: try v["weekly_quota"].map(count), approval: try v["approval"]?.bool() ?? false,
                mediation: try v["mediation"]?.bool() ?? false, nameEn: name?.en)
        }
        community.services = try items(
            root["services"], known: ["id", "name", "names", "unit", "stock", "loan", "handler", "rota", "accept", "urgent"]
        ) {
            v in
            let id = try identifier(v.required("id"))
            let name = try twoNames(v["name"])
            let rota = try items(v["rota"], known: ["hours", "person"]) { shift in
                Service.Shift(hours: try timeRange(shift.required("hours")), person: try shift.required("person").string())
            }
            return Service(
                id: id, name: name?.zh ?? id, names: try v["names"]?.strings() ?? [id],
                stock: try v["stock"].map(count), loan: try v["loan"].map(span), handler: try v["handler"]?.string(), rota: rota,
                accept: try v["accept"].map(span) ?? Service.standardAccept, urgent: try v["urgent"]?.bool() ?? false, nameEn: name?.en,
                unit: try v["unit"]?.string() ?? "件")
        }
        community.points = try items(root["points"], known: ["id", "names", "points"]) { v in
            let id = try identifier(v.required("id"))
            return PointsItem(id: id, names: try v["names"]?.strings() ?? [id], points: try v.required("points").int())
        }
        community.webhooks = try items(root["webhooks"], known: ["id", "format", "url", "secret", "secret_env", "per_minute", "markdown"]) { v in
            let formatNode = try v.required("format")
            guard let format = WebhookFormat(rawValue: try formatNode.string()) else {
                throw formatNode.error("format is wecom, dingtalk, feishu or generic")
            }
            let urlNode = try v.required("url")
            let url = try urlNode.string()
            guard Community.isWebAddress(url) else { throw urlNode.error("url must start with http:// or https://") }
            var secret = try v["secret"]?.string()
            if let envNode = v["secret_env"] {
                let name = try envNode.string()
                guard let value = environment[name], !value.isEmpty else { throw envNode.error("environment variable \(name) is not set") }
                secret = value
            }
            let perMinute = try v["per_minute"]?.int()
            if let perMinute, perMinute < 1 { throw try v.required("per_minute").error("per_minute must be at least 1") }
            return Webhook(
                id: try identifier(v.required("id")), format: format, url: url, secret: secret, perMinute: perMinute,
                markdown: try v["markdown"]?.bool() ?? false)
        }
        community.platforms = try platforms(root, environment: environment)
        try checkReferences(community, root)
        checkConsistency(community, root)
        try checkPlatforms(community, root)
        // COMMUNITY.md: a key this version does not know is refused (`privat: true` would leave noise reports public).
        for problem in root.unknownKeys { Problems.current?.note(problem) }
        return community
    }

    /// A list of groups: each an id, or an object `{id, lang, webhook}` whose settings go into `settings`.
    private static func groups(_ node: YAMLValue?, into settings: inout [String: GroupSettings]) throws -> [String] {
        guard let node else { return [] }
        if (try? node.string()) != nil { return try node.strings() }
        return try node.list().map { g in
            if (try? g.string()) != nil { return try identifier(g) }
            try g.expectMapping(known: ["id", "lang", "webhook"])
            let id = try identifier(g.required("id"))
            let lang = try g["lang"].map(language)
            settings[id] = GroupSettings(lang: lang, webhook: try g["webhook"]?.string())
            return id
        }
    }

    static func items<T>(_ node: YAMLValue?, known: Set<String>, _ make: (YAMLValue) throws -> T) throws -> [T] {
        var out: [T] = []
        for item in try node?.list() ?? [] {
            // A broken item is noted and the next one read; the file is refused at the end.
            func made() throws -> T {
                try item.expectMapping(known: known)
                return try make(item)
            }
            if let problems = Problems.current {
                if let value = problems.attempt(made) { out.append(value) }
            } else {
                out.append(try made())
            }
        }
        return out
    }

    /// `name:` of a building, venue or service: one name (`邻里商议亭`), or one per language
    /// (`{zh: 邻里商议亭, en: Discussion kiosk}`; `zh` is required, the name Chinese replies use).
    private static func twoNames(_ v: YAMLValue?) throws -> (zh: String, en: String?)? {
        guard let v else { return nil }
        guard (try? v.entries()) != nil else { return (try v.string(), nil) }
        try v.expectMapping(known: ["zh", "en"])
        let zh = try v.required("zh").string()
        let en = try v["en"]?.string()
        guard !zh.isEmpty, en?.isEmpty != true else { throw v.error("a name is not empty") }
        return (zh, en)
    }

    /// `rooms:` on a building: a list of rooms, or a pattern (a regular expression).
    private static func rooms(_ v: YAMLValue) throws -> RoomRule {
        if (try? v.list()) != nil { return .list(Set(try v.strings())) }
        let pattern = try v.string()
        if let problem = RoomRule.problem(of: pattern) { throw v.error(problem) }
        return .pattern(pattern)
    }

    static func identifier(_ v: YAMLValue) throws -> String {
        let s = try v.string()
        guard !s.isEmpty,
            s.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            })
        else {
            throw v.error("'\(s)' is not an id (letters, digits, -, _, .)")
        }
        return s
    }

    private static func language(_ v: YAMLValue) throws -> Lang {
        guard let lang = Lang(rawValue: try v.string()) else { throw v.error("lang is zh or en") }
        return lang
    }

    private static func span(_ v: YAMLValue) throws -> Span {
        let s = try v.string()
        guard let span = Span(parsing: s) else { throw v.error("'\(s)' is not a duration (30m, 2h, 1d)") }
        return span
    }

    /// A latitude or longitude in degrees.
    /// A number of things: 0 or more.
    private static func count(_ v: YAMLValue) throws -> Int {
        let n = try v.int()
        guard n >= 0 else { throw v.error("\(n) is below 0") }
        return n
    }

    private static func coordinate(_ v: YAMLValue) throws -> Double {
        let s = try v.string()
        guard let d = Double(s), abs(d) <= 180 else { throw v.error("'\(s)' is not a coordinate in degrees (30.1234)") }
        return d
    }

    private static func timeRange(_ v: YAMLValue) throws -> TimeRange {
        let s = try v.string()
        guard let range = TimeRange(parsing: s) else { throw v.error("'\(s)' is not a time range (07:00-21:00)") }
        return range
    }

    /// Every id a section names must exist, and ids must be unique: each problem is noted.
    private static func checkReferences(_ c: Community, _ root: YAMLValue) throws {
        let problems = Problems.current ?? Problems(file: "")
        func note(_ error: @autoclosure () throws -> YAMLFileError) { _ = problems.attempt { throw try error() } }
        /// The ids a section gives, its broken items' too (their problem is noted already: not again as unknown ids).
        func ids(_ section: String, _ parsed: [String]) -> Set<String> {
            let items = (try? root[section]?.list()) ?? []
            return Set(parsed).union(items.compactMap { try? $0["id"]?.string() })
        }
        let people = ids("people", c.people.map(\.id))
        let webhooks = ids("webhooks", c.webhooks.map(\.id))
        if let bridge = c.bridge, !webhooks.contains(bridge) {
            note((root["community"]?["bridge"] ?? root).error("unknown webhook '\(bridge)'"))
        }
        /// The group object `id` (in `community.groups` or a building's `groups`), for its line.
        func group(_ id: String) -> YAMLValue? {
            let lists = [root["community"]?["groups"]] + ((try? root["buildings"]?.list()) ?? []).map { $0["groups"] }
            return lists.compactMap { try? $0?.list() }.joined().first { (try? $0["id"]?.string()) == id }
        }
        for (id, settings) in c.groupSettings.sorted(by: { $0.key < $1.key }) {
            if let hook = settings.webhook, !webhooks.contains(hook) {
                note((group(id)?["webhook"] ?? root).error("group \(id): unknown webhook '\(hook)'"))
            }
        }
        func unique(_ ids: [String], _ section: String) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted { note(try item(section, id).error("duplicate id '\(id)'")) }
        }
        /// The item of `section` whose id is `id` (the last of that id), for its line.
        func item(_ section: String, _ id: String) throws -> YAMLValue {
            let items = try root.required(section).list()
            return try items.last { (try? $0["id"]?.string()) == id } ?? root.required(section)
        }
        unique(c.people.map(\.id), "people")
        unique(c.buildings.map(\.id), "buildings")
        unique(c.categories.map(\.id), "categories")
        unique(c.webhooks.map(\.id), "webhooks")
        unique(c.grids.map(\.id), "grids")
        unique(c.departments.map(\.id), "departments")
        let grids = ids("grids", c.grids.map(\.id))
        let buildings = ids("buildings", c.buildings.map(\.id))
        let departments = ids("departments", c.departments.map(\.id))
        /// Notes, at the line of `key` in the item `id` of `section`, each value not in `known`.
        func check(_ section: String, _ id: String, _ key: String, _ values: [String], _ known: Set<String>, _ what: String) {
            for bad in values where !known.contains(bad) {
                note(
                    try {
                        let i = try item(section, id)
                        return (i[key] ?? i).error("unknown \(what) '\(bad)'")
                    }())
            }
        }
        for b in c.buildings {
            check("buildings", b.id, "grid", b.grid.map { [$0] } ?? [], grids, "grid")
            check("buildings", b.id, "captain", b.captain.map { [$0] } ?? [], people, "captain")
        }
        for g in c.grids {
            check("grids", g.id, "leader", g.leader.map { [$0] } ?? [], people, "leader")
        }
        for p in c.people {
            if let home = p.home, !home.contains("-") {
                note(try item("people", p.id).required("home").error("home '\(home)' is not building-room, e.g. b3-501"))
            } else {
                check("people", p.id, "home", p.home.map { [String($0.prefix { $0 != "-" })] } ?? [], buildings, "building in home")
            }
            check("people", p.id, "webhook", p.webhook.map { [$0] } ?? [], webhooks, "webhook")
            check("people", p.id, "pairs", p.pairs.map { String($0.prefix { $0 != "-" }) }, buildings, "building in pairs")
        }
        for d in c.departments {
            check("departments", d.id, "members", d.members, people, "member")
            check("departments", d.id, "webhook", d.webhook.map { [$0] } ?? [], webhooks, "webhook")
        }
        for s in c.services {
            check("services", s.id, "handler", s.handler.map { [$0] } ?? [], people.union(departments), "handler")
            check("services", s.id, "rota", s.rota.map(\.person), people, "person on the rota")
        }
    }
}
