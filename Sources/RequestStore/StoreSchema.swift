import Approvals
import ChatOpsCore
import GRDB

/// The store's tables, as migrations registered in code: a store file is upgraded in place when a
/// newer chatops opens it. Never edit a registered migration; add a new one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2-prompt-messages", migrate: v2PromptMessages)
        migrator.registerMigration("v3-hardening", migrate: v3Hardening)
        migrator.registerMigration("v4-confirmations", migrate: v4Confirmations)
        migrator.registerMigration("v5-feedback", migrate: v5Feedback)
        migrator.registerMigration("v6-analyses", migrate: v6Analyses)
        migrator.registerMigration("v7-incidents", migrate: v7Incidents)
        migrator.registerMigration("v8-inbox", migrate: v8Inbox)
        return migrator
    }

    /// A delivery acknowledged before it is handled keeps what handling it takes (`work`) until
    /// it completes, so a crash in between loses nothing. No index of the pending ones: it would
    /// cost every claim one more b-tree insert; the one read, at start-up and in the background,
    /// scans the table instead.
    private static func v8Inbox(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE deliveries ADD COLUMN work BLOB")
    }

    /// Alertmanager notifications as received (a durable queue), incidents with their alerts, and
    /// the outbox of posts about them.
    private static func v7Incidents(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE alert_notifications (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                dedupe_key TEXT NOT NULL UNIQUE,
                group_key TEXT NOT NULL,
                body BLOB NOT NULL,
                received_at INTEGER NOT NULL,
                applied_at INTEGER,
                outcome TEXT
            );
            CREATE INDEX alert_notifications_pending ON alert_notifications (applied_at, id);
            CREATE TABLE incidents (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                group_key TEXT NOT NULL,
                state TEXT NOT NULL,
                opened_at INTEGER NOT NULL,
                resolved_at INTEGER,
                group_labels TEXT NOT NULL,
                common_labels TEXT NOT NULL,
                common_annotations TEXT NOT NULL,
                truncated_alerts INTEGER NOT NULL,
                alerts TEXT NOT NULL,
                thread_platform TEXT,
                thread_channel TEXT,
                thread_thread TEXT,
                thread_message_id TEXT,
                last_analysis_at INTEGER,
                reopened INTEGER NOT NULL DEFAULT 0,
                app TEXT,
                env TEXT
            );
            CREATE INDEX incidents_group ON incidents (group_key, id);
            CREATE INDEX incidents_thread ON incidents (thread_platform, thread_channel, thread_thread);
            CREATE TABLE incident_posts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id INTEGER NOT NULL REFERENCES incidents(id),
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                not_before INTEGER NOT NULL DEFAULT 0,
                done_at INTEGER
            );
            CREATE INDEX incident_posts_pending ON incident_posts (done_at, id);
            """)
    }

    /// AI analyses as shown, with the prompt version that wrote them.
    private static func v6Analyses(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE analyses (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                prompt_version TEXT NOT NULL,
                model TEXT NOT NULL,
                subject TEXT NOT NULL,
                text TEXT NOT NULL,
                at INTEGER NOT NULL
            );
            CREATE INDEX analyses_at ON analyses (at);
            """)
    }

    /// Votes on AI analyses, per prompt version.
    private static func v5Feedback(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE feedback (
                prompt_version TEXT NOT NULL,
                voter TEXT NOT NULL,
                conversation TEXT NOT NULL,
                helpful INTEGER NOT NULL,
                at INTEGER NOT NULL,
                PRIMARY KEY (prompt_version, voter, conversation)
            );
            """)
    }

    /// Commands the model inferred, waiting for their author's yes or no.
    private static func v4Confirmations(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE confirmations (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                intent TEXT NOT NULL,
                slots TEXT NOT NULL,
                text TEXT NOT NULL,
                platform_user TEXT NOT NULL,
                origin_platform TEXT NOT NULL,
                origin_channel TEXT,
                origin_thread TEXT,
                origin_message_id TEXT,
                paraphrase TEXT NOT NULL,
                model TEXT NOT NULL,
                prompt_version TEXT NOT NULL,
                confidence REAL NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                state TEXT NOT NULL,
                settled_at INTEGER
            );
            CREATE INDEX confirmations_pending ON confirmations(platform_user, origin_platform, state);
            """)
    }

    /// What the security hardening needs: notes executors keep per request between attempts (the
    /// GitOps branch, commit and pull request the bot made), how long an approval stays good
    /// for, GitHub logins pinned to their numeric ids, and the audit checkpoint that lets old
    /// entries be pruned while the rest of the chain still verifies.
    private static func v3Hardening(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE execution_notes (
                request_id INTEGER NOT NULL REFERENCES requests(id),
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                at INTEGER NOT NULL,
                PRIMARY KEY (request_id, key)
            );
            -- Seconds an approved request may wait to start (its approval TTL).
            ALTER TABLE requests ADD COLUMN approval_ttl INTEGER;
            CREATE TABLE github_user_pins (
                login TEXT PRIMARY KEY COLLATE NOCASE,
                user_id INTEGER NOT NULL,
                pinned_at INTEGER NOT NULL
            );
            -- The last pruned audit entry: verification starts after it.
            CREATE TABLE audit_checkpoint (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                seq INTEGER NOT NULL,
                hash TEXT NOT NULL,
                pruned_at INTEGER NOT NULL
            );
            DROP TRIGGER audit_no_delete;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            WHEN OLD.seq > COALESCE((SELECT seq FROM audit_checkpoint WHERE id = 1), 0)
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE INDEX approvals_by_seq ON approvals(audit_seq);
            CREATE INDEX transitions_by_seq ON transitions(audit_seq);
            """)
    }

    /// Where each approval request was posted, so a decision made anywhere (a button, a typed
    /// `approve 42`, another platform) can update that message, even after a restart.
    private static func v2PromptMessages(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE prompt_messages (
                request_id INTEGER NOT NULL REFERENCES requests(id),
                platform TEXT NOT NULL,
                channel TEXT,
                thread TEXT,
                message_id TEXT NOT NULL,
                PRIMARY KEY (request_id, platform, message_id)
            );
            -- One row rewritten by the readiness check: proof that the file takes writes.
            CREATE TABLE health_probe (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                checked_at INTEGER NOT NULL
            );
            """)
    }

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE requests (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                intent TEXT NOT NULL,
                slots TEXT NOT NULL,
                env TEXT,
                requester TEXT NOT NULL,
                origin_platform TEXT NOT NULL,
                origin_channel TEXT,
                origin_thread TEXT,
                origin_message_id TEXT,
                text TEXT NOT NULL,
                state TEXT NOT NULL,
                approvers TEXT,
                quorum INTEGER NOT NULL,
                expires_at INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                dry_run INTEGER NOT NULL,
                result TEXT,
                owner_host TEXT,
                owner_pid INTEGER,
                lease_until INTEGER
            );
            CREATE INDEX requests_by_state ON requests(state, expires_at);
            CREATE INDEX requests_by_env ON requests(env, state);

            CREATE TABLE approvals (
                request_id INTEGER NOT NULL REFERENCES requests(id),
                approver TEXT NOT NULL,
                at INTEGER NOT NULL,
                origin_platform TEXT,
                origin_channel TEXT,
                origin_thread TEXT,
                origin_message_id TEXT,
                audit_seq INTEGER NOT NULL,
                UNIQUE (request_id, approver)
            );

            CREATE TABLE transitions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                request_id INTEGER NOT NULL REFERENCES requests(id),
                from_state TEXT,
                to_state TEXT NOT NULL,
                actor TEXT NOT NULL,
                at INTEGER NOT NULL,
                origin_platform TEXT,
                origin_channel TEXT,
                origin_thread TEXT,
                origin_message_id TEXT,
                reason TEXT,
                audit_seq INTEGER NOT NULL
            );
            CREATE INDEX transitions_by_request ON transitions(request_id, id);

            CREATE TABLE deliveries (
                platform TEXT NOT NULL,
                delivery_id TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                reply TEXT,
                PRIMARY KEY (platform, delivery_id)
            );
            CREATE INDEX deliveries_by_age ON deliveries(received_at);

            CREATE TABLE freezes (
                env TEXT PRIMARY KEY,
                frozen_by TEXT NOT NULL,
                at INTEGER NOT NULL,
                reason TEXT
            );

            CREATE TABLE notices (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                platform TEXT NOT NULL,
                channel TEXT,
                thread TEXT,
                message_id TEXT,
                text TEXT NOT NULL,
                request_id INTEGER REFERENCES requests(id),
                created_at INTEGER NOT NULL,
                delivered_at INTEGER
            );
            CREATE INDEX notices_pending ON notices(platform, delivered_at, id);

            CREATE TABLE audit (
                seq INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                request_id INTEGER,
                detail TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
    }
}
