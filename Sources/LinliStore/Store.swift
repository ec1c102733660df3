import CLinliSys
import GRDB
import GRDBSQLite
import LinliCore
import LinliPostgres

/// The database: one SQLite file (or memory) through one GRDB connection for the
/// life of the process (and, for a file, a second one that checkpoints its log),
/// or one PostgreSQL connection; the same operations on either.
/// Every write goes through `write`, one transaction.
///
/// ```swift
/// let store = try Store(path: "linli.sqlite")
/// try store.write { tx in try tx.insert(order) }
/// ```
public final class Store: Sendable {
    /// The SQLite connection; nil on PostgreSQL.
    let queue: DatabaseQueue?
    /// Checkpoints the log in the background (a SQLite file only).
    let checkpointer: Checkpointer?
    /// The PostgreSQL connection; nil on SQLite.
    let postgres: PostgresLink?
    /// Takes the commits of `write(syncLater:)` to disk (a SQLite file only).
    let log: LogSync?

    /// Opens (creating if needed) the database at `path`: a SQLite file, `:memory:`
    /// for a database that lives as long as the process, or a PostgreSQL URL
    /// (`postgres://user:password@host:port/database`, see `isPostgres`). Past
    /// `walLimit` frames (pages, 4 KiB: 256 MiB by default) a SQLite log is
    /// restarted (see `Checkpointer`). Either is migrated to the latest schema.
    public init(path: String, walLimit: Int = 65_536) throws {
        if Self.isPostgres(path) {
            postgres = try PostgresLink(url: path)
            queue = nil
            checkpointer = nil
            log = nil
            return
        }
        postgres = nil
        let vfs = linli_install_log_vfs()
        guard vfs == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: vfs), message: "the linli VFS could not be installed")
        }
        var config = Configuration()
        config.label = "linli"
        config.foreignKeysEnabled = true
        if path == ":memory:" {
            queue = try DatabaseQueue(configuration: config)
        } else {
            config.journalMode = .wal
            // Another process (`linli deliver`), the checkpointer restarting the log or a
            // connection closing may hold the lock for a moment.
            config.busyMode = .timeout(5)
            config.prepareDatabase { db in
                // NORMAL: a commit returns without waiting for the disk; `write` then syncs
                // the log itself (`LogSync`), so nothing printed or answered after it is lost
                // even to a power cut (PROTOCOL.md §4), and `write(syncLater:)` leaves that
                // sync to its caller. Group commit keeps it to one sync per batch.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Statement journals and sorts in memory, not in temporary files.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                // Never checkpoint inside a commit: the Checkpointer does it beside the writer.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            }
            queue = try DatabaseQueue(path: path, configuration: config)
        }
        try Schema.migrator.migrate(queue!)
        if path == ":memory:" {
            (checkpointer, log) = (nil, nil)
            return
        }
        checkpointer = try Checkpointer(path: path, limit: walLimit)
        // The log's name as SQLite has it (beside the file a symbolic link names).
        let logPath = try queue!.inDatabase { db in
            sqlite3_filename_wal(sqlite3_db_filename(db.sqliteConnection, "main")).map { String(cString: $0) }
        }
        log = try LogSync(log: logPath ?? path + "-wal")
        try log!.sync(through: nil)  // the migrations
    }

    deinit {
        checkpointer?.finish()
        log?.close()
    }

    /// Why text may sort otherwise than on SQLite (bytes, as the golden transcripts
    /// expect): a PostgreSQL database whose collation is not C. Nil when it sorts by bytes.
    public func sortingWarning() throws -> String? {
        guard let postgres else { return nil }
        // Under C (or C.UTF-8), 'B' (0x42) comes before 'a' (0x61), and 'z' before 'é'.
        let bytewise = try postgres.transaction(.readOnly) { session in
            try session.query("SELECT 'a' > 'B' AND 'z' < 'é'", []).text(0, 0) == "t"
        }
        return bytewise
            ? nil
            : "the database does not sort text by bytes (its collation is not C): names may be listed in another order than on SQLite; create it with LC_COLLATE 'C' (README: PostgreSQL)"
    }

    /// Whether other processes may write this database too (PostgreSQL): each write
    /// transaction holds the database's writer lock, and an engine reads again what
    /// it mirrors when another process wrote since its last batch.
    public var isShared: Bool { postgres != nil }

    /// Whether `database` (a `--db` value) names a PostgreSQL server rather than a SQLite file.
    public static func isPostgres(_ database: String) -> Bool {
        database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
    }

    /// Runs `body` in one write transaction: all of it is committed, or none, and it is on
    /// disk when this returns.
    ///
    /// With `syncLater`, on a SQLite file the commit returns before its log is on disk:
    /// the caller tells nobody of it before `syncLog(through: syncLaterCommits)` (PROTOCOL.md
    /// §4). The server's engine goes on with the next batch while the last one's sync waits
    /// for the disk, and the batches committed meanwhile go to disk with one sync.
    /// PostgreSQL's commit is synced either way.
    public func write<T>(syncLater: Bool = false, _ body: (StoreTransaction) throws -> T) throws -> T {
        if let postgres { return try postgres.transaction(.synced) { try body(StoreTransaction(postgres: $0)) } }
        let result = try queue!.write { db in try body(StoreTransaction(db: db)) }
        if syncLater { log?.committed() } else { try log?.sync(through: nil) }
        return result
    }

    /// Whether `write(syncLater:)` leaves a sync to its caller (a SQLite file).
    public var syncsLater: Bool { log != nil }

    /// How many commits `write(syncLater: true)` has made: a running count.
    public var syncLaterCommits: Int { log?.commits ?? 0 }

    /// Returns once every commit of this store up to the `through`th of `write(syncLater:)`
    /// is on disk (at once if one sync already took it). Without `through`, syncs the log
    /// whoever wrote it (another process, the outbox's own bookkeeping): for what was read
    /// from the database before it is sent on.
    public func syncLog(through: Int? = nil) throws {
        try log?.sync(through: through)
    }

    /// The outbox's own bookkeeping: like `write`, but the commit is not waited on to
    /// reach the disk (no sync of the log; PostgreSQL's `synchronous_commit = off`): it
    /// survives the process dying, not a power cut, and the next sync takes it to disk
    /// too; at worst a push is sent again. Never for what a person is
    /// told. On PostgreSQL it does not take the writer lock: it touches only the outbox
    /// rows it claims (`due`, `FOR UPDATE SKIP LOCKED`), their attempts and the endpoints,
    /// so deliverers go on beside each other and beside the engines' batches.
    public func writeOutbox<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        if let postgres { return try postgres.transaction(.outbox) { try body(StoreTransaction(postgres: $0)) } }
        return try queue!.write { db in try body(StoreTransaction(db: db)) }
    }

    /// Runs `body` on a consistent snapshot, for reads only.
    public func read<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        if let postgres { return try postgres.transaction(.readOnly) { try body(StoreTransaction(postgres: $0)) } }
        return try queue!.read { db in try body(StoreTransaction(db: db)) }
    }
}

