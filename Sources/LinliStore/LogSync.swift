import Foundation
import Synchronization

/// Takes a SQLite file's write-ahead log to disk for commits that did not wait for it
/// (`Store.write(syncLater:)`): one `fdatasync` of the log for every commit made
/// before it began, however many came while the last one ran.
final class LogSync: Sendable {
    /// Commits made without a sync, counted after each returned.
    private let made = Atomic<Int>(0)
    /// The log's file, how many commits the last sync took to disk, and the error of a
    /// sync that failed: after it, what the log held may not be on disk whatever a later
    /// sync says, so every later sync fails too.
    private let state: Mutex<(file: Int32, synced: Int, failed: POSIXErrorCode?, syncs: Int)>

    /// Opens the log at `path` (SQLite made it when its connection first read the database).
    init(log path: String) throws {
        let file = open(path, O_RDWR | O_CLOEXEC)
        guard file >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        state = Mutex((file, 0, nil, 0))
    }

    /// Counts a commit that returned without a sync.
    func committed() { made.add(1, ordering: .releasing) }

    var commits: Int { made.load(ordering: .acquiring) }

    /// Syncs the log unless a sync that began after commit `through` has ended; without
    /// `through`, syncs it.
    func sync(through: Int?) throws {
        try state.withLock { s in
            if let failed = s.failed { throw POSIXError(failed) }
            if let through, s.synced >= through { return }
            // Every commit counted now wrote its frames before this sync begins.
            let target = made.load(ordering: .acquiring)
            while fdatasync(s.file) != 0 {
                guard errno == EINTR else {
                    s.failed = POSIXErrorCode(rawValue: errno) ?? .EIO
                    throw POSIXError(s.failed!)
                }
            }
            s.synced = max(s.synced, target)
            s.syncs += 1
        }
    }

    /// How many commits the last sync took to disk, and how many syncs were made (for tests).
    var synced: Int { state.withLock { $0.synced } }
    var syncsMade: Int { state.withLock { $0.syncs } }

    func close() {
        state.withLock { s in
            if s.file >= 0 { Glibc.close(s.file) }
            s.file = -1
        }
    }
}
