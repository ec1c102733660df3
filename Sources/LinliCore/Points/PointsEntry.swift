/// One line of the points ledger: who got what, when, why, from whom.
public struct PointsEntry: Sendable, Equatable {
    public var person: String
    public var item: String
    public var points: Int
    public var note: String?
    public var actor: String
    public var at: Instant
    public var ref: String?

    public init(person: String, item: String, points: Int, note: String?, actor: String, at: Instant, ref: String?) {
        self.person = person
        self.item = item
        self.points = points
        self.note = note
        self.actor = actor
        self.at = at
        self.ref = ref
    }
}
