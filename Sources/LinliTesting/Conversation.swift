import LinliBot
import LinliCore
import LinliProtocol
import LinliStore

/// Drives an engine with chat shorthand, one line at a time, the way a test
/// script would, and hands back what the bot said.
///
/// ```swift
/// let chat = try Conversation()
/// let out = try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: report leak 501 dripping")
/// #expect(out.reply.refs == ["R1"])
/// ```
public final class Conversation {
    public let engine: Engine
    private var line = 0

    public init(store: Store? = nil) throws {
        engine = try Fixtures.engine(store: store)
    }

    /// Feeds one line (shorthand or JSON) and returns the events it caused.
    @discardableResult
    public func say(_ text: String) throws -> [OutboundEvent] {
        line += 1
        var splitter = LineSplitter(maxLine: 65_536)
        let items = Array((text + "\n").utf8).withUnsafeBytes { splitter.feed($0) }
        return try engine.process(
            items.map {
                switch $0 {
                case .event(let e, _): .event(e, line: line)
                case .bad(let error, _): .bad(error, line: line)
                }
            })
    }
}

extension Array where Element == OutboundEvent {
    /// The one reply among these events; an `error` event with code `no_reply` when
    /// there is none (chatter), so that a test fails on it instead of crashing.
    public var reply: OutboundEvent {
        first { $0.type == .reply }
            ?? OutboundEvent(type: .error, id: "", ts: Instant(milliseconds: 0), text: "(no reply)", ok: false, code: "no_reply")
    }
    /// The notifications, in order.
    public var notifications: [OutboundEvent] { filter { $0.type == .notify } }
    /// The posts, in order.
    public var posts: [OutboundEvent] { filter { $0.type == .post } }
}
