import Foundation
import Testing

@testable import LinliStore

/// `Store.write(syncLater:)`: commits that return before their log is on disk, taken
/// there by `syncLog`, one sync for every commit made before it began.
@Suite struct SyncLaterTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("linli-sync-\(UUID().uuidString).sqlite").path
    }

    @Test func oneSyncTakesEveryCommitMadeBeforeIt() throws {
        let path = temporaryPath()
        let store = try Store(path: path)
        let log = try #require(store.log)
        for i in 1...3 { try store.write(syncLater: true) { try $0.setMeta("k\(i)", Int64(i)) } }
        #expect(store.committedUnsynced == 3 && log.synced == 0)
        try store.syncLog(through: 1)
        try store.syncLog(through: 3)
        #expect(log.syncsMade == 1 && log.synced == 3, "the first sync took all three")
        try store.write(syncLater: true) { try $0.setMeta("k4", 4) }
        try store.syncLog(through: 3)
        #expect(log.syncsMade == 1, "commit 3 was on disk already")
        try store.syncLog(through: 4)
        #expect(log.syncsMade == 2 && log.synced == 4)
        try store.syncLog()
        #expect(log.syncsMade == 3, "without a commit, the log is synced whoever wrote it")
        // A synced write (the default) counts no commit left to sync.
        try store.write { try $0.setMeta("k5", 5) }
        #expect(store.committedUnsynced == 4)
        let other = try Store(path: path)
        #expect(try other.read { tx in try (1...5).map { try tx.meta("k\($0)") } } == [1, 2, 3, 4, 5])
    }

    @Test func aStoreInMemoryHasNoLogToSync() throws {
        let memory = try Store(path: ":memory:")
        try memory.write(syncLater: true) { try $0.setMeta("k", 1) }
        #expect(memory.log == nil && memory.committedUnsynced == 0)
        try memory.syncLog(through: 1)
        let file = try Store(path: temporaryPath())
        try file.syncLog()
        #expect(file.log?.syncsMade == 1, "the migrations wrote to the log")
    }
}
