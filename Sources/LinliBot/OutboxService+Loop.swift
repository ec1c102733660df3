import Foundation
import LinliCore
import LinliStore
import LinliWebhooks
import Logging
import Synchronization

/// The outbox's background loop: started with the server, poked by new pushes,
/// finished (drained) on the way out.
extension OutboxService {
    /// Records what was answered, then sends what is due. True when either did something.
    func step() throws -> Bool {
        let (recorded, sent) = try pass()
        return recorded + sent > 0
    }

    /// Waits until an answer comes, a push is queued (`poke`), or `limit` passes.
    func idle(atMost limit: Span) {
        _ = wake.wait(timeout: .now() + .milliseconds(Int(max(limit.milliseconds, 1))))
    }

    /// Delivers in the background until `finish`, waking when an answer comes, when
    /// poked, or at least every 250 ms for pushes that fell due. After a pass that did
    /// something it lets answers and pushes gather for `gather`, so that under load a
    /// pass (a transaction) records and sends many, not one.
    public func start() {
        let first = state.withLock { s in
            defer { s.running = true }
            return !s.running
        }
        guard first else { return }
        let thread = Thread { [self] in
            while true {
                // What woke the loop so far (answers, pushes, `finish`) is all seen now.
                while wake.wait(timeout: .now()) == .success {}
                if state.withLock({ $0.stopRequested }) { break }
                do {
                    if try step() {
                        Thread.sleep(forTimeInterval: Double(Self.gather.milliseconds) / 1000)
                        continue
                    }
                } catch {
                    logger.error("delivery failed", metadata: ["cause": "\(error)"])
                }
                idle(atMost: Span(milliseconds: 250))
            }
            stopped.signal()
        }
        thread.name = "linli-outbox"
        thread.start()
    }

    /// New pushes were committed: deliver them now.
    public func poke() { wake.signal() }

    /// Stops the background loop, then keeps delivering for up to `drain` while
    /// pushes are in flight or fall due within it. What is left stays queued (a
    /// request still unanswered is sent again by the next deliverer after its lease).
    public func finish(drainingFor drain: Span) {
        let wasRunning = state.withLock { s in
            s.stopRequested = true
            return s.running
        }
        if wasRunning {
            wake.signal()
            stopped.wait()
        }
        let deadline = clock().adding(drain)
        do {
            while clock() < deadline {
                if try step() { continue }
                let next = try store.read { try $0.nextOutboxDue() }
                let soon = next.map { $0 < deadline } ?? false
                // Nothing in flight and nothing due: done, in the same breath as a
                // platform's reply (`sendLeased`) would be counted in flight.
                let busy = state.withLock { s in
                    let busy = s.inFlight.values.contains { $0 > 0 }
                    if !busy && !soon { s.finished = true }
                    return busy
                }
                guard busy || soon else { break }
                let until = busy ? deadline : min(next ?? deadline, deadline)
                idle(atMost: Span(milliseconds: max(until.milliseconds - clock().milliseconds, 0) + 10))
            }
            state.withLock { $0.finished = true }
            try pass(sending: false)
        } catch {
            state.withLock { $0.finished = true }
            logger.error("delivery failed", metadata: ["cause": "\(error)"])
        }
        makeDue(state.withLock { s in
            defer { s.waitingForRoom.removeAll() }
            return s.waitingForRoom
        })
        if let left = try? store.read({ try $0.outboxDepth() }), left > 0 {
            logger.notice("pushes left queued for the next deliverer", metadata: ["queued": "\(left)"])
        }
    }
}
