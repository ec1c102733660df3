/* The replay benchmark's floor (bench/replay.py): the rows `linli run` writes for
 * the bench conversation, written straight from C with prepared statements.
 *
 *     floor DB EVENTS
 *
 * DB is a database linli made (its schema, empty: `linli run < /dev/null`); EVENTS
 * is the bench conversation (bench/replay.py), read only to count its lines and
 * to cut them into transactions the way linli's StdinRunner does: reads of 64 KiB,
 * and whatever the reader has ready, at most 3 reads (StdinRunner.depth), is one
 * transaction. linli's engine is slower than its reader, so that is 3 reads
 * (about 1,700 events) a transaction.
 *
 * The text of no event is parsed: event i is step i % 5 of order i / 5 + 1 (report,
 * status, accept, done, rate), as bench/replay.py writes them, and each step
 * writes the rows linli writes for it (seen with an LD_PRELOAD trace of
 * sqlite3_step), of about the same sizes. linli's reads (the duplicate check of
 * ids, `status`'s history) are left out: this is the durable work alone.
 *
 * Connection as linli's writer (Sources/LinliStore/Store.swift): WAL, each commit
 * synced (FULL here; linli commits with NORMAL and syncs the log itself, one sync too), temp_store MEMORY, no checkpoint in a commit (linli
 * checkpoints on another connection, beside the writer), foreign keys on.
 *
 * Prints: events, transactions. Built by bench/run.sh (cc -O2 -o .build/bench-floor bench/floor.c -lsqlite3).
 */
#include <fcntl.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { READ_SIZE = 65536, READS_PER_BATCH = 3, RESIDENTS = 2000, BUILDINGS = 20 };
static const long long BASE_MS = 1795827600000LL; /* the conversation's first ts */

/* Average length in bytes of the outbound events kept in `inbound.events` for each step, as
 * linli writes them for this conversation. */
static const int OUTBOUND_LENGTH[5] = {534, 263, 387, 549, 354};

static sqlite3 *db;

static void check(int rc, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "floor: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static void exec(const char *sql) { check(sqlite3_exec(db, sql, NULL, NULL, NULL), sql); }

static sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *s;
    check(sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL), sql);
    return s;
}

/* Binds the arguments (a format of 'i' 64-bit integer, 't' text, 'n' null) and
 * runs the statement once. */
static void run(sqlite3_stmt *s, const char *types, ...) {
    va_list ap;
    va_start(ap, types);
    for (int k = 0; types[k]; k++) {
        if (types[k] == 'i') check(sqlite3_bind_int64(s, k + 1, va_arg(ap, long long)), "bind");
        else if (types[k] == 't') check(sqlite3_bind_text(s, k + 1, va_arg(ap, const char *), -1, SQLITE_TRANSIENT), "bind");
        else if (types[k] == 'n') check(sqlite3_bind_null(s, k + 1), "bind");
        else check(SQLITE_MISUSE, types);
    }
    va_end(ap);
    check(sqlite3_step(s), sqlite3_sql(s));
    sqlite3_reset(s);
}

static sqlite3_stmt *insert_order, *accept_order, *resolve_order, *close_order, *insert_history, *insert_timer,
    *delete_timers, *upsert_resident, *insert_inbound, *upsert_counter, *upsert_meta;

