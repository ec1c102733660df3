import Foundation
import LinliCommands
import LinliCore
import LinliStore

/// The composition root's building blocks: load the community and the catalog,
/// open the store, make the engine.
public enum Linli {
    /// Something that stops Linli from starting, with what to fix.
    public struct StartupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads the community file and the command catalog. Touches no database.
    /// The community file at `path` and the built-in command catalog, with the files of
    /// `commands` (a folder), if given, adding words or replacing commands.
    public static func loadConfiguration(community path: String, commands directory: String?) throws -> (Community, Catalog, warnings: [String]) {
        let community = try CommunityFile.load(path: path)
        let catalog = try directory.map { d throws(YAMLFileError) in try Catalog.load(directory: d, over: .builtIn()) } ?? .builtIn()
        for spec in catalog.commands where !Command.knownIDs.contains(spec.id) {
            throw StartupError(
                description: "\(directory ?? "the built-in catalog"): command '\(spec.id)' is in the catalog but this build does not know it")
        }
        return (community, catalog, catalog.warnings)
    }

    /// The community as it now stands: the community file with the role changes
    /// kept in `store` applied, and how many there are.
    public static func standing(_ community: Community, in store: Store) throws -> (Community, changes: Int) {
        let changes = try store.read { try $0.roleChanges() }
        return (community.applying(changes), changes.count)
    }

    /// What the database holds that the community file has no place for: open work
    /// orders in a building the file no longer lists (their timers would go on while
    /// no page or count shows them). One line each, for the operator.
    public static func strandedOrders(_ community: Community, in store: Store) throws -> [String] {
        let known = Set(community.buildings.map(\.id))
        var first: [String: Int] = [:]
        var order: [String] = []
        for holder in try store.read({ try $0.openHolders() }) where !known.contains(holder.building) {
            if first[holder.building] == nil { order.append(holder.building) }
            first[holder.building] = min(first[holder.building] ?? .max, holder.first)
        }
        return order.map { b in
            "building \(b) has open work orders (R\(first[b]!) and maybe more) but is not in the community file: keep it there until they are closed"
        }
    }

    /// The wall clock, read only at the edge of the process.
    public static func wallClock() -> Instant {
        Instant(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
    }
}
