/// The chat platforms that can call `linli serve` themselves (PLATFORMS.md).
public enum PlatformKind: String, Sendable, CaseIterable {
    case dingtalk, feishu, wecom
    case wecomBot = "wecom_bot"
    case onebot

    /// The settings a platform of this kind must have.
    public var required: [String] {
        switch self {
        case .dingtalk: ["app_secret"]
        case .feishu: ["app_id", "app_secret", "verification_token"]
        case .wecom: ["corp_id", "token", "encoding_aes_key"]
        case .wecomBot: ["token", "encoding_aes_key"]
        case .onebot: ["secret", "self_id"]
        }
    }

    /// The settings it may have besides (`api_base` and `groups` aside).
    public var optional: [String] {
        switch self {
        case .dingtalk: []
        case .feishu: ["encrypt_key", "bot_open_id"]
        case .wecom: ["agent_id", "secret"]
        case .wecomBot: []
        case .onebot: ["access_token"]
        }
    }

    /// The settings that are secrets: each may be given as `<name>_env` instead.
    public static let secrets: Set<String> = [
        "app_secret", "verification_token", "encrypt_key", "token", "encoding_aes_key", "secret", "access_token",
    ]

    /// Where its API is by default (OneBot: the implementation's usual local port).
    public var defaultAPIBase: String {
        switch self {
        case .dingtalk: "https://oapi.dingtalk.com"
        case .feishu: "https://open.feishu.cn"
        case .wecom, .wecomBot: "https://qyapi.weixin.qq.com"
        case .onebot: "http://127.0.0.1:5700"
        }
    }
}

/// One platform of the community file (`platforms:`): its callback is
/// `POST /v1/platforms/{id}`.
public struct Platform: Sendable, Equatable {
    public var id: String
    public var kind: PlatformKind
    /// Settings by name, secrets already read from the environment.
    public var settings: [String: String]
    /// Platform chat id → community group.
    public var groups: [String: String]
    public var apiBase: String

    public init(id: String, kind: PlatformKind, settings: [String: String], groups: [String: String] = [:], apiBase: String? = nil) {
        self.id = id
        self.kind = kind
        self.settings = settings
        self.groups = groups
        self.apiBase = apiBase ?? kind.defaultAPIBase
    }

    public subscript(_ name: String) -> String? { settings[name] }

    /// The platform chat ids a community group meets in (a building too big for one
    /// chat has two), in a fixed order.
    public func chats(ofGroup group: String) -> [String] {
        groups.filter { $0.value == group }.keys.sorted()
    }

    /// The outbox's name for this platform's deliveries (never a webhook id: those have no colon).
    public var outboxEndpoint: String { "platform:\(id)" }

    /// Whether a push to a person with an account here goes through the platform's
    /// API (Feishu, a WeCom app with its secret, OneBot); the robots' platforms use
    /// the person's webhook.
    public var sendsToAccounts: Bool {
        switch kind {
        case .feishu, .onebot: true
        case .wecom: settings["secret"] != nil && settings["agent_id"] != nil
        case .dingtalk, .wecomBot: false
        }
    }

    /// Whether a post into a mapped group goes through the platform's API (Feishu,
    /// OneBot); the others post through the group's robot webhook.
    public var postsToChats: Bool { kind == .feishu || kind == .onebot }
}

extension Community {
    /// Where a push to `recipient` (a person of the file, or a platform sender
    /// `<platform id>:<account>`) goes through a platform, when it has no webhook.
    public func platform(forPushTo recipient: String, person: Person?) -> Platform? {
        if let person { return platforms.first { $0.sendsToAccounts && person.accounts[$0.id] != nil } }
        return platforms.first { $0.sendsToAccounts && recipient.hasPrefix($0.id + ":") }
    }

    /// The account `recipient` has on `platform`, if any.
    public func account(of recipient: String, on platform: Platform) -> String? {
        if let person = people.first(where: { $0.id == recipient }) { return person.accounts[platform.id] }
        return recipient.hasPrefix(platform.id + ":") ? String(recipient.dropFirst(platform.id.count + 1)) : nil
    }

    /// Where a post into `group` goes: its robot, and each chat it meets in on a chat
    /// platform that posts to chats (a group may meet in several, on one platform or
    /// more), as outbox endpoints with the chat; `copy` counts the chats of one
    /// platform (1, 2, …): a post is one message a chat.
    public func postRoutes(into group: String) -> [(endpoint: String, chat: String?, copy: Int)] {
        (groupSettings[group]?.webhook.map { [($0, nil, 1)] } ?? [])
            + platforms.filter(\.postsToChats).flatMap { p in p.chats(ofGroup: group).enumerated().map { (p.outboxEndpoint, $1, $0 + 1) } }
    }
}
