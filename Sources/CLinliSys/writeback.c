#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include "linli_sys.h"

int linli_spawn_close_from(posix_spawn_file_actions_t *actions, int fd) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, fd);
#else
    (void)actions;
    (void)fd;
    return ENOSYS;
#endif
}

int linli_start_writeback(int fd, int64_t length) {
#ifdef SYNC_FILE_RANGE_WRITE
    return sync_file_range(fd, 0, length, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd;
    (void)length;
    errno = ENOSYS;
    return -1;
#endif
}
