import Foundation
import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliWebhooks

/// Delivers a platform's outbox rows (PLATFORMS.md §3): replies on the route the
/// callback gave (DingTalk session webhook, then the group's robot; Feishu's reply
/// API; a WeCom bot's response URL), pushes and posts through the platform's send
/// APIs. Answers are read like robots' (`errcode`, `code`); a token the platform
/// calls invalid is fetched again and the request sent once more.
struct PlatformChannel: OutboxChannel {
    let platform: Platform
    let community: Community
    let client: CurlClient
    let tokens: TokenCache

    var endpoint: String { platform.outboxEndpoint }

    /// What a reply row keeps of its callback: the route, as JSON in the row's `event`.
    static func describe(_ route: ReplyRoute, account: String, group: String?) -> String {
        var fields: [(String, String)] = [("account", account)]
        if let group { fields.append(("group", group)) }
        var expires: Int64?
        switch route {
        case .session(let url, let millis):
            fields += [("route", "session"), ("url", url)]
            expires = millis
        case .feishuReply(let id): fields += [("route", "feishu_reply"), ("message_id", id)]
        case .responseURL(let url): fields += [("route", "response_url"), ("url", url)]
        case .weComPassive, .oneBotQuick: fields.append(("route", "passive"))
        }
        var json = "{"
        for (i, (key, value)) in fields.enumerated() {
            if i > 0 { json += "," }
            JSON.appendString(key, to: &json)
            json += ":"
            JSON.appendString(value, to: &json)
        }
        if let expires { json += ",\"expires\":\(expires)" }
        return json + "}"
    }

    func deliver(_ row: OutboxRow, now: Instant, done: @escaping @Sendable (ChannelAnswer) -> Void) {
        let described = Callback.json(Array(row.event.utf8)) ?? .object([:])
        let route = described["route"]?.string
        let text = row.text
        func refuse(_ reason: String) { done(ChannelAnswer(verdict: .permanent(reason: reason))) }
        switch (platform.kind, route) {
        case (.dingtalk, "session"):
            let url = described["url"]?.string ?? ""
            let expires = described["expires"]?.int64 ?? 0
            if !url.isEmpty, now.milliseconds < expires {
                let body =
                    "{\"msgtype\":\"text\",\"text\":{\"content\":\(quoted(WebhookFormatter.neutralised(text, for: .dingtalk, markdown: false)))},"
                    + "\"at\":{\"atUserIds\":[\(quoted(described["account"]?.string ?? ""))]}}"
                send(HTTPRequest(url: url, headers: Self.jsonHeader, body: Array(body.utf8)), format: .dingtalk, done: done)
                return
            }
            // The session webhook expired: the group's robot, if it has one.
            guard let group = described["group"]?.string, let robotID = community.groupSettings[group]?.webhook,
                let robot = community.webhooks.first(where: { $0.id == robotID })
            else { return refuse("the session webhook expired and the chat has no robot webhook") }
            let message = PushMessage(
                id: "\(community.id)-\(row.eventID)", to: row.recipient, reason: row.reason, text: text, refs: row.refs, event: Array(row.event.utf8))
            send(WebhookFormatter.request(message, to: robot, now: now), format: robot.format, done: done)
        case (.feishu, "feishu_reply"):
            let id = WebhookFormatter.percentEncode(described["message_id"]?.string ?? "")
            withToken(done) { token in
                HTTPRequest(
                    url: "\(platform.apiBase)/open-apis/im/v1/messages/\(id)/reply", headers: bearer(token),
                    body: feishuBody(text, row, receiver: nil))
            }
        case (.feishu, nil):
            let type = described["type"]?.string == "post" ? "chat_id" : "open_id"
            let receiver = type == "chat_id" ? chat(of: row, described) : community.account(of: row.recipient, on: platform)
            guard let receiver else { return refuse("no \(type) for '\(row.recipient)' on platform \(platform.id)") }
            withToken(done) { token in
                HTTPRequest(
                    url: "\(platform.apiBase)/open-apis/im/v1/messages?receive_id_type=\(type)", headers: bearer(token),
                    body: feishuBody(text, row, receiver: receiver))
            }
        case (.wecom, nil):
            guard let user = community.account(of: row.recipient, on: platform) else { return refuse("no WeCom account for '\(row.recipient)'") }
            let agent = Int(platform["agent_id"] ?? "") ?? 0
            let body =
                "{\"touser\":\(quoted(user)),\"msgtype\":\"text\",\"agentid\":\(agent),"
                + "\"text\":{\"content\":\(quoted(WebhookFormatter.neutralised(text, for: .wecom, markdown: false)))}}"
            withToken(done) { token in
                HTTPRequest(
                    url: "\(platform.apiBase)/cgi-bin/message/send?access_token=\(WebhookFormatter.percentEncode(token))", headers: Self.jsonHeader,
                    body: Array(body.utf8))
            }
        case (.wecomBot, "response_url"):
            let content = WebhookFormatter.neutralised(text, for: .wecom, markdown: true)
            let body = "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\(quoted(content))}}"
            send(HTTPRequest(url: described["url"]?.string ?? "", headers: Self.jsonHeader, body: Array(body.utf8)), format: .wecom, done: done)
        case (.onebot, nil):
            let post = described["type"]?.string == "post"
            let target = post ? chat(of: row, described) : community.account(of: row.recipient, on: platform)
            guard let target, let number = Int64(target) else { return refuse("no QQ number for '\(row.recipient)'") }
            let body =
                "{\"\(post ? "group_id" : "user_id")\":\(number),\"message\":"
                + "\(quoted(WebhookFormatter.neutralised(text, for: .generic, markdown: false))),\"auto_escape\":true}"
            var headers = Self.jsonHeader
            if let token = platform["access_token"] { headers.append(HTTPHeader("Authorization", "Bearer \(token)")) }
            let request = HTTPRequest(
                url: "\(platform.apiBase)/\(post ? "send_group_msg" : "send_private_msg")", headers: headers, body: Array(body.utf8))
            client.submit(request) { result in done(Self.oneBotAnswer(result)) }
        default:
            refuse("platform \(platform.id) (\(platform.kind.rawValue)) does not deliver this row")
        }
    }

