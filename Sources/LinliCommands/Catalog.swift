import LinliCore

/// The kinds of argument a command can take; the grammar of each lives in `Grammar`.
public enum ArgType: Sendable, Equatable {
    /// A record id of one of these kinds: `R1`, `#r1`.
    case record([RecordKind])
    /// A work-order category named in the community file.
    case category
    /// A room or place: `501`, `b3-501`, `3栋501`.
    case place
    /// A whole number in a range; `5分`, `5星` accepted.
    case int(ClosedRange<Int>)
    /// One word.
    case word
    /// A command's id or word (help's topic); in a group, only one that names a command.
    case command
    /// `zh` or `en` (中文, 英文, chinese, english).
    case lang
    /// Everything to the end of the message.
    case text
    /// A venue named in the community file.
    case venue
    /// A date: `2026-12-03`, `12月3日`, tomorrow/明天, thu/周四, next thu/下周四.
    case date
    /// A time range: `15:00-16:30`, `3-4pm`, `下午三点到四点`.
    case times
    /// A time of day (the start, if a range is given): `19:00`, `7pm`, `晚上7点`.
    case time
    /// A service or loanable item named in the community file.
    case service
    /// Words up to the next date: an event's title.
    case phrase
    /// A role the office gives in chat: `captain`, `楼栋长`, `volunteer`, `志愿者`… (its raw value).
    case role
    /// How many items: `2`, `两把`, `2 把`, `two`, `a`; always optional in effect (absent: one).
    case quantity
}

/// One argument slot of a command.
public struct ArgSpec: Sendable, Equatable {
    public var name: String
    public var type: ArgType
    public var optional: Bool
    /// The follow-up question asked when the argument is missing.
    public var prompt: Localized?
}

/// A family as help lists it.
public struct HelpGroup: Sendable, Equatable {
    public var title: Localized
    public var rank: Int
}

/// A word that calls a command, and the language it belongs to.
public struct CommandWord: Sendable, Equatable {
    public var text: String
    public var lang: Lang
}

/// A worked example from the catalog: what a person types and the arguments it yields.
public struct CommandExample: Sendable, Equatable {
    public var say: String
    public var args: [String: String]
}

/// One command as the catalog (commands/*.yaml) describes it.
public struct CommandSpec: Sendable, Equatable {
    public var id: String
    public var family: String
    public var words: [CommandWord]
    /// Who may use it: role names from SERVICES.md, `anyone`, or `assignee`.
    public var roles: [String]
    public var args: [ArgSpec]
    public var usage: Localized
    public var summary: Localized
    public var examples: [CommandExample]

    /// The first word in `lang`: the command's name in help.
    /// The record kinds its record argument takes, if it has one.
    public var recordKinds: [RecordKind] {
        args.lazy.compactMap { if case .record(let kinds) = $0.type { kinds } else { nil } }.first ?? []
    }

    public func word(_ lang: Lang) -> String { (words.first { $0.lang == lang } ?? words[0]).text }
}

/// The parser's vocabulary: every command, loaded from the YAML files of commands/.
public struct Catalog: Sendable {
    public private(set) var commands: [CommandSpec]
    /// Non-fatal remarks made while loading (unknown keys).
    public private(set) var warnings: [String] = []
    /// How help shows each family: its title, and its place (1 first: the most used).
    public private(set) var helpGroups: [String: HelpGroup] = [:]

    public init(commands: [CommandSpec]) { self.commands = commands }

    /// The commands of `families` only (their catalog `family:` names), help groups kept.
    public func only(_ families: Set<String>) -> Catalog {
        var catalog = self
        catalog.commands = commands.filter { families.contains($0.family) }
        return catalog
    }

    /// The command whose id or one of whose words `word` is.
    public func spec(named word: String) -> CommandSpec? {
        let w = Grammar.fold(word).lowercased()
        return commands.first { $0.id == w || $0.words.contains { Grammar.fold($0.text).lowercased() == w } }
    }

    /// The command with this id.
    public func spec(_ id: String) -> CommandSpec? { commands.first { $0.id == id } }

    /// Loads every `*.yaml` file of a folder over `base` (nothing, or the built-in
    /// catalog): the families' files (`<family>.yaml`) in the order of
    /// `Command.families`, then any others in name order. An entry with a known id
    /// and its own `usage` replaces that command; one with words only adds its words
    /// to it (local synonyms without a rebuild).
    public static func load(directory: String, over base: Catalog = Catalog(commands: [])) throws(YAMLFileError) -> Catalog {
        let fm = FileManagerShim.self
        let files = inFamilyOrder(fm.yamlFiles(in: directory))
        guard !files.isEmpty else { throw YAMLFileError(file: directory, line: nil, problem: "no command catalog (*.yaml) found") }
        var catalog = base
        for file in files {
            guard let text = fm.read(file) else { throw YAMLFileError(file: file, line: nil, problem: "cannot read the file") }
            try catalog.merge(yaml: text, file: file)
        }
        return catalog
    }

