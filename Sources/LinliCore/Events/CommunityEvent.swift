/// A neighbourhood event (`E<n>`): 邻里节, film nights, sports days.
public struct CommunityEvent: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var day: LocalDay
    public var start: Int
    public var capacity: Int?
    public var creator: String
    public var createdAt: Instant

    public init(number: Int, title: String, day: LocalDay, start: Int, capacity: Int?, creator: String, createdAt: Instant) {
        self.number = number
        self.title = title
        self.day = day
        self.start = start
        self.capacity = capacity
        self.creator = creator
        self.createdAt = createdAt
    }

    public var id: RecordID { RecordID(.event, number) }

    /// Whether one more can join.
    public func hasRoom(joined: Int) -> Bool { capacity.map { joined < $0 } ?? true }
}

/// An event's clocks (their names are the timers' kinds).
public enum EventClock: String, Sendable, CaseIterable {
    /// `reminderLead` before an event starts, to each participant.
    case reminder = "event_reminder"
}
