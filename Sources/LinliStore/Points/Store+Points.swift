import LinliCore

extension PointsEntry {
    /// The `points_ledger` table (its `id` orders the entries).
    static let codec = TableCodec<PointsEntry>(
        table: "points_ledger", key: "id",
        columns: [
            .init("person") { .text($0.person) },
            .init("item") { .text($0.item) },
            .init("points") { .int($0.points) },
            .init("note") { .text($0.note) },
            .init("actor") { .text($0.actor) },
            .init("at") { .int($0.at.milliseconds) },
            .init("ref") { .text($0.ref) },
        ]
    ) { row in
        PointsEntry(
            person: row.text("person"), item: row.text("item"), points: row.int("points"), note: row.optionalText("note"),
            actor: row.text("actor"), at: row.instant("at"), ref: row.optionalText("ref"))
    }
}

/// The points ledger: entries are only ever added.
extension StoreTransaction {
    public func record(_ e: PointsEntry) throws { try insert(e, PointsEntry.codec) }

    /// A person's ledger, oldest first.
    public func ledger(_ person: String) throws -> [PointsEntry] { try records(PointsEntry.codec, "WHERE person = ? ORDER BY id", .text(person)) }

    /// Whether `person` was credited `item` for the record `ref` already (points earned
    /// once per record, whatever happens to it after).
    public func wasCredited(_ person: String, item: String, ref: String) throws -> Bool {
        try first("SELECT 1 FROM points_ledger WHERE person = ? AND item = ? AND ref = ? LIMIT 1", [person, item, ref]) { _ in true } ?? false
    }

    /// Everyone's total, highest first.
    public func totals() throws -> [(person: String, points: Int)] {
        try all("SELECT person, sum(points) AS total FROM points_ledger GROUP BY person ORDER BY total DESC, person", []) {
            ($0[0] as String, $0[1] as Int)
        }
    }
}
