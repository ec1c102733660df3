/// A suggestion (`P<n>`, 民情收集).
public struct Proposal: Sendable, Equatable {
    public var number: Int
    public var text: String
    public var proposer: String
    public var household: String
    public var answer: String?
    public var support: Int
    public var createdAt: Instant

    public init(number: Int, text: String, proposer: String, household: String, answer: String?, support: Int, createdAt: Instant) {
        self.number = number
        self.text = text
        self.proposer = proposer
        self.household = household
        self.answer = answer
        self.support = support
        self.createdAt = createdAt
    }

    public var id: RecordID { RecordID(.proposal, number) }
}

extension Proposal {
    /// The office answers; a proposal is answered once.
    public mutating func answer(_ text: String) throws(LinliError) {
        guard answer == nil else { throw LinliError(.invalidState, zh: "\(id) 已答复。", en: "\(id) has been answered.", refs: [id.description]) }
        answer = text
    }
}
