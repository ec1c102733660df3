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
            .init("handler") { .text($0.handler) },
            .init("level") { .text($0.level?.rawValue) },
            .init("accepted_by") { .text($0.acceptedBy) },
            .init("accepted_at") { .int($0.acceptedAt?.milliseconds) },
            .init("closed_at") { .int($0.closedAt?.milliseconds) },
            .init("result") { .text($0.result) },
            .init("quantity") { .int($0.quantity) },
            .init("returned") { .int($0.returned) },
        ]
    ) { row in
        var r = ServiceRequest(
            number: row.int("number"), service: row.text("service"), requester: row.text("requester"), household: row.text("household"),
            details: row.optionalText("details"), isLoan: row.bool("is_loan"), state: ServiceRequest.State(rawValue: row.text("state")) ?? .open,
            createdAt: row.instant("created_at"), dueAt: row.optionalInstant("due_at"), reminders: row.int("reminders"),
            handler: row.optionalText("handler"), quantity: row.int("quantity"), returned: row.int("returned"))
        r.level = row.optionalText("level").flatMap(Level.init)
        r.acceptedBy = row.optionalText("accepted_by")
        r.acceptedAt = row.optionalInstant("accepted_at")
        r.closedAt = row.optionalInstant("closed_at")
        r.result = row.optionalText("result")
        return r
    }
}

/// Services and loans.
extension StoreTransaction {
    public func insert(_ s: ServiceRequest) throws { try insert(s, ServiceRequest.codec) }

    public func serviceRequest(_ number: Int) throws -> ServiceRequest? { try records(ServiceRequest.codec, "WHERE number = ?", .int(number)).first }

    /// Writes the columns in which `new` differs from `old`.
    public func update(_ new: ServiceRequest, from old: ServiceRequest) throws { try update(new, from: old, ServiceRequest.codec) }

    /// Items of a service out on loan now (a loan of several counts each item still out).
    public func onLoan(_ service: String) throws -> Int {
        try first(
            "SELECT coalesce(sum(quantity - returned), 0) FROM service_requests WHERE service = ? AND is_loan = 1 AND state = 'open'", [service]
        ) { $0[0] as Int } ?? 0
    }

    /// A person's loans of a service still out, oldest first.
    public func openLoans(requester: String, service: String) throws -> [ServiceRequest] {
        try records(
            ServiceRequest.codec, "WHERE requester = ? AND service = ? AND is_loan = 1 AND state = 'open' ORDER BY number", .text(requester),
            .text(service))
    }

    /// A person's open requests and loans.
    public func openRequests(requester: String) throws -> [ServiceRequest] {
        try records(ServiceRequest.codec, "WHERE requester = ? AND state IN ('open', 'accepted') ORDER BY number", .text(requester))
    }

    /// The open requests of some services, oldest first: what their handlers' queues list;
    /// with `loans`, the loans still out too (what the staff pages list).
    public func openRequests(services: [String], loans: Bool = false) throws -> [ServiceRequest] {
        guard !services.isEmpty else { return [] }
        return try records(
            ServiceRequest.codec,
            "WHERE service IN (\(Self.marks(services.count)))\(loans ? "" : " AND is_loan = 0") AND state IN ('open', 'accepted') ORDER BY number",
            values: services.map(SQLValue.text))
    }

    /// The requests (not loans) made in `[from, to)`, oldest first: what statistics count.
    public func serviceRequests(from: Instant?, to: Instant?) throws -> [ServiceRequest] {
        try records(
            ServiceRequest.codec, "WHERE is_loan = 0 AND created_at >= ? AND created_at < ? ORDER BY number",
            .int(from?.milliseconds ?? Int64.min), .int(to?.milliseconds ?? Int64.max))
    }
}
