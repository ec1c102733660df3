import Foundation
import LinliBot
import LinliCore
import LinliStore
import LinliTesting
import LinliWebhooks
import Synchronization
import Testing

/// A chat platform's reply queued leased in its event's transaction and sent straight
/// after the commit, without a pass of the outbox (issue 15): no other deliverer takes
/// it meanwhile, its answer is recorded like any other, also while the outbox drains at
/// shutdown; one the process does not send is left for the next deliverer.
@Suite struct LeasedReplyTests {
    /// A platform's channel that keeps what it is given; it answers at once with
    /// `answer` when that is set, else when the test calls `release`.
    final class Channel: OutboxChannel {
        let endpoint = "platform:dd"
        let sent = Mutex<[OutboxRow]>([])
        let answer: Mutex<ChannelAnswer?>
        private let waiting = Mutex<[@Sendable (ChannelAnswer) -> Void]>([])

        init(answering answer: ChannelAnswer? = nil) { self.answer = Mutex(answer) }

        func deliver(_ row: OutboxRow, now: Instant, done: @escaping @Sendable (ChannelAnswer) -> Void) {
            sent.withLock { $0.append(row) }
            if let answer = answer.withLock({ $0 }) { return done(answer) }
            waiting.withLock { $0.append(done) }
        }

        /// Answers every request held so far.
        func release(_ answer: ChannelAnswer) {
            for done in waiting.withLock({ w in defer { w.removeAll() }; return w }) { done(answer) }
        }

        var ids: [Int64] { sent.withLock { $0.map(\.id) } }
    }

    static let ok = ChannelAnswer(verdict: .delivered, status: 200)

    /// A store, and its deliverer `outbox` that sends through `channel`.
    final class Rig {
        let store: Store
        let community: Community
        let clock = ManualClock()
        let client = CurlClient()
        let channel = Channel()
        private(set) var outbox: OutboxService!

        init() throws {
            (_, store, community) = try Fixtures.engine(webhooksAt: "http://127.0.0.1:9/")
            outbox = deliverer(channel)
        }

        deinit { client.shutdown() }

        /// Another deliverer of this store, sending through `channel`.
        func deliverer(_ channel: Channel) -> OutboxService {
            let clock = clock
            return OutboxService(store: store, community: community, client: client, clock: { clock.read() }, channels: [channel])
        }

        /// Queues a reply as a platform's callback does; leased unless `leased` is false.
        func queue(_ n: Int, leased: Bool = true) throws -> OutboxRow {
            let now = clock.read()
            let row = OutboxRow(
                eventID: "fudi-o\(n)", webhook: "platform:dd", recipient: "u-li", reason: "reply", text: "已登记 R\(n)", refs: [], event: "{}",
                createdAt: now, dueAt: leased ? now.adding(OutboxService.lease) : now)
            return try #require(try store.write { try $0.enqueueOnce(row) }, "queued now, with its id")
        }

        func row(_ id: Int64) throws -> OutboxRow? { try store.read { try $0.outbox() }.first { $0.id == id } }
    }

    @Test func aLeasedReplyGoesOutWithoutAPassAndNoOtherDelivererTakesIt() throws {
        let rig = try Rig()
        let (channel, outbox, other) = (rig.channel, rig.outbox!, Channel())
        let row = try rig.queue(1)
        #expect(try rig.store.write { try $0.enqueueOnce(row) } == nil, "queued once: a platform's retry queues nothing")

        outbox.sendLeased(row)
        #expect(channel.ids == [row.id], "sent at once")
        #expect(try rig.deliverer(other).deliverDue() == 0, "another deliverer finds nothing due while the reply is out")
        #expect(other.ids.isEmpty)

        channel.release(Self.ok)
        #expect(try outbox.deliverDue() == 0, "the pass records the answer and sends nothing again")
        let kept = try #require(try rig.row(row.id))
        #expect(kept.status == .delivered)
        #expect(kept.attempts == 1)
        #expect(try rig.store.read { try $0.attempts(row.id) } == [200], "one attempt recorded")
        #expect(channel.ids == [row.id])

        // What the lease is for: a reply queued due now would have been taken.
        let unleased = try rig.queue(2, leased: false)
        other.answer.withLock { $0 = Self.ok }
        #expect(try rig.deliverer(other).deliverDue() == 1)
        #expect(other.ids == [unleased.id])
    }

