import LinliCommands
import LinliCore
import LinliStore

/// A push the handling of an event causes, besides its reply: a `notify` to one
/// person (in their language; a private reply in the reply's) or a `post` into a group
/// (in the group's language). Codable: a push deferred by quiet hours waits in a timer.
struct Effect: Codable, Equatable, Sendable {
    var to: String?
    var group: String?
    var reason: String
    var text: Localized
    var refs: [String]
    /// The work order's priority: pushes below P0 wait out quiet hours.
    var priority: Priority?
    /// A private reply's language: the command's, as the reply it continues (the
    /// recipient's noted language otherwise).
    var replyLang: Lang?
    /// What a push held for quiet hours is filed under when it names no record (a
    /// person's registration), so that deciding it drops the ask; else its first ref.
    var about: String?

    /// The priority of routine notices no one needs at night (a loan's return reminder,
    /// a booking to approve, a claim that lapsed): like a work order below P0, they wait
    /// out quiet hours.
    static let routine = Priority.p3

    static func notify(to: String, reason: String, text: Localized, refs: [String], priority: Priority? = nil) -> Effect {
        Effect(to: to, reason: reason, text: text, refs: refs, priority: priority)
    }

    static func post(group: String, reason: String, text: Localized, refs: [String], priority: Priority? = nil) -> Effect {
        Effect(group: group, reason: reason, text: text, refs: refs, priority: priority)
    }
}

/// What handling a message came to: the reply and the pushes after it.
struct Outcome {
    var ok = true
    var code: ErrorCode?
    var text: Localized
    var refs: [String] = []
    var effects: [Effect] = []
    /// The reply's language: set by a handler that decides it (`lang` answers in the
    /// language just chosen), else the engine's choice (PROTOCOL.md §2.3).
    var lang: Lang?
    /// The reply says already when pushes held by quiet hours go out (“07:00通知…”);
    /// else the engine adds it to a reply whose pushes wait.
    var saysWhenHeld = false

    init(_ text: Localized, refs: [String] = [], effects: [Effect] = []) {
        self.text = text
        self.refs = refs
        self.effects = effects
    }

    init(zh: String, en: String, refs: [String] = [], effects: [Effect] = []) {
        self.init(Localized(zh: zh, en: en), refs: refs, effects: effects)
    }

    init(error: LinliError) {
        ok = false
        code = error.code
        text = error.message
        refs = error.refs
    }
}

/// Who sent a message, where and when, in what language, and the kernel to act
/// through: all a handler sees.
@dynamicMemberLookup
struct CommandContext {
    let sender: String
    let displayName: String?
    let group: String?
    /// Whether the bot was called: a private chat, or in a group by its name or a mention.
    /// Uncalled in a group, a message counts only as a whole command or an answer (PROTOCOL.md §2.1).
    let called: Bool
    let mentions: [String]
    /// The chat platform the message came through; nil for LLP/1 (`InboundEvent.via`).
    let via: String?
    /// The sender as the community file knows them.
    let person: Person?
    /// What the sender told Linli in chat (home, language).
    let registration: Registration?
    /// The reply language: the sender's choice, else the command's.
    var lang: Lang
    let kernel: Kernel

    /// The kernel's services and values: `ctx.tx`, `ctx.now`, `ctx.timers`…
    subscript<T>(dynamicMember path: KeyPath<Kernel, T>) -> T { kernel[keyPath: path] }

    /// The sender's household, `b3-501`.
    var home: String? { registration?.home ?? person?.home }
    var building: Building? { home.flatMap(kernel.directory.building(ofHome:)) }
    var roles: Set<Role> { person?.roles ?? (home == nil ? [] : [.resident]) }
    /// Whether what is sent to the sender privately reaches them: LLP/1's reader is handed
    /// it; through a chat platform, only a private channel of theirs carries it.
    var reachedPrivately: Bool { reaches(sender) }
    /// Whether what is sent to `person` privately reaches them, as `reachedPrivately`.
    func reaches(_ person: String) -> Bool { via == nil || kernel.reachesPrivately(person) }
    var isStaff: Bool { roles.contains(.staff) }
    /// Whether the catalog lists a command for the sender (its `roles:` name `anyone`,
    /// `resident` with a home, one of their roles, `department` for a department's member).
    /// Made for every message and mostly not called: nothing is looked up until it is.
    var mayUse: @Sendable (CommandSpec) -> Bool {
        let (resident, roles, directory, sender) = (home != nil, roles, kernel.directory, sender)
        return { spec in
            spec.roles.contains { role in
                switch role {
                case "anyone": true
                case "resident": resident
                case "department": !directory.departments(of: sender).isEmpty
                default: Role(rawValue: role).map(roles.contains) ?? false
                }
            }
        }
    }

