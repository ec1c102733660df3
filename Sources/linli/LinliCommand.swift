import ArgumentParser
import Foundation
import LinliBot
import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore

/// The `linli` command line: the composition root.
@main
struct LinliCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linli",
        abstract: "Linli (邻里): the neighbourhood chat bot.",
        subcommands: [Run.self, Parse.self, Check.self],
        defaultSubcommand: Run.self
    )
}

/// Options every subcommand that loads a community shares.
struct CommunityOptions: ParsableArguments {
    @Option(help: "The community file (YAML).")
    var community = "seeds/fudi.yaml"

    @Option(help: "The folder of the command catalog (*.yaml).")
    var commands = "commands"

    func load() throws -> (Community, Catalog) {
        do {
            let (community, catalog, warnings) = try Linli.loadConfiguration(community: community, commands: commands)
            for w in warnings { log("warning: \(w)") }
            return (community, catalog)
        } catch {
            log("linli: \(error)")
            throw ExitCode(2)
        }
    }
}

func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension EventEncoder.Format: ExpressibleByArgument {}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read LLP/1 events from stdin, write outbound events to stdout.")

    @OptionGroup var options: CommunityOptions

    @Option(help: "The SQLite database file, or :memory:.")
    var db = "linli.sqlite"

    @Option(help: "Output format: json (one JSON object a line) or chat (shorthand).")
    var format: EventEncoder.Format = .json

    @Option(name: .customLong("max-line"), help: "The longest input line, in bytes.")
    var maxLine = 65_536

    func run() throws {
        let (community, catalog) = try options.load()
        let engine: Engine
        do {
            let store = try Store(path: db)
            engine = try Engine(community: community, catalog: catalog, store: store, wallClock: Linli.wallClock)
        } catch {
            log("linli: cannot open the database \(db): \(error)")
            throw ExitCode(3)
        }
        let runner = StdinRunner(engine: engine, encoder: EventEncoder(format: format, formatTime: engine.formatTime), maxLine: max(maxLine, 1))
        do {
            try runner.run()
        } catch {
            log("linli: stopped: \(error); nothing of the last batch was kept or printed")
            throw ExitCode(1)
        }
    }
}

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show how a message parses (no database).")

    @OptionGroup var options: CommunityOptions

    @Argument(help: "The message text.")
    var text: [String]

    func run() throws {
        let (community, catalog) = try options.load()
        let parser = CommandParser(catalog: catalog, categories: community.categories)
        print(parser.parse(text.joined(separator: " ")))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a community file and the command catalog; exit 0 when both are valid.")

    @OptionGroup var options: CommunityOptions

    func run() throws {
        let (community, catalog) = try options.load()
        print("\(community.name): \(community.buildings.count) buildings, \(community.people.count) people, \(catalog.commands.count) commands")
    }
}
