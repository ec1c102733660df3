import ArgumentParser
import Foundation
import LinliBot
import LinliCommands
import LinliCore
import LinliStore

/// What `run` and `serve` check before their engine starts.
extension CommunityOptions {
    /// The engine on `store`, once the database is this process's to write and agrees with the community file.
    func makeEngine(_ community: Community, _ catalog: Catalog, _ store: Store) throws -> Engine {
        try lockForWriting()
        try refuseStrandedOrders(community, store)
        do {
            return try Engine(community: community, catalog: catalog, store: store, wallClock: Linli.wallClock)
        } catch {
            logger.error("cannot open the database \(redacted(database)): \(error)")
            throw ExitCode(3)
        }
    }

    /// Exits 2 when the database has open work orders in a building the file dropped.
    func refuseStrandedOrders(_ community: Community, _ store: Store) throws {
        let problems = try Linli.strandedOrders(community, in: store)
        guard !problems.isEmpty else { return }
        for p in problems { logger.error("\(self.community ?? Self.demo): \(p)") }
        throw ExitCode(2)
    }

    /// One engine at a time writes a SQLite file: a second `run` or `serve` on it would
    /// number records the first has numbered too. (Several share a PostgreSQL database.)
    /// The lock is held until the process exits; its descriptor is never closed, since
    /// closing one on the database file would drop SQLite's own locks.
    func lockForWriting() throws {
        guard !Store.isPostgres(database), database != ":memory:" else { return }
        let fd = open(database, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) != 0 else { return }
        logger.error(
            "another linli run or serve is using \(database): one process at a time writes a SQLite database (several can share PostgreSQL)")
        throw ExitCode(3)
    }
}

func openStore(_ path: String) throws -> Store {
    do {
        let store = try Store(path: path)
        if let warning = try store.sortingWarning() { logger.warning("\(warning)") }
        return store
    } catch {
        logger.error("cannot open the database \(redacted(path)): \(error)")
        throw ExitCode(3)
    }
}

/// A database URL with its password hidden, for logs.
func redacted(_ database: String) -> String {
    guard Store.isPostgres(database), let at = database.lastIndex(of: "@"), let scheme = database.range(of: "://"),
        let colon = database[scheme.upperBound..<at].firstIndex(of: ":")
    else { return database }
    return database[..<database.index(after: colon)] + "***" + database[at...]
}
