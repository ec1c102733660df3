import LinliCore

/// What a person told Linli about themselves in chat.
public struct Registration: Sendable, Equatable {
    public var user: String
    public var home: String?
    public var name: String?
    /// The language they chose (`lang`).
    public var lang: Lang?
    /// The language they last wrote to the bot in.
    public var wrote: Lang?
    /// The household they asked to register in, waiting for the captain (`registration: approve`).
    public var pending: String?

    public init(user: String, home: String?, name: String?, lang: Lang?, wrote: Lang? = nil, pending: String? = nil) {
        self.user = user
        self.home = home
        self.name = name
        self.lang = lang
        self.wrote = wrote
        self.pending = pending
    }
}

/// A follow-up question waiting for the sender's next message in one chat.
public struct Prompt: Sendable, Equatable {
    /// The group, or "" for a private chat.
    public var chat: String
    public var user: String
    public var command: String
    /// The message so far; the answer is appended to it and parsed again.
    public var soFar: String
    public var lang: Lang
    public var expiresAt: Instant

    public init(chat: String, user: String, command: String, soFar: String, lang: Lang, expiresAt: Instant) {
        self.chat = chat
        self.user = user
        self.command = command
        self.soFar = soFar
        self.lang = lang
        self.expiresAt = expiresAt
    }
}

extension StoreTransaction {
    public func registration(_ user: String) throws -> Registration? {
        try first("SELECT home, name, lang FROM residents WHERE user = ?", [user]) {
            Registration(user: user, home: $0[0], name: $0[1], lang: ($0[2] as String?).flatMap(Lang.init))
        }
    }

    /// Every registration, for the engine's in-memory mirror.
    public func allRegistrations() throws -> [Registration] {
        try all("SELECT user, home, name, lang, wrote_lang, pending_home FROM residents", cached: false) {
            Registration(
                user: $0[0], home: $0[1], name: $0[2], lang: ($0[3] as String?).flatMap(Lang.init), wrote: ($0[4] as String?).flatMap(Lang.init),
                pending: $0[5])
        }
    }

    /// Every pending question, for the engine's in-memory mirror.
    public func allPrompts() throws -> [Prompt] {
        try all("SELECT chat, user, command, so_far, lang, expires_at FROM prompts", cached: false) {
            Prompt(
                chat: $0[0], user: $0[1], command: $0[2], soFar: $0[3], lang: Lang(rawValue: $0[4]) ?? .zh, expiresAt: Instant(milliseconds: $0[5]))
        }
    }

    /// Binds `user` to a household.
    public func register(_ user: String, home: String, name: String?, at: Instant) throws {
        try execute(
            """
            INSERT INTO residents(user, home, name, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(user) DO UPDATE SET home = excluded.home, name = coalesce(excluded.name, residents.name), updated_at = excluded.updated_at
            """, [user, home, name, at.milliseconds])
    }

    /// Sets (or with nil clears) the household `user` waits to be confirmed in.
    public func setPending(_ user: String, home: String?, name: String?, at: Instant) throws {
        try execute(
            """
            INSERT INTO residents(user, pending_home, name, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(user) DO UPDATE SET pending_home = excluded.pending_home, name = coalesce(excluded.name, residents.name), updated_at = excluded.updated_at
            """, [user, home, name, at.milliseconds])
    }

    /// Adds a line to a person's history: registrations, moves, approvals, role changes.
    public func appendPersonHistory(_ user: String, at: Instant, actor: String, action: String, detail: String?) throws {
        try execute(
            "INSERT INTO people_history(user, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)", [user, at.milliseconds, actor, action, detail])
    }

    /// A person's history, oldest first.
    public func personHistory(_ user: String) throws -> [HistoryEntry] {
        try all("SELECT at, actor, action, detail FROM people_history WHERE user = ? ORDER BY rowid", [user]) {
            HistoryEntry(at: Instant(milliseconds: $0[0]), actor: $0[1], action: $0[2], detail: $0[3])
        }
    }

    /// Records the language `user` last wrote to the bot in.
    /// (On the hot path: a person who switches language does it on a message.)
    public func setWrote(_ user: String, _ lang: Lang, at: Instant) throws {
        try run(
            """
            INSERT INTO residents(user, wrote_lang, updated_at) VALUES (?, ?, ?)
            ON CONFLICT(user) DO UPDATE SET wrote_lang = excluded.wrote_lang, updated_at = excluded.updated_at
            """, .text(user), .text(lang.rawValue), .int(at.milliseconds))
    }

    /// Sets the language `user` wants replies in.
    public func setLang(_ user: String, _ lang: Lang, at: Instant) throws {
        try execute(
            """
            INSERT INTO residents(user, lang, updated_at) VALUES (?, ?, ?)
            ON CONFLICT(user) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at
            """, [user, lang.rawValue, at.milliseconds])
    }

    public func prompt(chat: String, user: String) throws -> Prompt? {
        try first("SELECT command, so_far, lang, expires_at FROM prompts WHERE chat = ? AND user = ?", [chat, user]) {
            Prompt(chat: chat, user: user, command: $0[0], soFar: $0[1], lang: Lang(rawValue: $0[2]) ?? .zh, expiresAt: Instant(milliseconds: $0[3]))
        }
    }

    public func setPrompt(_ p: Prompt) throws {
        try execute(
            """
            INSERT INTO prompts(chat, user, command, so_far, lang, expires_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(chat, user) DO UPDATE SET command = excluded.command, so_far = excluded.so_far, lang = excluded.lang, expires_at = excluded.expires_at
            """, [p.chat, p.user, p.command, p.soFar, p.lang.rawValue, p.expiresAt.milliseconds])
    }

    public func deletePrompt(chat: String, user: String) throws {
        try execute("DELETE FROM prompts WHERE chat = ? AND user = ?", [chat, user])
    }
}
