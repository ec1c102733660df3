import GRDB

/// Makes a database file fail on purpose, to test what Linli does when the store
/// refuses a write in the middle of a batch.
public enum Faults {
    /// Any work order whose details are exactly `details` fails to insert.
    public static func failReports(withDetails details: String, inDatabaseAt path: String) throws {
        // The store that made the file may still be checkpointing it: wait for the lock.
        var config = Configuration()
        config.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER linli_test_fault BEFORE INSERT ON work_orders
                    WHEN NEW.details = \(details.quotedDatabaseIdentifier.replacingOccurrences(of: "\"", with: "'"))
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
    }
}
