import Foundation
import CPostgres

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value sent as a statement's parameter (`$1`, `$2`, …).
public enum PostgresValue: Sendable, Equatable {
    case int(Int64)
    case text(String)
    case null
}

/// A failure reported by libpq or by the server, with the server's SQLSTATE
/// (`23505` for a unique violation, `40P01` for a deadlock…; empty when the
/// failure did not come from the server, such as a refused connection).
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    public let sqlState: String
    public let message: String
    /// The statement that failed, if any.
    public let sql: String?

    public var description: String {
        let state = sqlState.isEmpty ? "" : " [\(sqlState)]"
        return "PostgreSQL\(state): \(message)" + (sql.map { " (in: \($0))" } ?? "")
    }

    /// A unique or primary-key violation.
    public var isUniqueViolation: Bool { sqlState == "23505" }
}

/// One connection to a PostgreSQL server through libpq, used synchronously from
/// one thread at a time (the engine's), like the SQLite connection beside it.
///
/// ```swift
/// let pg = try PostgresConnection(url: "postgres://linli:secret@127.0.0.1:5432/linli")
/// try pg.transaction {
///     try pg.query("INSERT INTO meta(key, value) VALUES ($1, $2)", [.text("clock"), .int(42)])
/// }
/// let clock = try pg.query("SELECT value FROM meta WHERE key = $1", [.text("clock")]).int(0, 0)
/// ```
///
/// Statements with parameters are prepared once per connection and kept (by their
/// text and the kinds of their parameters); values go as text and come back as text.
public final class PostgresConnection {
    private let handle: OpaquePointer
    private var statements: [String: String] = [:]
    /// Rows changed by INSERT, UPDATE and DELETE on this connection so far.
    public private(set) var totalChanges = 0

    /// Connects with a libpq URL (`postgres://user:password@host:port/database`) or
    /// key-value string.
    public init(url: String) throws {
        guard let handle = PQconnectdb(url) else { throw PostgresError(sqlState: "", message: "out of memory", sql: nil) }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.hidingPassword(of: url, in: String(cString: PQerrorMessage(handle)).trimmingSpace())
            PQfinish(handle)
            throw PostgresError(sqlState: "", message: message, sql: nil)
        }
        self.handle = handle
        linli_pq_silence_notices(handle)
    }

    deinit { PQfinish(handle) }

    /// libpq's message about `url` with the password in it hidden: libpq quotes parts
    /// of a URL it cannot read, and those may be the password or pieces of it (one
    /// with an `@` in it is cut there).
    static func hidingPassword(of url: String, in message: String) -> String {
        var secrets: [Substring] = []
        if let scheme = url.range(of: "://"), let at = url.lastIndex(of: "@"), scheme.upperBound < at,
            let colon = url[scheme.upperBound..<at].firstIndex(of: ":")
        {
            let password = url[url.index(after: colon)..<at]
            secrets += [password] + password.split(separator: "@")
        }
        for field in url.split(whereSeparator: { "?& ".contains($0) }) where field.hasPrefix("password=") {
            secrets.append(field.dropFirst("password=".count))
        }
        var message = message
        for secret in secrets.sorted(by: { $0.count > $1.count }) where secret.count >= 3 {
            message = message.replacingOccurrences(of: secret, with: "***")
        }
        return message
    }

    /// Whether the connection is still up (false once the server closed it, say on a restart).
    public var isConnected: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Runs SQL without parameters: one statement or several separated by semicolons
    /// (a migration). Returns the last statement's result.
    @discardableResult
    public func execute(_ sql: String) throws -> PostgresResult {
        try checked(PQexec(handle, sql), sql)
    }

    /// Runs one statement with parameters `$1`, `$2`, … and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ values: [PostgresValue] = []) throws -> PostgresResult {
        let name = try prepare(sql, values)
        var texts: [String?] = []
        texts.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .int(let n): texts.append(String(n))
            case .text(let s): texts.append(s)
            case .null: texts.append(nil)
            }
        }
        let result = withCStrings(texts) { pointers in
            PQexecPrepared(handle, name, Int32(values.count), pointers, nil, nil, 0)
        }
        return try checked(result, sql)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        let value: T
        do {
            value = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        try execute("COMMIT")
        return value
    }

    /// Whether the connection is inside a transaction (or a failed one).
    public var inTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }

    // MARK: Private

    /// The name of the prepared statement for `sql` with these kinds of parameters:
    /// a NULL's type is left to the server, the others are sent as bigint or text.
    private func prepare(_ sql: String, _ values: [PostgresValue]) throws -> String {
        var types: [Oid] = []
        var key = sql
        key.reserveCapacity(sql.utf8.count + values.count + 1)
        key.append("\u{0}")
        for value in values {
            switch value {
            case .int:
                types.append(20)
                key.append("i")  // int8
            case .text:
                types.append(25)
                key.append("t")  // text
            case .null:
                types.append(0)
                key.append("n")  // unknown: inferred
            }
        }
        if let name = statements[key] { return name }
        let name = "linli_\(statements.count + 1)"
        try checked(PQprepare(handle, name, sql, Int32(types.count), types), sql)
        statements[key] = name
        return name
    }

    @discardableResult
    private func checked(_ result: OpaquePointer?, _ sql: String) throws -> PostgresResult {
        guard let result else {
            throw PostgresError(sqlState: "", message: String(cString: PQerrorMessage(handle)).trimmingSpace(), sql: sql)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            let wrapped = PostgresResult(result)
            totalChanges += wrapped.affectedRows
            return wrapped
        default:
            let state = linli_pq_sqlstate(result).map { String(cString: $0) } ?? ""
            let message =
                linli_pq_primary_message(result).map { String(cString: $0) }
                ?? String(cString: PQresultErrorMessage(result)).trimmingSpace()
            PQclear(result)
            throw PostgresError(sqlState: state, message: message, sql: sql)
        }
    }
}

/// Calls `body` with C strings for `strings` (a nil for each nil) that live for the call.
private func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    var owned: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer { owned.forEach { free($0) } }
    return body(owned.map { $0.map { UnsafePointer($0) } })
}

extension String {
    fileprivate func trimmingSpace() -> String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
