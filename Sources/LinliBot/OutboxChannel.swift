import Foundation
import LinliCore
import LinliStore
import LinliWebhooks

/// An outbox endpoint that is not a community webhook: a chat platform's API
/// (LinliPlatforms). It makes its own requests (access tokens, reply URLs) and says
/// what came of each; the outbox keeps the rows, the retries, the backoff and the
/// dead letters as for webhooks.
public protocol OutboxChannel: Sendable {
    /// The outbox's name for it (`OutboxRow.webhook`).
    var endpoint: String { get }
    /// Sends one queued row; calls `done` once, on any thread.
    func deliver(_ row: OutboxRow, now: Instant, done: @escaping @Sendable (ChannelAnswer) -> Void)
}

/// What one delivery attempt came to, and what to record of it.
public struct ChannelAnswer: Sendable {
    public var verdict: Verdict
    public var status: Int?
    public var error: String?

    public init(verdict: Verdict, status: Int? = nil, error: String? = nil) {
        self.verdict = verdict
        self.status = status
        self.error = error
    }

    /// A webhook's answer, read the way its format means it.
    public init(_ result: Result<HTTPResponse, TransportError>, format: WebhookFormat, now: Date = Date()) {
        verdict = Classifier.classify(result, format: format, now: now)
        status = if case .success(let r) = result { r.status } else { nil }
        error = if case .failure(let e) = result { e.message } else { nil }
    }
}
