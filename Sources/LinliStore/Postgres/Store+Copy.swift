import GRDB
import LinliPostgres

/// A copy that could not be made, or whose counts do not match.
public struct CopyError: Error, CustomStringConvertible {
    public let description: String
}

extension Store {
    /// Copies every table of this SQLite store into `target`, an empty PostgreSQL
    /// store at the same schema, in one transaction of each; then compares every
    /// table's count on both sides. Returns the tables and their rows.
    ///
    /// Rows go in their SQLite order (rowid), so that the tables PostgreSQL reads
    /// in insertion order (a `rowid` identity there) keep it; identities continue
    /// after the highest copied value.
    public func copy(to target: Store) throws -> [(table: String, rows: Int)] {
        guard let queue, let postgres = target.postgres else { throw CopyError(description: "a copy goes from SQLite to PostgreSQL") }
        return try queue.read { db in
            let tables = try Self.tables(db)
            return try postgres.transaction(.synced) { session in
                for table in tables where try session.query("SELECT count(*) FROM \(table.name)", []).int(0, 0) != 0 {
                    throw CopyError(description: "the PostgreSQL database is not empty: \(table.name) has rows")
                }
                var counts: [(table: String, rows: Int)] = []
                for table in tables {
                    let copied = try Self.copy(table, from: db, to: session)
                    let there = Int(try session.query("SELECT count(*) FROM \(table.name)", []).int(0, 0))
                    let here = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
                    guard copied == here, there == here else {
                        throw CopyError(description: "\(table.name): \(here) rows in SQLite, \(there) in PostgreSQL")
                    }
                    counts.append((table.name, here))
                }
                // Identities given explicitly go on from the highest copied value.
                let identities = try session.query(
                    """
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND is_identity = 'YES' AND identity_generation = 'BY DEFAULT'
                    """, [])
                for i in 0..<identities.rowCount {
                    let (table, column) = (identities.text(i, 0), identities.text(i, 1))
                    try session.execute(
                        "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), coalesce((SELECT max(\(column)) FROM \(table)), 0) + 1, false)"
                    )
                }
                return counts
            }
        }
    }

    /// The application's tables in SQLite, with their columns and whether they have
    /// rowids; a table after those its foreign keys refer to.
    private static func tables(_ db: Database) throws -> [(name: String, columns: [String], rowid: Bool)] {
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY name")
        var waiting = try rows.map { row in
            let name: String = row[0]
            let sql: String = row[1]
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [name])
            let parents = try Set(String.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)", arguments: [name])).subtracting([name])
            return (name: name, columns: columns, rowid: !sql.uppercased().contains("WITHOUT ROWID"), parents: parents)
        }
        var ordered: [(name: String, columns: [String], rowid: Bool)] = []
        while !waiting.isEmpty {
            let done = Set(ordered.map(\.name))
            guard let next = waiting.firstIndex(where: { $0.parents.isSubset(of: done) }) else {
                throw CopyError(description: "foreign keys in a cycle: \(waiting.map(\.name))")
            }
            let table = waiting.remove(at: next)
            ordered.append((table.name, table.columns, table.rowid))
        }
        return ordered
    }

    /// Copies one table, many rows a statement; how many rows it copied.
    private static func copy(_ table: (name: String, columns: [String], rowid: Bool), from db: Database, to session: PostgresSession) throws -> Int {
        let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table.name) \(table.rowid ? "ORDER BY rowid" : "")")
        let width = max(1, 1000 / table.columns.count)
        var batch: [SQLValue] = []
        var copied = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            let rows = batch.count / table.columns.count
            var n = 0
            let tuples = (0..<rows).map { _ in
                "("
                    + table.columns.indices.map { _ in
                        n += 1
                        return "$\(n)"
                    }.joined(separator: ", ") + ")"
            }
            try session.query("INSERT INTO \(table.name)(\(columns)) VALUES \(tuples.joined(separator: ", "))", batch)
            copied += rows
            batch.removeAll(keepingCapacity: true)
        }
        while let row = try cursor.next() {
            for i in table.columns.indices {
                switch (row[i] as DatabaseValue).storage {
                case .null: batch.append(.null)
                case .int64(let n): batch.append(.int(n))
                case .string(let s): batch.append(.text(s))
                case .double, .blob: throw CopyError(description: "\(table.name).\(table.columns[i]): a value that is neither integer nor text")
                }
            }
            if batch.count >= width * table.columns.count { try flush() }
        }
        try flush()
        return copied
    }
}
