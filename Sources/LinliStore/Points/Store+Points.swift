import GRDB
import LinliCore

/// The points ledger.
extension StoreTransaction {
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
