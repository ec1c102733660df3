import LinliCore

extension Proposal {
    /// The `proposals` table; `support` is counted from `proposal_support`.
    static let codec = TableCodec<Proposal>(
        table: "proposals", key: "number",
        columns: [
            .init("number") { .int($0.number) },
            .init("text") { .text($0.text) },
            .init("proposer") { .text($0.proposer) },
            .init("household") { .text($0.household) },
            .init("answer") { .text($0.answer) },
            .init("created_at") { .int($0.createdAt.milliseconds) },
        ], computed: [("support", "(SELECT count(*) FROM proposal_support s WHERE s.proposal = p.number)")]
    ) { row in
        Proposal(
            number: row.int("number"), text: row.text("text"), proposer: row.text("proposer"), household: row.text("household"),
            answer: row.optionalText("answer"), support: row.int("support"), createdAt: row.instant("created_at"))
    }
}

/// Suggestions and their supporters.
extension StoreTransaction {
    public func insert(_ p: Proposal) throws { try insert(p, Proposal.codec) }

    public func proposal(_ number: Int) throws -> Proposal? { try records(Proposal.codec, "WHERE number = ?", alias: "p", .int(number)).first }

    /// Unanswered suggestions, most supported first.
    public func openProposals() throws -> [Proposal] {
        try records(Proposal.codec, "WHERE answer IS NULL", alias: "p").sorted { ($0.support, -$0.number) > ($1.support, -$1.number) }
    }

    /// Records a household's support; false when the household supported it already.
    public func support(_ proposal: Int, household: String, user: String, at: Instant) throws -> Bool {
        try execute(
            "INSERT INTO proposal_support(proposal, household, user, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [proposal, household, user, at.milliseconds]
        ) > 0
    }

    public func supporters(_ proposal: Int) throws -> [String] {
        try all("SELECT user FROM proposal_support WHERE proposal = ? ORDER BY at, user", [proposal]) { $0[0] as String }
    }

    /// Writes the columns in which `new` differs from `old`.
    public func update(_ new: Proposal, from old: Proposal) throws { try update(new, from: old, Proposal.codec) }
}
