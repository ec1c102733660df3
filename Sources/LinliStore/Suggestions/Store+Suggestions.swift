import GRDB
import LinliCore

/// Suggestions and their supporters.
extension StoreTransaction {
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
}
