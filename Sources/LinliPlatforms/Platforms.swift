import Foundation
import HTTPTypes
import Hummingbird
import LinliBot
import LinliCore
import LinliHTTP
import LinliProtocol
import LinliStore
import LinliWebhooks
import Logging
import Synchronization

/// The chat platforms of a community on `linli serve`: their callbacks
/// (`POST`/`GET /v1/platforms/{id}`), and their deliveries through the outbox.
///
/// ```swift
/// let outbox = OutboxService(…, channels: Platforms.channels(community, client: client))
/// let platforms = Platforms(community: community, gate: gate, outbox: outbox)
/// platforms.addRoutes(to: router)
/// ```
public final class Platforms: Sendable {
    let community: Community
    let byID: [String: Platform]
    let gate: EngineGate
    let wallClock: @Sendable () -> Instant
    /// Where replies through a platform's API go out; nil: they wait in the store for
    /// `linli deliver`.
    let outbox: OutboxService?
    let maxBody: Int
    /// Person by platform id and account.
    let people: [String: [String: String]]
    /// Chat ids already logged as unmapped.
    private let logged = Mutex<Set<String>>([])
    /// DingTalk signatures taken, with their message and when: its signature covers
    /// only the timestamp, so a captured one could carry another body for an hour.
    private let signatures = Mutex<[String: (eventID: String, at: Instant)]>([:])
    let logger = Logger.linli("platforms")