/// The store's operations inside one transaction. The only way the rest of
/// Linli reads or changes the database. On one store or the other: `db` (SQLite)
/// or `postgres`, never both.
public struct StoreTransaction {
    let db: Database?
    let postgres: PostgresSession?

    init(db: Database) {
        self.db = db
        postgres = nil
    }

    init(postgres: PostgresSession) {
        db = nil
        self.postgres = postgres
    }

    /// How many rows this connection has changed so far: equal before and after a
    /// piece of code when it wrote nothing.
    public var changeCount: Int { db?.totalChangesCount ?? postgres!.totalChanges }

    /// Runs `body` in a savepoint: if it throws, what it wrote is undone and the
    /// rest of the transaction goes on.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        // Cached statements: GRDB's inSavepoint prepares its SQL anew on every call,
        // and the engine opens one or two savepoints per event.
        try statement("SAVEPOINT linli")
        do {
            let result = try body()
            try statement("RELEASE SAVEPOINT linli")
            return result
        } catch {
            try statement("ROLLBACK TO SAVEPOINT linli")
            try statement("RELEASE SAVEPOINT linli")
            throw error
        }
    }

    /// A statement without parameters that PostgreSQL does not prepare (a savepoint).
    private func statement(_ sql: String) throws {
        if let db { try db.cachedStatement(sql: sql).execute() } else { try postgres!.execute(sql) }
    }

    /// The first row of a statement, decoded in place (values read as `$0[0] as Int`).
    func first<T>(_ sql: String, _ arguments: [any SQLArgument] = [], _ decode: (Columns) throws -> T) throws -> T? {
        try many(sql, values: arguments.map(\.sqlValue), limit: 1, decode: decode).first
    }

    /// Every row of a statement, decoded in place.
    func all<T>(_ sql: String, _ arguments: [any SQLArgument] = [], cached: Bool = true, _ decode: (Columns) throws -> T) throws -> [T] {
        try many(sql, values: arguments.map(\.sqlValue), cached: cached, decode: decode)
    }

    /// Runs a statement that returns no rows; how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLArgument] = [], cached: Bool = true) throws -> Int {
        try changes(sql, values: arguments.map(\.sqlValue), cached: cached)
    }

    // MARK: Meta values (the clock, the outbound id counter)

    /// A stored number, such as the bot's clock.
    public func meta(_ key: String) throws -> Int64? {
        try one("SELECT value FROM meta WHERE key = ?", .text(key)) { $0.int(0) }
    }

    public func setMeta(_ key: String, _ value: Int64) throws {
        try run("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", .text(key), .int(value))
    }

    /// The last number given to each record kind.
    public func counters() throws -> [RecordKind: Int] {
        var out: [RecordKind: Int] = [:]
        for (kind, last) in try all("SELECT kind, last FROM counters", cached: false, { (RecordKind(rawValue: $0[0]), $0[1] as Int) }) {
            if let kind { out[kind] = last }
        }
        return out
    }

    /// Records the last number given to a record kind.
    public func setCounter(_ kind: RecordKind, _ last: Int) throws {
        try run(
            "INSERT INTO counters(kind, last) VALUES (?, ?) ON CONFLICT(kind) DO UPDATE SET last = excluded.last", .text(kind.rawValue), .int(last))
    }
}