    /// The sender as a handler reads it: name and household.
    var senderLabel: String {
        let name = person?.name ?? registration?.name ?? displayName ?? sender
        return home.map { "\(name) \($0)" } ?? name
    }

    /// The household a booking or a loan is for: the sender's, or for office staff
    /// without one, the office's (`office`). Else `not_registered`.
    func requireHousehold() throws(LinliError) -> String {
        if let home { return home }
        if isStaff { return Self.office }
        throw notRegistered
    }

    /// The household of the community office's own bookings and loans.
    static let office = "office"

    /// `not_registered`, saying so when the sender's registration waits for the captain.
    var notRegistered: LinliError {
        if let pending = registration?.pending {
            return LinliError(
                .notRegistered, zh: "您登记为 \(pending) 的申请正在等楼栋长确认，确认后就可以使用了。",
                en: "Your registration at \(pending) is waiting for the building captain to confirm it.")
        }
        return LinliError(
            .notRegistered, zh: "您还没有登记住户。请先在楼栋群里发送“登记 房号”，例如：登记 501",
            en: "You are not registered yet. Send “register <room>” in your building group first, e.g. register 501")
    }

    /// Someone Linli knows: a registered resident, or anyone the community file names
    /// (office staff and grid leaders need no home of their own). Else `not_registered`.
    func requireKnown() throws(LinliError) {
        if home == nil && person == nil { throw notRegistered }
    }

    /// The sender's building, or `not_registered`.
    func requireBuilding() throws(LinliError) -> Building {
        guard let building else { throw notRegistered }
        return building
    }
}

extension Outcome {
    /// PROTOCOL.md §2.2: a reply in a group never shows a private record. There it
    /// reads `named` (such records named only); the whole reply goes to the asker
    /// as a private `notify` (reason `private_reply`); to one no private channel
    /// reaches, it says where to ask instead. Elsewhere it is unchanged.
    func keepingPrivate(_ named: Localized, in ctx: CommandContext) -> Outcome {
        guard ctx.group != nil else { return self }
        guard ctx.reachedPrivately else {
            let bot = ctx.directory.botNames
            let asked = Localized(zh: "\(named.zh)\n（详情请私聊\(bot.zh)查看）", en: "\(named.en)\n(ask \(bot.en) in a private chat for the details)")
            return Outcome(asked, refs: refs, effects: effects)
        }
        let sent = Localized(zh: "\(named.zh)\n（详情已私信发给您）", en: "\(named.en)\n(details sent to you privately)")
        return Outcome(sent, refs: refs, effects: [.notify(to: ctx.sender, reason: "private_reply", text: text, refs: refs)] + effects)
    }
}

extension LinliError {
    /// PROTOCOL.md §2.2: a refusal in a group that would say something private there
    /// reads `named`, and why goes to the sender privately (`privately`; to one no private
    /// channel reaches, the group is told where to ask instead). Elsewhere it is unchanged.
    /// `keptPrivate` naming the record it is about: “R2 私密事项，没有办成”.
    func keptPrivate(_ id: RecordID, in ctx: CommandContext) -> LinliError {
        keptPrivate(Localized(zh: "\(id) 私密事项，没有办成", en: "\(id) private matter: not done"), in: ctx)
    }

    func keptPrivate(_ named: Localized, in ctx: CommandContext) -> LinliError {
        guard ctx.group != nil else { return self }
        var error = self
        error.privately = message
        let bot = ctx.directory.botNames
        error.message =
            ctx.reachedPrivately
            ? Localized(zh: "\(named.zh)\n（原因已私信发给您）", en: "\(named.en)\n(why is sent to you privately)")
            : Localized(zh: "\(named.zh)\n（原因请私聊\(bot.zh)查看）", en: "\(named.en)\n(ask \(bot.en) in a private chat why)")
        return error
    }
}

