import CLinliSys
import Foundation
import GRDB
import Synchronization

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
/// nearly all of it, this connection restarts it (RESTART: the writer waits while
/// the rest is copied and both files are synced, 10–120 ms on the test machine). The
/// limit sets how often that happens under full load: a 64 MiB log restarted every
/// second and was every HTTP request's p99; a 256 MiB one restarts every 3–4 s.
///
/// Every checkpoint starts by syncing the log. With a quarter of a second of
/// frames dirty (megabytes under load) that sync took 25–35 ms, and the writer's
/// appends to the page being written out waited behind it. So between passes, every
/// `writeback`, this thread starts the write-out of the log's dirty pages without
/// waiting for it (as PostgreSQL's `wal_writer_flush_after` does): the sync at the
/// next pass finds little left to write. It leaves out the page the writer appends
/// to next (`LogWriteOut`), since a page on its way to disk makes that append wait.
final class Checkpointer: Sendable {
    private let connection: DatabaseQueue
    private let stop = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    /// How many times the log's write-out was started.
    let writeOuts = Atomic(0)

    init(path: String, limit: Int, interval: Duration = .milliseconds(250), writeback: Duration = .milliseconds(25)) throws {
        var config = Configuration()
        config.label = "linli-checkpoint"
        config.busyMode = .timeout(5)
        connection = try DatabaseQueue(path: path, configuration: config)
        let wait = Double(writeback.components.seconds) + Double(writeback.components.attoseconds) / 1e18
        let passEvery = max(1, Int((interval / writeback).rounded()))
        let thread = Thread { [self] in
            let writeOut = LogWriteOut(database: path)
            defer { writeOut.closeFiles() }
            var ticks = 0
            while stop.wait(timeout: .now() + wait) == .timedOut {
                if writeOut.start() { writeOuts.add(1, ordering: .relaxed) }
                ticks += 1
                guard ticks % passEvery == 0, var log = pass(), log > limit else { continue }
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

/// Starts the write-out of the part of the log the writer is done with.
struct LogWriteOut {
    private let wal: Int32
    private let index: Int32

    init(database path: String) {
        wal = open(path + "-wal", O_RDONLY | O_CLOEXEC)
        index = open(path + "-shm", O_RDONLY | O_CLOEXEC)
    }

    /// Starts writing out the log's whole pages (of memory) before the one its last
    /// committed frame ends in; false when there was nothing to start.
    func start() -> Bool {
        let page = Int64(sysconf(Int32(_SC_PAGESIZE)))
        let settled = committedBytes() / page * page
        return settled > 0 && linli_start_writeback(wal, settled) == 0
    }

    /// Where the log's last committed frame ends: a 32-byte header, then frames of a
    /// page and a 24-byte header. Page size and frame count are read from the
    /// wal-index header (https://sqlite.org/walformat.html: bytes 14 and 16, in the
    /// machine's byte order). Only a hint: a torn read starts a write-out that is
    /// too short or too long, nothing else.
    func committedBytes() -> Int64 {
        guard wal >= 0, index >= 0 else { return 0 }
        var header = [UInt8](repeating: 0, count: 20)
        guard pread(index, &header, header.count, 0) == header.count else { return 0 }
        let (pageField, frames) = header.withUnsafeBytes {
            ($0.loadUnaligned(fromByteOffset: 14, as: UInt16.self), $0.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
        let pageSize = pageField == 1 ? 65_536 : Int64(pageField)
        return frames == 0 ? 0 : 32 + Int64(frames) * (pageSize + 24)
    }

    func closeFiles() {
        for fd in [wal, index] where fd >= 0 { close(fd) }
    }
}
