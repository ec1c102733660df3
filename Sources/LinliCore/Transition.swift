/// What a record's transition causes besides its new state: the clocks (timers) it
/// stops and starts and the points it earns. A state machine returns it; the
/// family's one write path carries it out, so a table test sees all of it.
public struct Transition<Clock: Sendable & Equatable>: Sendable, Equatable {
    /// A clock started: its kind and when it falls due.
    public struct Start: Sendable, Equatable {
        public var clock: Clock
        public var at: Instant

        public init(clock: Clock, at: Instant) {
            self.clock = clock
            self.at = at
        }
    }

    /// A ledger item credited to a person.
    public struct Credit: Sendable, Equatable {
        public var item: String
        public var person: String

        public init(item: String, person: String) {
            self.item = item
            self.person = person
        }
    }

    public var stop: [Clock]
    public var start: [Start]
    public var credit: Credit?

    public init(stop: [Clock] = [], start: [Start] = [], credit: Credit? = nil) {
        self.stop = stop
        self.start = start
        self.credit = credit
    }

    public static var none: Transition { Transition() }
    public static func start(_ clock: Clock, at: Instant) -> Transition { Transition(start: [Start(clock: clock, at: at)]) }
    public static func stop(_ clocks: Clock...) -> Transition { Transition(stop: clocks) }
}
