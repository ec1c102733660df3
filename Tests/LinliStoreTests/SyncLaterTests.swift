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
        #expect(log.syncsMade == 1, "the migrations were synced")
        for i in 1...3 { try store.write(syncLater: true) { try $0.setMeta("k\(i)", Int64(i)) } }
        #expect(store.syncLaterCommits == 3 && log.synced == 0)
        try store.syncLog(through: 1)
        try store.syncLog(through: 3)
        #expect(log.syncsMade == 2 && log.synced == 3, "one sync took all three")
        try store.write(syncLater: true) { try $0.setMeta("k4", 4) }
        try store.syncLog(through: 3)
        #expect(log.syncsMade == 2, "commit 3 was on disk already")
        try store.syncLog(through: 4)
        #expect(log.syncsMade == 3 && log.synced == 4)
        try store.syncLog()
        #expect(log.syncsMade == 4, "without a commit, the log is synced whoever wrote it")
        // A write without syncLater is synced before it returns, and counts no commit to sync later.
        try store.write { try $0.setMeta("k5", 5) }
        #expect(store.syncLaterCommits == 4 && log.syncsMade == 5)
        let other = try Store(path: path)
        #expect(try other.read { tx in try (1...5).map { try tx.meta("k\($0)") } } == [1, 2, 3, 4, 5])
    }

    @Test func aStoreInMemoryHasNoLogToSync() throws {
        let memory = try Store(path: ":memory:")
        try memory.write(syncLater: true) { try $0.setMeta("k", 1) }
        #expect(memory.log == nil && memory.syncLaterCommits == 0)
        try memory.syncLog(through: 1)
        #expect(try Store(path: temporaryPath()).log != nil, "a file's has one")
    }
}
