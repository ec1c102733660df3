/// An emergency broadcast `A<n>` (紧急通知), or a drill of one (演练): posted to the
/// groups in its sender's scope and pushed to the captains and grid leaders there,
/// each of whom is asked to acknowledge it. While someone has not, the sender is
/// told who every `reminderEvery`, and they are asked again, at most `maxReminders`
/// times. When the last one acknowledges, the time it took is kept.
public struct Alert: Sendable, Equatable {
    /// One person asked to acknowledge, and when they did.
    public struct Receipt: Sendable, Equatable {
        public var person: String
        public var ackedAt: Instant?

        public init(person: String, ackedAt: Instant? = nil) {
            self.person = person
            self.ackedAt = ackedAt
        }
    }

    /// What an `ack` came to.
    public enum Acknowledgement: Sendable, Equatable {
        /// Kept; `last`: everyone asked has now acknowledged.
        case recorded(last: Bool)
        /// This person acknowledged at this time already.
        case already(Instant)
        /// This person was not asked.
        case notAsked
    }

    public var number: Int
    public var text: String
    public var sender: String
    /// A drill: the same broadcast, marked 演练 and counted apart.
    public var drill: Bool
    /// The buildings in the sender's scope when it was raised: who may list it.
    public var buildings: [String]
    /// Those asked to acknowledge, in the order they were asked.
    public var receipts: [Receipt]
    public var createdAt: Instant
    /// When the last one asked acknowledged; nil while someone has not.
    public var completedAt: Instant?
    /// The reminders sent so far.
    public var reminders: Int

    public init(
        number: Int, text: String, sender: String, drill: Bool, buildings: [String], receipts: [Receipt], createdAt: Instant,
        completedAt: Instant? = nil, reminders: Int = 0
    ) {
        self.number = number
        self.text = text
        self.sender = sender
        self.drill = drill
        self.buildings = buildings
        self.receipts = receipts
        self.createdAt = createdAt
        self.completedAt = completedAt
        self.reminders = reminders
    }

    /// A new alert asking `asked` to acknowledge; one that asks nobody is acknowledged by all at once.
    public static func raise(
        number: Int, text: String, sender: String, drill: Bool, buildings: [String], asking asked: [String], at now: Instant
    )
        -> Alert
    {
        Alert(
            number: number, text: text, sender: sender, drill: drill, buildings: buildings, receipts: asked.map { Receipt(person: $0) },
            createdAt: now, completedAt: asked.isEmpty ? now : nil)
    }

    public var id: RecordID { RecordID(.alert, number) }

    /// The sender hears who is missing, and they are asked again, this long after the alert and after each reminder.
    public static let reminderEvery = Span.minutes(10)
    /// At most this many reminders: nobody is asked more than four times in all.
    public static let maxReminders = 3

    /// Those asked who have not acknowledged yet, in the order they were asked.
    public var missing: [String] { receipts.filter { $0.ackedAt == nil }.map(\.person) }

    /// How long it took everyone asked to acknowledge; nil while someone has not.
    public var timeToFullAck: Span? { completedAt.map { $0.since(createdAt) } }

    /// The clock a new alert starts: the first reminder, when someone is asked.
    public var opening: Transition<AlertClock> {
        completedAt == nil ? .start(.remind, at: createdAt.adding(Self.reminderEvery)) : .none
    }

    /// `person` acknowledges: kept once for someone asked; the last one stops the reminders.
    public mutating func acknowledge(by person: String, at now: Instant) -> (Acknowledgement, Transition<AlertClock>) {
        guard let i = receipts.firstIndex(where: { $0.person == person }) else { return (.notAsked, .none) }
        if let at = receipts[i].ackedAt { return (.already(at), .none) }
        receipts[i].ackedAt = now
        guard missing.isEmpty else { return (.recorded(last: false), .none) }
        completedAt = now
        return (.recorded(last: true), .stop(.remind))
    }

    /// A reminder fell due: who is still missing (to be told to the sender and asked
    /// again), and the next reminder while some are left to send.
    public mutating func remind(at now: Instant) -> (missing: [String], Transition<AlertClock>) {
        let missing = self.missing
        guard !missing.isEmpty, reminders < Self.maxReminders else { return ([], .none) }
        reminders += 1
        return (missing, reminders < Self.maxReminders ? .start(.remind, at: now.adding(Self.reminderEvery)) : .none)
    }
}

/// An alert's clocks (their names are the timers' kinds).
public enum AlertClock: String, Sendable, CaseIterable {
    /// Who has not acknowledged: told to the sender, and asked again.
    case remind = "alert_remind"
}
