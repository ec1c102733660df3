import Foundation
import LinliBot
import LinliCommands
import LinliCore
import LinliProtocol
import LinliStore
import Synchronization

/// Paths and ready-made objects shared by the test targets, found from this
/// file's location rather than the current directory.
public enum Fixtures {
    /// The package root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var communityPath: String { root.appendingPathComponent("seeds/fudi.yaml").path }
    public static var commandsPath: String { root.appendingPathComponent("commands").path }

    /// The demo community and the catalog.
    public static func load() throws -> (Community, Catalog) {
        let (community, catalog, _) = try Linli.loadConfiguration(community: communityPath, commands: commandsPath)
        return (community, catalog)
    }

    /// A parser over the demo community's vocabulary.
    public static func parser() throws -> CommandParser {
        let (community, catalog) = try load()
        return CommandParser(catalog: catalog, community: community)
    }

    /// An engine on an in-memory database; the wall clock is fixed.
    public static func engine(store: Store? = nil) throws -> Engine {
        let (community, catalog) = try load()
        return try Engine(
            community: community, catalog: catalog, store: store ?? Store(path: ":memory:"),
            wallClock: { Instant(milliseconds: 1_790_000_000_000) })
    }

    /// The `linli` executable built beside the running tests.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["LINLI_BIN"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("linli")
    }
}

/// Runs the real `linli` executable: stdin in, stdout and stderr out.
public enum BinaryRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// How the input reaches the process.
    public enum Input: Sendable {
        /// A pipe, written from another thread, as a bridge would.
        case pipe
        /// A regular file, as `linli run < file`.
        case file
    }

    /// Runs `linli` with `arguments`, feeding `input` to its stdin; `environment`
    /// is added to this process's own.
    public static func run(_ arguments: [String], input: Data, via mode: Input = .file, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.currentDirectoryURL = Fixtures.root
        let temp = FileManager.default.temporaryDirectory
        let errURL = temp.appendingPathComponent("linli-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let outPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = try FileHandle(forWritingTo: errURL)
        switch mode {
        case .file:
            let inURL = temp.appendingPathComponent("linli-stdin-\(UUID().uuidString)")
            try input.write(to: inURL)
            defer { try? FileManager.default.removeItem(at: inURL) }
            process.standardInput = try FileHandle(forReadingFrom: inURL)
            try process.run()
        case .pipe:
            let inPipe = Pipe()
            process.standardInput = inPipe
            try process.run()
            let writer = inPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                try? writer.close()
            }
        }
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// A fresh temporary database path.
    public static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("linli-test-\(UUID().uuidString).sqlite").path
    }
}

extension Fixtures {
    /// The demo community file's text with its webhooks pointing at `base`
    /// (e.g. a `RecordingReceiver`'s `http://127.0.0.1:<port>`).
    public static func communityText(webhooksAt base: String) throws -> String {
        try String(contentsOfFile: communityPath, encoding: .utf8).replacingOccurrences(of: "http://127.0.0.1:9000", with: base)
    }

    /// An engine and its in-memory store on the demo community with webhooks at `base`
    /// (the file's text changed by `edit`).
    public static func engine(webhooksAt base: String, edit: (String) -> String = { $0 }) throws -> (Engine, Store, Community) {
        let community = try CommunityFile.parse(edit(communityText(webhooksAt: base)), file: "fudi.yaml")
        let (_, catalog) = try load()
        let store = try Store(path: ":memory:")
        let engine = try Engine(community: community, catalog: catalog, store: store, wallClock: { Instant(milliseconds: 1_790_000_000_000) })
        return (engine, store, community)
    }
}

/// A clock a test moves by hand.
public final class ManualClock: Sendable {
    private let now: Mutex<Instant>
    public init(_ start: Instant = Instant(milliseconds: 1_790_000_000_000)) { now = Mutex(start) }
    public func read() -> Instant { now.withLock { $0 } }
    public func advance(_ span: Span) { now.withLock { $0 = $0.adding(span) } }
}