    /// Catalog file paths with the families' files (`<family>.yaml`) first, in the order
    /// of `Command.families`, then the others in the order given.
    public static func inFamilyOrder(_ paths: [String]) -> [String] {
        let order = Command.families.map { $0.family + ".yaml" }
        func rank(_ path: String) -> Int { order.firstIndex { path == $0 || path.hasSuffix("/" + $0) } ?? order.count }
        return paths.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// Adds the commands of one catalog file.
    public mutating func merge(yaml text: String, file: String) throws(YAMLFileError) {
        let root = try YAMLValue.parse(text, file: file)
        try root.expectMapping(known: ["family", "help", "commands"])
        let family = try root["family"]?.string() ?? file
        if let help = root["help"] {
            try help.expectMapping(known: ["title", "rank"])
            helpGroups[family] = HelpGroup(title: try Self.localized(help.required("title")), rank: try help.required("rank").int())
        }
        for item in try root.required("commands").list() {
            let spec = try Self.spec(item, family: family, extending: { id in commands.first { $0.id == id } })
            if let i = commands.firstIndex(where: { $0.id == spec.id }) {
                if item["usage"] != nil {
                    commands[i] = spec
                } else {
                    commands[i].words += spec.words.filter { !commands[i].words.contains($0) }
                }
            } else {
                commands.append(spec)
            }
        }
        warnings += root.warnings
    }

    private static func spec(_ v: YAMLValue, family: String, extending: (String) -> CommandSpec?) throws(YAMLFileError) -> CommandSpec {
        try v.expectMapping(known: ["id", "words", "roles", "args", "usage", "summary", "examples"])
        let id = try v.required("id").string()
        let wordsNode = try v.required("words")
        try wordsNode.expectMapping(known: ["en", "zh"])
        var words: [CommandWord] = []
        for lang in Lang.allCases {
            for w in try wordsNode[lang.rawValue]?.strings() ?? [] { words.append(CommandWord(text: Grammar.fold(w), lang: lang)) }
        }
        guard !words.isEmpty else { throw wordsNode.error("a command needs at least one word") }
        if let base = extending(id), v["usage"] == nil {
            return CommandSpec(
                id: id, family: base.family, words: words, roles: base.roles, args: base.args, usage: base.usage, summary: base.summary, examples: [])
        }
        var args: [ArgSpec] = []
        for a in try v["args"]?.list() ?? [] {
            try a.expectMapping(known: ["name", "type", "optional", "prompt", "kinds", "min", "max"])
            let name = try a.required("name").string()
            let typeNode = try a.required("type")
            let type: ArgType
            switch try typeNode.string() {
            case "record":
                var kinds: [RecordKind] = []
                for k in try a["kinds"]?.strings() ?? ["R"] {
                    guard let kind = RecordKind(rawValue: k) else { throw a.error("unknown record kind '\(k)'") }
                    kinds.append(kind)
                }
                type = .record(kinds)
            case "category": type = .category
            case "place": type = .place
            case "int": type = .int((try a["min"]?.int() ?? 0)...(try a["max"]?.int() ?? Int.max))
            case "word": type = .word
            case "command": type = .command
            case "lang": type = .lang
            case "text": type = .text
            case "venue": type = .venue
            case "date": type = .date
            case "times": type = .times
            case "time": type = .time
            case "service": type = .service
            case "phrase": type = .phrase
            case "role": type = .role
            case "quantity": type = .quantity
            case let other: throw typeNode.error("unknown argument type '\(other)'")
            }
            args.append(ArgSpec(name: name, type: type, optional: try a["optional"]?.bool() ?? false, prompt: try a["prompt"].map(localized)))
        }
        var examples: [CommandExample] = []
        for e in try v["examples"]?.list() ?? [] {
            try e.expectMapping(known: ["say", "args"])
            var expected: [String: String] = [:]
            for (k, val) in try e["args"]?.entries() ?? [] { expected[k] = try val.string() }
            examples.append(CommandExample(say: try e.required("say").string(), args: expected))
        }
        return CommandSpec(
            id: id, family: family, words: words, roles: try v["roles"]?.strings() ?? ["anyone"], args: args,
            usage: try localized(v.required("usage")), summary: try localized(v.required("summary")), examples: examples
        )
    }

    private static func localized(_ v: YAMLValue) throws(YAMLFileError) -> Localized {
        try v.expectMapping(known: ["en", "zh"])
        return Localized(zh: try v.required("zh").string(), en: try v.required("en").string())
    }
}
