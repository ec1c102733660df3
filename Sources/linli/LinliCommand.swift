import ArgumentParser
import CLinliSys
import Foundation
import LinliBot
import LinliCommands
import LinliCore
import LinliHTTP
import LinliPlatforms
import LinliProtocol
import LinliStore
import LinliWebhooks
import Logging

/// The `linli` command line: the composition root.
@main
struct LinliCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linli",
        abstract: "Linli (邻里): the neighbourhood chat bot.",
        subcommands: [Run.self, Serve.self, Deliver.self, Parse.self, Check.self, Migrate.self],
        defaultSubcommand: Run.self
    )
}

/// Options every subcommand that loads a community shares.
struct CommunityOptions: ParsableArguments {
    @Option(help: "The community file (YAML); in the repository, seeds/fudi.yaml by default.")
    var community: String?

    @Option(help: "A folder of command catalog files (*.yaml) that add words to the built-in commands or replace them.")
    var commands: String?

    @Option(
        help: """
            The SQLite database file, :memory:, or a PostgreSQL URL postgres://user:password@host:port/database \
            (default: LINLI_DATABASE_URL, else linli.sqlite; check reads one only when given).
            """)
    var db: String?

    /// The database to open: `--db`, else `LINLI_DATABASE_URL`, else `linli.sqlite`.
    var database: String {
        db ?? ProcessInfo.processInfo.environment["LINLI_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "linli.sqlite"
    }

    /// The demo community, the default where it exists (the repository).
    static let demo = "seeds/fudi.yaml"

    func load() throws -> (Community, Catalog) {
        guard let community = community ?? (FileManager.default.fileExists(atPath: Self.demo) ? Self.demo : nil) else {
            logger.error("no community file: pass --community FILE (the default, \(Self.demo), is only there in the repository)")
            throw ExitCode(2)
        }
        do {
            let (community, catalog, warnings) = try Linli.loadConfiguration(community: community, commands: commands)
            for w in warnings { logger.warning("\(w)") }
            return (community, catalog)
        } catch let error as YAMLFileError {
            // Every problem of the file, each with its line, then how many.
            for problem in error.all { logger.error("\(YAMLFileError(file: problem.file, line: problem.line, problem: problem.problem))") }
            if error.all.count > 1 { logger.error("\(error.file): \(English.count(error.all.count, "problem"))") }
            throw ExitCode(2)
        } catch {
            logger.error("\(error)")
            throw ExitCode(2)
        }
    }
}

/// What the command line says on stderr.
let logger = Logger.linli()

extension EventEncoder.Format: ExpressibleByArgument {}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read LLP/1 events from stdin, write outbound events to stdout.")

    @OptionGroup var options: CommunityOptions

    @Option(help: "Output format: json (one JSON object a line) or chat (shorthand).")
    var format: EventEncoder.Format = .json

    @Option(name: .customLong("max-line"), help: "The longest input line, in bytes.")
    var maxLine = 65_536

    @Option(name: .customLong("drain-timeout"), help: "At end of input, how long to keep delivering queued webhook pushes, in seconds.")
    var drainTimeout = 10.0

    func validate() throws {
        guard maxLine >= 1 else { throw ValidationError("--max-line must be at least 1 byte") }
        try Seconds.check(drainTimeout, "--drain-timeout", 0...86_400)
    }

    func run() throws {
        let (community, catalog) = try options.load()
        let store = try openStore(options.database)
        let engine = try options.makeEngine(community, catalog, store)
        let client = CurlClient()
        let outbox = OutboxService(store: store, community: community, client: client, channels: Platforms.channels(community, client: client))
        outbox.start()
        var encoder = EventEncoder(format: format, formatTime: engine.formatTime)
        encoder.reuseEncoded = true  // the engine's own formatTime: what it encoded is what would be written
        // SIGTERM: stop reading, finish what was read (commit, print), drain, exit 0. Noted by a
        // handler of our own: a dispatch signal source missed one now and then (the process ran on).
        linli_catch_stop(SIGTERM)
        let runner = StdinRunner(
            engine: engine, encoder: encoder, maxLine: maxLine, outbox: outbox, stop: StopFlag(also: { linli_stop_requested() != 0 }))
        do {
            try runner.run()
        } catch {
            logger.error("stopped: \(error); nothing of the last batch was kept or printed")
            throw ExitCode(1)
        }
        outbox.finish(drainingFor: Span(milliseconds: Int64(drainTimeout * 1000)))
        client.shutdown()
    }
}

