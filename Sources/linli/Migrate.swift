import ArgumentParser
import Foundation
import LinliStore

/// `linli migrate --from linli.sqlite --to postgres://…`: moves a community's
/// SQLite database into an empty PostgreSQL database.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy every table of a SQLite database into an empty PostgreSQL database, and check the counts.",
        discussion: "Stop the processes using the SQLite file first; the copy is one transaction: all of it, or nothing.")

    @Option(help: "The SQLite database file to copy.")
    var from: String

    @Option(help: "The PostgreSQL database to fill: postgres://user:password@host:port/database (created tables, no rows).")
    var to: String

    func run() throws {
        guard !Store.isPostgres(from), FileManager.default.fileExists(atPath: from) else {
            logger.error("no SQLite database at \(from)")
            throw ExitCode(3)
        }
        guard Store.isPostgres(to) else {
            logger.error("--to must be a postgres:// URL")
            throw ExitCode(2)
        }
        let source = try openStore(from)
        let target = try openStore(to)
        do {
            for (table, rows) in try source.copy(to: target) { print("\(table)\t\(rows)") }
        } catch {
            logger.error("migrate: \(error); nothing was copied")
            throw ExitCode(1)
        }
    }
}