    static let jsonHeader = [HTTPHeader("Content-Type", "application/json; charset=utf-8")]

    /// The chat a post goes to: the one its row names (one row a chat) while the
    /// groups map still gives it to the row's group (a map corrected since posts into
    /// no other building's chat), else (a row queued before rows named it) the group's first.
    func chat(of row: OutboxRow, _ described: JSONValue) -> String? {
        guard let chat = described["chat"]?.string else { return platform.chats(ofGroup: row.recipient).first }
        return platform.groups[chat] == row.recipient ? chat : nil
    }

    func bearer(_ token: String) -> [HTTPHeader] { Self.jsonHeader + [HTTPHeader("Authorization", "Bearer \(token)")] }

    func quoted(_ s: String) -> String {
        var out = ""
        JSON.appendString(s, to: &out)
        return out
    }

    /// A Feishu text message: `content` is itself a JSON string; the outbound id is its `uuid`.
    func feishuBody(_ text: String, _ row: OutboxRow, receiver: String?) -> [UInt8] {
        let content = "{\"text\":\(quoted(WebhookFormatter.neutralised(text, for: .feishu, markdown: false)))}"
        var json = "{"
        if let receiver { json += "\"receive_id\":\(quoted(receiver))," }
        json += "\"msg_type\":\"text\",\"content\":\(quoted(content)),\"uuid\":\(quoted("\(community.id)-\(row.eventID)"))}"
        return Array(json.utf8)
    }

    func send(_ request: HTTPRequest, format: WebhookFormat, done: @escaping @Sendable (ChannelAnswer) -> Void) {
        client.submit(request) { result in done(ChannelAnswer(result, format: format)) }
    }

    /// Sends with the platform's access token; on an invalid-token answer, fetches a new one and sends once more.
    func withToken(_ done: @escaping @Sendable (ChannelAnswer) -> Void, _ make: @escaping @Sendable (String) -> HTTPRequest) {
        let format: WebhookFormat = platform.kind == .feishu ? .feishu : .wecom
        let (platform, tokens, client) = (platform, tokens, client)
        tokens.token(for: platform) { first in
            guard case .success(let token) = first else { return done(TokenCache.failed(first)) }
            client.submit(make(token)) { result in
                guard TokenCache.saysInvalid(result, kind: platform.kind) else { return done(ChannelAnswer(result, format: format)) }
                tokens.invalidate(platform, token)
                tokens.token(for: platform) { second in
                    guard case .success(let fresh) = second else { return done(TokenCache.failed(second)) }
                    client.submit(make(fresh)) { result in done(ChannelAnswer(result, format: format)) }
                }
            }
        }
    }

    /// OneBot answers `{"status": "ok", "retcode": 0}`; another retcode is a refusal.
    static func oneBotAnswer(_ result: Result<HTTPResponse, TransportError>) -> ChannelAnswer {
        var answer = ChannelAnswer(result, format: .generic)
        if answer.verdict == .delivered, case .success(let r) = result, let code = Callback.json(r.body)?["retcode"]?.int64,
            code != 0
        {
            answer.verdict = code == 1 ? .delivered : .permanent(reason: "refused (retcode \(code))")  // 1: queued by the implementation
        }
        return answer
    }
}
