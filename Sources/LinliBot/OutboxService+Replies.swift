import LinliCore
import LinliStore
import LinliWebhooks

/// A chat platform's reply, handed on by the callback that queued it (issue 15).
extension OutboxService {
    /// Sends a chat platform's reply now, without a pass: the engine queued `row`
    /// already leased (`due_at` one `lease` after it was queued) in the transaction
    /// that kept its event, so no other deliverer takes it meanwhile. Its answer is
    /// recorded by the next pass (while `finish` drains, by its passes). While the
    /// platform has `perEndpoint` requests in flight, the row waits in memory for the
    /// next pass with room; once `finish` is done, it is made due for the next
    /// deliverer. (After a crash between the commit and this call, it goes once its
    /// lease ends.)
    public func sendLeased(_ row: OutboxRow) {
        enum Next { case send, wait, makeDue }
        let channel = channels[row.webhook]
        let next: Next = state.withLock { s in
            if s.finished || channel == nil { return .makeDue }
            if s.inFlight[row.webhook, default: 0] >= Self.perEndpoint {
                s.waitingForRoom.append(row)
                return .wait
            }
            s.inFlight[row.webhook, default: 0] += 1
            return .send
        }
        switch next {
        case .send:
            send(Plan(rows: [row], endpoint: Self.stand(row.webhook), message: message(row), channel: channel), now: clock(), group: nil)
        case .wait: break  // an answer from the platform wakes the pass that sends it
        case .makeDue: makeDue([row])
        }
    }

    /// Makes leased rows due now, for a pass of this process or of the next deliverer.
    func makeDue(_ rows: [OutboxRow]) {
        guard !rows.isEmpty else { return }
        do {
            try store.writeOutbox { try $0.lease(rows.map(\.id), until: clock()) }
        } catch {
            logger.error("replies stay leased", metadata: ["outbox_ids": "\(rows.map(\.id))", "cause": "\(error)"])
        }
    }

    /// What names a chat platform's endpoint in a plan (its channel sends the row).
    static func stand(_ webhook: String) -> Webhook { Webhook(id: webhook, format: .generic, url: "", secret: nil) }
}
