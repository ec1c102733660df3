import GRDB
import GRDBSQLite
import LinliPostgres

/// A value bound to a statement: an integer, a text or NULL (the same values
/// PostgreSQL's client sends, so that neither store converts them).
typealias SQLValue = PostgresValue

extension PostgresValue {
    static func int(_ n: Int) -> SQLValue { .int(Int64(n)) }
    static func int(_ n: Int64?) -> SQLValue { n.map { .int($0) } ?? .null }
    static func text(_ s: String?) -> SQLValue { s.map { .text($0) } ?? .null }
}

/// The columns of the current row of a statement, read by position: a SQLite
/// statement's, or a row of a PostgreSQL result.
struct Columns {
    /// The `sqlite3_stmt`, or the `PGresult` when `row` is not negative.
    let handle: OpaquePointer
    let row: Int32

    init(statement: OpaquePointer) {
        handle = statement
        row = -1
    }

    init(result: OpaquePointer, row: Int32) {
        handle = result
        self.row = row
    }

    func isNull(_ i: Int32) -> Bool {
        row < 0 ? sqlite3_column_type(handle, i) == SQLITE_NULL : PostgresText.isNull(handle, row, i)
    }

    func int(_ i: Int32) -> Int64 { row < 0 ? sqlite3_column_int64(handle, i) : PostgresText.int(handle, row, i) }
    func optionalInt(_ i: Int32) -> Int64? { isNull(i) ? nil : int(i) }

    func text(_ i: Int32) -> String {
        guard row < 0 else { return PostgresText.text(handle, row, i) }
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))), as: UTF8.self)
    }

    func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
}

/// The statements run for every event go through the SQLite C API on GRDB's
/// cached statements: binding typed values and reading columns in place, without
/// GRDB's argument boxing and row objects (a sixth of the engine's time before).
/// On PostgreSQL the same calls go to its connection (see `PostgresSession`).
extension StoreTransaction {
    /// Runs a statement that returns no rows.
    func run(_ sql: String, _ values: SQLValue...) throws {
        try run(sql, values: values)
    }

    func run(_ sql: String, values: [SQLValue], cached: Bool = true) throws {
        guard let db else {
            try postgres!.query(sql, values)
            return
        }
        let statement = try prepared(db, sql, values, cached: cached)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let code = withExtendedLifetime(statement) { sqlite3_step(handle) }
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(db, code, sql) }
    }

    /// Runs an INSERT, UPDATE or DELETE; how many rows it changed.
    @discardableResult
    func changes(_ sql: String, values: [SQLValue], cached: Bool = true) throws -> Int {
        guard let db else { return try postgres!.query(sql, values).affectedRows }
        try run(sql, values: values, cached: cached)
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    /// The first row of a query, decoded in place.
    func one<T>(_ sql: String, _ values: SQLValue..., decode: (Columns) throws -> T) throws -> T? {
        try many(sql, values: values, limit: 1, decode: decode).first
    }

    /// The rows of a query (at most `limit`), each decoded in place.
    func many<T>(_ sql: String, values: [SQLValue], limit: Int = .max, cached: Bool = true, decode: (Columns) throws -> T) throws -> [T] {
        guard let db else {
            let result = try postgres!.query(sql, values)
            return try withExtendedLifetime(result) {
                try (0..<min(limit, result.rowCount)).map { try decode(Columns(result: result.handle, row: Int32($0))) }
            }
        }
        let statement = try prepared(db, sql, values, cached: cached)
        // An uncached statement is finalized with its object: it must outlive the reads.
        defer { withExtendedLifetime(statement) { sqlite3_reset(statement.sqliteStatement) } }
        let handle = statement.sqliteStatement
        var out: [T] = []
        while out.count < limit {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: out.append(try decode(Columns(statement: handle)))
            case SQLITE_DONE: return out
            case let code: throw error(db, code, sql)
            }
        }
        return out
    }

    private func prepared(_ db: Database, _ sql: String, _ values: [SQLValue], cached: Bool) throws -> Statement {
        let statement = try cached ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .int(let n): sqlite3_bind_int64(handle, index, n)
            case .null: sqlite3_bind_null(handle, index)
            case .text(var s):
                s.withUTF8 { bytes in
                    if let base = bytes.baseAddress {
                        _ = sqlite3_bind_text(
                            handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
                    } else {
                        _ = sqlite3_bind_text(handle, index, "", 0, nil)  // a nil pointer would bind NULL
                    }
                }
            }
        }
        return statement
    }

    private func error(_ db: Database, _ code: Int32, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }

    /// SQLite copies the bound text (the Swift buffer lives only for the call).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