    public init(
        community: Community, gate: EngineGate, maxBody: Int = 1 << 20, wallClock: @escaping @Sendable () -> Instant = Linli.wallClock,
        outbox: OutboxService? = nil
    ) {
        self.community = community
        byID = Dictionary(community.platforms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.gate = gate
        self.maxBody = maxBody
        self.wallClock = wallClock
        self.outbox = outbox
        let since = Self.forgotten(before: wallClock())
        for taken in (try? gate.signaturesTaken(since: since)) ?? [] {
            signatures.withLock { $0["\(taken.platform) \(taken.sign)"] = (taken.eventID, taken.at) }
        }
        var people: [String: [String: String]] = [:]
        for person in community.people {
            for (platform, account) in person.accounts { people[platform, default: [:]][account] = person.id }
        }
        self.people = people
    }

    /// Each platform's callback URL, to paste into its console.
    public static func callbackURLs(_ community: Community, base: String) -> [(Platform, String)] {
        let base = base.hasSuffix("/") ? String(base.dropLast()) : base
        return community.platforms.map { ($0, "\(base)/v1/platforms/\($0.id)") }
    }

    public func addRoutes(to router: Router<BasicRequestContext>) {
        router.post("v1/platforms/:id") { [self] request, context in try await handle(request, context) }
        router.get("v1/platforms/:id") { [self] request, context in try await handle(request, context) }
    }

    /// The outbox channels of the platforms that deliver through their APIs or reply URLs.
    public static func channels(
        _ community: Community, client: CurlClient, wallClock: @escaping @Sendable () -> Instant = Linli.wallClock
    ) -> [any OutboxChannel] {
        let tokens = TokenCache(client: client, wallClock: wallClock)
        return community.platforms.filter { $0.kind != .wecom || $0.sendsToAccounts }.map {
            PlatformChannel(platform: $0, community: community, client: client, tokens: tokens)
        }
    }

    func handle(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id"), let platform = byID[id] else {
            return Ingress.problem(.notFound, "unknown_platform", "no platform with that id in the community file")
        }
        var request = request
        let body: [UInt8]
        switch await Ingress.body(of: &request, upTo: maxBody) {
        case .read(let b): body = b
        case .refused(let refusal): return refusal
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let query = Self.query(request.uri.query ?? "")
        let read = Callback.read(
            CallbackRequest(method: request.method.rawValue, query: query, headers: headers, body: body), platform: platform, now: wallClock(),
            botNames: community.bot?.names ?? [])
        switch read {
        case .refused(let code, let text):
            logger.warning("refused a callback", metadata: ["platform": "\(platform.id)", "code": "\(code)"])
            return Ingress.problem(.unauthorized, code, text)
        case .bad(let code, let text):
            // Verified, then not read: its signature is spent all the same (below).
            if let refused = try await spend(headers["sign"], on: body, platform) { return refused }
            return Ingress.problem(.badRequest, code, text)
        case .answer(let status, let type, let text):
            // A DingTalk picture or richText callback is verified and answered: its signature is spent.
            if let refused = try await spend(headers["sign"], on: body, platform) { return refused }
            return Response(
                status: .init(code: status), headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
        case .message(let message):
            if platform.kind == .dingtalk, let sign = headers["sign"], try !mayTake(sign, for: message.eventID, platform) { return refuseReplay(platform) }
            return try await deliver(message, platform, query: query, signature: platform.kind == .dingtalk ? headers["sign"] : nil)
        }
    }

    /// Whether a DingTalk signature (it covers its timestamp only) may carry `eventID`:
    /// kept in memory, and in the store for the next start (read then) and for other
    /// servers on a shared store (read each time), it carries the first message it came
    /// with, no other.
    func mayTake(_ sign: String, for eventID: String, _ platform: Platform) throws -> Bool {
        if try gate.storeIsShared && gate.signatureTaken(platform: platform.id, sign: sign).map({ $0 != eventID }) == true { return false }
        return claim(sign, for: eventID, platform)
    }

    /// Spends the signature of a verified DingTalk callback that carries no message (an
    /// image, a body not read): a text message forged under it later is refused. Returns
    /// the refusal when it was spent already on another body.
    func spend(_ sign: String?, on body: [UInt8], _ platform: Platform) async throws -> Response? {
        guard platform.kind == .dingtalk, let sign else { return nil }
        let marker = "body:" + PlatformCrypto.digest(body)
        guard try mayTake(sign, for: marker, platform) else { return refuseReplay(platform) }
        let now = wallClock()
        _ = try await gate.process([]) { tx, _ in
            try tx.takeSignature(
                platform: platform.id, sign: sign, eventID: marker, at: now, forgetting: Self.forgotten(before: now))
        }
        return nil
    }

    /// Before when a signature is forgotten: twice the window its timestamp is taken in.
    static func forgotten(before now: Instant) -> Instant { now.adding(Span(milliseconds: -2 * Callback.window.milliseconds)) }

    func refuseReplay(_ platform: Platform) -> Response {
        logger.warning("refused a callback", metadata: ["platform": "\(platform.id)", "code": "replayed_signature"])
        return Ingress.problem(.unauthorized, "replayed_signature", "this signature came with another message")
    }

    /// Whether `sign` may carry message `eventID`: the first message it came with (a
    /// retry of that message too), not another. Signatures older than the window are
    /// forgotten (their timestamps are refused anyway).
    func claim(_ sign: String, for eventID: String, _ p: Platform) -> Bool {
        let now = wallClock()
        return signatures.withLock { used in
            let key = "\(p.id) \(sign)"
            if let first = used[key] { return first.eventID == eventID }
            if used.count >= 100_000 {
                let cutoff = Self.forgotten(before: now)
                used = used.filter { $0.value.at > cutoff }
            }
            used[key] = (eventID, now)
            return true
        }
    }

    /// The message as LLP/1 (PLATFORMS.md §1–2).
    func event(_ m: PlatformMessage, _ p: Platform) -> InboundEvent {
        let from = people[p.id]?[m.account] ?? "\(p.id):\(m.account)"
        var group: String?
        if let chat = m.chat {
            group = p.groups[chat]
            if group == nil {
                group = "\(p.id):\(chat)"
                let first = logged.withLock { $0.insert("\(p.id) \(chat)").inserted }
                if first {
                    logger.notice("a chat not in the groups map", metadata: ["platform": "\(p.id)", "chat_id": "\(chat)"])
                }
            }
        }
        let mentions = m.mentioned ? community.bot.map { [$0.id] } ?? [] : []
        var event = InboundEvent(type: .message, id: "\(p.id):\(m.eventID)", group: group, from: from, name: m.name, text: m.text, mentions: mentions)
        event.via = p.id
        return event
    }

    /// `signature`: a DingTalk signature, kept with the message in its transaction.
    func deliver(_ m: PlatformMessage, _ p: Platform, query: [String: String], signature: String? = nil) async throws -> Response {
        let event = event(m, p)
        // A reply sent through the platform's API is queued in the transaction that keeps
        // the event: a crash cannot keep one without the other.
        let queued = QueuedReply()
        var keep: Engine.AlsoKeep?
        switch m.route {
        case .session, .feishuReply, .responseURL: keep = queueReply(m, event, p, into: queued)
        case .weComPassive, .oneBotQuick: keep = nil
        }
        if let sign = signature {
            let (reply, now) = (keep, wallClock())
            keep = { tx, out in
                try tx.takeSignature(
                    platform: p.id, sign: sign, eventID: m.eventID, at: now, forgetting: Self.forgotten(before: now))
                try reply?(tx, out)
            }
        }
        let out = try await gate.process([.event(event, line: 1)], then: keep)
        let reply = out.first { $0.type == .reply && $0.inReplyTo == event.id }
        switch m.route {
        case .weComPassive(let user):
            guard let reply else { return Self.text(200, "success") }
            var random = [UInt8](repeating: 0, count: 16)
            for i in random.indices { random[i] = UInt8.random(in: 0...255) }
            let nonce = String(UInt64.random(in: 100_000_000...999_999_999))
            let text = WebhookFormatter.neutralised(reply.text, for: .wecom, markdown: false)
            guard
                let xml = Callback.weComPassiveReply(
                    text, toUser: user, platform: p, timestamp: wallClock().milliseconds / 1000, nonce: nonce, random: random)
            else { return Self.text(200, "success") }
            return Response(status: .ok, headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        case .oneBotQuick:
            guard let reply else { return Response(status: .noContent) }
            var json = "{\"reply\":"
            JSON.appendString(WebhookFormatter.neutralised(reply.text, for: .generic, markdown: false), to: &json)
            json += ",\"auto_escape\":true,\"at_sender\":\(m.chat != nil)}"
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
        case .session, .feishuReply, .responseURL:
            if let row = queued.row.withLock({ $0 }) {
                outbox?.sendLeased(row)
            } else if reply != nil {
                outbox?.poke()  // a retry whose reply is still queued
            }
            return p.kind == .wecomBot
                ? Self.text(200, "")
                : Response(
                    status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
    }

    /// Queues the reply to `event` for the platform's API, unless it is queued already
    /// (a platform's retry of a callback gets the kept reply, with the same id).
    /// With an outbox, the row is queued leased and kept in `queued`, to be sent as
    /// soon as the transaction commits, without a pass of the outbox.
    private func queueReply(_ m: PlatformMessage, _ event: InboundEvent, _ p: Platform, into queued: QueuedReply) -> Engine.AlsoKeep {
        let (endpoint, recipient, described, now) = (
            p.outboxEndpoint, event.from ?? "", PlatformChannel.describe(m.route, account: m.account, group: event.group), wallClock()
        )
        let leased = outbox != nil
        return { [wallClock] tx, out in
            queued.row.withLock { $0 = nil }  // a batch that failed may run again
            guard let reply = out.first(where: { $0.type == .reply && $0.inReplyTo == event.id }) else { return }
            // The lease runs from the transaction, not from the callback's arrival.
            let due = leased ? wallClock().adding(OutboxService.lease) : now
            let row = try tx.enqueueOnce(
                OutboxRow(
                    eventID: reply.id, webhook: endpoint, recipient: reply.to ?? recipient, reason: "reply", text: reply.text, refs: reply.refs,
                    event: described, createdAt: now, dueAt: due))
            queued.row.withLock { $0 = row }
        }
    }

    /// The reply row a callback's transaction queued, if it queued one.
    final class QueuedReply: Sendable {
        let row = Mutex<OutboxRow?>(nil)
    }

    static func text(_ status: Int, _ text: String) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A query string's parameters, percent-decoded (a `+` stays a `+`: base64 in `echostr`).
    static func query(_ raw: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in raw.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            out[key] = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
        }
        return out
    }
}
