// The "linli" SQLite VFS: the system's "unix" VFS, except that a write-ahead log's
// writes are gathered and made a transaction at a time (see linli_sys.h).
#include <sqlite3.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "linli_sys.h"

// A log's frame: a 24-byte header (page number, then the database's size in pages
// for the frame that commits a transaction, else 0; https://sqlite.org/walformat.html),
// then the page. Nothing else writes 24 bytes to a log.
// The unix VFS writes at most 128 KiB - 1 bytes a call (it masks the length to 17 bits).
enum { FRAME_HEADER = 24, LOG_HEADER = 32, GATHER_LIMIT = 512 * 1024, WRITE_LIMIT = 124 * 1024 };

typedef struct {
    sqlite3_file base;
    sqlite3_file *log;        // the unix VFS's file, right after this struct (`UNIX_FILE_AT`)
    unsigned char *gathered;  // writes not yet made, for the bytes from `at`
    int count, capacity;
    sqlite3_int64 at;
    int committing;           // the last write was a commit frame's header
} GatheredLog;

// Where the unix VFS's file starts, aligned for it.
#define UNIX_FILE_AT ((sizeof(GatheredLog) + 15) / 16 * 16)

static sqlite3_vfs *unixVFS;
static sqlite3_vfs linliVFS;
// Counted per thread: a connection's calls come on the thread that uses it.
static _Thread_local uint64_t writesAsked, writesMade;

static int writeOut(GatheredLog *g) {
    int rc = SQLITE_OK;
    for (int done = 0; done < g->count && rc == SQLITE_OK; done += WRITE_LIMIT) {
        int amount = g->count - done < WRITE_LIMIT ? g->count - done : WRITE_LIMIT;
        rc = g->log->pMethods->xWrite(g->log, g->gathered + done, amount, g->at + done);
        writesMade += 1;
    }
    g->count = 0;
    return rc;
}

static int logWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset) {
    GatheredLog *g = (GatheredLog *)file;
    writesAsked += 1;
    int rc = SQLITE_OK;
    if (g->count > 0 && offset != g->at + g->count && (rc = writeOut(g)) != SQLITE_OK) return rc;
    if (g->count + amount > g->capacity) {
        int capacity = g->count + amount > GATHER_LIMIT ? g->count + amount : GATHER_LIMIT;
        unsigned char *grown = realloc(g->gathered, capacity);
        if (grown == NULL) {
            if ((rc = writeOut(g)) != SQLITE_OK) return rc;
            writesMade += 1;
            return g->log->pMethods->xWrite(g->log, data, amount, offset);
        }
        g->gathered = grown;
        g->capacity = capacity;
    }
    if (g->count == 0) g->at = offset;
    memcpy(g->gathered + g->count, data, amount);
    g->count += amount;
    // The commit frame's page is the transaction's last write: made now, so that an
    // error fails the commit, and other connections find the frames the wal-index
    // will list. A commit that waits for no sync (synchronous = NORMAL) calls nothing else.
    int commitFrame = g->committing;
    const unsigned char *bytes = data;
    g->committing = amount == FRAME_HEADER && offset >= LOG_HEADER && (bytes[4] | bytes[5] | bytes[6] | bytes[7]) != 0;
    if (commitFrame || g->count >= GATHER_LIMIT) return writeOut(g);
    return SQLITE_OK;
}

// Everything else makes the gathered writes first, then does what the unix VFS does.
#define LOG(file) (((GatheredLog *)(file))->log)
#define WRITTEN_OUT(file)                                          \
    do {                                                           \
        int written = writeOut((GatheredLog *)(file));             \
        if (written != SQLITE_OK) return written;                  \
    } while (0)

static int logClose(sqlite3_file *file) {
    GatheredLog *g = (GatheredLog *)file;
    int written = writeOut(g);
    free(g->gathered);
    g->gathered = NULL;
    int rc = g->log->pMethods->xClose(g->log);
    return written != SQLITE_OK ? written : rc;
}
static int logRead(sqlite3_file *file, void *data, int amount, sqlite3_int64 offset) {
    WRITTEN_OUT(file);
    return LOG(file)->pMethods->xRead(LOG(file), data, amount, offset);
}
static int logTruncate(sqlite3_file *file, sqlite3_int64 size) {
    WRITTEN_OUT(file);
    return LOG(file)->pMethods->xTruncate(LOG(file), size);
}
static int logSync(sqlite3_file *file, int flags) {
    WRITTEN_OUT(file);
    return LOG(file)->pMethods->xSync(LOG(file), flags);
}
static int logFileSize(sqlite3_file *file, sqlite3_int64 *size) {
    WRITTEN_OUT(file);
    return LOG(file)->pMethods->xFileSize(LOG(file), size);
}
static int logLock(sqlite3_file *file, int lock) { return LOG(file)->pMethods->xLock(LOG(file), lock); }
static int logUnlock(sqlite3_file *file, int lock) { return LOG(file)->pMethods->xUnlock(LOG(file), lock); }
static int logCheckReservedLock(sqlite3_file *file, int *out) {
    return LOG(file)->pMethods->xCheckReservedLock(LOG(file), out);
}
static int logFileControl(sqlite3_file *file, int op, void *arg) {
    WRITTEN_OUT(file);
    return LOG(file)->pMethods->xFileControl(LOG(file), op, arg);
}
static int logSectorSize(sqlite3_file *file) { return LOG(file)->pMethods->xSectorSize(LOG(file)); }
static int logDeviceCharacteristics(sqlite3_file *file) {
    return LOG(file)->pMethods->xDeviceCharacteristics(LOG(file));
}

// Version 1: a log is never memory-mapped, and its shared memory is the database file's.
static const sqlite3_io_methods logMethods = {
    1, logClose, logRead, logWrite, logTruncate, logSync, logFileSize, logLock, logUnlock,
    logCheckReservedLock, logFileControl, logSectorSize, logDeviceCharacteristics,
};

static int linliOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *outFlags) {
    (void)vfs;
    if (!(flags & SQLITE_OPEN_WAL)) return unixVFS->xOpen(unixVFS, name, file, flags, outFlags);
    GatheredLog *g = (GatheredLog *)file;
    memset(g, 0, sizeof *g);
    g->log = (sqlite3_file *)((char *)g + UNIX_FILE_AT);
    int rc = unixVFS->xOpen(unixVFS, name, g->log, flags, outFlags);
    g->base.pMethods = rc == SQLITE_OK ? &logMethods : NULL;
    return rc;
}

static int installed = SQLITE_ERROR;

static void install(void) {
    unixVFS = sqlite3_vfs_find("unix");
    if (unixVFS == NULL) return;
    linliVFS = *unixVFS;
    linliVFS.zName = "linli";
    linliVFS.szOsFile = (int)UNIX_FILE_AT + unixVFS->szOsFile;
    linliVFS.xOpen = linliOpen;
    linliVFS.pNext = NULL;
    installed = sqlite3_vfs_register(&linliVFS, 1);
}

int linli_install_log_vfs(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install);
    return installed;
}

void linli_log_writes(uint64_t *asked, uint64_t *made) {
    *asked = writesAsked;
    *made = writesMade;
}
