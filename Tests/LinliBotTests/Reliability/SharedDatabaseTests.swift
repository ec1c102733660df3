import Foundation
import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Synchronization
import Testing

/// Several processes in front of one PostgreSQL database (issue 21, item 3): each
/// batch holds the database's writer lock and starts from what the others wrote.
/// Two engines, each with its own connection, stand for two `linli serve`.
@Suite struct SharedDatabaseTests {
    static func engines(_ count: Int) throws -> (engines: [Engine], store: Store) {
        let (community, catalog) = try Fixtures.load()
        let db = try TestPostgres.database()
        let engines = try (0..<count).map { _ in
            try Engine(community: community, catalog: catalog, store: Store(path: db), wallClock: { Instant(milliseconds: 1_795_000_000_000) })
        }
        return (engines, try Store(path: db))
    }

    static func say(_ engine: Engine, _ text: String, from user: String, id: String? = nil, at ts: String) throws -> [OutboundEvent] {
        try engine.process([.event(InboundEvent(type: .message, id: id, ts: RFC3339.parse(ts), from: user, text: text), line: 1)])
    }

    @Test func eachEngineActsOnWhatTheOtherWrote() throws {
        let ((a, b), store) = try {
            let (e, s) = try Self.engines(2)
            return ((e[0], e[1]), s)
        }()
        #expect(try Self.say(a, "报修 漏水 厨房滴水", from: "u-li", at: "2026-11-30T09:00:00+08:00").reply.refs == ["R1"])
        // B's counters follow A's: the next number, never a second R1.
        #expect(try Self.say(b, "report leak bathroom ceiling", from: "u-wang", at: "2026-11-30T09:01:00+08:00").reply.refs == ["R2"])
        // B reads R1 (and caches it); A changes it; B acts on A's change, not its cache.
        #expect(try Self.say(b, "进度 R1", from: "u-li", at: "2026-11-30T09:02:00+08:00").reply.text.contains("待签收"))
        #expect(try Self.say(a, "签收 R1", from: "u-zhou", at: "2026-11-30T09:03:00+08:00").reply.ok)
        let done = try Self.say(b, "办结 R1 换了水管", from: "u-zhou", at: "2026-11-30T09:30:00+08:00")
        #expect(done.reply.ok, "\(done.reply.text)")
        // A registration made through A is known to B.
        #expect(try Self.say(a, "登记 b3-905", from: "u-new", at: "2026-11-30T09:31:00+08:00").reply.ok)
        #expect(try Self.say(b, "报修 漏水 阳台漏水", from: "u-new", at: "2026-11-30T09:32:00+08:00").reply.refs == ["R3"])
        // The same event id sent to both: it takes effect once, and both answer with its outcome.
        let first = try Self.say(a, "报修 电梯 困在7楼", from: "u-li", id: "ev-lift", at: "2026-11-30T09:40:00+08:00")
        let again = try Self.say(b, "报修 电梯 困在7楼", from: "u-li", id: "ev-lift", at: "2026-11-30T09:40:00+08:00")
        #expect(first.reply.refs == ["R4"] && again.reply.id == first.reply.id && again.reply.text == first.reply.text)
        #expect(try store.read { try $0.workOrder(5) } == nil)
        // R2's accept clock (B started it) fell due at 09:31, among A's and B's events: it
        // fired once, and neither engine's later ticks fire it again.
        for (engine, ts) in [(a, "2026-11-30T09:45:00+08:00"), (b, "2026-11-30T09:46:00+08:00"), (a, "2026-11-30T09:47:00+08:00")] {
            _ = try engine.process([.event(InboundEvent(type: .tick, ts: RFC3339.parse(ts)), line: 1)])
        }
        #expect(try store.read { try $0.history(2) }.filter { $0.action == "escalate" }.count == 1)
    }

    @Test func concurrentReportsOnTwoEnginesGetEveryNumberOnce() async throws {
        let (engines, store) = try Self.engines(2)
        let gates = engines.map { EngineGate($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<60 {
                group.addTask {
                    let event = InboundEvent(
                        type: .message, id: "c\(i)", ts: RFC3339.parse("2026-11-30T10:00:00+08:00"), from: "u-li", text: "报修 漏水 第\(i)处")
                    _ = try await gates[i % 2].process([.event(event, line: 1)])
                }
            }
            try await group.waitForAll()
        }
        let numbers = try store.read { tx in try (1...61).compactMap { try tx.workOrder($0)?.number } }
        #expect(numbers == Array(1...60), "numbered 1…60 without a gap or a repeat")
    }
}
