import LinliPostgres

extension Schema {
    /// PostgreSQL's migrations, append-only and named like SQLite's. The first
    /// stands for SQLite's v1…v22 at once: the schema they arrive at, written for
    /// PostgreSQL (BIGINT for SQLite's integers, identities for its AUTOINCREMENT
    /// and rowid keys, a `rowid` identity on the tables read in insertion order).
    /// A migration that lands after v22 is added to both lists, each in its dialect
    /// (`MigrationTests` checks that they keep in step).
    static let postgresMigrations: [(name: String, sql: String)] = [
        ("v1-v22-baseline", postgresBaseline),
        (
            "v23-work-orders-by-day-and-building",
            """
            CREATE INDEX work_orders_created_building ON work_orders(created_at, building);
            CREATE INDEX work_orders_resolved_building ON work_orders(resolved_at, building);
            DROP INDEX work_orders_created;
            DROP INDEX work_orders_resolved;
            """
        ),
        ("v24-resolved-orders-only", resolvedOrdersOnly),
        (
            "v25-bookings-lapse",
            "ALTER TABLE bookings DROP CONSTRAINT bookings_state_check, ADD CONSTRAINT bookings_state_check CHECK (\(oneOf("state", bookingStates)))"
        ),
        ("v26-platform-signatures", platformSignatures),
        ("v27-first-acceptance", firstAcceptance("BIGINT")),
        (
            "v28-wishes-withdrawn",
            """
            ALTER TABLE wishes DROP CONSTRAINT wishes_state_check, ADD CONSTRAINT wishes_state_check CHECK (\(oneOf("state", wishStates))),
                DROP CONSTRAINT wishes_check, ADD CONSTRAINT wishes_check CHECK (\(wishClaimer))
            """
        ),
    ]

    /// The DingTalk signatures taken, each with the message it came with (its signature
    /// covers only a timestamp): kept beside the events, so that a restart or another
    /// server does not take one again with another message. Forgotten after two hours.
    static let platformSignatures = """
        CREATE TABLE platform_signatures (
            platform TEXT NOT NULL,
            sign TEXT NOT NULL,
            event_id TEXT NOT NULL,
            at BIGINT NOT NULL,
            PRIMARY KEY (platform, sign)
        );
        CREATE INDEX platform_signatures_at ON platform_signatures(at);
        """

    /// Applies the migrations `session` has not seen, each in a transaction, one
    /// process at a time (an advisory lock: several servers may start together).
    static func migratePostgres(_ session: PostgresSession) throws {
        if try upToDate(session) { return }
        // Under the lock too: CREATE TABLE IF NOT EXISTS is not safe against a second creator.
        try session.execute(
            "BEGIN; SELECT pg_advisory_xact_lock(\(migrationLock)); CREATE TABLE IF NOT EXISTS linli_migrations (identifier TEXT PRIMARY KEY NOT NULL); COMMIT"
        )
        for migration in postgresMigrations {
            try session.execute("BEGIN; SELECT pg_advisory_xact_lock(\(migrationLock))")
            do {
                let done = try session.query("SELECT 1 FROM linli_migrations WHERE identifier = ?", [.text(migration.name)]).rowCount > 0
                if !done {
                    try session.execute(migration.sql)
                    try session.query("INSERT INTO linli_migrations(identifier) VALUES (?)", [.text(migration.name)])
                }
                try session.execute("COMMIT")
            } catch {
                try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Whether every migration is applied: the usual start, which then takes no lock
    /// (it would wait for a batch of another process under way).
    private static func upToDate(_ session: PostgresSession) throws -> Bool {
        guard try session.query("SELECT to_regclass('linli_migrations') IS NOT NULL", []).text(0, 0) == "t" else { return false }
        let applied = try session.query("SELECT identifier FROM linli_migrations", [])
        let names = Set((0..<applied.rowCount).map { applied.text($0, 0) })
        return postgresMigrations.allSatisfy { names.contains($0.name) }
    }

    /// The advisory lock key of migrations and of every write transaction ("linli" in ASCII).
    static let migrationLock = 0x6C_69_6E_6C_69
}
