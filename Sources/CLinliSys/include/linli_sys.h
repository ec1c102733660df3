// System calls Swift's Glibc module does not show (they need _GNU_SOURCE), and
// SQLite's "linli" VFS. LinliStore imports this module, LinliTesting for spawning, and
// the `linli` command for catching SIGTERM.
#ifndef LINLI_SYS_H
#define LINLI_SYS_H

#include <spawn.h>
#include <stdint.h>

/// Catches `sig` with a handler that only notes it (async-signal-safe), in whichever
/// thread the kernel hands it to: a dispatch signal source reads it through a signalfd,
/// which misses a signal delivered to a thread that does not block it. 0, or -1 with errno.
int linli_catch_stop(int sig);

/// Whether a signal `linli_catch_stop` catches has come.
int linli_stop_requested(void);

/// Adds to `actions` the closing of every descriptor from `fd` up in the child
/// (glibc 2.34's posix_spawn_file_actions_addclosefrom_np). 0, or an error number
/// (ENOSYS where the C library has no such action).
int linli_spawn_close_from(posix_spawn_file_actions_t *actions, int fd);

/// Starts writing the dirty pages among the file's first `length` bytes to disk and
/// returns without waiting for them (Linux: sync_file_range with
/// SYNC_FILE_RANGE_WRITE). Not a durability point: it only makes the next fsync of
/// the file short. 0, or -1 with errno.
int linli_start_writeback(int fd, int64_t length);

/// Makes the "linli" VFS SQLite's default (once; later calls return the first
/// result): the system's "unix" VFS, except that a write-ahead log's writes are
/// gathered. SQLite writes a frame as two writes (its header, then its page), so a
/// transaction of 35 pages was 70 system calls; gathered, it is 2. What is gathered
/// is written when the commit frame is, in writes of up to 124 KiB (the most the
/// unix VFS takes at once), and before anything else is done with the log (reading,
/// syncing, truncating, its size, closing) or when 512 KiB are gathered. A commit
/// still returns only after its writes are made (and synced, as `synchronous`
/// says), and other connections find in the log every frame the wal-index lists.
/// SQLITE_OK, or SQLite's error.
int linli_install_log_vfs(void);

/// Writes to logs asked by SQLite and made by the "linli" VFS on the calling thread
/// since it began (for tests: a connection used on one thread is counted alone).
void linli_log_writes(uint64_t *asked, uint64_t *made);

#endif
