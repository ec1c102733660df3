import GRDB
import LinliCore

/// The database: one SQLite file (or memory) through one GRDB connection for the
/// life of the process (and, for a file, a second one that checkpoints its log).
/// Every write goes through `write`, one transaction.
///
/// ```swift
/// let store = try Store(path: "linli.sqlite")
/// try store.write { tx in try tx.insert(order) }
/// ```
public final class Store: Sendable {
    let queue: DatabaseQueue
    /// Checkpoints the log in the background (a file database only).
    let checkpointer: Checkpointer?

    /// Opens (creating if needed) the database at `path`; `:memory:` for a
    /// database that lives as long as the process. Past `walLimit` frames (pages,
    /// 4 KiB: 256 MiB by default) the log is restarted (see `Checkpointer`).
    public init(path: String, walLimit: Int = 65_536) throws {
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
                // FULL: each commit's log is on disk (fsync) before the commit returns, so
                // nothing printed or answered after it is lost even to a power cut
                // (PROTOCOL.md §4). Group commit keeps it to one sync per batch.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Statement journals and sorts in memory, not in temporary files.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                // Never checkpoint inside a commit: the Checkpointer does it beside the writer.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            }
            queue = try DatabaseQueue(path: path, configuration: config)
        }
        try Schema.migrator.migrate(queue)
        checkpointer = path == ":memory:" ? nil : try Checkpointer(path: path, limit: walLimit)
    }

    deinit { checkpointer?.finish() }

    /// Runs `body` in one write transaction: all of it is committed, or none.
    public func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try queue.write { db in try body(StoreTransaction(db: db)) }
    }

    /// Like `write`, but the commit is not waited on to reach the disk (`synchronous =
    /// NORMAL` for it): it survives the process dying, not a power cut, and the next
    /// synced commit takes it to disk too. For the outbox's own bookkeeping, which at
    /// worst sends a push again; never for what a person is told.
    public func writeUnsynced<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
            var result: T?
            try db.inTransaction {
                result = try body(StoreTransaction(db: db))
                return .commit
            }
            return result!
        }
    }

    /// Runs `body` on a consistent snapshot, for reads only.
    public func read<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try queue.read { db in try body(StoreTransaction(db: db)) }
    }
}

/// The store's operations inside one transaction. The only way the rest of
/// Linli reads or changes the database.
public struct StoreTransaction {
    let db: Database

    /// How many rows this connection has changed so far: equal before and after a
    /// piece of code when it wrote nothing.
    public var changeCount: Int { db.totalChangesCount }

    /// Runs `body` in a savepoint: if it throws, what it wrote is undone and the
    /// rest of the transaction goes on.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        // Cached statements: GRDB's inSavepoint prepares its SQL anew on every call,
        // and the engine opens one or two savepoints per event.
        try db.cachedStatement(sql: "SAVEPOINT linli").execute()
        do {
            let result = try body()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT linli").execute()
            return result
        } catch {
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT linli").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT linli").execute()
            throw error
        }
    }

    /// The first row of a cached statement, decoded in place (no copy of the row).
    func first<T>(_ sql: String, _ arguments: StatementArguments = [], _ decode: (Row) throws -> T) throws -> T? {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        return try withExtendedLifetime(cursor) {  // the row lives only as long as its cursor
            try cursor.next().map(decode)
        }
    }

    /// Every row of a statement, decoded in place.
    func all<T>(_ sql: String, _ arguments: StatementArguments = [], cached: Bool = true, _ decode: (Row) throws -> T) throws -> [T] {
        let statement = try cached ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        var out: [T] = []
        while let row = try cursor.next() { out.append(try decode(row)) }
        withExtendedLifetime(cursor) {}
        return out
    }

    // MARK: Meta values (the clock, the outbound id counter)

    /// A stored number, such as the bot's clock.
    public func meta(_ key: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
    }

    public func setMeta(_ key: String, _ value: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .execute(arguments: [key, value])
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
        try db.cachedStatement(sql: "INSERT INTO counters(kind, last) VALUES (?, ?) ON CONFLICT(kind) DO UPDATE SET last = excluded.last")
            .execute(arguments: [kind.rawValue, last])
    }
}