static void prepare_all(void) {
    insert_order = prepare(
        "INSERT INTO work_orders(number, category, building, place, details, reporter, origin_group, state, assignee_kind, "
        "assignee, level, created_at, accepted_at, resolved_at, closed_at, result, rating, comment, last_urged_at, resolution, "
        "overdue_at, external_ref) VALUES (?, ?, ?, ?, ?, ?, ?, 'assigned', 'person', ?, 'captain', ?, NULL, NULL, NULL, NULL, "
        "NULL, NULL, NULL, NULL, NULL, NULL)");
    accept_order = prepare("UPDATE work_orders SET state = 'accepted', accepted_at = ? WHERE number = ?");
    resolve_order = prepare("UPDATE work_orders SET state = 'resolved', resolved_at = ?, result = ?, resolution = 'fixed' WHERE number = ?");
    close_order = prepare("UPDATE work_orders SET state = 'closed', closed_at = ?, rating = 5, comment = ? WHERE number = ?");
    insert_history = prepare("INSERT INTO history(work_order, seq, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)");
    insert_timer = prepare("INSERT INTO timers(due_at, kind, subject, payload) VALUES (?, ?, ?, ?)");
    delete_timers = prepare("DELETE FROM timers WHERE subject = ? AND instr(?, ',' || kind || ',') > 0");
    upsert_resident = prepare(
        "INSERT INTO residents(user, wrote_lang, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(user) DO UPDATE SET wrote_lang = excluded.wrote_lang, updated_at = excluded.updated_at");
    insert_inbound = prepare("INSERT INTO inbound(event_id, ok, code, text, refs, handled_at, events) VALUES (?, 1, NULL, '', ?, ?, ?)");
    upsert_counter = prepare("INSERT INTO counters(kind, last) VALUES ('R', ?) ON CONFLICT(kind) DO UPDATE SET last = excluded.last");
    upsert_meta = prepare("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
}

/* The domain rows of event i (its order's step i % 5), as linli writes them. */
static void write_event(long long i) {
    long long order = i / 5 + 1, at = BASE_MS + i * 1000, day = 86400000LL;
    long long r = order % RESIDENTS, b = r % BUILDINGS + 1;
    /* The conversation's reports by turns: 报修 漏水, report light, 反映 噪音. */
    static const char *category[3] = {"leak", "light", "noise"}, *words[3] = {"厨房天花板滴水", "corridor lamp out", "楼上装修"};
    int chinese = order % 3 != 1;
    char rid[24], reporter[24], captain[24], building[16], group[24], place[16], details[64];
    snprintf(rid, sizeof rid, "R%lld", order);
    snprintf(reporter, sizeof reporter, "u-r%lld", r);
    snprintf(captain, sizeof captain, "u-cap%lld", b);
    switch (i % 5) {
    case 0: /* report: the reporter's language changed (after last order's English `rate`) */
        if (chinese) run(upsert_resident, "tti", reporter, "zh", at);
        snprintf(building, sizeof building, "b%lld", b);
        snprintf(group, sizeof group, "bench-b%lld", b);
        snprintf(place, sizeof place, "%lld", 200 + r / BUILDINGS);
        snprintf(details, sizeof details, "%s %lld", words[order % 3], order);
        run(insert_order, "ittttttti", order, category[order % 3], building, place, details, reporter, group, captain, at);
        run(insert_history, "iiittt", order, 1LL, at, reporter, "report", details);
        run(insert_timer, "ittt", at + day, "accept", rid, "");
        break;
    case 1: /* status: writes only the language it was written in */
        if (chinese) run(upsert_resident, "tti", reporter, "en", at);
        break;
    case 2: /* accept */
        run(accept_order, "ii", at, order);
        run(insert_history, "iiittn", order, 2LL, at, captain, "accept");
        run(delete_timers, "tt", rid, ",accept,remind,overdue,");
        run(insert_timer, "ittt", at + 3 * day, "remind", rid, "50");
        break;
    case 3: /* done */
        run(resolve_order, "iti", at, "fixed", order);
        run(insert_history, "iiittt", order, 3LL, at, captain, "done", "fixed");
        run(delete_timers, "tt", rid, ",accept,remind,overdue,");
        run(insert_timer, "ittt", at + 7 * day, "feedback", rid, "");
        break;
    case 4: /* rate */
        run(close_order, "iti", at, "thanks", order);
        run(insert_history, "iiittt", order, 4LL, at, reporter, "rate", "5 thanks");
        run(delete_timers, "tt", rid, ",feedback,");
        break;
    }
}

/* One batch: each event's rows in order, then each one's `inbound` row (its id and
 * outbound events), the counter and the clock; one transaction, synced. */
static void write_batch(long long first, long long count) {
    static char outbound[1024];
    exec("BEGIN IMMEDIATE");
    for (long long i = first; i < first + count; i++) write_event(i);
    for (long long i = first; i < first + count; i++) {
        char id[24], refs[24];
        snprintf(id, sizeof id, "ev-%lld", i);
        snprintf(refs, sizeof refs, "R%lld", i / 5 + 1);
        int n = OUTBOUND_LENGTH[i % 5];
        memset(outbound, 'x', n);
        outbound[n] = 0;
        run(insert_inbound, "ttit", id, refs, BASE_MS + i * 1000, outbound);
    }
    long long last = first + count - 1;
    run(upsert_counter, "i", last / 5 + 1);
    run(upsert_meta, "ti", "clock", BASE_MS + last * 1000);
    run(upsert_meta, "ti", "out_seq", 2 * (last + 1));
    exec("COMMIT");
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor DB EVENTS\n");
        return 2;
    }
    int input = open(argv[2], O_RDONLY);
    if (input < 0) {
        perror(argv[2]);
        return 1;
    }
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) check(SQLITE_ERROR, argv[1]);
    sqlite3_busy_timeout(db, 5000);
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    exec("PRAGMA temp_store = MEMORY");
    exec("PRAGMA wal_autocheckpoint = 0");
    exec("PRAGMA foreign_keys = ON");
    prepare_all();

    static char buffer[READ_SIZE];
    long long done = 0, lines = 0, transactions = 0;
    for (int reads = 0;;) {
        ssize_t n = read(input, buffer, sizeof buffer);
        if (n < 0) {
            perror("read");
            return 1;
        }
        for (ssize_t k = 0; k < n; k++) lines += buffer[k] == '\n';
        if (n > 0 && ++reads < READS_PER_BATCH) continue;
        if (lines > done) {
            write_batch(done, lines - done);
            done = lines;
            transactions++;
        }
        reads = 0;
        if (n == 0) break;
    }
    printf("%lld events, %lld transactions\n", done, transactions);
    sqlite3_close_v2(db);
    return 0;
}
