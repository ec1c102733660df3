// libpq, and typed helpers for what Swift cannot reach (character macros, C callbacks).
// Only LinliPostgres and LinliStore's column reader import this module.
#ifndef LINLI_CPOSTGRES_SHIM_H
#define LINLI_CPOSTGRES_SHIM_H

#include <libpq-fe.h>

/// The five-character SQLSTATE of a failed result, or NULL.
static inline const char *linli_pq_sqlstate(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_SQLSTATE);
}

/// The server's primary message of a failed result, or NULL.
static inline const char *linli_pq_primary_message(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
}

static inline void linli_pq_ignore_notice(void *context, const char *message) {
    (void)context;
    (void)message;
}

/// Drops the server's notices (such as "relation already exists, skipping"), which
/// libpq would otherwise print on stderr.
static inline void linli_pq_silence_notices(PGconn *connection) {
    PQsetNoticeProcessor(connection, linli_pq_ignore_notice, NULL);
}

#endif
