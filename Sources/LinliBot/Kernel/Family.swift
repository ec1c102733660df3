import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore

/// A command family's handler: runs the family's commands and fires its timers over
/// a narrow context. It cannot reach the engine or another family; what families
/// share is a named service of the kernel (`Kernel`).
///
/// ```swift
/// struct WishesFamily: Family {
///     func run(_ command: WishesCommand, _ ctx: CommandContext) throws -> Outcome { … }
///     func fire(_ timer: WishTimer, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] { … }
/// }
/// ```
protocol Family: Sendable {
    associatedtype Command: FamilyCommand
    associatedtype Timer: TimerKind = NoTimer
    /// Runs one command. A refusal is thrown before anything is written.
    func run(_ command: Command, _ ctx: CommandContext) throws -> Outcome
    /// Fires one of the family's timers that fell due.
    func fire(_ timer: Timer, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect]
    /// A timer the kernel fires every day at this local time (minutes after midnight)
    /// from the engine's first start on; nil: none.
    var daily: (timer: Timer, minutes: Int)? { get }
    /// What a missing argument of command `id`, after the words `said`, can only be for
    /// this sender (the one alert awaiting their acknowledgement), so that nobody is asked.
    func presume(_ missing: ArgSpec, of id: String, said: String, _ ctx: CommandContext) throws -> Presumption<String>
    /// What waits on the sender's word in this family (an alert to acknowledge, a report to
    /// accept), each with the command that gives it: told to whoever answers the bot with a mere OK.
    func awaiting(_ ctx: CommandContext) throws -> [Localized]
}

/// What a family presumes of a missing argument: the one thing it can be; to ask which
/// (several can be), with the question naming them if it can (`choose`); that there is
/// nothing it could be (no alert awaits the sender); or that the command cannot be, and
/// why (`cancel my booking` with no booking to come).
enum Presumption<Value> {
    case value(Value)
    case ask
    case choose(Localized)
    case nothing
    case refused(LinliError)
}

extension Presumption {
    /// Which of `names` (each in the language it is asked in), after `question`: `撤销哪一个预约？B1 …；B2 …`.
    static func choose(_ question: Localized, among names: (Lang) -> [String]) -> Presumption {
        .choose(Localized(zh: question.zh + names(.zh).joined(separator: "；"), en: question.en + " " + names(.en).joined(separator: "; ")))
    }

    /// Whether the sender is to be asked which.
    var asks: Bool {
        switch self {
        case .ask, .choose: true
        case .value, .nothing, .refused: false
        }
    }
}

extension Family {
    var daily: (timer: Timer, minutes: Int)? { nil }
    func presume(_ missing: ArgSpec, of id: String, said: String, _ ctx: CommandContext) throws -> Presumption<String> { .ask }
    func awaiting(_ ctx: CommandContext) throws -> [Localized] { [] }
}

extension Family where Timer == NoTimer {
    func fire(_ timer: NoTimer, _ row: TimerRow, _ ctx: Kernel) throws -> [Effect] { [] }
}

/// A family's timer kinds: the raw value is what the timers table stores.
protocol TimerKind: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

/// The timer kind of a family that has none.
enum NoTimer: TimerKind {
    init?(rawValue: String) { nil }
    var rawValue: String { switch self {} }
    static var allCases: [NoTimer] { [] }
}

extension Family {
    /// Runs `command` if it is this family's.
    func handle(_ command: any FamilyCommand, _ ctx: CommandContext) throws -> Outcome? {
        guard let mine = command as? Command else { return nil }
        return try run(mine, ctx)
    }

    /// The family's name: its catalog file's `family:`.
    var name: String { Command.family }

    /// The type of the command values this family runs.
    var commandType: ObjectIdentifier { ObjectIdentifier(Command.self) }

    /// The family's daily timer, by its stored kind.
    var dailyRoute: (String, Int)? { daily.map { ($0.timer.rawValue, $0.minutes) } }

    /// This family's timers, by their stored kind.
    func timerRoutes() -> [(String, @Sendable (TimerRow, Kernel) throws -> [Effect])] {
        Timer.allCases.map { kind in (kind.rawValue, { row, ctx in try fire(kind, row, ctx) }) }
    }
}

/// The one table that knows the families: commands go to their family, timers to
/// the family that declared their kind.
struct Dispatcher: Sendable {
    /// Adding a family is one entry here (and one case in `Command`).
    static let families: [any Family] = [
        PeopleFamily(), WorkOrdersFamily(), BookingsFamily(), ServicesFamily(), EventsFamily(), WishesFamily(),
        SuggestionsFamily(), PointsFamily(), AnnouncementsFamily(), DeliveriesFamily(), HouseholdsFamily(),
        RolesFamily(), AccountabilityFamily(), AlertsFamily(), DisputesFamily(), DashboardFamily(),
    ]

    private let timers: [String: @Sendable (TimerRow, Kernel) throws -> [Effect]]
    /// The families' daily timers: kind, local minutes after midnight.
    let daily: [String: Int]
    /// Each family by the type of its command value.
    private let byCommand: [ObjectIdentifier: any Family]

    /// The dispatcher of some families (`only`: their catalog family names), or of all.
    init(only: Set<String>? = nil) {
        var timers: [String: @Sendable (TimerRow, Kernel) throws -> [Effect]] = [:]
        var byCommand: [ObjectIdentifier: any Family] = [:]
        var daily: [String: Int] = [:]
        for family in Self.families where only?.contains(family.name) ?? true {
            byCommand[family.commandType] = family
            if let (kind, minutes) = family.dailyRoute { daily[kind] = minutes }
            for (kind, fire) in family.timerRoutes() {
                precondition(timers[kind] == nil && !Kernel.isHeldPush(kind), "timer kind \(kind) is declared twice")
                timers[kind] = fire
            }
        }
        self.timers = timers
        self.byCommand = byCommand
        self.daily = daily
    }

    /// What `family`'s command `id` presumes for its `missing` argument, if anything.
    func presume(_ missing: ArgSpec, of id: String, family: String, said: String, _ ctx: CommandContext) throws -> Presumption<String> {
        try byCommand.values.first { $0.name == family }?.presume(missing, of: id, said: said, ctx) ?? .ask
    }

    /// What waits on the sender's word, in every family.
    func awaiting(_ ctx: CommandContext) throws -> [Localized] {
        try Self.families.filter { byCommand[$0.commandType] != nil }.flatMap { try $0.awaiting(ctx) }
    }

    func run(_ command: Command, _ ctx: CommandContext) throws -> Outcome {
        let value = command.family
        guard let family = byCommand[ObjectIdentifier(type(of: value))], let outcome = try family.handle(value, ctx) else {
            preconditionFailure("no family handles \(command.name)")
        }
        return outcome
    }

    /// A member joined a group: the people family's welcome.
    func welcome(_ event: InboundEvent, _ ctx: Kernel) -> Outcome? { PeopleFamily().welcome(event, ctx) }

    /// Fires a timer through its family; nil for a kind no family declares.
    func fire(_ row: TimerRow, _ ctx: Kernel) throws -> [Effect]? {
        guard let fire = timers[row.kind] else { return nil }
        return try fire(row, ctx)
    }
}
