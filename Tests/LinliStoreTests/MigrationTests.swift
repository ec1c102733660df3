import CLinliSys
import Foundation
import GRDB
import LinliCore
import LinliTesting
import Synchronization
import Testing

@testable import LinliStore

/// A database written by an earlier version keeps its records through later migrations.
@Suite struct MigrationTests {
    @Test func checksWithoutListsKeepEveryRowAndStillRefuseBadValues() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("linli-migration-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // The database as v5 left it, with a work order, its history and a queued push.
        let old = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(old, upTo: "v5-community-services")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO work_orders(number, category, building, details, reporter, state, assignee_kind, assignee, level, created_at, resolution)
                    VALUES (7, 'leak', 'b3', 'dripping', 'u-li', 'accepted', 'person', 'u-zhou', 'captain', 1000, 'fixed');
                    INSERT INTO history(work_order, seq, at, actor, action) VALUES (7, 1, 1000, 'u-li', 'report');
                    INSERT INTO outbox(event_id, webhook, recipient, reason, text, refs, event, created_at, due_at) VALUES ('o1', 'w', 'u-zhou', 'new_report', 't', 'R7', '{}', 1, 1);
                    INSERT INTO outbox(event_id, webhook, recipient, reason, text, refs, event, created_at, due_at) VALUES ('o2', 'w', 'u-zhou', 'new_report', 't', 'R7', '{}', 1, 1);
                    DELETE FROM outbox WHERE id = 2;
                    INSERT INTO timers(due_at, kind, subject) VALUES (5000, 'accept', 'R7');
                    INSERT INTO inbound(event_id, ok, code, text, refs, handled_at) VALUES ('m1', 1, NULL, '已受理 R7', 'R7', 1000);
                    """)
        }
        try old.close()

        let store = try Store(path: path)
        let order = try #require(try store.read { try $0.workOrder(7) })
        #expect(order.state == .accepted && order.assignee == .person("u-zhou") && order.resolution == .fixed)
        #expect(try store.read { try $0.history(7) }.map(\.action) == ["report"])
        #expect(try store.read { try $0.nextTimer(dueBy: Instant(milliseconds: 5000)) }?.subject == "R7", "timers survive v7")
        // Handled events survive v13 (rows in arrival order), and their ids stay unique.
        #expect(try store.read { try $0.outcome(ofEvent: "m1") } == StoredOutcome(ok: true, code: nil, text: "已受理 R7", refs: ["R7"]))
        try store.write { tx in
            #expect(throws: DatabaseError.self) {
                try tx.saveOutcome(StoredOutcome(ok: true, code: nil, text: "", refs: []), ofEvent: "m1", at: 2000)
            }
        }
        try store.write { tx in
            #expect(throws: DatabaseError.self) { try tx.db!.execute(sql: "UPDATE work_orders SET state = 'lost' WHERE number = 7") }
            #expect(throws: DatabaseError.self) { try tx.db!.execute(sql: "UPDATE work_orders SET level = 'mayor' WHERE number = 7") }
            // Ids of the outbox keep counting from where they were: a deleted push's id is not given again.
            try tx.db!.execute(
                sql:
                    "INSERT INTO outbox(event_id, webhook, recipient, reason, text, refs, event, created_at, due_at) VALUES ('o3', 'w', 'u', 'r', 't', '', '{}', 1, 1)"
            )
            #expect(try Int64.fetchOne(tx.db!, sql: "SELECT max(id) FROM outbox") == 3)
        }
    }

    @Test func serviceRequestsKeepTheirRowsAndTakeTheAcceptedState() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v16-registrations-approved")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO service_requests(number, service, requester, household, details, is_loan, state, created_at, due_at, reminders)
                    VALUES (1, 'umbrella', 'u-li', 'b1-502', NULL, 1, 'open', 1000, 9000, 1), (2, 'haircut', 'u-li', 'b1-502', '上门', 0, 'open', 2000, NULL, 0);
                    """)
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE service_requests SET state = 'accepted' WHERE number = 2") }
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            let loan = try #require(try Row.fetchOne(db, sql: "SELECT * FROM service_requests WHERE number = 1"))
            #expect(loan["due_at"] as Int64? == 9000 && loan["reminders"] as Int64? == 1 && loan["handler"] as String? == nil)
            try db.execute(sql: "UPDATE service_requests SET state = 'accepted', accepted_by = 'u-vol', accepted_at = 3000 WHERE number = 2")
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE service_requests SET state = 'lost' WHERE number = 2") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE service_requests SET level = 'mayor' WHERE number = 2") }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'service_requests'") == 2)
        }
    }

    @Test func bookingsKeepTheirRowsAndTakeTheLapsedState() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v24-resolved-orders-only")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO bookings(number, venue, day, start_minute, end_minute, booker, household, purpose, state, created_at, private)
                    VALUES (1, 'room', 20000, 600, 660, 'u-li', 'b1-502', '调解', 'confirmed', 1000, 1), (2, 'room', 20001, 840, 960, 'u-ann', 'b1-501', NULL, 'pending', 2000, 0);
                    """)
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE bookings SET state = 'lapsed' WHERE number = 2") }
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            let kept = try #require(try Row.fetchOne(db, sql: "SELECT * FROM bookings WHERE number = 1"))
            #expect(kept["private"] as Int64? == 1 && kept["purpose"] as String? == "调解" && kept["start_minute"] as Int64? == 600)
            try db.execute(sql: "UPDATE bookings SET state = 'lapsed' WHERE number = 2")
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE bookings SET state = 'lost' WHERE number = 2") }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bookings'") == 3)
        }
    }

    /// PostgreSQL's baseline stands for SQLite's v1…v22; every migration after it has
    /// a PostgreSQL twin of the same name, in the same order.
    @Test func postgresMigrationsKeepUpWithSQLites() throws {
        let sqlite = Schema.migrator.migrations
        let postgres = Schema.postgresMigrations.map(\.name)
        #expect(postgres.first == "v1-v22-baseline")
        let baseline = try #require(sqlite.firstIndex(of: "v22-loan-quantities"))
        #expect(Array(sqlite[(baseline + 1)...]) == Array(postgres.dropFirst()))
    }

    /// v24: the index on resolution times leaves open orders out, and the chart's query
    /// (`workOrderTimes`) still reads it alone; the one on report times is untouched.
    @Test func theChartStillReadsResolutionTimesFromTheirIndexAlone() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            for (column, index) in [("resolved_at", "work_orders_resolved_building"), ("created_at", "work_orders_created_building")] {
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT building, \(column) FROM work_orders WHERE \(column) >= ?", arguments: [0])
                    .map { $0["detail"] as String }
                #expect(plan.contains { $0.contains("COVERING INDEX \(index)") }, "\(plan)")
            }
            let partial = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'work_orders_resolved_building'")
            #expect(partial?.hasSuffix("WHERE resolved_at IS NOT NULL") == true)
        }
    }
}

/// The log is checkpointed beside the writer and kept short; nothing committed is lost.
@Suite struct CheckpointTests {
    /// Several `linli serve` started together on a new PostgreSQL database: one migrates
    /// it, the others wait and find it done.
    @Test func serversStartingTogetherOnANewPostgresDatabaseAllOpenIt() throws {
        let url = try TestPostgres.database()
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            do { _ = try Store(path: url) } catch { errors.withLock { $0.append("\(error)") } }
        }
        #expect(errors.withLock { $0 }.isEmpty, "\(errors.withLock { $0 })")
        #expect(try Store(path: url).read { try $0.meta("clock") } == nil, "migrated once, empty")
    }

    @Test func countersKeepTheirNumbersAndTakeAnyRecordLetter() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v7-timers-without-autoincrement")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO counters(kind, last) VALUES ('R', 12), ('B', 3)")
            #expect(throws: DatabaseError.self, "v1 counts six letters only") {
                try db.execute(sql: "INSERT INTO counters(kind, last) VALUES ('A', 1)")
            }
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            #expect(try Int.fetchOne(db, sql: "SELECT last FROM counters WHERE kind = 'R'") == 12)
            #expect(try Int.fetchOne(db, sql: "SELECT last FROM counters WHERE kind = 'B'") == 3)
            try db.execute(sql: "INSERT INTO counters(kind, last) VALUES ('A', 1), ('V', 2)")
            #expect(throws: DatabaseError.self) { try db.execute(sql: "INSERT INTO counters(kind, last) VALUES ('a', 1)") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "INSERT INTO counters(kind, last) VALUES ('AB', 1)") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "INSERT INTO counters(kind, last) VALUES ('X', 0)") }
        }
    }

    @Test func theLogStaysShortUnderSteadyWritesAndEveryCommitSurvives() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("linli-wal-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let text = String(repeating: "滴水", count: 2_000)  // 12 KB a row: a few pages a commit
        var largest = 0
        do {
            let store = try Store(path: path, walLimit: 64)
            for i in 0..<400 {
                try store.write { tx in
                    try tx.saveOutcome(StoredOutcome(ok: true, code: nil, text: text, refs: []), ofEvent: "e\(i)", at: Int64(i))
                }
                if i % 50 == 0 { Thread.sleep(forTimeInterval: 0.3) }  // let a background pass run
                let size = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
                largest = max(largest, size)
            }
        }
        // 400 commits of 12 KB would be over 5 MB of log if it were never restarted.
        #expect(largest < 3_000_000, "the log peaked at \(largest) bytes")
        let reopened = try Store(path: path)
        #expect(try reopened.read { try $0.outcome(ofEvent: "e399") }?.text == text)
        #expect(try reopened.read { try $0.outcome(ofEvent: "e0") } != nil)
    }

    @Test func theLogIsWrittenOutBetweenPasses() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("linli-wb-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try Store(path: path)
        let checkpointer = try #require(store.checkpointer)
        let before = checkpointer.writeOuts.load(ordering: .relaxed)
        try store.write { tx in try tx.saveOutcome(StoredOutcome(ok: true, code: nil, text: "滴水", refs: []), ofEvent: "e1", at: 1) }
        Thread.sleep(forTimeInterval: 0.2)  // eight times the write-out interval
        #expect(checkpointer.writeOuts.load(ordering: .relaxed) > before)
        // It reads where the last frame ends from the wal-index: before any restart,
        // that is where the log file ends.
        let log = LogWriteOut(database: path)
        defer { log.closeFiles() }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int)
        #expect(log.committedBytes() == Int64(size))
        #expect(size > 4096)
        // The call underneath: started on an open file, refused on a closed one.
        let fd = open(path + "-wal", O_RDONLY)
        #expect(fd >= 0)
        #expect(linli_start_writeback(fd, 4096) == 0)
        close(fd)
        #expect(linli_start_writeback(fd, 4096) == -1)
    }
}
