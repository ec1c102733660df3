import LinliCore

extension Alert {
    /// The `alerts` table; the receipts are `alert_receipts`' rows.
    static let codec = TableCodec<Alert>(
        table: "alerts", key: "number",
        columns: [
            .init("number") { .int($0.number) },
            .init("text") { .text($0.text) },
            .init("sender") { .text($0.sender) },
            .init("drill") { .int($0.drill ? 1 : 0) },
            .init("buildings") { .text($0.buildings.joined(separator: ",")) },
            .init("created_at") { .int($0.createdAt.milliseconds) },
            .init("completed_at") { .int($0.completedAt?.milliseconds) },
            .init("reminders") { .int($0.reminders) },
        ]
    ) { row in
        Alert(
            number: row.int("number"), text: row.text("text"), sender: row.text("sender"), drill: row.bool("drill"),
            buildings: row.text("buildings").split(separator: ",").map(String.init), receipts: [], createdAt: row.instant("created_at"),
            completedAt: row.optionalInstant("completed_at"), reminders: row.int("reminders"))
    }
}

/// Emergency broadcasts and drills, and who acknowledged them.
extension StoreTransaction {
    /// A new alert and everyone it asks.
    public func insert(_ a: Alert) throws {
        try insert(a, Alert.codec)
        for (position, receipt) in a.receipts.enumerated() {
            try run(
                "INSERT INTO alert_receipts(alert, position, person, acked_at) VALUES (?, ?, ?, ?)",
                values: [.int(a.number), .int(position), .text(receipt.person), .int(receipt.ackedAt?.milliseconds)])
        }
    }

    public func alert(_ number: Int) throws -> Alert? {
        guard var a = try records(Alert.codec, "WHERE number = ?", .int(number)).first else { return nil }
        a.receipts = try receipts(of: number)
        return a
    }

    /// Every alert, newest first, with its receipts.
    public func alerts() throws -> [Alert] {
        try records(Alert.codec, "ORDER BY number DESC").map { a in
            var a = a
            a.receipts = try receipts(of: a.number)
            return a
        }
    }

    /// Writes the columns and the receipts in which `new` differs from `old`.
    public func update(_ new: Alert, from old: Alert) throws {
        try update(new, from: old, Alert.codec)
        for receipt in new.receipts where !old.receipts.contains(receipt) {
            try run(
                "UPDATE alert_receipts SET acked_at = ? WHERE alert = ? AND person = ?",
                values: [.int(receipt.ackedAt?.milliseconds), .int(new.number), .text(receipt.person)])
        }
    }

    /// Passes `from`'s unanswered receipt of an alert to `to` (a role handed over); when
    /// `to` was asked already, `from`'s is dropped.
    public func readdressReceipt(alert: Int, from: String, to: String) throws {
        if try first("SELECT person FROM alert_receipts WHERE alert = ? AND person = ?", [alert, to], { $0.text(0) }) != nil {
            try run("DELETE FROM alert_receipts WHERE alert = ? AND person = ? AND acked_at IS NULL", values: [.int(alert), .text(from)])
        } else {
            try run(
                "UPDATE alert_receipts SET person = ? WHERE alert = ? AND person = ? AND acked_at IS NULL", values: [.text(to), .int(alert), .text(from)])
        }
    }

    private func receipts(of alert: Int) throws -> [Alert.Receipt] {
        try all("SELECT person, acked_at FROM alert_receipts WHERE alert = ? ORDER BY position", [alert]) { row in
            Alert.Receipt(person: row[0], ackedAt: (row[1] as Int64?).map(Instant.init(milliseconds:)))
        }
    }
}
