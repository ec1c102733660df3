import CPostgres

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The rows of one statement, in libpq's text format, read by row and column
/// number; freed with the last reference to it.
public final class PostgresResult {
    /// libpq's `PGresult`, for readers that go column by column without copies.
    public let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { PQclear(handle) }

    public var rowCount: Int { Int(PQntuples(handle)) }
    public var columnCount: Int { Int(PQnfields(handle)) }

    /// Rows an INSERT, UPDATE or DELETE changed (0 for other statements).
    public var affectedRows: Int {
        guard let text = PQcmdTuples(handle), text.pointee != 0 else { return 0 }
        return Int(PostgresText.int(text, Int(strlen(text))))
    }

    public func isNull(_ row: Int, _ column: Int) -> Bool { PostgresText.isNull(handle, Int32(row), Int32(column)) }
    public func int(_ row: Int, _ column: Int) -> Int64 { PostgresText.int(handle, Int32(row), Int32(column)) }
    public func text(_ row: Int, _ column: Int) -> String { PostgresText.text(handle, Int32(row), Int32(column)) }
    public func optionalInt(_ row: Int, _ column: Int) -> Int64? { isNull(row, column) ? nil : int(row, column) }
    public func optionalText(_ row: Int, _ column: Int) -> String? { isNull(row, column) ? nil : text(row, column) }
}

/// Reads a value of a `PGresult` in place (its text form), for `PostgresResult`
/// and for readers holding the bare handle.
public enum PostgresText {
    @inline(__always)
    public static func isNull(_ result: OpaquePointer, _ row: Int32, _ column: Int32) -> Bool {
        PQgetisnull(result, row, column) != 0
    }

    /// An integer column; a NULL (or a text that is no number) reads as 0.
    @inline(__always)
    public static func int(_ result: OpaquePointer, _ row: Int32, _ column: Int32) -> Int64 {
        int(PQgetvalue(result, row, column), Int(PQgetlength(result, row, column)))
    }

    @inline(__always)
    public static func text(_ result: OpaquePointer, _ row: Int32, _ column: Int32) -> String {
        guard let p = PQgetvalue(result, row, column) else { return "" }
        return p.withMemoryRebound(to: UInt8.self, capacity: Int(PQgetlength(result, row, column))) {
            String(decoding: UnsafeBufferPointer(start: $0, count: Int(PQgetlength(result, row, column))), as: UTF8.self)
        }
    }

    /// Parses a decimal integer (a sign, digits; a numeric's `.0…` tail is ignored).
    static func int(_ p: UnsafePointer<CChar>?, _ count: Int) -> Int64 {
        guard let p, count > 0 else { return 0 }
        var i = 0
        var negative = false
        if p[0] == 0x2D {  // -
            negative = true
            i = 1
        }
        var n: Int64 = 0
        while i < count, p[i] >= 0x30, p[i] <= 0x39 {
            n = n &* 10 &+ Int64(p[i] - 0x30)
            i += 1
        }
        return negative ? -n : n
    }
}
