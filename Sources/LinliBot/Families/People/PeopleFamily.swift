import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore

/// People and the community: help, registration, contacts, language, and the
/// welcome when someone joins a group.
struct PeopleFamily: Family {
    func run(_ command: PeopleCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .help(let topic): try help(topic, ctx)
        case .register(let room): try register(room, ctx)
        case .contacts: try contacts(ctx)
        case .lang(let lang): try setLang(lang, ctx)
        }
    }

    /// What the sender may do, from the catalog; or one command's usage and examples.
    func help(_ topic: String?, _ ctx: CommandContext) throws -> Outcome {
        let lang = ctx.lang
        if let topic {
            guard let spec = ctx.parser.catalog.spec(named: topic)
            else {
                let close = ctx.parser.suggestions(for: topic).map { $0.word(lang) }
                let hint =
                    close.isEmpty
                    ? "" : Localized(zh: "你是不是想说：\(close.joined(separator: "、"))？", en: " Did you mean: \(close.joined(separator: ", "))?")(lang)
                throw LinliError(.unknownCommand, zh: "没有“\(topic)”这个命令。\(hint)", en: "There is no command “\(topic)”.\(hint)")
            }
            let examples = spec.examples.filter { CommandParser.guessLang($0.say) == lang }.prefix(2).map(\.say)
            let shown =
                examples.isEmpty
                ? "" : Localized(zh: "\n例如：\(examples.joined(separator: "；"))", en: "\nFor example: \(examples.joined(separator: "; "))")(lang)
            return Outcome(zh: "\(spec.usage.zh)：\(spec.summary.zh)\(shown)", en: "\(spec.usage.en): \(spec.summary.en)\(shown)")
        }
        // One screen: a line per family, the most used first, only what the sender may do.
        let catalog = ctx.parser.catalog
        let mine = catalog.commands.filter { mayUse($0, ctx) }
        var families: [String] = []
        for spec in mine where !families.contains(spec.family) { families.append(spec.family) }
        families.sort { (catalog.helpGroups[$0]?.rank ?? .max, $0) < (catalog.helpGroups[$1]?.rank ?? .max, $1) }
        func lines(_ lang: Lang) -> String {
            families.map { family in
                let title = catalog.helpGroups[family]?.title(lang) ?? family
                let words = mine.filter { $0.family == family }.map { $0.word(lang) }
                return lang == .zh ? "\(title)：\(words.joined(separator: "、"))" : "\(title): \(words.joined(separator: ", "))"
            }.joined(separator: "\n")
        }
        return Outcome(
            zh: "您可以发送（“帮助 命令”看用法和例子）：\n\(lines(.zh))", en: "You can send (“help <command>” for how, with examples):\n\(lines(.en))")
    }

    /// Whether the catalog lists `spec` for the sender's roles.
    func mayUse(_ spec: CommandSpec, _ ctx: CommandContext) -> Bool {
        var mine: Set<String> = ["anyone"]
        if ctx.home != nil { mine.insert("resident") }
        for role in ctx.roles { mine.insert(role.rawValue) }
        if !ctx.directory.departments(of: ctx.sender).isEmpty { mine.insert("department") }
        return spec.roles.contains { mine.contains($0) }
    }

    /// Binds the sender to a household: `501` in a building group, `b3-501` anywhere.
    func register(_ room: String, _ ctx: CommandContext) throws -> Outcome {
        let (building, home) = try ctx.people.household(room, group: ctx.group, orIn: nil)
        let unit = WorkOrdersFamily.room(home)
        try ctx.people.register(ctx.sender, home: home, name: ctx.displayName)
        return Outcome(
            zh: "登记成功：\(building.name) \(unit)。发送“帮助”查看可以做什么。", en: "Registered: \(building.name) \(unit). Send “help” to see what you can do.")
    }

    /// The sender's captain, grid leader and the community office.
    /// Office staff without a home get every building's.
    func contacts(_ ctx: CommandContext) throws -> Outcome {
        let buildings = try ctx.building.map { [$0] } ?? (ctx.isStaff ? ctx.directory.community.buildings : [ctx.requireBuilding()])
        let lines = buildings.map { building in
            let captain = building.captain.map { ctx.directory.name(of: $0) } ?? "—"
            let leader = ctx.directory.gridLeader(of: building).map { ctx.directory.name(of: $0) } ?? "—"
            return (zh: "\(building.name) 楼栋长：\(captain)；网格长：\(leader)", en: "\(building.name) captain: \(captain); grid leader: \(leader)")
        }
        let staff = ctx.directory.community.people.filter { $0.roles.contains(.staff) }.map(\.name)
        return Outcome(
            zh: (lines.map(\.zh) + ["社区：\(staff.isEmpty ? "—" : staff.joined(separator: "、"))"]).joined(separator: "\n"),
            en: (lines.map(\.en) + ["Community office: \(staff.isEmpty ? "—" : staff.joined(separator: ", "))"]).joined(separator: "\n"))
    }

    /// Sets the language Linli answers the sender in.
    func setLang(_ lang: Lang, _ ctx: CommandContext) throws -> Outcome {
        try ctx.people.setLang(ctx.sender, lang)
        var outcome = Outcome(zh: "好的，以后用中文回复您。", en: "OK, I will answer you in English from now on.")
        outcome.lang = lang
        return outcome
    }

    /// A member joined a group: welcome them and say how to register.
    func welcome(_ event: InboundEvent, _ ctx: Kernel) -> Outcome? {
        // Only someone not yet registered is welcomed (a resident back in the group is not).
        guard let group = event.group, let sender = event.from, ctx.people.home(of: sender) == nil else { return nil }
        let name = event.name ?? ctx.directory.person(sender)?.name ?? sender
        let lang = ctx.people.language(of: sender)
        let where_ = ctx.directory.building(ofGroup: group)?.name ?? ctx.directory.community.name
        var outcome = Outcome(
            zh: "欢迎\(name)加入\(where_)！发送“登记 房号”完成住户登记（例如：登记 501），发送“帮助”查看可用的命令。",
            en:
                "Welcome to \(where_), \(name)! Send “register <room>” to register your household (e.g. register 501), and “help” to see what you can do."
        )
        outcome.effects = [.post(group: group, reason: "welcome", text: outcome.text, refs: [])]
        outcome.lang = lang
        return outcome
    }
}
