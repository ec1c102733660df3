import CLinliSys
import Foundation
import LinliPostgres
import Synchronization

/// A private PostgreSQL server for the tests: one cluster per test process, in a
/// temporary directory, on 127.0.0.1 and a free port, started on first use with
/// the installed server's `initdb` and `pg_ctl` (never the machine's own service).
/// Each test takes a fresh database of it.
///
/// ```swift
/// let url = try TestPostgres.database()   // postgres://linli@127.0.0.1:PORT/linli_…
/// let store = try Store(path: url)
/// ```
///
/// As root the server runs as the `postgres` user (`initdb` refuses root). A
/// watchdog process stops it and removes the directory when the test process ends,
/// however it ends.
public final class TestPostgres: Sendable {
    public let port: Int
    public let directory: String
    private let admin: Mutex<PostgresConnection?>
    private let made = Atomic<Int>(0)

    /// A new, empty database on the shared test server; its URL. `options` are
    /// CREATE DATABASE's (a template, a locale).
    public static func database(_ options: String = "") throws -> String {
        try shared.get().database(options)
    }

    /// The URL of a new, empty database on this server.
    public func database(_ options: String = "") throws -> String {
        let name = "linli_\(getpid())_\(made.add(1, ordering: .relaxed).newValue)"
        try admin.withLock { connection in
            if connection == nil { connection = try PostgresConnection(url: url(database: "postgres")) }
            try connection!.execute("CREATE DATABASE \(name) \(options)")
        }
        return url(database: name)
    }

    public func url(database: String) -> String { "postgres://linli@127.0.0.1:\(port)/\(database)" }

    /// Drops the database of `url` (made by `database()`), closing its connections: a
    /// database gone from under a running server.
    public static func drop(_ url: String) throws {
        let server = try shared.get()
        let name = String(url.split(separator: "/").last ?? "")
        try server.admin.withLock { connection in
            if connection == nil { connection = try PostgresConnection(url: server.url(database: "postgres")) }
            try connection!.execute("DROP DATABASE \(name) WITH (FORCE)")
        }
    }

    private static let shared = Result { try TestPostgres() }

    private init() throws {
        let bin = try Self.binaries()
        var template = Array("/tmp/linli-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw LaunchError("mkdtemp failed") }
        directory = String(cString: made)
        port = try Loopback.freePort()
        admin = Mutex(nil)
        let owner: [String]
        if getuid() == 0 {
            guard let user = getpwnam("postgres") else { throw LaunchError("running as root needs a postgres user") }
            chown(directory, user.pointee.pw_uid, user.pointee.pw_gid)
            owner = ["runuser", "-u", "postgres", "--"]
        } else {
            owner = []
        }
        let data = directory + "/data"
        // Watched from the start: a test process that dies in initdb leaves nothing behind either.
        Self.watch(owner: owner, bin: bin, data: data, directory: directory)
        try Self.run(owner + ["\(bin)/initdb", "-D", data, "-U", "linli", "-A", "trust", "-E", "UTF8", "--locale=C", "-N"], in: directory)
        // fsync off and no full pages: a test server loses nothing it needs to a crash of the machine.
        let options = "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -F -c full_page_writes=off -c max_connections=300"
        try Self.run(owner + ["\(bin)/pg_ctl", "-D", data, "-l", directory + "/log", "-w", "-t", "120", "-o", options, "start"], in: directory)
    }

    /// The server's programs: `LINLI_PG_BIN`, or the newest /usr/lib/postgresql/N/bin.
    private static func binaries() throws -> String {
        if let bin = ProcessInfo.processInfo.environment["LINLI_PG_BIN"] { return bin }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        guard let newest = versions.compactMap(Int.init).max() else {
            throw LaunchError("no PostgreSQL server in \(root): run deploy/install-deps.sh")
        }
        return "\(root)/\(newest)/bin"
    }

    /// Starts a detached shell that waits for this process to end, then stops the
    /// server at once and removes its directory.
    private static func watch(owner: [String], bin: String, data: String, directory: String) {
        let stop = (owner + ["\(bin)/pg_ctl", "-D", data, "-m", "immediate", "stop"]).map { "'\($0)'" }.joined(separator: " ")
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop); rm -rf '\(directory)'"
        _ = try? spawn(["/bin/sh", "-c", script], output: "/dev/null")
    }

    /// Runs a program to its end; its output goes to a file in `directory`, shown if it fails.
    /// (posix_spawn and waitpid: Foundation's Process can miss a child's exit here.)
    private static func run(_ arguments: [String], in directory: String) throws {
        let log = directory + "/command.out"
        defer { unlink(log) }
        let pid = try spawn(["/usr/bin/env"] + arguments, output: log)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw LaunchError("\(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
    }

    /// Starts a program with stdin from /dev/null and stdout and stderr to `output`, and
    /// no other descriptor: the watchdog lives as long as the test process, and a pipe's
    /// end it inherited from a test running beside it (a `linli` child's output) would
    /// never close, and that test would wait for its end for ever.
    static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        linli_spawn_close_from(&actions, 3)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard code == 0 else { throw LaunchError("cannot start \(arguments[0]): \(String(cString: strerror(code)))") }
        return pid
    }

    struct LaunchError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// The stores a test can run on: `@Test(arguments: TestDatabase.allCases)`.
public enum TestDatabase: String, CaseIterable, Sendable {
    case sqlite
    case postgres

    /// A new, empty database of this kind: `:memory:`, or a fresh database on the test server.
    public func path() throws -> String {
        switch self {
        case .sqlite: ":memory:"
        case .postgres: try TestPostgres.database()
        }
    }
}
