/// A Swift value read from a column: `$0[0] as Int`, `$0[2] as String?`.
protocol ColumnValue {
    static func read(_ columns: Columns, _ i: Int32) -> Self
}

extension Int: ColumnValue {
    static func read(_ columns: Columns, _ i: Int32) -> Int { Int(columns.int(i)) }
}

extension Int64: ColumnValue {
    static func read(_ columns: Columns, _ i: Int32) -> Int64 { columns.int(i) }
}

extension Bool: ColumnValue {
    static func read(_ columns: Columns, _ i: Int32) -> Bool { columns.int(i) != 0 }
}

extension String: ColumnValue {
    static func read(_ columns: Columns, _ i: Int32) -> String { columns.text(i) }
}

extension Optional: ColumnValue where Wrapped: ColumnValue {
    static func read(_ columns: Columns, _ i: Int32) -> Wrapped? { columns.isNull(i) ? nil : Wrapped.read(columns, i) }
}

extension Columns {
    /// The value of column `i`, as the type asked for.
    subscript<T: ColumnValue>(_ i: Int32) -> T { T.read(self, i) }
}

/// A Swift value bound to a statement outside the hot path: `[webhook, limit, error]`.
protocol SQLArgument {
    var sqlValue: SQLValue { get }
}

extension Int: SQLArgument {
    var sqlValue: SQLValue { .int(Int64(self)) }
}

extension Int64: SQLArgument {
    var sqlValue: SQLValue { .int(self) }
}

extension Bool: SQLArgument {
    var sqlValue: SQLValue { .int(self ? 1 : 0) }
}

extension String: SQLArgument {
    var sqlValue: SQLValue { .text(self) }
}

extension Optional: SQLArgument where Wrapped: SQLArgument {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
