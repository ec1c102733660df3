import Foundation
import LinliCore
import LinliStore
import LinliTesting
import Testing

@Suite struct StoreTests {
    let t0 = Instant(milliseconds: 1_795_827_600_000)

    func order(_ number: Int, reporter: String = "u-li", assignee: Assignee? = .person("u-zhou"), building: String = "b3") -> WorkOrder {
        WorkOrder(
            number: number, category: "leak", building: building, place: "501", details: "dripping", reporter: reporter,
            group: "fudi-b3", assignee: assignee, level: .captain, createdAt: t0)
    }

    @Test(arguments: TestDatabase.allCases) func countersArePerKind(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        #expect(try store.read { try $0.counters() }.isEmpty)
        try store.write { tx in
            try tx.setCounter(.workOrder, 2)
            try tx.setCounter(.booking, 1)
            try tx.setCounter(.workOrder, 3)
        }
        #expect(try store.read { try $0.counters() } == [.workOrder: 3, .booking: 1])
    }

    @Test(arguments: TestDatabase.allCases) func workOrdersRoundTripWithEveryField(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        var o = order(1)
        try store.write { tx in try tx.insert(o) }
        #expect(try store.read { try $0.workOrder(1) } == o)
        let before = o
        try o.apply(.accept(by: "u-zhou"), at: t0.adding(.minutes(5)))
        try o.apply(.resolve("fixed", .unable), at: t0.adding(.hours(2)))
        o.overdueAt = t0.adding(.hours(1))
        o.externalRef = "12345-1"
        try o.apply(.rate(5, comment: "好"), at: t0.adding(.hours(3)))
        o.lastUrgedAt = t0
        try store.write { tx in try tx.update(o, from: before) }
        #expect(try store.read { try $0.workOrder(1) } == o)
        #expect(try store.read { try $0.workOrder(2) } == nil)
    }

    @Test(arguments: TestDatabase.allCases) func openOrdersAndQueues(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        try store.write { tx in
            try tx.insert(order(1))
            var closed = order(2)
            closed.state = .cancelled
            try tx.insert(closed)
            try tx.insert(order(3, reporter: "u-zhang", assignee: .department("property")))
            try tx.insert(order(4, reporter: "u-li", building: "b4"))
            try tx.follow(Follower(workOrder: 3, user: "u-li", household: "b3-501", via: nil, at: Instant(milliseconds: 1)))
            try tx.follow(Follower(workOrder: 2, user: "u-li", household: "b3-501", via: nil, at: Instant(milliseconds: 1)))
        }
        #expect(try store.read { try $0.openWorkOrders(reportedOrFollowedBy: "u-li") }.map(\.number) == [1, 3, 4], "her own and the open one she follows")
        #expect(try store.read { try $0.openWorkOrders(reportedOrFollowedBy: "u-zhang") }.map(\.number) == [3])
        #expect(try store.read { try $0.queue(assignees: ["property"], buildings: []) }.map(\.number) == [3])
        #expect(try store.read { try $0.queue(assignees: [], buildings: ["b4"]) }.map(\.number) == [4])
        #expect(try store.read { try $0.queue(assignees: [], buildings: []) }.isEmpty)
    }

    /// The chart's times: every report of the buildings asked for, and the resolutions
    /// of those resolved (an open order is not in the index on resolution times).
    @Test(arguments: TestDatabase.allCases) func chartTimesHaveEveryReportAndEachResolution(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        var resolved = order(2, building: "b4")
        try store.write { tx in
            try tx.insert(order(1))
            try tx.insert(resolved)
            try tx.insert(order(3, building: "b5"))
        }
        let before = resolved
        try resolved.apply(.accept(by: "u-zhou"), at: t0.adding(.minutes(5)))
        try resolved.apply(.resolve("fixed", .fixed), at: t0.adding(.hours(2)))
        try store.write { tx in try tx.update(resolved, from: before) }
        let times = try store.read { try $0.workOrderTimes(buildings: ["b3", "b4"], since: t0) }
        #expect(times.reported == [t0, t0])
        #expect(times.resolved == [t0.adding(.hours(2))])
        #expect(try store.read { try $0.workOrderTimes(buildings: ["b4"], since: t0.adding(.hours(3))) }.resolved.isEmpty)
    }

    @Test(arguments: TestDatabase.allCases) func historyKeepsOrder(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        try store.write { tx in
            try tx.insert(order(1))
            try tx.appendHistory(1, HistoryEntry(at: t0, actor: "u-li", action: "report", detail: "dripping"))
            try tx.appendHistory(1, HistoryEntry(at: t0.adding(.minutes(1)), actor: "u-zhou", action: "accept", detail: nil))
        }
        #expect(try store.read { try $0.history(1) }.map(\.action) == ["report", "accept"])
    }

    @Test(arguments: TestDatabase.allCases) func eventOutcomesAreKeptOnce(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        let outcome = StoredOutcome(ok: false, code: "usage", text: "用法", refs: ["R1", "R2"])
        try store.write { tx in try tx.saveOutcome(outcome, ofEvent: "e1", at: 1) }
        #expect(try store.read { try $0.outcome(ofEvent: "e1") } == outcome)
        #expect(try store.read { try $0.outcome(ofEvent: "e2") } == nil)
        #expect(throws: (any Error).self) { try store.write { tx in try tx.saveOutcome(outcome, ofEvent: "e1", at: 2) } }
    }

