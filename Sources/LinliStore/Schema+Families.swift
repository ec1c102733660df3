import GRDB

extension Schema {
    /// The migrations of the families that came after the kernel's (v14 on), in order;
    /// the same rule holds: never edit one that has landed, append the next.
    static func registerFamilyMigrations(_ m: inout DatabaseMigrator) {
        m.registerMigration("v14-households") { db in
            // Visits (V<n>); pairs made or ended in chat over the community file's
            // (`active` 0: a file pair ended); when each member was last reminded.
            try db.execute(
                sql: """
                    CREATE TABLE visits (
                        number INTEGER PRIMARY KEY NOT NULL,
                        household TEXT NOT NULL,
                        visitor TEXT NOT NULL,
                        notes TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        report INTEGER
                    ) STRICT;
                    CREATE INDEX visits_household ON visits(household, at);
                    CREATE TABLE pairs (
                        member TEXT NOT NULL,
                        household TEXT NOT NULL,
                        active INTEGER NOT NULL CHECK (active IN (0, 1)),
                        by TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        PRIMARY KEY (member, household)
                    ) STRICT, WITHOUT ROWID;
                    CREATE TABLE visit_reminders (
                        member TEXT PRIMARY KEY NOT NULL,
                        at INTEGER NOT NULL
                    ) STRICT, WITHOUT ROWID;
                    """)
        }
        m.registerMigration("v15-role-changes") { db in
            // Roles given and taken back in chat, in order: applied over the community file at every start.
            try db.execute(
                sql: """
                    CREATE TABLE role_changes (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        person TEXT NOT NULL,
                        name TEXT,
                        role TEXT NOT NULL CHECK (\(oneOf("role", ["captain", "grid_leader", "volunteer", "party_member", "mediator"]))),
                        scope TEXT,
                        granted INTEGER NOT NULL CHECK (granted = 0 OR granted = 1),
                        actor TEXT NOT NULL,
                        at INTEGER NOT NULL
                    ) STRICT;
                    """)
        }
        m.registerMigration("v16-registrations-approved") { db in
            // A registration waiting for the captain; every change to who a person is.
            try db.execute(
                sql: """
                    ALTER TABLE residents ADD COLUMN pending_home TEXT;
                    CREATE TABLE people_history (
                        user TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        detail TEXT
                    ) STRICT;
                    CREATE INDEX people_history_user ON people_history(user);
                    """)
        }
        m.registerMigration("v17-alerts") { db in
            // Emergency broadcasts and drills (A<n>): the buildings they reached, and who
            // was asked to acknowledge and when they did.
            try db.execute(
                sql: """
                    CREATE TABLE alerts (
                        number INTEGER PRIMARY KEY NOT NULL,
                        text TEXT NOT NULL,
                        sender TEXT NOT NULL,
                        drill INTEGER NOT NULL CHECK (drill = 0 OR drill = 1),
                        buildings TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        completed_at INTEGER,
                        reminders INTEGER NOT NULL DEFAULT 0
                    ) STRICT;
                    CREATE TABLE alert_receipts (
                        alert INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        person TEXT NOT NULL,
                        acked_at INTEGER,
                        PRIMARY KEY (alert, person)
                    ) STRICT, WITHOUT ROWID;
                    """)
        }
        m.registerMigration("v18-followers") { db in
            // Households following a report they did not file: a duplicate merged into it (via), or 我也是.
            try db.execute(
                sql: """
                    CREATE TABLE followers (
                        work_order INTEGER NOT NULL,
                        user TEXT NOT NULL,
                        household TEXT,
                        via INTEGER,
                        at INTEGER NOT NULL,
                        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
                        comment TEXT,
                        PRIMARY KEY (work_order, user)
                    ) STRICT;
                    """)
        }
        m.registerMigration("v18-service-requests-handled") { db in
            // A request is taken and done (state `accepted`), and goes up when nobody takes it.
            try db.execute(
                sql: """
                    CREATE TABLE service_requests_new (
                        number INTEGER PRIMARY KEY NOT NULL,
                        service TEXT NOT NULL,
                        requester TEXT NOT NULL,
                        household TEXT NOT NULL,
                        details TEXT,
                        is_loan INTEGER NOT NULL CHECK (is_loan IN (0, 1)),
                        state TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'returned', 'done', 'cancelled')),
                        created_at INTEGER NOT NULL,
                        due_at INTEGER,
                        reminders INTEGER NOT NULL DEFAULT 0,
                        handler TEXT,
                        level TEXT CHECK (level IN ('captain', 'grid', 'staff', 'department')),
                        accepted_by TEXT,
                        accepted_at INTEGER,
                        closed_at INTEGER,
                        result TEXT
                    ) STRICT;
                    INSERT INTO service_requests_new(number, service, requester, household, details, is_loan, state, created_at, due_at, reminders)
                        SELECT number, service, requester, household, details, is_loan, state, created_at, due_at, reminders FROM service_requests;
                    DROP TABLE service_requests;
                    ALTER TABLE service_requests_new RENAME TO service_requests;
                    CREATE INDEX service_requests_open ON service_requests(service, state);
                    CREATE INDEX service_requests_requester ON service_requests(requester, state);
                    """)
        }
        m.registerMigration("v19-disputes") { db in
            // The five-step method after a dispute's intake, keyed by its work order's
            // number; a mediation meeting is a private booking (its purpose reads 调解).
            try db.execute(
                sql: """
                    CREATE TABLE disputes (
                        number INTEGER PRIMARY KEY NOT NULL,
                        mediator TEXT NOT NULL,
                        complainant TEXT NOT NULL,
                        respondent TEXT NOT NULL,
                        respondent_home TEXT,
                        booking INTEGER NOT NULL,
                        venue TEXT NOT NULL,
                        day INTEGER NOT NULL,
                        start_minute INTEGER NOT NULL,
                        end_minute INTEGER NOT NULL,
                        invited_at INTEGER NOT NULL,
                        terms TEXT,
                        agreed_at INTEGER,
                        settled_at INTEGER,
                        publicised_at INTEGER,
                        complainant_attending_at INTEGER,
                        complainant_confirmed_at INTEGER,
                        complainant_consented_at INTEGER,
                        respondent_attending_at INTEGER,
                        respondent_confirmed_at INTEGER,
                        respondent_consented_at INTEGER,
                        respondent_rating INTEGER CHECK (respondent_rating BETWEEN 1 AND 5)
                    ) STRICT;
                    ALTER TABLE bookings ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));
                    """)
        }
        m.registerMigration("v20-platform-replies") { db in
            // A platform's reply is queued by the callback once per outbound id: a
            // retried callback (also after a restart) finds it there and adds nothing.
            try db.execute(sql: "CREATE UNIQUE INDEX outbox_platform_reply ON outbox(webhook, event_id) WHERE webhook LIKE 'platform:%'")
        }
        m.registerMigration("v21-dashboard") { db in
            // The staff pages' one-time sign-in links and sessions, kept as hashes:
            // a copy of the database signs nobody in, and a restart signs nobody out.
            try db.execute(
                sql: """
                    CREATE TABLE dashboard_tokens (
                        hash TEXT PRIMARY KEY NOT NULL,
                        user TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        used_at INTEGER
                    ) STRICT;
                    CREATE TABLE dashboard_sessions (
                        hash TEXT PRIMARY KEY NOT NULL,
                        user TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX work_orders_resolved ON work_orders(resolved_at);
                    CREATE INDEX work_orders_overdue_open ON work_orders(overdue_at)
                        WHERE overdue_at IS NOT NULL AND state IN ('submitted','assigned','accepted','in_progress','reopened');
                    """)
        }
        m.registerMigration("v22-loan-quantities") { db in
            // A loan of several items (`借两把伞`): how many were lent, how many have come back.
            try db.execute(
                sql: """
                    ALTER TABLE service_requests ADD COLUMN quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1);
                    ALTER TABLE service_requests ADD COLUMN returned INTEGER NOT NULL DEFAULT 0 CHECK (returned >= 0 AND returned <= quantity);
                    """)
        }
        m.registerMigration("v23-work-orders-by-day-and-building") { db in
            // The staff pages' 30-day chart reads when reports were made and resolved, and
            // in which building, from these indexes alone. They serve whatever the
            // single-column ones did; building is not their first column, so lookups by
            // building keep the index on building (in number order).
            try db.execute(
                sql: """
                    CREATE INDEX work_orders_created_building ON work_orders(created_at, building);
                    CREATE INDEX work_orders_resolved_building ON work_orders(resolved_at, building);
                    DROP INDEX work_orders_created;
                    DROP INDEX work_orders_resolved;
                    """)
        }
        m.registerMigration("v24-resolved-orders-only") { db in
            try db.execute(sql: Schema.resolvedOrdersOnly)
        }
        m.registerMigration("v25-bookings-lapse") { db in
            // A booking still waiting for approval when its time comes lapses
            // (`lapsed`); SQLite changes a CHECK only by copying the table.
            try db.execute(
                sql: """
                    CREATE TABLE bookings_v25 (
                        number INTEGER PRIMARY KEY NOT NULL,
                        venue TEXT NOT NULL,
                        day INTEGER NOT NULL,
                        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
                        end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
                        booker TEXT NOT NULL,
                        household TEXT NOT NULL,
                        purpose TEXT,
                        state TEXT NOT NULL CHECK (\(oneOf("state", Schema.bookingStates))),
                        created_at INTEGER NOT NULL,
                        private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
                        CHECK (start_minute < end_minute)
                    ) STRICT;
                    INSERT INTO bookings_v25 SELECT number, venue, day, start_minute, end_minute, booker, household, purpose, state, created_at, private
                        FROM bookings;
                    DROP TABLE bookings;
                    ALTER TABLE bookings_v25 RENAME TO bookings;
                    CREATE INDEX bookings_venue_day ON bookings(venue, day);
                    CREATE INDEX bookings_booker ON bookings(booker, day);
                    CREATE INDEX bookings_household ON bookings(household, day);
                    """)
        }
        m.registerMigration("v26-platform-signatures") { db in
            try db.execute(sql: Schema.platformSignatures)
        }
        m.registerMigration("v27-first-acceptance") { db in
            try db.execute(sql: Schema.firstAcceptance("INTEGER"))
        }
        m.registerMigration("v28-wishes-withdrawn") { db in
            // The wisher withdraws a wish (`cancelled`, a claimer kept or none); SQLite
            // changes a CHECK only by copying the table.
            try db.execute(
                sql: """
                    CREATE TABLE wishes_v28 (
                        number INTEGER PRIMARY KEY NOT NULL,
                        text TEXT NOT NULL,
                        wisher TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (\(oneOf("state", Schema.wishStates))),
                        claimer TEXT,
                        claimed_at INTEGER,
                        fulfilled_at INTEGER,
                        created_at INTEGER NOT NULL,
                        CHECK (\(Schema.wishClaimer))
                    ) STRICT;
                    INSERT INTO wishes_v28 SELECT number, text, wisher, state, claimer, claimed_at, fulfilled_at, created_at FROM wishes;
                    DROP TABLE wishes;
                    ALTER TABLE wishes_v28 RENAME TO wishes;
                    """)
        }
    }

