import Foundation
import LinliCommands
import LinliCore

/// `platforms:` of a community file (PLATFORMS.md §1).
extension CommunityFile {
    static func platforms(_ root: YAMLValue, environment: [String: String]) throws -> [Platform] {
        let secrets = PlatformKind.secrets
        var known: Set<String> = ["id", "kind", "api_base", "groups"]
        for kind in PlatformKind.allCases {
            for name in kind.required + kind.optional {
                known.insert(name)
                if secrets.contains(name) { known.insert(name + "_env") }
            }
        }
        return try items(root["platforms"], known: known) { v in
            let id = try identifier(v.required("id"))
            let kindNode = try v.required("kind")
            let kindName = try kindNode.string()
            guard let kind = PlatformKind(rawValue: kindName) else {
                throw kindNode.error("unknown platform kind '\(kindName)' (dingtalk, feishu, wecom, wecom_bot or onebot)")
            }
            let mine = Set(kind.required + kind.optional)
            for (key, node) in try v.entries() where !["id", "kind", "api_base", "groups"].contains(key) {
                let name = key.hasSuffix("_env") ? String(key.dropLast(4)) : key
                guard mine.contains(name) else { throw node.error("'\(key)' is not a setting of a \(kind.rawValue) platform") }
            }
            var settings: [String: String] = [:]
            for name in kind.required + kind.optional {
                if let node = v[name] { settings[name] = try node.string() }
                if secrets.contains(name), v[name] != nil, let envNode = v[name + "_env"] {
                    throw envNode.error("platform \(id): \(name) is given twice, inline and as \(name)_env: keep one")
                }
                if secrets.contains(name), let envNode = v[name + "_env"] {
                    let variable = try envNode.string()
                    guard let value = environment[variable], !value.isEmpty else {
                        throw envNode.error("environment variable \(variable) is not set")
                    }
                    settings[name] = value
                }
                if kind.required.contains(name), settings[name]?.isEmpty ?? true {
                    let form = secrets.contains(name) ? "\(name) or \(name)_env" : name
                    throw v.error("platform \(id): \(kind.rawValue) needs \(form)")
                }
            }
            // WeCom's EncodingAESKey is 43 characters of base64 (a 32-byte key): one lost in pasting
            // would pass here and refuse every callback, WeCom's own URL check too.
            if let key = settings["encoding_aes_key"], key.count != 43 || Data(base64Encoded: key + "=")?.count != 32 {
                throw (v["encoding_aes_key"] ?? v).error(
                    "platform \(id): encoding_aes_key must be the 43 characters of base64 WeCom gives (this has \(key.count))")
            }
            // Settings that would pass here and never work: QQ numbers and a WeCom app's id are numbers;
            // a WeCom app pushes only with its agent id; a Feishu group calls the bot by its open id.
            for name in ["agent_id", "self_id"] where settings[name].map({ UInt64($0) == nil }) == true {
                throw (v[name] ?? v).error("platform \(id): \(name) must be a number (this is '\(settings[name]!)')")
            }
            if kind == .wecom, settings["secret"] != nil, settings["agent_id"] == nil {
                throw v.error("platform \(id): a wecom secret pushes through the app: give its agent_id too")
            }
            if settings["bot_open_id"]?.isEmpty == true { throw (v["bot_open_id"] ?? v).error("platform \(id): bot_open_id is empty") }
            var groups: [String: String] = [:]
            for (chat, group) in try v["groups"]?.entries() ?? [] {
                if kind == .onebot, UInt64(chat) == nil { throw group.error("platform \(id): a QQ group id is a number (this is '\(chat)')") }
                groups[chat] = try group.string()
            }
            var apiBase = try v["api_base"]?.string()
            if let base = apiBase {
                guard Community.isWebAddress(base) else {
                    throw try v.required("api_base").error("api_base must start with http:// or https://")
                }
                while apiBase?.hasSuffix("/") == true { apiBase?.removeLast() }
            }
            return Platform(id: id, kind: kind, settings: settings, groups: groups, apiBase: apiBase)
        }
    }

    /// Platform ids are unique, their group maps name known groups, and the bot is named (mentions).
    static func checkPlatforms(_ c: Community, _ root: YAMLValue) throws {
        guard !c.platforms.isEmpty else { return }
        let node = try root.required("platforms")
        var seen = Set<String>()
        for p in c.platforms where !seen.insert(p.id).inserted { throw node.error("duplicate platform id '\(p.id)'") }
        let groups = Set(c.groups + c.buildings.flatMap(\.groups))
        for (i, p) in c.platforms.enumerated() {
            for (chat, group) in p.groups.sorted(by: { $0.key < $1.key }) where !groups.contains(group) {
                let item = try node.list()[i]
                throw (item["groups"] ?? item).error("platform \(p.id): chat '\(chat)' maps to unknown group '\(group)'")
            }
        }
        if c.bot == nil { throw node.error("platforms need the bot named (bot: {id, names}): a mention of it is how a group calls it") }
        // One account is one person: given to two, its messages would be read as the last one's.
        var owners: [String: String] = [:]
        let people = try root.required("people").list()
        for (i, person) in c.people.enumerated() {
            for (platform, account) in person.accounts.sorted(by: { $0.key < $1.key }) {
                if !seen.contains(platform) {
                    let item = people.indices.contains(i) ? people[i] : root
                    throw (item["accounts"] ?? item).error("\(person.id): an account on '\(platform)', which is no platform of this file")
                }
                if let first = owners.updateValue(person.id, forKey: "\(platform) \(account)") {
                    let item = people.indices.contains(i) ? people[i] : root
                    throw (item["accounts"] ?? item).error("\(person.id): account '\(account)' on \(platform) is \(first)'s already")
                }
            }
        }
    }
}
