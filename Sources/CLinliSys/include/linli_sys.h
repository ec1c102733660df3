// System calls Swift's Glibc module does not show (they need _GNU_SOURCE).
// Only LinliStore imports this module.
#ifndef LINLI_SYS_H
#define LINLI_SYS_H

#include <stdint.h>

/// Starts writing the dirty pages among the file's first `length` bytes to disk and
/// returns without waiting for them (Linux: sync_file_range with
/// SYNC_FILE_RANGE_WRITE). Not a durability point: it only makes the next fsync of
/// the file short. 0, or -1 with errno.
int linli_start_writeback(int fd, int64_t length);

#endif
