import LinliBot
import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore

/// Runs one command family's handler in-process, on an in-memory store (or a
/// database file, to start again on it), with a small community
/// (`FamilyHarness.community`): the family's commands are the only ones the bot
/// understands. A test of a family takes milliseconds.
///
/// ```swift
/// let wishes = try FamilyHarness("wishes")
/// let out = try wishes.say("wish help with the pension form", from: "u-ann", at: "2026-11-28T09:00:00+08:00")
/// #expect(out.reply.refs == ["W1"])
/// ```
public final class FamilyHarness {
    public let engine: Engine
    /// The in-memory database the engine writes.
    public let store: Store
    public let community: Community
    private var line = 0

    /// `families`: the family under test, and any it needs (say, `workorders` for a report to rate);
    /// `database`: a file a later harness opens again, as the bot does after a restart.
    public convenience init(_ families: String..., community text: String = FamilyHarness.community, database: String = ":memory:") throws {
        try self.init(families: families, community: text, database: database)
    }

    public init(families: [String], community text: String = FamilyHarness.community, database: String = ":memory:") throws {
        let community = try CommunityFile.parse(text, file: "harness.yaml")
        let catalog = try Catalog.load(directory: Fixtures.commandsPath)
        self.community = community
        store = try Store(path: database)
        engine = try Engine(
            community: community, catalog: catalog, store: store,
            wallClock: { Instant(milliseconds: 1_790_000_000_000) }, families: Set(families))
    }

    /// One message from `user` (in `group`, or privately), at `ts` (RFC 3339), @-mentioning `mentions`.
    @discardableResult
    public func say(
        _ text: String, from user: String, named name: String? = nil, in group: String? = nil, mentions: [String] = [], at ts: String
    ) throws -> [OutboundEvent] {
        try send(InboundEvent(type: .message, ts: RFC3339.parse(ts), group: group, from: user, name: name, text: text, mentions: mentions))
    }

    /// The clock moves to `ts`: due timers fire.
    @discardableResult
    public func tick(_ ts: String) throws -> [OutboundEvent] {
        try send(InboundEvent(type: .tick, ts: RFC3339.parse(ts)))
    }

    private func send(_ event: InboundEvent) throws -> [OutboundEvent] {
        line += 1
        return try engine.process([.event(event, line: line)])
    }

    /// The harness's community with `old` replaced by `new`; throws when `old` is not in
    /// it (the test would run on the community unchanged and prove nothing).
    public static func community(replacing old: String, with new: String) throws -> String {
        let text = community.replacingOccurrences(of: old, with: new)
        guard text != community else { throw HarnessError("“\(old)” is not in the harness community") }
        return text
    }

    public struct HarnessError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// A community small enough to read at a glance: one grid of two buildings, a
    /// captain each, a grid leader, the office, three residents, a volunteer, a
    /// mediator-free set of categories (one private), a venue that needs approval
    /// and one that does not, a loan and a handled service, two ledger items.
    public static let community = """
        bot: {id: linli, names: [小邻, linli]}
        community: {id: t, name: 测试社区, timezone: Asia/Shanghai, quiet_hours: "22:00-07:00", groups: [t-office]}
        grids:
          - {id: g1, name: 一网格, leader: u-grid}
        buildings:
          - {id: b1, name: 1栋, grid: g1, captain: u-cap1, groups: [t-b1]}
          - {id: b2, name: 2栋, grid: g1, captain: u-cap2, groups: [t-b2]}
        people:
          - {id: u-office, name: 王主任, roles: [staff]}
          - {id: u-grid, name: 马网格, roles: [grid_leader]}
          - {id: u-cap1, name: 刘队长, home: b1-101, roles: [captain]}
          - {id: u-cap2, name: 孙队长, home: b2-101, roles: [captain]}
          - {id: u-ann, name: Ann Lee, home: b1-501, lang: en}
          - {id: u-li, name: 李阿姨, home: b1-502}
          - {id: u-bo, name: 张博, home: b2-302}
          - {id: u-vol, name: 方志愿, home: b2-402, roles: [volunteer]}
          - {id: u-pipe, name: 钱工, roles: [department]}
        departments:
          - {id: water, name: 自来水公司, members: [u-pipe]}
        categories:
          - {id: leak, names: [leak, 漏水], priority: P1, accept: 30m, resolve: 24h}
          - {id: noise, names: [noise, 噪音], priority: P2, accept: 1d, resolve: 7d, private: true}
          - {id: other, names: [other, 其他], priority: P3, accept: 1d, resolve: 7d}
        venues:
          - {id: pavilion, name: 凉亭, names: [pavilion, 凉亭], open: "07:00-21:00", min: 30m, max: 3h, horizon: 14d, weekly_quota: 2, approval: false}
          - {id: room, name: 活动室, names: [room, 活动室], open: "08:00-22:00", min: 1h, max: 4h, horizon: 30d, weekly_quota: 1, approval: true}
        services:
          - {id: umbrella, name: 爱心伞, names: [umbrella, 伞], stock: 2, loan: 3d}
          - {id: haircut, name: 义剪, names: [haircut, 义剪], handler: u-vol}
        points:
          - {id: wish, names: [wish, 微心愿], points: 5}
          - {id: ontime, names: [ontime, 及时签收], points: 1}
        """
}
