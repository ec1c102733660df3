import Foundation
import GRDB

/// Keeps the write-ahead log short without stopping the writer for long.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses a thousand
/// pages: it copies pages into the database file and syncs it, tens of
/// milliseconds in which no event is handled, and it was every HTTP request's
/// worst case. So the writer's connection never checkpoints on commit; this
/// second connection checkpoints what it can every `interval` on a thread of its
/// own (PASSIVE: it waits for nobody). A log that is wholly copied is started
/// afresh by the next commit; under sustained load that moment may not come, so
/// once the log is longer than `limit` frames, right after a pass has copied
/// nearly all of it, this connection restarts it (RESTART: the writer waits the
/// few milliseconds it takes to copy the rest and sync).
final class Checkpointer: Sendable {
    private let connection: DatabaseQueue
    private let stop = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    init(path: String, limit: Int, interval: Duration = .milliseconds(250)) throws {
        var config = Configuration()
        config.label = "linli-checkpoint"
        config.busyMode = .timeout(5)
        connection = try DatabaseQueue(path: path, configuration: config)
        let wait = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        let thread = Thread { [self] in
            while stop.wait(timeout: .now() + wait) == .timedOut {
                guard var log = pass(), log > limit else { continue }
                // Pass again while frames keep coming in: each pass copies what came in
                // during the one before, so what the restart copies (with the writer
                // waiting) is little.
                for _ in 0..<4 {
                    guard let next = pass() else { break }
                    let arrived = next - log
                    log = next
                    if arrived < 512 { break }
                }
                _ = try? connection.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(RESTART)") }
            }
            stopped.signal()
        }
        thread.start()
    }

    /// A passive checkpoint; the number of frames in the log.
    private func pass() -> Int? {
        // One row: busy, frames in the log, frames copied.
        let row = try? connection.writeWithoutTransaction { try Row.fetchOne($0, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
        return row.flatMap { $0[1] as Int? }
    }

    /// Stops the background pass (and waits for it).
    func finish() {
        stop.signal()
        stopped.wait()
    }
}
