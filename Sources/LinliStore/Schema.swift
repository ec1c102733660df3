import GRDB

/// Append-only migrations. Never edit one that has landed: add the next.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-foundation") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE counters (
                        kind TEXT PRIMARY KEY NOT NULL CHECK (kind IN ('R','B','S','E','W','P')),
                        last INTEGER NOT NULL CHECK (last > 0)
                    ) STRICT;
                    CREATE TABLE inbound (
                        event_id TEXT PRIMARY KEY NOT NULL,
                        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
                        code TEXT,
                        text TEXT NOT NULL,
                        refs TEXT NOT NULL,
                        handled_at INTEGER NOT NULL
                    ) STRICT, WITHOUT ROWID;
                    CREATE TABLE residents (
                        user TEXT PRIMARY KEY NOT NULL,
                        home TEXT,
                        name TEXT,
                        lang TEXT CHECK (lang IN ('zh', 'en')),
                        updated_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE work_orders (
                        number INTEGER PRIMARY KEY NOT NULL,
                        category TEXT NOT NULL,
                        building TEXT NOT NULL,
                        place TEXT,
                        details TEXT NOT NULL,
                        reporter TEXT NOT NULL,
                        origin_group TEXT,
                        state TEXT NOT NULL CHECK (state IN ('submitted','assigned','accepted','in_progress','resolved','closed','reopened','cancelled','duplicate')),
                        assignee_kind TEXT CHECK (assignee_kind IN ('person', 'department')),
                        assignee TEXT,
                        level TEXT NOT NULL CHECK (level IN ('captain','grid','staff','department')),
                        created_at INTEGER NOT NULL,
                        accepted_at INTEGER,
                        resolved_at INTEGER,
                        closed_at INTEGER,
                        result TEXT,
                        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
                        comment TEXT,
                        last_urged_at INTEGER,
                        CHECK ((assignee IS NULL) = (assignee_kind IS NULL))
                    ) STRICT;
                    CREATE INDEX work_orders_reporter ON work_orders(reporter);
                    CREATE INDEX work_orders_assignee ON work_orders(assignee);
                    CREATE INDEX work_orders_building ON work_orders(building);
                    CREATE TABLE history (
                        work_order INTEGER NOT NULL REFERENCES work_orders(number),
                        seq INTEGER NOT NULL,
                        at INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        detail TEXT,
                        PRIMARY KEY (work_order, seq)
                    ) STRICT, WITHOUT ROWID;
                    CREATE TABLE prompts (
                        chat TEXT NOT NULL,
                        user TEXT NOT NULL,
                        command TEXT NOT NULL,
                        so_far TEXT NOT NULL,
                        lang TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
                        expires_at INTEGER NOT NULL,
                        PRIMARY KEY (chat, user)
                    ) STRICT, WITHOUT ROWID;
                    """)
        }
        m.registerMigration("v2-clocks") { db in
            try db.execute(
                sql: """
                    ALTER TABLE work_orders ADD COLUMN resolution TEXT CHECK (resolution IN ('fixed', 'unable', 'referred'));
                    ALTER TABLE work_orders ADD COLUMN overdue_at INTEGER;
                    ALTER TABLE work_orders ADD COLUMN external_ref TEXT;
                    CREATE INDEX work_orders_created ON work_orders(created_at);
                    CREATE TABLE timers (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        due_at INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        payload TEXT NOT NULL DEFAULT ''
                    ) STRICT;
                    CREATE INDEX timers_due ON timers(due_at, id);
                    CREATE INDEX timers_subject ON timers(subject);
                    """)
        }
        m.registerMigration("v3-outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE outbox (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        event_id TEXT NOT NULL,
                        webhook TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        text TEXT NOT NULL,
                        refs TEXT NOT NULL,
                        event TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        due_at INTEGER NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                        status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'delivered', 'dead')),
                        last_error TEXT,
                        delivered_at INTEGER,
                        digest_id TEXT
                    ) STRICT;
                    CREATE INDEX outbox_due ON outbox(status, due_at);
                    CREATE TABLE delivery_attempts (
                        outbox_id INTEGER NOT NULL REFERENCES outbox(id),
                        at INTEGER NOT NULL,
                        http_status INTEGER,
                        error TEXT,
                        verdict TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX delivery_attempts_outbox ON delivery_attempts(outbox_id);
                    CREATE TABLE endpoints (
                        webhook TEXT PRIMARY KEY NOT NULL,
                        disabled_configuration TEXT NOT NULL,
                        disabled_at INTEGER NOT NULL,
                        reason TEXT NOT NULL
                    ) STRICT;
                    """)
        }
        m.registerMigration("v4-bookings") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bookings (
                        number INTEGER PRIMARY KEY NOT NULL,
                        venue TEXT NOT NULL,
                        day INTEGER NOT NULL,
                        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
                        end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
                        booker TEXT NOT NULL,
                        household TEXT NOT NULL,
                        purpose TEXT,
                        state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'declined', 'cancelled')),
                        created_at INTEGER NOT NULL,
                        CHECK (start_minute < end_minute)
                    ) STRICT;
                    CREATE INDEX bookings_venue_day ON bookings(venue, day);
                    CREATE INDEX bookings_booker ON bookings(booker, day);
                    CREATE INDEX bookings_household ON bookings(household, day);
                    """)
        }
        m.registerMigration("v5-community-services") { db in
            try db.execute(
                sql: """
                    CREATE TABLE service_requests (
                        number INTEGER PRIMARY KEY NOT NULL,
                        service TEXT NOT NULL,
                        requester TEXT NOT NULL,
                        household TEXT NOT NULL,
                        details TEXT,
                        is_loan INTEGER NOT NULL CHECK (is_loan IN (0, 1)),
                        state TEXT NOT NULL CHECK (state IN ('open', 'returned', 'done', 'cancelled')),
                        created_at INTEGER NOT NULL,
                        due_at INTEGER,
                        reminders INTEGER NOT NULL DEFAULT 0
                    ) STRICT;
                    CREATE INDEX service_requests_open ON service_requests(service, state);
                    CREATE INDEX service_requests_requester ON service_requests(requester, state);
                    CREATE TABLE events (
                        number INTEGER PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        day INTEGER NOT NULL,
                        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
                        capacity INTEGER CHECK (capacity > 0),
                        creator TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE event_participants (
                        event INTEGER NOT NULL REFERENCES events(number),
                        user TEXT NOT NULL,
                        joined_at INTEGER NOT NULL,
                        PRIMARY KEY (event, user)
                    ) STRICT, WITHOUT ROWID;
                    CREATE TABLE wishes (
                        number INTEGER PRIMARY KEY NOT NULL,
                        text TEXT NOT NULL,
                        wisher TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'fulfilled', 'confirmed')),
                        claimer TEXT,
                        claimed_at INTEGER,
                        fulfilled_at INTEGER,
                        created_at INTEGER NOT NULL,
                        CHECK ((state = 'open') = (claimer IS NULL))
                    ) STRICT;
                    CREATE TABLE proposals (
                        number INTEGER PRIMARY KEY NOT NULL,
                        text TEXT NOT NULL,
                        proposer TEXT NOT NULL,
                        household TEXT NOT NULL,
                        answer TEXT,
                        created_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE proposal_support (
                        proposal INTEGER NOT NULL REFERENCES proposals(number),
                        household TEXT NOT NULL,
                        user TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        PRIMARY KEY (proposal, household)
                    ) STRICT, WITHOUT ROWID;
                    CREATE TABLE points_ledger (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        person TEXT NOT NULL,
                        item TEXT NOT NULL,
                        points INTEGER NOT NULL,
                        note TEXT,
                        actor TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        ref TEXT
                    ) STRICT;
                    CREATE INDEX points_ledger_person ON points_ledger(person);
                    """)
        }
        m.registerMigration("v6-checks-without-lists") { db in
            // A CHECK written `x IN ('a', 'b', 'c', …)` makes SQLite build a temporary
            // b-tree on every write of the column; the same rule written as comparisons
            // costs next to nothing. The two tables written on every event are rebuilt
            // (foreign keys are checked after the migration, not during it).
            try db.execute(
                sql: """
                    CREATE TABLE work_orders_v6 (
                        number INTEGER PRIMARY KEY NOT NULL,
                        category TEXT NOT NULL,
                        building TEXT NOT NULL,
                        place TEXT,
                        details TEXT NOT NULL,
                        reporter TEXT NOT NULL,
                        origin_group TEXT,
                        state TEXT NOT NULL CHECK (\(oneOf("state", ["submitted", "assigned", "accepted", "in_progress", "resolved", "closed", "reopened", "cancelled", "duplicate"]))),
                        assignee_kind TEXT CHECK (\(oneOf("assignee_kind", ["person", "department"]))),
                        assignee TEXT,
                        level TEXT NOT NULL CHECK (\(oneOf("level", ["captain", "grid", "staff", "department"]))),
                        created_at INTEGER NOT NULL,
                        accepted_at INTEGER,
                        resolved_at INTEGER,
                        closed_at INTEGER,
                        result TEXT,
                        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
                        comment TEXT,
                        last_urged_at INTEGER,
                        resolution TEXT CHECK (\(oneOf("resolution", ["fixed", "unable", "referred"]))),
                        overdue_at INTEGER,
                        external_ref TEXT,
                        CHECK ((assignee IS NULL) = (assignee_kind IS NULL))
                    ) STRICT;
                    INSERT INTO work_orders_v6 SELECT
                        number, category, building, place, details, reporter, origin_group, state, assignee_kind, assignee, level,
                        created_at, accepted_at, resolved_at, closed_at, result, rating, comment, last_urged_at, resolution, overdue_at, external_ref
                    FROM work_orders;
                    DROP TABLE work_orders;
                    ALTER TABLE work_orders_v6 RENAME TO work_orders;
                    CREATE INDEX work_orders_reporter ON work_orders(reporter);
                    CREATE INDEX work_orders_assignee ON work_orders(assignee);
                    CREATE INDEX work_orders_building ON work_orders(building);
                    CREATE INDEX work_orders_created ON work_orders(created_at);

                    CREATE TABLE outbox_v6 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        event_id TEXT NOT NULL,
                        webhook TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        text TEXT NOT NULL,
                        refs TEXT NOT NULL,
                        event TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        due_at INTEGER NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                        status TEXT NOT NULL DEFAULT 'queued' CHECK (\(oneOf("status", ["queued", "delivered", "dead"]))),
                        last_error TEXT,
                        delivered_at INTEGER,
                        digest_id TEXT
                    ) STRICT;
                    INSERT INTO outbox_v6 SELECT
                        id, event_id, webhook, recipient, reason, text, refs, event, created_at, due_at, attempts, status, last_error, delivered_at, digest_id
                    FROM outbox;
                    INSERT INTO sqlite_sequence(name, seq) SELECT 'outbox_v6', seq FROM sqlite_sequence WHERE name = 'outbox'
                        AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox_v6');
                    UPDATE sqlite_sequence SET seq = max(seq, (SELECT seq FROM sqlite_sequence WHERE name = 'outbox')) WHERE name = 'outbox_v6';
                    DROP TABLE outbox;
                    ALTER TABLE outbox_v6 RENAME TO outbox;
                    CREATE INDEX outbox_due ON outbox(status, due_at);
                    """)
        }
        m.registerMigration("v7-timers-without-autoincrement") { db in
            // AUTOINCREMENT reads and writes sqlite_sequence on every insert (about
            // 4 µs, on a table written on most events). Plain rowids still grow: a
            // new timer's id is above every timer that is waiting, which keeps ties
            // in due order in the order they were set.
            try db.execute(
                sql: """
                    CREATE TABLE timers_v7 (
                        id INTEGER PRIMARY KEY,
                        due_at INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        payload TEXT NOT NULL DEFAULT ''
                    ) STRICT;
                    INSERT INTO timers_v7 SELECT id, due_at, kind, subject, payload FROM timers;
                    DROP TABLE timers;
                    ALTER TABLE timers_v7 RENAME TO timers;
                    CREATE INDEX timers_due ON timers(due_at, id);
                    CREATE INDEX timers_subject ON timers(subject);
                    """)
        }
        m.registerMigration("v8-counters-for-any-record-letter") { db in
            // New families bring new record letters (A alerts, V visits…): any one
            // capital letter may be counted, not only the six of v1.
            try db.execute(
                sql: """
                    CREATE TABLE counters_v8 (
                        kind TEXT PRIMARY KEY NOT NULL CHECK (length(kind) = 1 AND kind BETWEEN 'A' AND 'Z'),
                        last INTEGER NOT NULL CHECK (last > 0)
                    ) STRICT;
                    INSERT INTO counters_v8 SELECT kind, last FROM counters;
                    DROP TABLE counters;
                    ALTER TABLE counters_v8 RENAME TO counters;
                    """)
        }
        m.registerMigration("v9-residents-wrote-lang") { db in
            // The language a person last wrote to the bot in: pushes follow it when
            // they chose none (PROTOCOL.md §2.3).
            try db.execute(sql: "ALTER TABLE residents ADD COLUMN wrote_lang TEXT CHECK (wrote_lang = 'zh' OR wrote_lang = 'en')")
        }
        m.registerMigration("v10-inbound-events") { db in
            // What an event caused, kept with its outcome: a repeat of its id gets the
            // same outbound events, with their ids (PROTOCOL.md §4, at least once to the bridge).
            try db.execute(sql: "ALTER TABLE inbound ADD COLUMN events TEXT")
        }
        m.registerMigration("v11-outbox-by-webhook") { db in
            // Delivery goes endpoint by endpoint (a hanging one never holds up another):
            // each endpoint's due pushes are read from here.
            try db.execute(sql: "CREATE INDEX outbox_queued ON outbox(webhook, due_at) WHERE status = 'queued'")
        }
        m.registerMigration("v12-dead-letters-told") { db in
            // Whether the office's daily note has told of a dead letter or a disabled endpoint yet.
            try db.execute(
                sql: """
                    ALTER TABLE outbox ADD COLUMN told INTEGER NOT NULL DEFAULT 0 CHECK (told = 0 OR told = 1);
                    ALTER TABLE endpoints ADD COLUMN told INTEGER NOT NULL DEFAULT 0 CHECK (told = 0 OR told = 1);
                    CREATE INDEX outbox_untold ON outbox(id) WHERE status = 'dead' AND told = 0;
                    """)
        }
        m.registerMigration("v13-inbound-in-arrival-order") { db in
            // Rows in arrival order (a rowid table), found by a small index on the id: a
            // commit appends its events' outcomes at the end of the table instead of
            // rewriting pages all over a tree ordered by id, which grew with each event's
            // kept outbound events.
            try db.execute(
                sql: """
                    CREATE TABLE inbound_v13 (
                        event_id TEXT NOT NULL,
                        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
                        code TEXT,
                        text TEXT NOT NULL,
                        refs TEXT NOT NULL,
                        handled_at INTEGER NOT NULL,
                        events TEXT
                    ) STRICT;
                    INSERT INTO inbound_v13(event_id, ok, code, text, refs, handled_at, events)
                        SELECT event_id, ok, code, text, refs, handled_at, events FROM inbound ORDER BY handled_at;
                    DROP TABLE inbound;
                    ALTER TABLE inbound_v13 RENAME TO inbound;
                    CREATE UNIQUE INDEX inbound_event ON inbound(event_id);
                    """)
        }
        registerFamilyMigrations(&m)
        return m
    }

    /// `column = 'a' OR column = 'b' …`: a CHECK that SQLite evaluates without a temporary table.
    static func oneOf(_ column: String, _ values: [String]) -> String {
        values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")
    }
}
