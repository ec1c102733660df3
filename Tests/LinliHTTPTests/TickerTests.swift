import Foundation
import LinliBot
import LinliCommands
import LinliCore
import LinliHTTP
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// PROTOCOL.md §5: in `linli serve` time moves by itself.
@Suite struct TickerTests {
    @Test func aDueTimerFiresByItselfWithNoEventArriving() async throws {
        let text = FamilyHarness.community.replacingOccurrences(of: "priority: P1, accept: 30m", with: "priority: P0, accept: 1s")
        let community = try CommunityFile.parse(text, file: "ticker.yaml")
        let catalog = try Catalog.load(directory: Fixtures.commandsPath)
        let store = try Store(path: ":memory:")
        let engine = try Engine(community: community, catalog: catalog, store: store, wallClock: Linli.wallClock)
        let gate = EngineGate(engine)
        let reported = try await gate.process([.event(InboundEvent(type: .message, from: "u-li", text: "报修 漏水 厨房滴水"), line: 1)])
        #expect(reported.first?.refs == ["R1"])
        let reportedAt = try #require(engine.history(1).first?.at)
        let ticker = gate.startTicking(every: .seconds(1))
        defer { ticker.cancel() }
        var escalation: HistoryEntry?
        for _ in 0..<1_200 where escalation == nil {
            try await Task.sleep(for: .milliseconds(100))
            escalation = try engine.history(1).first { $0.action == "escalate" }
        }
        let fired = try #require(escalation, "the accept limit passed and no tick escalated it")
        // Due a second after the report; fired by a tick after that, on the engine's own clock.
        // Alone the first tick after it fell due fires it (0.0–1.1 s late). No upper bound is
        // asserted: the whole suite shares two cores, and in CI a tick once came 42 s late; a
        // ticker that does not tick at all fails the #require above.
        #expect(fired.at.since(reportedAt.adding(.seconds(1))).milliseconds >= 0, "not before it fell due")
        #expect(fired.detail == "u-grid")
        #expect(Ticker(gate: gate).interval == .seconds(1))
    }

    @Test func anIdleTickWritesNothing() throws {
        let (community, catalog) = try Fixtures.load()
        let wall = ManualClock()
        let engine = try Engine(community: community, catalog: catalog, store: Store(path: ":memory:"), wallClock: wall.read)
        // On a new database the first event sets the clock and starts the daily timers (next morning).
        #expect(try engine.process([.event(InboundEvent(type: .tick), line: 1)]).isEmpty)
        let started = engine.clock
        #expect(started == wall.read())
        wall.advance(.minutes(1))
        #expect(try engine.process([.event(InboundEvent(type: .tick), line: 2)]).isEmpty)
        #expect(engine.clock == started, "no timer was due: the clock did not even move")
    }
}

/// `linli serve` ticks at once: an error answered before any message is stamped with
/// the wall clock, not 1970; and a tick whose `ts` is refused says so, as a message does.
@Suite struct FirstTickTests {
    @Test func theClockIsTheWallClocksFromTheStart() async throws {
        let before = Instant(milliseconds: Linli.wallClock().milliseconds - 1000)  // a timestamp may drop its milliseconds
        let engine = try Engine(
            community: try Fixtures.load().0, catalog: try Catalog.load(directory: Fixtures.commandsPath), store: try Store(path: ":memory:"),
            wallClock: Linli.wallClock)
        let gate = EngineGate(engine)
        let ticker = gate.startTicking(every: .seconds(60))
        defer { ticker.cancel() }
        for _ in 0..<200 where engine.clock.milliseconds == 0 { try await Task.sleep(for: .milliseconds(50)) }
        let out = try await gate.process([.bad(LineError(.badJSON, "the line is not a JSON object"), line: 1)])
        let stamped = try #require(out.first?.ts)
        // The wall clock's when the ticker first ticked (a loaded machine may take minutes to get here).
        #expect(stamped >= before && stamped <= Linli.wallClock(), "\(stamped)")
        _ = try await gate.process([.event(InboundEvent(type: .tick), line: 2)])  // the day's start is done: ticks are idle now
        let tick = try await gate.process([.event(InboundEvent(type: .tick, ts: RFC3339.parse("1999-01-01T00:00:00Z")), line: 3)])
        #expect(tick.map(\.code) == ["bad_timestamp"], "\(tick)")
    }
}
