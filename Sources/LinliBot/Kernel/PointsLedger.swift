import LinliCommands
import LinliCore
import LinliStore

/// The points ledger every family credits through: items from the community file.
struct PointsLedger {
    let directory: Directory
    let tx: StoreTransaction
    let now: Instant

    /// A ledger item by id or by any of its names.
    func item(_ word: String) -> PointsItem? {
        let w = Grammar.fold(word).lowercased()
        return directory.community.points.first { $0.id == w || $0.names.contains { Grammar.fold($0).lowercased() == w } }
    }

    /// Credits `person` with `item`'s points.
    func credit(_ person: String, _ item: PointsItem, note: String?, by actor: String, ref: String?) throws {
        try tx.record(PointsEntry(person: person, item: item.id, points: item.points, note: note, actor: actor, at: now, ref: ref))
    }
}
