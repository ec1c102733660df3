import Foundation
import LinliCommands
import LinliCore
import LinliStore
import LinliWebhooks

/// `dashboard | 后台`: a staff member, grid leader or captain gets a one-time link
/// to the staff pages (DASHBOARD.md §1), privately; in a group the reply only says
/// it was sent. The link works once, within ten minutes; only its hash is kept.
struct DashboardFamily: Family {
    /// How long a sign-in link works.
    static let linkLifetime = Span.minutes(10)

    func run(_ command: DashboardCommand, _ ctx: CommandContext) throws -> Outcome {
        switch command {
        case .dashboard: try link(ctx)
        }
    }

    private func link(_ ctx: CommandContext) throws -> Outcome {
        guard !DashboardScope(ctx.sender, ctx.directory).buildings.isEmpty else {
            throw LinliError(
                .forbidden, zh: "后台只对楼栋长、网格长和社区开放。", en: "The staff pages are for captains, grid leaders and the community office.")
        }
        guard let base = ctx.directory.community.publicURL.map(DashboardSecrets.trimmed), !base.isEmpty else {
            throw LinliError(
                .invalidState, zh: "后台还没有网址：请在社区文件里写 public_url。", en: "The staff pages have no address yet: set public_url in the community file.")
        }
        // A sign-in link goes to its person alone: with no private channel, none is made.
        if ctx.group != nil, !ctx.reachedPrivately {
            let bot = ctx.directory.botNames
            return Outcome(
                zh: "登录链接只私信发送：请私聊\(bot.zh)发送这条命令。", en: "A sign-in link is sent privately only: send this command to \(bot.en) in a private chat.")
        }
        let token = DashboardSecrets.newToken()
        try ctx.tx.insertDashboardToken(
            hash: DashboardSecrets.hash(token), user: ctx.sender, at: ctx.kernel.now, expiresAt: ctx.kernel.now.adding(Self.linkLifetime))
        let url = "\(base)/dashboard/login?token=\(token)"
        let text = Localized(
            zh: "后台登录链接（10分钟内有效，只能用一次，请勿转发）：\n\(url)",
            en: "Your link to the staff pages (works once, within 10 minutes; do not share it):\n\(url)")
        guard ctx.group != nil else { return Outcome(text) }
        return Outcome(
            zh: "后台登录链接已私信发给您。", en: "I sent you the link to the staff pages privately.",
            effects: [.notify(to: ctx.sender, reason: "private_reply", text: text, refs: [])])
    }
}

/// Sign-in links and session ids: random, and kept only as hashes.
enum DashboardSecrets {
    /// 32 random bytes, base64url without padding (43 characters).
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return String(
            Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .trimmingCharacters(in: ["="]))
    }

    /// What the database keeps of a token: its SHA-256 HMAC under a fixed label, in hex.
    static func hash(_ token: String) -> String {
        Signatures.hex(Signatures.hmacSHA256(key: Array("linli-dashboard".utf8), message: Array(token.utf8)))
    }

    /// `https://x.org/` → `https://x.org`
    static func trimmed(_ url: String) -> String {
        var url = url.trimmingCharacters(in: .whitespaces)
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}

/// What a person may see on the staff pages, like `stats`: staff everything, a grid
/// leader their grids' buildings, a captain their buildings.
struct DashboardScope {
    let isStaff: Bool
    /// The buildings in scope, in the community file's order.
    let buildings: [Building]

    init(_ user: String, _ directory: Directory) {
        let community = directory.community
        let staff = directory.person(user)?.roles.contains(.staff) == true
        let led = Set(community.grids.filter { $0.leader == user }.map(\.id))
        isStaff = staff
        buildings = community.buildings.filter { b in staff || b.captain == user || b.grid.map(led.contains) == true }
    }
}
