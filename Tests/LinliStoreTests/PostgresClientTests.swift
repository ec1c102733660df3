import LinliPostgres
import LinliStore
import LinliTesting
import Testing

/// The libpq client against a real server (the tests' private cluster).
@Suite struct PostgresClientTests {
    func connection() throws -> PostgresConnection {
        try PostgresConnection(url: TestPostgres.database())
    }

    @Test func parametersAndTypedResultsRoundTrip() throws {
        let pg = try connection()
        try pg.execute("CREATE TABLE t (n BIGINT, s TEXT, o BIGINT)")
        let text = "报修 漏水 501 'quoted' \\ back; end"
        try pg.query("INSERT INTO t VALUES ($1, $2, $3)", [.int(-9_007_199_254_740_993), .text(text), .null])
        try pg.query("INSERT INTO t VALUES ($1, $2, $3)", [.int(7), .text(""), .int(Int64.max)])
        let rows = try pg.query("SELECT n, s, o FROM t ORDER BY n")
        #expect(rows.rowCount == 2 && rows.columnCount == 3)
        #expect(rows.int(0, 0) == -9_007_199_254_740_993)
        #expect(rows.text(0, 1) == text)
        #expect(rows.optionalInt(0, 2) == nil && rows.isNull(0, 2))
        #expect(rows.int(1, 0) == 7 && rows.optionalText(1, 1) == "" && rows.optionalInt(1, 2) == Int64.max)
    }

    @Test func aStatementIsPreparedOnceAndReusedWithOtherValues() throws {
        let pg = try connection()
        try pg.execute("CREATE TABLE t (n BIGINT)")
        for n in 1...5 { try pg.query("INSERT INTO t VALUES ($1)", [.int(Int64(n))]) }
        try pg.query("INSERT INTO t VALUES ($1)", [.null])
        #expect(try pg.query("SELECT count(*), sum(n) FROM t").int(0, 0) == 6)
        #expect(try pg.query("SELECT sum(n) FROM t").int(0, 0) == 15)
        #expect(try pg.query("SELECT count(*) FROM pg_prepared_statements").int(0, 0) == 2 + 3)
    }

    @Test func changesAreCounted() throws {
        let pg = try connection()
        try pg.execute("CREATE TABLE t (n BIGINT)")
        try pg.query("INSERT INTO t SELECT generate_series(1, 4)")
        #expect(try pg.query("UPDATE t SET n = n + 1 WHERE n > $1", [.int(2)]).affectedRows == 2)
        #expect(try pg.query("DELETE FROM t WHERE n = $1", [.int(99)]).affectedRows == 0)
        #expect(pg.totalChanges == 6)
    }

    @Test func aTransactionThatThrowsLeavesNothing() throws {
        let pg = try connection()
        try pg.execute("CREATE TABLE t (n BIGINT PRIMARY KEY)")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try pg.transaction {
                try pg.query("INSERT INTO t VALUES ($1)", [.int(1)])
                #expect(pg.inTransaction)
                throw Stop()
            }
        }
        #expect(!pg.inTransaction)
        try pg.transaction { try pg.query("INSERT INTO t VALUES ($1)", [.int(2)]) }
        #expect(try pg.query("SELECT n FROM t").int(0, 0) == 2)
        #expect(try pg.query("SELECT count(*) FROM t").int(0, 0) == 1)
    }

    @Test func errorsCarryTheirSQLState() throws {
        let pg = try connection()
        try pg.execute("CREATE TABLE t (n BIGINT PRIMARY KEY)")
        try pg.query("INSERT INTO t VALUES ($1)", [.int(1)])
        let duplicate = #expect(throws: PostgresError.self) { try pg.query("INSERT INTO t VALUES ($1)", [.int(1)]) }
        #expect(duplicate?.isUniqueViolation == true)
        let missing = #expect(throws: PostgresError.self) { try pg.query("SELECT * FROM nowhere") }
        #expect(missing?.sqlState == "42P01")
        #expect(missing?.sql == "SELECT * FROM nowhere")
        // The connection goes on after a failed statement outside a transaction.
        #expect(try pg.query("SELECT count(*) FROM t").int(0, 0) == 1)
    }

    @Test func aRefusedConnectionSaysWhy() throws {
        let refused = #expect(throws: PostgresError.self) { try PostgresConnection(url: "postgres://nobody@127.0.0.1:1/none?connect_timeout=5") }
        #expect(refused?.sqlState == "")
        #expect(refused?.message.isEmpty == false)
    }

    /// The server closes the store's connection (a restart, a failover to a standby):
    /// the next transaction starts on a new one, and what was committed is there.
    @Test func aStoreConnectsAgainWhenTheServerClosedItsConnection() throws {
        let url = try TestPostgres.database()
        let store = try Store(path: url)
        try store.write { try $0.setMeta("clock", 42) }
        let admin = try PostgresConnection(url: url)
        let closed = try admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        #expect(closed.rowCount == 1, "the store's connection was closed")
        #expect(try store.read { try $0.meta("clock") } == 42)
        try store.write { try $0.setMeta("clock", 43) }
        #expect(try store.read { try $0.meta("clock") } == 43)
    }

    /// A database that does not sort text by bytes (here ICU's, as a city's DBA might
    /// make it) is named at start: lists would come out in another order than on SQLite.
    @Test func aDatabaseThatDoesNotSortByBytesIsNamed() throws {
        #expect(try Store(path: TestPostgres.database()).sortingWarning() == nil)
        #expect(try Store(path: ":memory:").sortingWarning() == nil)
        let icu = try Store(path: TestPostgres.database("TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en'"))
        #expect(try icu.sortingWarning()?.contains("LC_COLLATE 'C'") == true)
    }
}
