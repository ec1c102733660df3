import LinliCore

/// The staff pages' sign-in: one-time links and sessions, both kept only as hashes.
extension StoreTransaction {
    /// Keeps a sign-in link's hash for `user` until `expiresAt`.
    public func insertDashboardToken(hash: String, user: String, at: Instant, expiresAt: Instant) throws {
        try run(
            "INSERT INTO dashboard_tokens(hash, user, created_at, expires_at) VALUES (?, ?, ?, ?)", .text(hash), .text(user),
            .int(at.milliseconds), .int(expiresAt.milliseconds))
    }

    /// Uses a sign-in link: its person, once, before it expires; nil for one unknown,
    /// used or expired (and it stays unusable).
    public func redeemDashboardToken(hash: String, at now: Instant) throws -> String? {
        guard
            let user = try one(
                "SELECT user FROM dashboard_tokens WHERE hash = ? AND used_at IS NULL AND expires_at > ?", .text(hash), .int(now.milliseconds),
                decode: { $0.text(0) })
        else { return nil }
        try run("UPDATE dashboard_tokens SET used_at = ? WHERE hash = ?", .int(now.milliseconds), .text(hash))
        return user
    }

    /// Ends a session (signing out): its cookie opens nothing any more.
    public func deleteDashboardSession(hash: String) throws {
        try run("DELETE FROM dashboard_sessions WHERE hash = ?", .text(hash))
    }

    /// Starts a session; expired sessions and links are dropped on the way.
    public func insertDashboardSession(hash: String, user: String, at now: Instant, expiresAt: Instant) throws {
        try run("DELETE FROM dashboard_sessions WHERE expires_at <= ?", .int(now.milliseconds))
        try run("DELETE FROM dashboard_tokens WHERE expires_at <= ?", .int(now.milliseconds - 86_400_000))
        try run(
            "INSERT INTO dashboard_sessions(hash, user, created_at, expires_at) VALUES (?, ?, ?, ?)", .text(hash), .text(user),
            .int(now.milliseconds), .int(expiresAt.milliseconds))
    }

    /// The person of a session that has not expired.
    public func dashboardSession(hash: String, at now: Instant) throws -> String? {
        try one(
            "SELECT user FROM dashboard_sessions WHERE hash = ? AND expires_at > ?", .text(hash), .int(now.milliseconds), decode: { $0.text(0) })
    }
}

/// What the staff pages list beyond work orders.
extension StoreTransaction {
    /// When the work orders of some buildings were reported, and when they were
    /// resolved, from `since` on (each in no order): what a chart of the last days counts.
    public func workOrderTimes(buildings: [String], since: Instant) throws -> (reported: [Instant], resolved: [Instant]) {
        guard !buildings.isEmpty else { return ([], []) }
        let wanted = Set(buildings)
        // By time alone (an index holds both columns); a building filter here would
        // send the query to the index on building, through every order of the year.
        func times(_ column: String) throws -> [Instant] {
            try many("SELECT building, \(column) FROM work_orders WHERE \(column) >= ?", values: [.int(since.milliseconds)]) {
                wanted.contains($0.text(0)) ? Instant(milliseconds: $0.int(1)) : nil
            }.compactMap { $0 }
        }
        return (try times("created_at"), try times("resolved_at"))
    }

    /// Wishes not yet confirmed, newest first.
    public func unfinishedWishes(limit: Int) throws -> [Wish] {
        try records(Wish.codec, "WHERE state NOT IN ('confirmed', 'cancelled') ORDER BY number DESC LIMIT ?", .int(limit))
    }
}