    /// A wish's states since v28.
    static let wishStates = ["open", "claimed", "fulfilled", "confirmed", "cancelled"]
    /// An open wish has no claimer, a claimed, fulfilled or confirmed one has; a withdrawn one either.
    static let wishClaimer = "CASE state WHEN 'open' THEN claimer IS NULL WHEN 'cancelled' THEN TRUE ELSE claimer IS NOT NULL END"

    /// When each work order was first accepted, kept apart from its current acceptance
    /// (which a reopening clears) for the response rate; an order accepted now was first
    /// accepted then, as far as anyone can tell. PostgreSQL's v27 too.
    static func firstAcceptance(_ integer: String) -> String {
        """
        ALTER TABLE work_orders ADD COLUMN first_accepted_at \(integer);
        UPDATE work_orders SET first_accepted_at = accepted_at;
        """
    }

    /// A booking's states since v25.
    static let bookingStates = ["pending", "confirmed", "declined", "cancelled", "lapsed"]

    /// The chart reads resolution times only (`resolved_at >= ?`), so the index on them
    /// leaves out the orders still open: a new report no longer writes a page of it (a
    /// tenth of the pages a batch of reports wrote to the log). PostgreSQL's v24 too.
    static let resolvedOrdersOnly = """
        DROP INDEX work_orders_resolved_building;
        CREATE INDEX work_orders_resolved_building ON work_orders(resolved_at, building) WHERE resolved_at IS NOT NULL;
        """
}
