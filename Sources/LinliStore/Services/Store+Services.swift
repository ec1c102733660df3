import GRDB
import LinliCore

/// Services and loans.
extension StoreTransaction {
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
}
