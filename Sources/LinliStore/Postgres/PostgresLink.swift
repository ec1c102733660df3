import Foundation
import LinliPostgres

/// The store's one PostgreSQL connection, used by one thread at a time (as GRDB's
/// queue serializes the SQLite connection), migrated when it opens, and opened
/// again when the server closed it (a restart, a failover to a standby).
final class PostgresLink: @unchecked Sendable {
    private let lock = NSLock()
    private let url: String
    private var session: PostgresSession

    init(url: String) throws {
        self.url = url
        session = PostgresSession(try PostgresConnection(url: url))
        try Schema.migratePostgres(session)
    }

    /// Starts a transaction with `sql`. On a connection the server closed meanwhile,
    /// nothing has happened yet: it starts again on a new one. (A connection lost
    /// within a transaction fails that transaction; the next one reconnects here.)
    private func begin(_ sql: String) throws -> PostgresSession {
        if session.isConnected {
            do {
                try session.execute(sql)
                return session
            } catch  where !session.isConnected {}
        }
        session = PostgresSession(try PostgresConnection(url: url))
        try session.execute(sql)
        return session
    }

    /// The advisory lock writers hold: the migrations' (one process at a time either way).
    static let writerLock = Schema.migrationLock

    enum Kind {
        /// Committed when the server has it on disk.
        case synced
        /// The outbox's bookkeeping: committed without waiting for the disk
        /// (`synchronous_commit = off`), without the writer lock (rows are claimed).
        case outbox
        /// A consistent snapshot that writes nothing.
        case readOnly
    }

    /// Runs `body` in one transaction of the given kind, the connection held meanwhile.
    func transaction<T>(_ kind: Kind, _ body: (PostgresSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        // Writers take the database's one writer lock, held to the end of the transaction:
        // several processes on one database write one at a time, each seeing the last.
        // The outbox's bookkeeping claims its rows instead (`StoreTransaction.due`).
        let session: PostgresSession
        switch kind {
        case .synced: session = try begin("BEGIN; SELECT pg_advisory_xact_lock(\(Self.writerLock))")
        case .outbox: session = try begin("BEGIN; SET LOCAL synchronous_commit = off")
        case .readOnly: session = try begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        }
        let value: T
        do {
            value = try body(session)
        } catch {
            try? session.execute("ROLLBACK")
            throw error
        }
        try session.execute("COMMIT")
        return value
    }
}

/// The PostgreSQL connection as the store's statements use it: SQL written for
/// SQLite is translated once (`Dialect`), then prepared and kept by the client.
final class PostgresSession {
    private let connection: PostgresConnection
    private var translated: [String: String] = [:]

    init(_ connection: PostgresConnection) { self.connection = connection }

    var totalChanges: Int { connection.totalChanges }

    /// Whether the server still has the connection.
    var isConnected: Bool { connection.isConnected }

    /// One statement with parameters.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue]) throws -> PostgresResult {
        try connection.query(postgres(sql), values)
    }

    /// Statements without parameters (a transaction's bounds, a savepoint, a migration).
    func execute(_ sql: String) throws { try connection.execute(sql) }

    private func postgres(_ sql: String) -> String {
        if let done = translated[sql] { return done }
        let done = Dialect.postgres(sql)
        translated[sql] = done
        return done
    }
}
