import GRDB
import LinliCore

extension ServiceRequest {
    /// The `service_requests` table.
    static let codec = TableCodec<ServiceRequest>(
        table: "service_requests", key: "number",
        columns: [
            .init("number") { .int($0.number) },
            .init("service") { .text($0.service) },
            .init("requester") { .text($0.requester) },
            .init("household") { .text($0.household) },
            .init("details") { .text($0.details) },
            .init("is_loan") { .int($0.isLoan ? 1 : 0) },
            .init("state") { .text($0.state.rawValue) },
            .init("created_at") { .int($0.createdAt.milliseconds) },
            .init("due_at") { .int($0.dueAt?.milliseconds) },
            .init("reminders") { .int($0.reminders) },
        ]
    ) { row in
        ServiceRequest(
            number: row.int("number"), service: row.text("service"), requester: row.text("requester"), household: row.text("household"),
            details: row.optionalText("details"), isLoan: row.bool("is_loan"), state: ServiceRequest.State(rawValue: row.text("state")) ?? .open,
            createdAt: row.instant("created_at"), dueAt: row.optionalInstant("due_at"), reminders: row.int("reminders"))
    }
}

/// Services and loans.
extension StoreTransaction {
    public func insert(_ s: ServiceRequest) throws { try insert(s, ServiceRequest.codec) }

    public func serviceRequest(_ number: Int) throws -> ServiceRequest? { try records(ServiceRequest.codec, "WHERE number = ?", .int(number)).first }

    /// Writes the columns in which `new` differs from `old`.
    public func update(_ new: ServiceRequest, from old: ServiceRequest) throws { try update(new, from: old, ServiceRequest.codec) }

    /// Items of a service out on loan now.
    public func onLoan(_ service: String) throws -> Int {
        try first("SELECT count(*) FROM service_requests WHERE service = ? AND is_loan = 1 AND state = 'open'", [service]) { $0[0] as Int } ?? 0
    }

    /// A person's open requests and loans.
    public func openRequests(requester: String) throws -> [ServiceRequest] {
        try records(ServiceRequest.codec, "WHERE requester = ? AND state = 'open' ORDER BY number", .text(requester))
    }
}
