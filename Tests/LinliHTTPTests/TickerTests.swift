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
    @Test func aDueTimerFiresWithinASecondWithNoEventArriving() async throws {
        let text = FamilyHarness.community.replacingOccurrences(of: "priority: P1, accept: 30m", with: "priority: P0, accept: 1s")
        let (community, _) = try CommunityFile.parse(text, file: "ticker.yaml")
        let catalog = try Catalog.load(directory: Fixtures.commandsPath)
        let store = try Store(path: ":memory:")
        let engine = try Engine(community: community, catalog: catalog, store: store, wallClock: Linli.wallClock)
        let gate = EngineGate(engine)
        let reported = try await gate.process([.event(InboundEvent(type: .message, from: "u-li", text: "报修 漏水 厨房滴水"), line: 1)])
        #expect(reported.first?.refs == ["R1"])
        let due = Date().addingTimeInterval(1)
        let ticker = Task { await Ticker(gate: gate).loop() }
        defer { ticker.cancel() }
        var escalatedAt: Date?
        while escalatedAt == nil, Date() < due.addingTimeInterval(20) {
            try await Task.sleep(for: .milliseconds(50))
            if try engine.history(1).contains(where: { $0.action == "escalate" }) { escalatedAt = Date() }
        }
        let at = try #require(escalatedAt, "the accept limit passed and nothing escalated")
        // A tick a second; the bound is loose because the whole suite shares two cores with this test.
        #expect(at.timeIntervalSince(due) < 10, "fired \(at.timeIntervalSince(due)) s after it fell due")
        #expect(Ticker(gate: gate).interval == .seconds(1))
        #expect(try engine.history(1).last?.detail == "u-grid")
    }

    @Test func anIdleTickWritesNothing() async throws {
        let engine = try Fixtures.engine()
        let gate = EngineGate(engine)
        #expect(try await gate.tick().isEmpty)
        #expect(engine.clock == Instant(milliseconds: 0), "no timer was due: the clock did not even move")
    }
}
