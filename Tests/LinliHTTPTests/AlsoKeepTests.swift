import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// A chat platform's reply is queued in the transaction that keeps its event (issue 15):
/// a crash between the two cannot keep the event and lose the reply, or the reverse.
@Suite struct AlsoKeepTests {
    static func row(for reply: OutboundEvent) -> OutboxRow {
        OutboxRow(
            eventID: reply.id, webhook: "platform:fs", recipient: "u-li", reason: "reply", text: reply.text, refs: reply.refs, event: "{}",
            createdAt: Instant(milliseconds: 0), dueAt: Instant(milliseconds: 0))
    }

    struct Crash: Error {}

    @Test func theReplyIsKeptWithItsEventOrNeither() async throws {
        let (community, catalog) = try Fixtures.load()
        let store = try Store(path: ":memory:")
        let gate = EngineGate(try Engine(community: community, catalog: catalog, store: store, wallClock: Linli.wallClock))
        let report = InputItem.event(InboundEvent(type: .message, id: "fs:ev1", from: "u-li", text: "报修 漏水 厨房滴水"), line: 1)

        // The write of the reply fails: the report is not kept either, and the next try files it.
        let failed: (any Error)?
        do {
            _ = try await gate.process([report]) { _, _ in throw Crash() }
            failed = nil
        } catch {
            failed = error
        }
        #expect(failed is Crash)
        #expect(try store.read { try $0.outcome(ofEvent: "fs:ev1") } == nil)
        #expect(try store.read { try $0.workOrder(1) } == nil)

        let out = try await gate.process([report]) { tx, out in
            for reply in out where reply.type == .reply { try tx.enqueueOnce(Self.row(for: reply)) }
        }
        let reply = try #require(out.first { $0.type == .reply })
        #expect(reply.refs == ["R1"])
        // The platform's retry gets the kept reply, with the same id: queued once.
        let again = try await gate.process([report]) { tx, out in
            for reply in out where reply.type == .reply { try tx.enqueueOnce(Self.row(for: reply)) }
        }
        #expect(again.first { $0.type == .reply }?.id == reply.id)
        let queued = try store.read { try $0.outbox() }.filter { $0.webhook == "platform:fs" }
        #expect(queued.map(\.eventID) == [reply.id])
    }
}
