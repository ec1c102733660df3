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
        case .approveMember(let who): try approve(who, ctx)
        case .rejectMember(let who, let why): try reject(who, why: why, ctx)
        }
    }

    /// `登记`, `sign up` alone from one registered already: no room is asked (a move names
    /// it); said so, and `sign up` goes to the event it shares the word with.
    func presume(_ missing: ArgSpec, of id: String, said: String, _ ctx: CommandContext) throws -> Presumption<String> {
        guard id == "register", let home = ctx.people.home(of: ctx.sender), let building = ctx.directory.building(ofHome: home) else { return .ask }
        let unit = WorkOrdersFamily.room(home)
        return .refused(
            LinliError(
                .invalidState, zh: "您已登记在\(building.name) \(unit)。搬家了请发送：登记 新房号",
                en: "You are registered at \(building.title.en) \(unit) already. Moved? Send: register <new room>"))
    }

    /// What follows `help` when it asks for the menu, not for a command.
    static let helpMe: Set<String> = ["me", "me please", "me out", "please", "我", "我一下", "一下", "下", "我吧"]

    /// What the sender may do, from the catalog; or one command's usage and examples.
    func help(_ topic: String?, _ ctx: CommandContext) throws -> Outcome {
        let lang = ctx.lang
        // `help me`, `帮助我一下`: the menu, asked for politely.
        if let topic, !Self.helpMe.contains(topic.lowercased()) {
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
        let mine = catalog.commands.filter(ctx.mayUse)
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


    /// Binds the sender to a household: `501` in a building group, `b3-501` anywhere.
    /// The room must be one of the building's; with `registration: approve` the
    /// building's captain confirms it first (a move too).
    func register(_ room: String, _ ctx: CommandContext) throws -> Outcome {
        let (building, home) = try ctx.people.household(room, group: ctx.group, orIn: nil)
        let unit = WorkOrdersFamily.room(home)
        guard building.hasRoom(unit) else {
            throw LinliError(
                .usage, zh: "\(building.name)没有\(unit)这一户，请核对房号，例如：登记 501",
                en: "\(building.title.en) has no room \(unit); please check the number, e.g. register 501")
        }
        let current = ctx.people.home(of: ctx.sender)
        let place = Localized(zh: "\(building.name) \(unit)", en: "\(building.title.en) \(unit)")
        if current == home {
            return Outcome(zh: "您已登记在\(place.zh)。", en: "You are registered at \(place.en) already.")
        }
        if ctx.directory.community.registrationNeedsApproval, !ctx.directory.manages(ctx.sender, building: building) {
            return try askToRegister(home, place, from: current, ctx)
        }
        // `registration: open`: the household's members hear who joined it (no one confirmed it, and
        // a member reads the household's records); one they do not know, they tell the captain of.
        let captain = building.captain.map { ctx.directory.name(of: $0) }
        let who = ctx.displayName ?? ctx.registration?.name ?? ctx.sender
        let told = ctx.people.members(of: home).filter { $0 != ctx.sender }.map { member in
            Effect.notify(
                to: member, reason: "household_member",
                text: Localized(
                    zh: "【新成员】\(who)刚登记为您家（\(place.zh)）的成员。如不认识，请告诉\(captain.map { "楼栋长\($0)" } ?? "社区")。",
                    en: "[New member] \(who) has just registered as one of your household (\(place.en)). If you do not know them, tell \(captain.map { "the captain, \($0)" } ?? "the office")."),
                refs: [])
        }
        try ctx.people.register(ctx.sender, home: home, name: ctx.displayName, by: ctx.sender)
        if let current {
            return Outcome(
                zh: "已改为登记在\(place.zh)（原来是 \(current)）。", en: "Moved: you are registered at \(place.en) now (it was \(current)).", effects: told)
        }
        return Outcome(zh: "登记成功：\(place.zh)。发送“帮助”查看可以做什么。", en: "Registered: \(place.en). Send “help” to see what you can do.", effects: told)
    }

    /// `registration: approve`: the request waits for the building's captain (or the
    /// rung above, if it has none), who is asked; until then the sender stays where they were.
    private func askToRegister(_ home: String, _ place: Localized, from current: String?, _ ctx: CommandContext) throws -> Outcome {
        guard let building = ctx.directory.building(ofHome: home) else { throw ctx.notRegistered }
        let (approver, level) = ctx.ladder.firstResponder(for: building)
        try ctx.people.setPending(
            ctx.sender, home: home, name: ctx.displayName, by: ctx.sender, action: current == nil ? "asked to register" : "asked to move")
        let approverName = approver.map { ctx.directory.name(of: $0) }
        let confirmer = Localized(
            zh: approverName.map { EscalationLadder.holder(level, $0, .zh) } ?? "社区",
            en: approverName.map { EscalationLadder.holder(level, $0, .en) } ?? "the office")
        let meanwhile =
            current.map { Localized(zh: "确认前您仍登记在 \($0)。", en: "Until then you stay registered at \($0).") }
            ?? Localized(zh: "确认前您以访客身份使用。", en: "Until then you are a guest.")
        var outcome = Outcome(
            zh: "已提交登记：\(place.zh)，等\(confirmer.zh)确认。\(meanwhile.zh)",
            en: "Asked to register you at \(place.en); \(confirmer.en) will confirm. \(meanwhile.en)")
        // Asked again (another room) in the night: the captain is asked the newer one only.
        try ctx.timers.dropHeld(Self.asking(ctx.sender), reasons: [Self.ask])
        if let approver {
            let name = ctx.displayName ?? ctx.registration?.name
            let who = Localized(zh: name.map { "\($0)（\(ctx.sender)）" } ?? ctx.sender, en: name.map { "\($0) (\(ctx.sender))" } ?? ctx.sender)
            var ask = Effect.notify(
                to: approver, reason: Self.ask,
                text: Localized(
                    zh:
                        "【登记待确认】\(who.zh)申请登记为 \(place.zh)\(current.map { "（原 \($0)）" } ?? "")。确认请发：通过 \(ctx.sender)；不通过：拒绝 \(ctx.sender) 原因",
                    en:
                        "[Registration] \(who.en) asks to be registered at \(place.en)\(current.map { " (now \($0))" } ?? ""). Send: approve \(ctx.sender), or reject \(ctx.sender) <why>"
                ), refs: [])
            ask.about = Self.asking(ctx.sender)
            outcome.effects.append(ask)
        }
        return outcome
    }

    /// The registration `who` is waiting for, if the sender may settle it.
    private func request(_ who: String, _ ctx: CommandContext) throws -> (user: String, home: String) {
        let id = try ctx.people.resolve(who, mentions: ctx.mentions) ?? who
        guard
            let r = ctx.people.registration(id)
                ?? ctx.people.pending(in: Set(ctx.directory.community.buildings.map(\.id))).first(where: { $0.name == who }),
            let home = r.pending
        else {
            throw LinliError(.notFound, zh: "“\(who)”没有待确认的登记。", en: "“\(who)” has no registration waiting.").about(who)
        }
        guard let building = ctx.directory.building(ofHome: home), ctx.directory.manages(ctx.sender, building: building) else {
            throw LinliError(.forbidden, zh: "这个登记由\(home)所在楼栋的楼栋长确认。", en: "The captain of \(home)'s building confirms this registration.")
        }
        return (r.user, home)
    }

    /// The reason of the push that asks a captain to confirm a registration.
    static let ask = "registration_request"

    /// What the ask to confirm `user`'s registration is held under in quiet hours.
    static func asking(_ user: String) -> String { "registration:\(user)" }

    func approve(_ who: String, _ ctx: CommandContext) throws -> Outcome {
        let (user, home) = try request(who, ctx)
        try ctx.timers.dropHeld(Self.asking(user), reasons: [Self.ask])
        try ctx.people.register(user, home: home, name: nil, by: ctx.sender)
        let name = ctx.people.registration(user)?.name ?? user
        return Outcome(
            zh: "已确认：\(name) 登记为 \(home)。", en: "Confirmed: \(name) is registered at \(home).",
            effects: [
                .notify(
                    to: user, reason: "registration_approved",
                    text: Localized(
                        zh: "您的登记已确认：\(home)。发送“帮助”查看可以做什么。", en: "Your registration is confirmed: \(home). Send “help” to see what you can do."),
                    refs: [])
            ])
    }

    func reject(_ who: String, why: String?, _ ctx: CommandContext) throws -> Outcome {
        let (user, home) = try request(who, ctx)
        try ctx.timers.dropHeld(Self.asking(user), reasons: [Self.ask])
        try ctx.people.setPending(user, home: nil, name: nil, by: ctx.sender, action: "rejected")
        let name = ctx.people.registration(user)?.name ?? user
        let reason = why.map { Localized(zh: "原因：\($0)。", en: " Why: \($0).") } ?? Localized(zh: "", en: "")
        return Outcome(
            zh: "已拒绝 \(name) 登记为 \(home)。", en: "Turned down: \(name) at \(home).",
            effects: [
                .notify(
                    to: user, reason: "registration_rejected",
                    text: Localized(
                        zh: "您登记为 \(home) 的申请没有通过。\(reason.zh)如有疑问请联系楼栋长。",
                        en: "Your registration at \(home) was not confirmed.\(reason.en) Please ask your building captain."),
                    refs: [])
            ])
    }

    /// The sender's captain, grid leader and the community office.
    /// Office staff without a home get every building's.
    func contacts(_ ctx: CommandContext) throws -> Outcome {
        let buildings = try ctx.building.map { [$0] } ?? (ctx.isStaff ? ctx.directory.community.buildings : [ctx.requireBuilding()])
        let lines = buildings.map { building in
            let captain = building.captain.map { ctx.directory.name(of: $0) } ?? "—"
            let leader = ctx.directory.gridLeader(of: building).map { ctx.directory.name(of: $0) } ?? "—"
            return (zh: "\(building.name) 楼栋长：\(captain)；网格长：\(leader)", en: "\(building.title.en) captain: \(captain); grid leader: \(leader)")
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
        let where_ = ctx.directory.building(ofGroup: group)?.title ?? Localized(zh: ctx.directory.community.name, en: ctx.directory.community.name)
        var outcome = Outcome(
            zh: "欢迎\(name)加入\(where_.zh)！发送“登记 房号”完成住户登记（例如：登记 501），发送“帮助”查看可用的命令。",
            en:
                "Welcome to \(where_.en), \(name)! Send “register <room>” to register your household (e.g. register 501), and “help” to see what you can do."
        )
        outcome.effects = [.post(group: group, reason: "welcome", text: outcome.text, refs: [])]
        outcome.lang = lang
        return outcome
    }
}
