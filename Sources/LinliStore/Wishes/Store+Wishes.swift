import LinliCore

extension Wish {
    /// The `wishes` table.
    static let codec = TableCodec<Wish>(
        table: "wishes", key: "number",
        columns: [
            .init("number") { .int($0.number) },
            .init("text") { .text($0.text) },
            .init("wisher") { .text($0.wisher) },
            .init("state") { .text($0.state.rawValue) },
            .init("claimer") { .text($0.claimer) },
            .init("claimed_at") { .int($0.claimedAt?.milliseconds) },
            .init("fulfilled_at") { .int($0.fulfilledAt?.milliseconds) },
            .init("created_at") { .int($0.createdAt.milliseconds) },
        ]
    ) { row in
        Wish(
            number: row.int("number"), text: row.text("text"), wisher: row.text("wisher"), state: Wish.State(rawValue: row.text("state")) ?? .open,
            claimer: row.optionalText("claimer"), claimedAt: row.optionalInstant("claimed_at"), fulfilledAt: row.optionalInstant("fulfilled_at"),
            createdAt: row.instant("created_at"))
    }
}

/// Micro-wishes.
extension StoreTransaction {
    public func insert(_ w: Wish) throws { try insert(w, Wish.codec) }

    public func wish(_ number: Int) throws -> Wish? { try records(Wish.codec, "WHERE number = ?", .int(number)).first }

    /// The wishes no one has claimed, oldest first, at most `limit`.
    public func openWishes(limit: Int) throws -> [Wish] {
        try records(Wish.codec, "WHERE state = 'open' ORDER BY number LIMIT ?", .int(limit))
    }

    /// `wisher`'s wishes a volunteer has fulfilled and they have not yet thanked for, oldest first
    /// (`谢谢 W1` confirms a fulfilled wish only).
    public func wishesToThank(by wisher: String) throws -> [Wish] {
        try records(Wish.codec, "WHERE wisher = ? AND state = 'fulfilled' ORDER BY number", .text(wisher))
    }

    /// The wishes `claimer` has claimed and not yet fulfilled, oldest first.
    public func wishes(claimedBy claimer: String) throws -> [Wish] {
        try records(Wish.codec, "WHERE claimer = ? AND state = 'claimed' ORDER BY number", .text(claimer))
    }

    /// Writes the columns in which `new` differs from `old`.
    public func update(_ new: Wish, from old: Wish) throws { try update(new, from: old, Wish.codec) }
}
