/// The stable codes of a reply that did not succeed (PROTOCOL.md §3).
public enum ErrorCode: String, Sendable, CaseIterable {
    case unknownCommand = "unknown_command"
    case usage
    case notRegistered = "not_registered"
    case notFound = "not_found"
    case forbidden
    case conflict
    case invalidState = "invalid_state"
    case limit
    case rateLimited = "rate_limited"
    case timeout
    case `internal`
}

/// A refusal a resident can act on: a stable code and a message in both languages.
///
/// ```swift
/// throw LinliError(.invalidState, zh: "R1 还没办结，不能评价。", en: "R1 is not resolved yet.")
/// ```
public struct LinliError: Error, Sendable, Equatable {
    public var code: ErrorCode
    public var message: Localized
    public var refs: [String]
    /// What the sender alone may read, when `message` was said in a group: the bot
    /// sends it to them privately (reason `private_reply`, PROTOCOL.md §2.2).
    public var privately: Localized?
    /// The word of the message that names nothing known, or is no valid argument (a person,
    /// a room, a period): typed in a group without calling the bot, such a message was no
    /// whole command and is not answered (PROTOCOL.md §2.1).
    public var unknownWord: String?

    public init(_ code: ErrorCode, zh: String, en: String, refs: [String] = []) {
        self.code = code
        self.message = Localized(zh: zh, en: en)
        self.refs = refs
    }
}

extension LinliError {
    /// The refusal for a person's name or id that names no one.
    public static func unknownName(_ who: String) -> LinliError {
        LinliError(.notFound, zh: "不认识“\(who)”。", en: "I don't know “\(who)”.").about(who)
    }

    /// The same refusal, known to be about `word` of the message.
    public func about(_ word: String) -> LinliError {
        var e = self
        e.unknownWord = word
        return e
    }

    /// The one refusal for a record id that does not exist, whatever its kind.
    public static func notFound(_ id: RecordID) -> LinliError {
        LinliError(.notFound, zh: "没有找到 \(id)。", en: "There is no \(id).", refs: [id.description])
    }

    /// The refusal for a record the sender may not look at.
    public static func notYours(_ id: RecordID) -> LinliError {
        LinliError(.forbidden, zh: "您无权查看 \(id)。", en: "You may not view \(id).", refs: [id.description])
    }

    /// The one refusal for a record the sender may not act on.
    public static func forbidden(_ id: RecordID) -> LinliError {
        LinliError(.forbidden, zh: "您不能操作 \(id)。", en: "You may not do that to \(id).", refs: [id.description])
    }
}
