import GRDB
import GRDBSQLite

/// A value bound to a statement of the hot path.
enum SQLValue: Equatable {
    case int(Int64)
    case text(String)
    case null

    static func int(_ n: Int) -> SQLValue { .int(Int64(n)) }
    static func int(_ n: Int64?) -> SQLValue { n.map { .int($0) } ?? .null }
    static func text(_ s: String?) -> SQLValue { s.map { .text($0) } ?? .null }
}

/// The columns of the current row of a statement, read by position.
struct Columns {
    let handle: OpaquePointer

    func int(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    func optionalInt(_ i: Int32) -> Int64? { sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, i) }

    func text(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))), as: UTF8.self)
    }

    func optionalText(_ i: Int32) -> String? { sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : text(i) }
}

/// The statements run for every event go through the SQLite C API on GRDB's
/// cached statements: binding typed values and reading columns in place, without
/// GRDB's argument boxing and row objects (a sixth of the engine's time before).
/// Everything else uses GRDB as usual.
extension StoreTransaction {
    /// Runs a statement that returns no rows.
    func run(_ sql: String, _ values: SQLValue...) throws {
        try run(sql, values: values)
    }

    func run(_ sql: String, values: [SQLValue]) throws {
        let handle = try prepared(sql, values)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code, sql) }
    }

    /// The first row of a query, decoded in place.
    func one<T>(_ sql: String, _ values: SQLValue..., decode: (Columns) throws -> T) throws -> T? {
        try many(sql, values: values, limit: 1, decode: decode).first
    }

    /// The rows of a query (at most `limit`), each decoded in place.
    func many<T>(_ sql: String, values: [SQLValue], limit: Int = .max, decode: (Columns) throws -> T) throws -> [T] {
        let handle = try prepared(sql, values)
        defer { sqlite3_reset(handle) }
        var out: [T] = []
        while out.count < limit {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: out.append(try decode(Columns(handle: handle)))
            case SQLITE_DONE: return out
            case let code: throw error(code, sql)
            }
        }
        return out
    }

    private func prepared(_ sql: String, _ values: [SQLValue]) throws -> OpaquePointer {
        let handle = try db.cachedStatement(sql: sql).sqliteStatement
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
        return handle
    }

    private func error(_ code: Int32, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }

    /// SQLite copies the bound text (the Swift buffer lives only for the call).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