    @Test(arguments: TestDatabase.allCases) func aBatchOfIDsIsLookedUpAtOnce(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        let kept = (0..<300).filter { $0 % 7 == 0 }.map { "e\($0)" }
        try store.write { tx in
            for id in kept { try tx.saveOutcome(StoredOutcome(ok: true, code: nil, text: "", refs: []), ofEvent: id, at: 1) }
        }
        // More ids than one statement takes, in chunks; ids that look alike are not confused.
        let asked = (0..<300).map { "e\($0)" } + ["e", "e00", "E7"]
        #expect(try store.read { try $0.handled(asked) } == Set(kept))
        #expect(try store.read { try $0.handled([]) }.isEmpty)
    }

    @Test(arguments: TestDatabase.allCases) func registrationsLanguagesAndPrompts(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        try store.write { tx in
            try tx.setLang("u-x", .en, at: t0)
            try tx.register("u-x", home: "b3-901", name: "X", at: t0)
            try tx.setPrompt(Prompt(chat: "fudi-b3", user: "u-x", command: "report", soFar: "report", lang: .en, expiresAt: t0))
        }
        #expect(try store.read { try $0.registration("u-x") } == Registration(user: "u-x", home: "b3-901", name: "X", lang: .en))
        #expect(try store.read { try $0.prompt(chat: "fudi-b3", user: "u-x") }?.command == "report")
        #expect(try store.read { try $0.allPrompts() }.map(\.user) == ["u-x"])
        #expect(try store.read { try $0.allRegistrations() }.map(\.home) == ["b3-901"])
        #expect(try store.read { try $0.prompt(chat: "", user: "u-x") } == nil)
        try store.write { tx in try tx.deletePrompt(chat: "fudi-b3", user: "u-x") }
        #expect(try store.read { try $0.prompt(chat: "fudi-b3", user: "u-x") } == nil)
    }

    @Test(arguments: TestDatabase.allCases) func aSavepointUndoesOnlyItsOwnWrites(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        struct Boom: Error {}
        try store.write { tx in
            try tx.insert(order(1))
            #expect(throws: Boom.self) {
                try tx.savepoint {
                    try tx.insert(order(2))
                    throw Boom()
                }
            }
        }
        #expect(try store.read { try $0.workOrder(1) } != nil)
        #expect(try store.read { try $0.workOrder(2) } == nil)
    }

    @Test(arguments: TestDatabase.allCases) func aFailedTransactionLeavesNothing(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { tx in
                try tx.insert(order(1))
                try tx.setMeta("clock", 42)
                throw Boom()
            }
        }
        #expect(try store.read { try $0.workOrder(1) } == nil)
        #expect(try store.read { try $0.meta("clock") } == nil)
    }

    @Test(arguments: TestDatabase.allCases) func theSchemaRefusesImpossibleRows(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        var o = order(1)
        o.rating = 9
        #expect(throws: (any Error).self) { try store.write { tx in try tx.insert(o) } }
    }

    @Test(arguments: TestDatabase.allCases) func aFileDatabaseKeepsWhatWasCommittedAcrossReopening(_ database: TestDatabase) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("linli-store-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let store = try Store(path: path)
            try store.write { tx in
                try tx.insert(order(1))
                try tx.setMeta("clock", 7)
            }
        }
        let reopened = try Store(path: path)
        #expect(try reopened.read { try $0.workOrder(1) } != nil)
        #expect(try reopened.read { try $0.meta("clock") } == 7)
        #expect(try reopened.read { try $0.counters() }.isEmpty)
    }

    /// The daily note marks told only the failures it listed: a dead letter or a
    /// disabled endpoint that a deliverer of another process committed in between
    /// is left for the next note (issue 21: deliverers no longer wait for the engine).
    @Test(arguments: TestDatabase.allCases) func onlyTheFailuresListedAreMarkedTold(_ database: TestDatabase) throws {
        let store = try Store(path: database.path())
        let ids: [Int64] = try store.write { tx in
            for i in 0..<2 {
                try tx.enqueue(
                    OutboxRow(
                        eventID: "e\(i)", webhook: "w", recipient: "u-cap3", reason: "new_report", text: "push", refs: [], event: "{}",
                        createdAt: t0, dueAt: t0))
            }
            return try tx.outbox().map(\.id)
        }
        try store.write { tx in
            try tx.markDead(ids[0], reason: "gave up", attempted: true)
            try tx.disableEndpoint("gone", configuration: "c1", reason: "410", at: t0)
        }
        let (listed, endpoints) = try store.read { tx in (try tx.untoldDeadLetters(), try tx.disabledEndpoints(untold: true)) }
        try store.write { tx in
            // Committed by a deliverer after the note read what to tell.
            try tx.markDead(ids[1], reason: "gave up", attempted: true)
            try tx.disableEndpoint("gone2", configuration: "c2", reason: "410", at: t0.adding(.seconds(1)))
        }
        try store.write { tx in try tx.markTold(deadLetters: listed.map(\.id), endpoints: endpoints.map { ($0.webhook, $0.at) }) }
        #expect(try store.read { try $0.untoldDeadLetters() }.map(\.id) == [ids[1]])
        #expect(try store.read { try $0.disabledEndpoints(untold: true) }.map(\.webhook) == ["gone2"])
    }
}
