import GRDB
import LinliCore

/// Micro-wishes.
extension StoreTransaction {
    private static let wishColumns = "number, text, wisher, state, claimer, claimed_at, fulfilled_at, created_at"

    private static func wish(_ r: Row) -> Wish {
        Wish(number: r[0], text: r[1], wisher: r[2], state: Wish.State(rawValue: r[3]) ?? .open, claimer: r[4],
             claimedAt: (r[5] as Int64?).map(Instant.init(milliseconds:)), fulfilledAt: (r[6] as Int64?).map(Instant.init(milliseconds:)),
             createdAt: Instant(milliseconds: r[7]))
    }

    public func insert(_ w: Wish) throws {
        try db.cachedStatement(sql: "INSERT INTO wishes(\(Self.wishColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [w.number, w.text, w.wisher, w.state.rawValue, w.claimer, w.claimedAt?.milliseconds, w.fulfilledAt?.milliseconds,
                                 w.createdAt.milliseconds])
    }

    public func wish(_ number: Int) throws -> Wish? {
        try first("SELECT \(Self.wishColumns) FROM wishes WHERE number = ?", [number], Self.wish)
    }

    public func update(_ w: Wish) throws {
        try db.cachedStatement(sql: "UPDATE wishes SET state = ?, claimer = ?, claimed_at = ?, fulfilled_at = ? WHERE number = ?")
            .execute(arguments: [w.state.rawValue, w.claimer, w.claimedAt?.milliseconds, w.fulfilledAt?.milliseconds, w.number])
    }
}
