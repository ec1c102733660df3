import CLinliSys
import Foundation
import GRDBSQLite
import LinliStore
import LinliTesting
import Testing

/// The "linli" VFS gathers a write-ahead log's writes into one per transaction
/// (CLinliSys/walwrites.c). Each test drives its own connection on its own thread,
/// where the VFS counts the writes it was asked for and made.
@Suite struct LogWritesTests {
    /// A connection to a fresh file in WAL mode with `synchronous` as given.
    final class Connection {
        let path = BinaryRunner.temporaryDatabase()
        var db: OpaquePointer?

        init(synchronous: String = "FULL", path: String? = nil) throws {
            #expect(linli_install_log_vfs() == SQLITE_OK)
            try #require(sqlite3_open_v2(path ?? self.path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK)
            try run("PRAGMA journal_mode = WAL; PRAGMA synchronous = \(synchronous)")
        }

        deinit { sqlite3_close_v2(db) }

        func run(_ sql: String) throws {
            var error: UnsafeMutablePointer<CChar>?
            let rc = sqlite3_exec(db, sql, nil, nil, &error)
            defer { sqlite3_free(error) }
            try #require(rc == SQLITE_OK, "\(sql): \(error.map { String(cString: $0) } ?? "\(rc)")")
        }

        /// The first column of the first row `sql` returns, read by `column`.
        func first<T>(_ sql: String, _ column: (OpaquePointer?) -> T) throws -> T {
            var statement: OpaquePointer?
            try #require(sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK)
            defer { sqlite3_finalize(statement) }
            try #require(sqlite3_step(statement) == SQLITE_ROW, "\(sql): \(String(cString: sqlite3_errmsg(db)))")
            return column(statement)
        }

        func integer(_ sql: String) throws -> Int64 { try first(sql) { sqlite3_column_int64($0, 0) } }

        func text(_ sql: String) throws -> String { try first(sql) { String(cString: sqlite3_column_text($0, 0)) } }

        func remove() {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    /// `numbers`, the integers from `first` to `last` (the system's SQLite has no `generate_series`).
    func numbers(_ first: Int, _ last: Int) -> String {
        "WITH RECURSIVE numbers(value) AS (SELECT \(first) UNION ALL SELECT value + 1 FROM numbers WHERE value < \(last)) "
    }

    /// The log writes asked for and made on this thread while `body` ran.
    func counting(_ body: () throws -> Void) rethrows -> (asked: UInt64, made: UInt64) {
        var (asked0, made0, asked1, made1) = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        linli_log_writes(&asked0, &made0)
        try body()
        linli_log_writes(&asked1, &made1)
        return (asked1 - asked0, made1 - made0)
    }

    @Test func theStoreMakesTheVFSTheDefault() throws {
        let path = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try Store(path: path)
        #expect(String(cString: try #require(sqlite3_vfs_find(nil)).pointee.zName) == "linli")
    }

    @Test func aTransactionsFramesAreOneWrite() throws {
        let c = try Connection()
        defer { c.remove() }
        try c.run("CREATE TABLE t (n INTEGER PRIMARY KEY, body BLOB); CREATE INDEX t_body ON t (body)")
        let writes = try counting {
            try c.run(numbers(1, 10) + "INSERT INTO t SELECT value, randomblob(1000) FROM numbers")
        }
        // Two writes a frame asked (header, page), for some 16 pages (under 124 KiB); one made.
        #expect(writes.asked >= 16)
        #expect(writes.made == 1)
        #expect(try c.integer("SELECT count(*) FROM t") == 10)
    }

    @Test func aCommitThatWaitsForNoSyncIsReadByAnotherConnectionAtOnce() throws {
        let writer = try Connection(synchronous: "NORMAL")
        defer { writer.remove() }
        try writer.run("CREATE TABLE t (n INTEGER PRIMARY KEY, body TEXT)")
        let reader = try Connection(path: writer.path)
        for round in 1...5 {
            try writer.run(numbers(round * 100, round * 100 + 99) + "INSERT INTO t SELECT value, hex(randomblob(300)) FROM numbers")
            #expect(try reader.integer("SELECT count(*) FROM t") == Int64(round * 100))
            #expect(try reader.integer("SELECT sum(length(body)) FROM t") == Int64(round * 100 * 600))
        }
        #expect(try reader.text("PRAGMA integrity_check") == "ok")
    }

    /// A transaction larger than the page cache writes pages to the log before its
    /// commit and reads them back: each read makes what was gathered first.
    @Test func aTransactionLargerThanTheCacheReadsBackWhatItGathered() throws {
        let c = try Connection()
        defer { c.remove() }
        try c.run("PRAGMA cache_size = 10; CREATE TABLE t (n INTEGER PRIMARY KEY, body BLOB)")
        let writes = try counting {
            try c.run("BEGIN; " + numbers(1, 2000) + "INSERT INTO t SELECT value, zeroblob(2000) FROM numbers; UPDATE t SET body = randomblob(2000) WHERE n % 3 = 0; COMMIT")
        }
        #expect(writes.made > 1)
        #expect(writes.made < writes.asked)
        #expect(try c.integer("SELECT count(*) FROM t WHERE n % 3 = 0 AND body != zeroblob(2000)") == 666)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
        try c.run("PRAGMA wal_checkpoint(TRUNCATE)")
        let reopened = try Connection(path: c.path)
        #expect(try reopened.integer("SELECT count(*) FROM t") == 2000)
    }
}
