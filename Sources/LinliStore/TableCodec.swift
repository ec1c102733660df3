import LinliCore
import Synchronization

/// A table's columns, declared once: each column's name and how a record writes
/// it, and one `decode` that reads a row by column name. The select list, the
/// insert, and the update of just the changed columns are derived from it.
///
/// ```swift
/// static let codec = TableCodec<Wish>(table: "wishes", key: "number", columns: [
///     .init("number") { .int($0.number) }, .init("text") { .text($0.text) }, …
/// ]) { row in Wish(number: row.int("number"), …) }
/// ```
final class TableCodec<Record>: Sendable {
    struct Column: Sendable {
        let name: String
        let value: @Sendable (Record) -> SQLValue

        init(_ name: String, _ value: @escaping @Sendable (Record) -> SQLValue) {
            self.name = name
            self.value = value
        }
    }

    let table: String
    /// The column that names a record (`WHERE key = ?` of updates).
    let key: String
    let columns: [Column]
    /// The select list: the columns, then any computed ones (`expression AS name`).
    let select: String
    let insertSQL: String
    private let decodeRow: @Sendable (RowReader) -> Record
    private let index: [String: Int32]
    /// UPDATE statements by the set of columns they write.
    private let updates = Mutex<[UInt64: String]>([:])

    init(
        table: String, key: String, columns: [Column], computed: [(name: String, sql: String)] = [], decode: @escaping @Sendable (RowReader) -> Record
    ) {
        precondition(columns.count <= 64, "an update mask has 64 bits")
        self.table = table
        self.key = key
        self.columns = columns
        let names = columns.map(\.name) + computed.map(\.name)
        select = (columns.map(\.name) + computed.map { "\($0.sql) AS \($0.name)" }).joined(separator: ", ")
        insertSQL =
            "INSERT INTO \(table)(\(columns.map(\.name).joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
        decodeRow = decode
    }

    /// A record's values, in column order (for `insertSQL`).
    func values(_ record: Record) -> [SQLValue] { columns.map { $0.value(record) } }

    /// Reads the current row of a statement that selected `select`.
    func decode(_ row: Columns) -> Record { decodeRow(RowReader(columns: row, index: index)) }

    /// The UPDATE of the columns in which `new` differs from `old`, with its values
    /// (the key last); nil when nothing changed. Indexes on unchanged columns are left alone.
    func update(_ new: Record, from old: Record) -> (sql: String, values: [SQLValue])? {
        var mask: UInt64 = 0
        var values: [SQLValue] = []
        for (i, column) in columns.enumerated() where column.name != key {
            let value = column.value(new)
            if value != column.value(old) {
                mask |= 1 << UInt64(i)
                values.append(value)
            }
        }
        guard mask != 0, let keyColumn = columns.first(where: { $0.name == key }) else { return nil }
        values.append(keyColumn.value(new))
        let sql = updates.withLock { cache in
            if let sql = cache[mask] { return sql }
            let set = columns.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { "\(columns[$0].name) = ?" }.joined(separator: ", ")
            let sql = "UPDATE \(table) SET \(set) WHERE \(key) = ?"
            cache[mask] = sql
            return sql
        }
        return (sql, values)
    }
}

/// The current row of a statement, read by column name.
struct RowReader {
    let columns: Columns
    let index: [String: Int32]

    fileprivate func at(_ name: String) -> Int32 {
        guard let i = index[name] else { preconditionFailure("no column \(name) in the codec") }
        return i
    }

    func int(_ name: String) -> Int { Int(columns.int(at(name))) }
    func int64(_ name: String) -> Int64 { columns.int(at(name)) }
    func optionalInt(_ name: String) -> Int? { columns.optionalInt(at(name)).map(Int.init) }
    func bool(_ name: String) -> Bool { columns.int(at(name)) != 0 }
    func text(_ name: String) -> String { columns.text(at(name)) }
    func optionalText(_ name: String) -> String? { columns.optionalText(at(name)) }
}

extension StoreTransaction {
    /// Inserts a record through its table's codec.
    func insert<R>(_ record: R, _ codec: TableCodec<R>) throws {
        try run(codec.insertSQL, values: codec.values(record))
    }

    /// Writes the columns in which `new` differs from `old`.
    func update<R>(_ new: R, from old: R, _ codec: TableCodec<R>) throws {
        guard let (sql, values) = codec.update(new, from: old) else { return }
        try run(sql, values: values)
    }

    /// Records selected with `SELECT <codec.select> FROM <table> <alias> <rest>`.
    func records<R>(_ codec: TableCodec<R>, _ rest: String, alias: String = "", _ values: SQLValue...) throws -> [R] {
        try records(codec, rest, alias: alias, values: values)
    }

    func records<R>(_ codec: TableCodec<R>, _ rest: String, alias: String = "", values: [SQLValue]) throws -> [R] {
        try many("SELECT \(codec.select) FROM \(codec.table) \(alias) \(rest)", values: values, decode: codec.decode)
    }
}

extension RowReader {
    func instant(_ name: String) -> Instant { Instant(milliseconds: int64(name)) }
    func optionalInstant(_ name: String) -> Instant? { columns.optionalInt(at(name)).map(Instant.init(milliseconds:)) }
}