struct Deliver: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Deliver queued webhook pushes (the outbox) without reading events.")

    @OptionGroup var options: CommunityOptions

    @Flag(help: "List the dead letters and exit.")
    var dead = false

    @Flag(name: .customLong("retry-dead"), help: "Queue the dead letters again and exit.")
    var retryDead = false

    @Flag(help: "Send every queued push now, without waiting out its backoff.")
    var flush = false

    @Option(help: "Keep delivering for this many seconds, then exit (default: until interrupted).")
    var seconds: Double?

    @Flag(
        name: .customLong("until-empty"),
        help: "Exit once nothing queued falls due within the next minute, printing how many pushes are still queued and how many are dead letters.")
    var untilEmpty = false

    func validate() throws {
        if let seconds { try Seconds.check(seconds, "--seconds", 0...31_536_000) }
    }

    func run() throws {
        let (community, _) = try options.load()
        let store = try openStore(options.database)
        if dead {
            for row in try store.read({ try $0.deadLetters() }) {
                print("\(row.id)\t\(row.eventID)\t\(row.webhook)\t\(row.recipient)\t\(row.attempts)\t\(row.lastError ?? "")")
            }
            return
        }
        if retryDead {
            let n = try store.write { try $0.retryDead(now: Linli.wallClock()) }
            print("queued again: \(n)")
            return
        }
        if flush { _ = try store.write { try $0.flushQueued(now: Linli.wallClock()) } }
        let client = CurlClient()
        let outbox = OutboxService(store: store, community: community, client: client, channels: Platforms.channels(community, client: client))
        if untilEmpty {
            outbox.finish(drainingFor: .minutes(1))
            client.shutdown()
            let (queued, dead) = try store.read { tx in (try tx.outboxDepth(), try tx.deadLetters().count) }
            // Queued may include pushes another deliverer is sending: a count to read, not a failure.
            print("still queued: \(queued)\tdead letters: \(dead)")
            return
        }
        // SIGINT, SIGTERM: noted by a handler of our own (as `run`), looked at ten times a second.
        for sig in [SIGINT, SIGTERM] { linli_catch_stop(sig) }
        outbox.start()
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        while linli_stop_requested() == 0, deadline.map({ Date() < $0 }) ?? true { usleep(100_000) }
        outbox.finish(drainingFor: .seconds(0))
        client.shutdown()
    }
}

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a message parses (it reads no database: --db is ignored).",
        discussion: "Exits 0 when the message is a whole command, 1 when it is not one or lacks an argument (the report says which).")

    @OptionGroup var options: CommunityOptions

    @Flag(help: "Print one JSON object (kind, command, family, lang, args, missing, question, code, message).")
    var json = false

    @Argument(help: "The message text.")
    var text: [String]

    func run() throws {
        let (community, catalog) = try options.load()
        let parser = CommandParser(catalog: catalog, community: community)
        let report = ParseReport(parser.parse(text.joined(separator: " ")))
        print(json ? report.json : report.text)
        // A script can tell a command from the rest without reading the report.
        if report.kind != "command" { throw ExitCode(1) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a community file and the command catalog; exit 0 when both are valid.",
        discussion: "With --db, also show who holds which role once the role changes made in chat (kept in that database) are applied.")

    @OptionGroup var options: CommunityOptions

    func run() throws {
        var (community, catalog) = try options.load()
        var changes: Int?
        if let db = options.db {
            guard Store.isPostgres(db) || (db != ":memory:" && FileManager.default.fileExists(atPath: db)) else {
                logger.error("no database at \(db)")
                throw ExitCode(3)
            }
            let store = try openStore(db)
            try options.refuseStrandedOrders(community, store)
            (community, changes) = try Linli.standing(community, in: store)
        }
        print(
            "\(community.name): \(English.count(community.buildings.count, "building")), \(English.count(community.people.count, "person", plural: "people")), "
                + English.count(catalog.commands.count, "command"))
        guard let changes else { return }
        print(Self.roles(of: community, changes: changes))
    }

    /// Who holds which role: each building's captain, each grid's leader, the other roles' holders.
    static func roles(of community: Community, changes: Int) -> String {
        let people = Dictionary(community.people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func shown(_ ids: [String]) -> String { ids.isEmpty ? "—" : ids.map { "\(people[$0] ?? $0) (\($0))" }.joined(separator: ", ") }
        var lines = ["role changes made in chat: \(changes)"]
        lines += community.buildings.map { "captain of \($0.name) (\($0.id)): \(shown($0.captain.map { [$0] } ?? []))" }
        lines += community.grids.map { "grid leader of \($0.name) (\($0.id)): \(shown($0.leader.map { [$0] } ?? []))" }
        for role in [Role.volunteer, .partyMember, .mediator] {
            lines.append("\(role.rawValue): \(shown(community.people.filter { $0.roles.contains(role) }.map(\.id)))")
        }
        return lines.joined(separator: "\n")
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Serve LLP/1 over HTTP: POST /v1/events, the chat platforms' POST /v1/platforms/{id}, GET /healthz, GET /metrics; the staff pages under /dashboard; Open311 under /open311/v2."
    )

    @OptionGroup var options: CommunityOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(name: .customLong("insecure-no-auth"), help: "Accept unsigned requests (local testing only).")
    var insecureNoAuth = false

    @Option(name: .customLong("drain-timeout"), help: "On shutdown, how long to keep delivering queued webhook pushes, in seconds.")
    var drainTimeout = 10.0

    @Option(name: .customLong("sender-limit"), help: "At most this many messages a minute from one sender; more get rate_limited (0: no limit).")
    var senderLimit = 30

    @Option(name: .customLong("read-timeout"), help: "Seconds a connection may stay idle, or take to send a whole request, before it is closed.")
    var readTimeout = 10.0

    @Option(
        name: .customLong("public-url"), help: "Where the staff pages are reached (their sign-in links); overrides the community file's public_url.")
    var publicURL: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535 (0: any free port)") }
        guard senderLimit >= 0 else { throw ValidationError("--sender-limit must be 0 (no limit) or more") }
        if let publicURL, !Community.isWebAddress(publicURL) {
            throw ValidationError("--public-url must start with http:// or https://")
        }
        try Seconds.check(drainTimeout, "--drain-timeout", 0...86_400)
        try Seconds.check(readTimeout, "--read-timeout", 0.1...3_600)
    }

    func run() async throws {
        var (community, catalog) = try options.load()
        if let publicURL { community.publicURL = publicURL }
        let served = community
        let secret = ProcessInfo.processInfo.environment["LINLI_INGRESS_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        guard secret != nil || insecureNoAuth else {
            logger.error("set LINLI_INGRESS_SECRET (whsec_…) to verify requests, or pass --insecure-no-auth for local testing")
            throw ExitCode(2)
        }
        let key = insecureNoAuth ? nil : secret.flatMap(StandardWebhooksKey.init)
        guard key != nil || insecureNoAuth else {
            logger.error("LINLI_INGRESS_SECRET is not a Standard Webhooks secret: whsec_ followed by base64")
            throw ExitCode(2)
        }
        if insecureNoAuth { logger.warning("--insecure-no-auth: unsigned requests are accepted") }
        let store = try openStore(options.database)
        let engine = try options.makeEngine(community, catalog, store)
        if senderLimit > 0 { engine.senderLimit = (senderLimit, .minutes(1)) }
        let metrics = IngressMetrics()
        engine.metrics = metrics.bot
        engine.maxAheadOfWallClock = .minutes(5)
        let client = CurlClient()
        let outbox = OutboxService(
            store: store, community: community, client: client, metrics: metrics.bot, channels: Platforms.channels(community, client: client))
        let configuration = IngressConfiguration(key: key, readTimeout: .milliseconds(Int64(readTimeout * 1000)))
        let gate = EngineGate(engine, pushesQueued: { outbox.poke() })
        let platforms = Platforms(community: community, gate: gate, maxBody: configuration.maxBody, outbox: outbox)
        let (host, port) = (host, port)
        let listening = StopFlag()
        do {
            try await Ingress.serve(
                gate: gate, store: store, outbox: outbox, configuration: configuration, metrics: metrics,
                host: host, port: port,
                drain: Span(milliseconds: Int64(drainTimeout * 1000)),
                onRunning: { port in
                    listening.set()
                    logger.info("listening on \(host):\(port)")
                    // What to paste into each platform's console (PLATFORMS.md §4).
                    for (platform, url) in Platforms.callbackURLs(served, base: served.publicURL ?? "http://\(host):\(port)") {
                        print("platform \(platform.id) (\(platform.kind.rawValue)): callback URL \(url)")
                    }
                    fflush(nil)  // every stream: a pipe to a supervisor sees the URLs at once
                }, routes: platforms.addRoutes)
        } catch where !listening.isSet {
            // The address could not be had (a port in use, a host that is no address): no request was taken.
            logger.error("cannot listen on \(host):\(port) (--host, --port): \(error)")
            client.shutdown()
            throw ExitCode(4)
        }
        client.shutdown()
    }
}

/// Options given in seconds: a finite number in a sensible range (NaN, infinity or
/// 1e300 would overflow when turned into milliseconds).
enum Seconds {
    static func spoken(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    static func check(_ value: Double, _ option: String, _ range: ClosedRange<Double>) throws {
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("\(option) must be a number of seconds from \(spoken(range.lowerBound)) to \(spoken(range.upperBound))")
        }
    }
}
