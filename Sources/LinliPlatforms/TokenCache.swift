import Foundation
import LinliBot
import LinliCore
import LinliProtocol
import LinliWebhooks
import Synchronization

/// Access tokens of the platforms' APIs (Feishu `tenant_access_token`, WeCom
/// `access_token`): fetched when first needed, kept until five minutes before they
/// expire, dropped when the platform calls one invalid. Tokens and secrets are
/// never logged nor kept in an error.
final class TokenCache: Sendable {
    enum Fetched: Sendable {
        case success(String)
        case failure(String)
    }

    let client: CurlClient
    let wallClock: @Sendable () -> Instant
    /// Tokens by platform, and who waits for a fetch under way: requests that need a
    /// token at once share one fetch.
    private let state = Mutex<(tokens: [String: (token: String, until: Instant)], waiting: [String: [@Sendable (Fetched) -> Void]])>(([:], [:]))

    init(client: CurlClient, wallClock: @escaping @Sendable () -> Instant) {
        self.client = client
        self.wallClock = wallClock
    }

    /// How a failed fetch is recorded: retried later, with the platform's reason.
    static func failed(_ fetched: Fetched) -> ChannelAnswer {
        guard case .failure(let reason) = fetched else { return ChannelAnswer(verdict: .delivered) }
        return ChannelAnswer(verdict: .retry(after: nil, reason: "access token: \(reason)"), error: "access token: \(reason)")
    }

    func token(for platform: Platform, _ done: @escaping @Sendable (Fetched) -> Void) {
        let request: HTTPRequest
        switch platform.kind {
        case .feishu:
            var body = "{\"app_id\":"
            JSON.appendString(platform["app_id"] ?? "", to: &body)
            body += ",\"app_secret\":"
            JSON.appendString(platform["app_secret"] ?? "", to: &body)
            request = HTTPRequest(
                url: "\(platform.apiBase)/open-apis/auth/v3/tenant_access_token/internal", headers: PlatformChannel.jsonHeader,
                body: Array((body + "}").utf8))
        case .wecom:
            let corp = WebhookFormatter.percentEncode(platform["corp_id"] ?? "")
            let secret = WebhookFormatter.percentEncode(platform["secret"] ?? "")
            request = HTTPRequest(url: "\(platform.apiBase)/cgi-bin/gettoken?corpid=\(corp)&corpsecret=\(secret)", method: .get)
        default:
            return done(.failure("\(platform.kind.rawValue) has no access token"))
        }
        let now = wallClock()
        enum Next {
            case kept(String)
            case join, fetch
        }
        let next: Next = state.withLock { s in
            if let kept = s.tokens[platform.id], now < kept.until { return .kept(kept.token) }
            let first = s.waiting[platform.id] == nil
            s.waiting[platform.id, default: []].append(done)
            return first ? .fetch : .join
        }
        switch next {
        case .kept(let token): return done(.success(token))
        case .join: return
        case .fetch: break
        }
        client.submit(request) { [self] result in
            let fetched: Fetched
            switch Self.read(result, kind: platform.kind) {
            case .success(let (token, seconds)):
                fetched = .success(token)
                let until = wallClock().adding(.seconds(max(seconds - 300, seconds / 2)))
                state.withLock { $0.tokens[platform.id] = (token, until) }
            case .failure(let error):
                fetched = .failure(error.reason)
            }
            for waiter in state.withLock({ $0.waiting.removeValue(forKey: platform.id) ?? [] }) { waiter(fetched) }
        }
    }

    /// Forgets `token` (the platform called it invalid), unless a newer one replaced it already.
    func invalidate(_ platform: Platform, _ token: String) {
        state.withLock { if $0.tokens[platform.id]?.token == token { $0.tokens[platform.id] = nil } }
    }

    /// The token and its lifetime in seconds, or why there is none (without the body: it could hold secrets).
    static func read(_ result: Result<HTTPResponse, TransportError>, kind: PlatformKind) -> Result<(String, Int64), ReasonError> {
        guard case .success(let response) = result else {
            if case .failure(let e) = result { return .failure(ReasonError(e.message)) }
            return .failure(ReasonError("no answer"))
        }
        guard response.status == 200, let o = Callback.json(response.body) else { return .failure(ReasonError("HTTP \(response.status)")) }
        let code = o[kind == .feishu ? "code" : "errcode"]?.int64 ?? -1
        let token = o[kind == .feishu ? "tenant_access_token" : "access_token"]?.string
        // Kept within a day: a lifetime no platform gives must not overflow the clock.
        let seconds = min(max(o[kind == .feishu ? "expire" : "expires_in"]?.int64 ?? 7_200, 0), 86_400)
        guard code == 0, let token, !token.isEmpty else { return .failure(ReasonError("refused (\(code))")) }
        return .success((token, seconds))
    }

    /// Whether the platform answered that the token is invalid or expired.
    static func saysInvalid(_ result: Result<HTTPResponse, TransportError>, kind: PlatformKind) -> Bool {
        guard case .success(let response) = result, let o = Callback.json(response.body) else { return false }
        switch kind {
        case .feishu: return [99_991_661, 99_991_663, 99_991_668].contains(o["code"]?.int64 ?? 0)
        case .wecom: return [40_014, 42_001].contains(o["errcode"]?.int64 ?? 0)
        default: return false
        }
    }
}

struct ReasonError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