    @Test func aLeasedReplyThePlatformRefusedIsRetriedOnce() throws {
        let rig = try Rig()
        let (channel, outbox) = (rig.channel, rig.outbox!)
        let row = try rig.queue(1)
        outbox.sendLeased(row)
        channel.release(ChannelAnswer(verdict: .retry(after: .seconds(30), reason: "HTTP 503"), status: 503))
        #expect(try outbox.deliverDue() == 0, "not again before its time")
        #expect(try rig.row(row.id)?.status == .queued)

        rig.clock.advance(.seconds(31))
        channel.answer.withLock { $0 = Self.ok }
        #expect(try outbox.deliverDue() == 1, "sent again when it fell due")
        #expect(try outbox.deliverDue() == 0, "and then not again")
        #expect(channel.ids == [row.id, row.id])
        #expect(try rig.row(row.id)?.status == .delivered)
        #expect(try rig.store.read { try $0.attempts(row.id) } == [503, 200])
    }

    @Test func aReplyForAPlatformWithNoRoomInFlightGoesWithTheNextPassThatHasRoom() throws {
        let rig = try Rig()
        let (channel, outbox) = (rig.channel, rig.outbox!)
        let rows = try (1...OutboxService.perEndpoint + 1).map { try rig.queue($0) }
        for row in rows { outbox.sendLeased(row) }
        #expect(channel.ids == rows.dropLast().map(\.id), "at most perEndpoint requests in flight")
        #expect(try rig.deliverer(Channel()).deliverDue() == 0, "the last one is still leased: no other deliverer takes it")

        channel.release(Self.ok)
        channel.answer.withLock { $0 = Self.ok }
        #expect(try outbox.deliverDue() == 1, "room again: the pass sends the one that waited")
        #expect(channel.ids == rows.map(\.id))
        #expect(try rig.store.read { try $0.outbox() }.allSatisfy { $0.status == .delivered && $0.attempts == 1 })
    }

    @Test func aReplyHandedOnWhileTheOutboxDrainsIsSentAndRecordedAndOneAfterIsLeftDue() throws {
        let rig = try Rig()
        let (channel, outbox) = (rig.channel, rig.outbox!)
        let first = try rig.queue(1)
        outbox.sendLeased(first)  // unanswered: the drain below waits for it
        let drained = DispatchSemaphore(value: 0)
        Thread { outbox.finish(drainingFor: .seconds(10)); drained.signal() }.start()
        Thread.sleep(forTimeInterval: 0.2)

        let second = try rig.queue(2)
        outbox.sendLeased(second)
        #expect(channel.ids == [first.id, second.id], "a reply that comes while the outbox drains is still sent")
        channel.release(Self.ok)
        #expect(drained.wait(timeout: .now() + 10) == .success)
        #expect(try rig.row(first.id)?.status == .delivered)
        #expect(try rig.row(second.id)?.status == .delivered, "and its answer recorded by the drain")

        // Once the drain is over, a reply is not sent but made due, for the next deliverer at once.
        let third = try rig.queue(3)
        outbox.sendLeased(third)
        #expect(channel.ids == [first.id, second.id])
        let next = Channel(answering: Self.ok)
        #expect(try rig.deliverer(next).deliverDue() == 1)
        #expect(next.ids == [third.id])
    }

    @Test func aReplyThatWasNeverHandedOnGoesOutAfterItsLease() throws {
        let rig = try Rig()
        // As after a crash between the commit and the send.
        let row = try rig.queue(1)
        let next = Channel(answering: Self.ok)
        #expect(try rig.deliverer(next).deliverDue() == 0)
        rig.clock.advance(Span(milliseconds: OutboxService.lease.milliseconds + 1_000))
        #expect(try rig.deliverer(next).deliverDue() == 1)
        #expect(next.ids == [row.id])
        #expect(try rig.row(row.id)?.status == .delivered)
    }
}
