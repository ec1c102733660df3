import GRDB
import LinliCore

/// Services and loans, events, wishes, suggestions and the points ledger.
extension StoreTransaction {
    // MARK: Services and loans

    private static let requestColumns = "number, service, requester, household, details, is_loan, state, created_at, due_at, reminders"

    private static func request(_ r: Row) -> ServiceRequest {
        ServiceRequest(number: r[0], service: r[1], requester: r[2], household: r[3], details: r[4], isLoan: r[5],
                       state: ServiceRequest.State(rawValue: r[6]) ?? .open, createdAt: Instant(milliseconds: r[7]),
                       dueAt: (r[8] as Int64?).map(Instant.init(milliseconds:)), reminders: r[9])
    }

    public func insert(_ s: ServiceRequest) throws {
        try db.cachedStatement(sql: "INSERT INTO service_requests(\(Self.requestColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [s.number, s.service, s.requester, s.household, s.details, s.isLoan, s.state.rawValue, s.createdAt.milliseconds,
                                 s.dueAt?.milliseconds, s.reminders])
    }

    public func serviceRequest(_ number: Int) throws -> ServiceRequest? {
        try first("SELECT \(Self.requestColumns) FROM service_requests WHERE number = ?", [number], Self.request)
    }

    public func update(_ s: ServiceRequest) throws {
        try db.cachedStatement(sql: "UPDATE service_requests SET state = ?, due_at = ?, reminders = ? WHERE number = ?")
            .execute(arguments: [s.state.rawValue, s.dueAt?.milliseconds, s.reminders, s.number])
    }

    /// Items of a service out on loan now.
    public func onLoan(_ service: String) throws -> Int {
        try first("SELECT count(*) FROM service_requests WHERE service = ? AND is_loan = 1 AND state = 'open'", [service]) { $0[0] as Int } ?? 0
    }

    /// A person's open requests and loans.
    public func openRequests(requester: String) throws -> [ServiceRequest] {
        try all("SELECT \(Self.requestColumns) FROM service_requests WHERE requester = ? AND state = 'open' ORDER BY number", [requester], Self.request)
    }

    // MARK: Events

    private static let eventColumns = "number, title, day, start_minute, capacity, creator, created_at"

    private static func event(_ r: Row) -> CommunityEvent {
        CommunityEvent(number: r[0], title: r[1], day: LocalDay(index: r[2]), start: r[3], capacity: r[4], creator: r[5], createdAt: Instant(milliseconds: r[6]))
    }

    public func insert(_ e: CommunityEvent) throws {
        try db.cachedStatement(sql: "INSERT INTO events(\(Self.eventColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [e.number, e.title, e.day.index, e.start, e.capacity, e.creator, e.createdAt.milliseconds])
    }

    public func event(_ number: Int) throws -> CommunityEvent? {
        try first("SELECT \(Self.eventColumns) FROM events WHERE number = ?", [number], Self.event)
    }

    /// Events on or after `day`, soonest first.
    public func events(from day: LocalDay) throws -> [CommunityEvent] {
        try all("SELECT \(Self.eventColumns) FROM events WHERE day >= ? ORDER BY day, start_minute, number", [day.index], Self.event)
    }

    public func participants(_ event: Int) throws -> [String] {
        try all("SELECT user FROM event_participants WHERE event = ? ORDER BY joined_at, user", [event]) { $0[0] as String }
    }

    /// Adds a participant; false when they were in already.
    public func join(_ event: Int, user: String, at: Instant) throws -> Bool {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_participants(event, user, joined_at) VALUES (?, ?, ?)")
            .execute(arguments: [event, user, at.milliseconds])
        return db.changesCount > 0
    }

    /// Removes a participant; false when they were not in.
    public func leave(_ event: Int, user: String) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM event_participants WHERE event = ? AND user = ?").execute(arguments: [event, user])
        return db.changesCount > 0
    }

    // MARK: Wishes

    private static let wishColumns = "number, text, wisher, state, claimer, claimed_at, fulfilled_at, created_at"

    private static func wish(_ r: Row) -> Wish {
        Wish(number: r[0], text: r[1], wisher: r[2], state: Wish.State(rawValue: r[3]) ?? .open, claimer: r[4],
             claimedAt: (r[5] as Int64?).map(Instant.init(milliseconds:)), fulfilledAt: (r[6] as Int64?).map(Instant.init(milliseconds:)),
             createdAt: Instant(milliseconds: r[7]))
    }

    public func insert(_ w: Wish) throws {
        try db.cachedStatement(sql: "INSERT INTO wishes(\(Self.wishColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [w.number, w.text, w.wisher, w.state.rawValue, w.claimer, w.claimedAt?.milliseconds, w.fulfilledAt?.milliseconds,
                                 w.createdAt.milliseconds])
    }

    public func wish(_ number: Int) throws -> Wish? {
        try first("SELECT \(Self.wishColumns) FROM wishes WHERE number = ?", [number], Self.wish)
    }

    public func update(_ w: Wish) throws {
        try db.cachedStatement(sql: "UPDATE wishes SET state = ?, claimer = ?, claimed_at = ?, fulfilled_at = ? WHERE number = ?")
            .execute(arguments: [w.state.rawValue, w.claimer, w.claimedAt?.milliseconds, w.fulfilledAt?.milliseconds, w.number])
    }

    // MARK: Suggestions

    private static let proposalColumns = """
        number, text, proposer, household, answer, (SELECT count(*) FROM proposal_support s WHERE s.proposal = p.number), created_at
        """

    private static func proposal(_ r: Row) -> Proposal {
        Proposal(number: r[0], text: r[1], proposer: r[2], household: r[3], answer: r[4], support: r[5], createdAt: Instant(milliseconds: r[6]))
    }

    public func insert(_ p: Proposal) throws {
        try db.cachedStatement(sql: "INSERT INTO proposals(number, text, proposer, household, answer, created_at) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [p.number, p.text, p.proposer, p.household, p.answer, p.createdAt.milliseconds])
    }

    public func proposal(_ number: Int) throws -> Proposal? {
        try first("SELECT \(Self.proposalColumns) FROM proposals p WHERE number = ?", [number], Self.proposal)
    }

    /// Unanswered suggestions, most supported first.
    public func openProposals() throws -> [Proposal] {
        try all("SELECT \(Self.proposalColumns) FROM proposals p WHERE answer IS NULL", [], Self.proposal)
            .sorted { ($0.support, -$0.number) > ($1.support, -$1.number) }
    }

    /// Records a household's support; false when the household supported it already.
    public func support(_ proposal: Int, household: String, user: String, at: Instant) throws -> Bool {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO proposal_support(proposal, household, user, at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [proposal, household, user, at.milliseconds])
        return db.changesCount > 0
    }

    public func supporters(_ proposal: Int) throws -> [String] {
        try all("SELECT user FROM proposal_support WHERE proposal = ? ORDER BY at, user", [proposal]) { $0[0] as String }
    }

    public func answer(_ proposal: Int, _ text: String) throws {
        try db.cachedStatement(sql: "UPDATE proposals SET answer = ? WHERE number = ?").execute(arguments: [text, proposal])
    }

    // MARK: Points

    public func record(_ e: PointsEntry) throws {
        try db.cachedStatement(sql: "INSERT INTO points_ledger(person, item, points, note, actor, at, ref) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [e.person, e.item, e.points, e.note, e.actor, e.at.milliseconds, e.ref])
    }

    /// A person's ledger, oldest first.
    public func ledger(_ person: String) throws -> [PointsEntry] {
        try all("SELECT person, item, points, note, actor, at, ref FROM points_ledger WHERE person = ? ORDER BY id", [person]) {
            PointsEntry(person: $0[0], item: $0[1], points: $0[2], note: $0[3], actor: $0[4], at: Instant(milliseconds: $0[5]), ref: $0[6])
        }
    }

    /// Everyone's total, highest first.
    public func totals() throws -> [(person: String, points: Int)] {
        try all("SELECT person, sum(points) AS total FROM points_ledger GROUP BY person ORDER BY total DESC, person", []) { ($0[0] as String, $0[1] as Int) }
    }
}
