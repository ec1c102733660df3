import LinliCore

extension Dispute {
    /// The `disputes` table: one row a dispute that reached its invitation.
    static let codec = TableCodec<Dispute>(
        table: "disputes", key: "number",
        columns: [
            .init("number") { .int($0.number) },
            .init("mediator") { .text($0.mediator) },
            .init("complainant") { .text($0.complainant.person) },
            .init("respondent") { .text($0.respondent.person) },
            .init("respondent_home") { .text($0.respondentHome) },
            .init("booking") { .int($0.meeting.booking) },
            .init("venue") { .text($0.meeting.venue) },
            .init("day") { .int($0.meeting.day.index) },
            .init("start_minute") { .int($0.meeting.start) },
            .init("end_minute") { .int($0.meeting.end) },
            .init("invited_at") { .int($0.invitedAt.milliseconds) },
            .init("terms") { .text($0.terms) },
            .init("agreed_at") { .int($0.agreedAt?.milliseconds) },
            .init("settled_at") { .int($0.settledAt?.milliseconds) },
            .init("publicised_at") { .int($0.publicisedAt?.milliseconds) },
            .init("complainant_attending_at") { .int($0.complainant.attendingAt?.milliseconds) },
            .init("complainant_confirmed_at") { .int($0.complainant.confirmedAt?.milliseconds) },
            .init("complainant_consented_at") { .int($0.complainant.consentedAt?.milliseconds) },
            .init("respondent_attending_at") { .int($0.respondent.attendingAt?.milliseconds) },
            .init("respondent_confirmed_at") { .int($0.respondent.confirmedAt?.milliseconds) },
            .init("respondent_consented_at") { .int($0.respondent.consentedAt?.milliseconds) },
            .init("respondent_rating") { .int($0.respondent.rating.map(Int64.init)) },
        ]
    ) { row in
        func party(_ side: String) -> Dispute.Party {
            Dispute.Party(
                person: row.text(side), attendingAt: row.optionalInstant("\(side)_attending_at"),
                confirmedAt: row.optionalInstant("\(side)_confirmed_at"),
                consentedAt: row.optionalInstant("\(side)_consented_at"), rating: side == "respondent" ? row.optionalInt("respondent_rating") : nil)
        }
        return Dispute(
            number: row.int("number"), mediator: row.text("mediator"), complainant: party("complainant"), respondent: party("respondent"),
            respondentHome: row.optionalText("respondent_home"),
            meeting: Dispute.Meeting(
                booking: row.int("booking"), venue: row.text("venue"), day: LocalDay(index: row.int("day")), start: row.int("start_minute"),
                end: row.int("end_minute")),
            invitedAt: row.instant("invited_at"), terms: row.optionalText("terms"), agreedAt: row.optionalInstant("agreed_at"),
            settledAt: row.optionalInstant("settled_at"), publicisedAt: row.optionalInstant("publicised_at"))
    }
}

/// Disputes past their intake (五事工作法).
extension StoreTransaction {
    public func insert(_ d: Dispute) throws { try insert(d, Dispute.codec) }

    /// The dispute of work order `number`, once invited.
    public func dispute(_ number: Int) throws -> Dispute? { try records(Dispute.codec, "WHERE number = ?", .int(number)).first }

    /// The dispute whose meeting is booking `number`, if one is.
    public func dispute(meeting number: Int) throws -> Dispute? { try records(Dispute.codec, "WHERE booking = ?", .int(number)).first }

    /// The disputes of some work orders (the ones a statistic counts).
    public func disputes(_ numbers: [Int]) throws -> [Dispute] {
        guard !numbers.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: numbers.count).joined(separator: ", ")
        return try records(Dispute.codec, "WHERE number IN (\(marks)) ORDER BY number", values: numbers.map { .int($0) })
    }

    /// The unsettled disputes in which `person` is invited and has not said they will attend.
    public func disputes(unansweredBy person: String) throws -> [Dispute] {
        try records(
            Dispute.codec,
            """
            WHERE settled_at IS NULL AND ((complainant = ? AND complainant_attending_at IS NULL) OR (respondent = ? AND respondent_attending_at IS NULL))
            ORDER BY number
            """, values: [.text(person), .text(person)])
    }

    /// The unsettled disputes whose agreement is recorded and `person`, a party, has not confirmed.
    public func disputes(toConfirmBy person: String) throws -> [Dispute] {
        try records(
            Dispute.codec,
            """
            WHERE settled_at IS NULL AND agreed_at IS NOT NULL
              AND ((complainant = ? AND complainant_confirmed_at IS NULL) OR (respondent = ? AND respondent_confirmed_at IS NULL))
            ORDER BY number
            """, values: [.text(person), .text(person)])
    }

    /// Writes the columns in which `new` differs from `old`.
    public func update(_ new: Dispute, from old: Dispute) throws { try update(new, from: old, Dispute.codec) }
}
