namespace Vigil.Store.Postgres;

/// <summary>
/// The ordered migration scripts of a PostgreSQL store: the twin of <c>Vigil.Monitoring.Workspace.SchemaMigrations</c>.
/// Script i (0-based) moves the schema from version i to i + 1; the applied versions are rows of
/// <c>vigil_schema_migrations</c>. Scripts are append-only once released: a change is a new script, and every SQLite
/// migration that changes a table gets its twin here.
/// </summary>
/// <remarks>
/// Columns keep SQLite's stored forms so one set of row readers serves both backends: instants are BIGINT UTC ticks
/// (<c>StoredTime</c>), flags INTEGER 0/1, enums their stored names, JSON as TEXT. Ids are BIGSERIAL. Counts and
/// versions the readers take as 32-bit stay INTEGER.
/// </remarks>
public static class PostgresMigrations
{
    /// <summary>The schema version this build writes and understands.</summary>
    public static int Latest => Scripts.Count;

    /// <summary>The scripts, oldest first.</summary>
    public static IReadOnlyList<string> Scripts { get; } =
    [
        // 1: everything SQLite reached in its versions 1-8 (nothing was released on PostgreSQL before), plus the
        // content-addressed bundle store that lets every node of a cluster load any version.
        """
        CREATE TABLE model_versions (
            model                 TEXT    NOT NULL,
            version               INTEGER NOT NULL CHECK (version >= 1),
            learner               TEXT    NOT NULL,
            config_json           TEXT    NOT NULL,
            metrics_json          TEXT    NOT NULL,
            training_fingerprint  TEXT    NOT NULL,
            training_window_start BIGINT,
            training_window_end   BIGINT,
            training_rows         INTEGER NOT NULL CHECK (training_rows >= 0),
            parent_version        INTEGER,
            created_by            TEXT    NOT NULL,
            reason                TEXT    NOT NULL,
            has_profile           INTEGER NOT NULL CHECK (has_profile IN (0, 1)),
            created_at            BIGINT  NOT NULL,
            kind                  TEXT    NOT NULL DEFAULT 'vigil' CHECK (kind IN ('vigil', 'onnx', 'mlnet', 'external')),
            PRIMARY KEY (model, version),
            FOREIGN KEY (model, parent_version) REFERENCES model_versions (model, version)
        );
        CREATE TABLE champions (
            model   TEXT    NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            since   BIGINT  NOT NULL,
            FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
        );
        CREATE TABLE registry_events (
            id           BIGSERIAL PRIMARY KEY,
            time         BIGINT  NOT NULL,
            model        TEXT    NOT NULL,
            kind         TEXT    NOT NULL CHECK (kind IN ('registered', 'promoted', 'rolled_back', 'kept')),
            from_version INTEGER,
            to_version   INTEGER,
            reason       TEXT    NOT NULL,
            actor        TEXT    NOT NULL
        );
        CREATE INDEX registry_events_by_model ON registry_events (model, id);

        -- Bundles by content: a version's files packed once, named by their SHA-256, fetched by any node and
        -- verified against the name before use.
        CREATE TABLE bundles (
            sha256     TEXT   NOT NULL PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
            content    BYTEA  NOT NULL,
            size       BIGINT NOT NULL CHECK (size >= 0),
            created_at BIGINT NOT NULL
        );

        -- A prediction's label sits in its row; labels whose prediction has not arrived wait in pending_labels.
        CREATE TABLE predictions (
            seq                BIGSERIAL PRIMARY KEY,
            model              TEXT    NOT NULL,
            id                 TEXT    NOT NULL,
            ts                 BIGINT  NOT NULL,
            features           TEXT    NOT NULL,
            prediction         TEXT    NOT NULL,
            score              DOUBLE PRECISION,
            model_version      INTEGER,
            label              TEXT,
            label_observed_at  BIGINT,
            labelled_at        BIGINT,
            UNIQUE (model, id)
        );
        CREATE INDEX predictions_by_time ON predictions (model, ts);
        CREATE INDEX predictions_by_labelled_at ON predictions (model, labelled_at) WHERE label IS NOT NULL;
        CREATE TABLE pending_labels (
            model       TEXT   NOT NULL,
            id          TEXT   NOT NULL,
            label       TEXT   NOT NULL,
            observed_at BIGINT,
            received_at BIGINT NOT NULL,
            PRIMARY KEY (model, id)
        );

        CREATE TABLE checks (
            id            BIGSERIAL PRIMARY KEY,
            model         TEXT    NOT NULL,
            model_version INTEGER NOT NULL,
            ran_at        BIGINT  NOT NULL,
            window_start  BIGINT,
            window_end    BIGINT,
            rows          INTEGER NOT NULL,
            alarm         INTEGER NOT NULL CHECK (alarm IN (0, 1)),
            status        TEXT    NOT NULL,
            result_json   TEXT    NOT NULL,
            labelled_rows INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX checks_by_model ON checks (model, ran_at);
        CREATE TABLE decisions (
            id           BIGSERIAL PRIMARY KEY,
            model        TEXT    NOT NULL,
            check_id     BIGINT  REFERENCES checks (id),
            decided_at   BIGINT  NOT NULL,
            retrain      INTEGER NOT NULL CHECK (retrain IN (0, 1)),
            reasons_json TEXT    NOT NULL
        );
        CREATE INDEX decisions_by_model ON decisions (model, decided_at);
        CREATE INDEX decisions_by_check ON decisions (check_id);

        -- A run's owner is its host, process id and start mark: only the owner's host can prove the process gone.
        CREATE TABLE retrain_runs (
            id                 BIGSERIAL PRIMARY KEY,
            model              TEXT    NOT NULL,
            requested_at       BIGINT  NOT NULL,
            reason             TEXT    NOT NULL,
            status             TEXT    NOT NULL
                CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'abandoned')),
            finished_at        BIGINT,
            challenger_version INTEGER,
            promoted           INTEGER CHECK (promoted IN (0, 1)),
            detail_json        TEXT,
            owner_process      INTEGER NOT NULL,
            owner_started      TEXT,
            owner_host         TEXT    NOT NULL
        );
        CREATE INDEX retrain_runs_by_model ON retrain_runs (model, requested_at);
        CREATE INDEX retrain_runs_running ON retrain_runs (owner_host) WHERE status = 'running';

        -- Online change detectors: label_joins is the order in which labels joined their predictions, filled by a
        -- trigger so every join path is covered. Every write that joins a label of a model holds that model's lock,
        -- so the ids follow commit order per model, as a stream cursor needs.
        CREATE TABLE label_joins (
            seq            BIGSERIAL PRIMARY KEY,
            model          TEXT   NOT NULL,
            prediction_seq BIGINT NOT NULL
        );
        CREATE INDEX label_joins_by_model ON label_joins (model, seq);
        CREATE FUNCTION predictions_label_joined() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO label_joins (model, prediction_seq) VALUES (NEW.model, NEW.seq);
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER predictions_label_joined AFTER UPDATE OF label ON predictions
            FOR EACH ROW WHEN (OLD.label IS NULL AND NEW.label IS NOT NULL)
            EXECUTE FUNCTION predictions_label_joined();
        CREATE TABLE stream_states (
            model            TEXT    NOT NULL,
            stream           TEXT    NOT NULL CHECK (stream IN ('error', 'score')),
            champion_version INTEGER NOT NULL,
            position         BIGINT  NOT NULL,
            observations     BIGINT  NOT NULL,
            settings_json    TEXT    NOT NULL,
            detectors_json   TEXT    NOT NULL,
            updated_at       BIGINT  NOT NULL,
            PRIMARY KEY (model, stream)
        );
        CREATE TABLE stream_detections (
            id            BIGSERIAL PRIMARY KEY,
            model         TEXT    NOT NULL,
            stream        TEXT    NOT NULL CHECK (stream IN ('error', 'score')),
            detector      TEXT    NOT NULL,
            kind          TEXT    NOT NULL CHECK (kind IN ('change', 'warning')),
            detected_at   BIGINT  NOT NULL,
            model_version INTEGER NOT NULL,
            observation   BIGINT  NOT NULL,
            prediction_id TEXT    NOT NULL,
            row_time      BIGINT  NOT NULL,
            detail        TEXT    NOT NULL
        );
        CREATE INDEX stream_detections_by_model ON stream_detections (model, detected_at);

        -- The alert outbox: written in the transaction of the event that caused it.
        CREATE TABLE alerts (
            id              BIGSERIAL PRIMARY KEY,
            key             TEXT    NOT NULL UNIQUE,
            created_at      BIGINT  NOT NULL,
            model           TEXT    NOT NULL,
            model_version   INTEGER,
            kind            TEXT    NOT NULL,
            severity        TEXT    NOT NULL CHECK (severity IN ('info', 'warning', 'alarm')),
            subject         TEXT,
            state           TEXT,
            previous_state  TEXT,
            repeat          INTEGER NOT NULL DEFAULT 0,
            title           TEXT    NOT NULL,
            text            TEXT    NOT NULL,
            details_json    TEXT    NOT NULL,
            check_id        BIGINT,
            decision_id     BIGINT,
            retrain_run_id  BIGINT,
            routed          INTEGER NOT NULL DEFAULT 0 CHECK (routed IN (0, 1))
        );
        CREATE INDEX alerts_by_model ON alerts (model, id);
        CREATE INDEX alerts_unrouted ON alerts (id) WHERE routed = 0;
        CREATE TABLE alert_deliveries (
            alert_id        BIGINT  NOT NULL REFERENCES alerts (id),
            channel         TEXT    NOT NULL,
            status          TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT  NOT NULL,
            last_attempt_at BIGINT,
            last_error      TEXT,
            delivered_at    BIGINT,
            response_status INTEGER,
            PRIMARY KEY (alert_id, channel)
        );
        CREATE INDEX alert_deliveries_due ON alert_deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE TABLE alert_states (
            model            TEXT    NOT NULL,
            subject          TEXT    NOT NULL,
            state            TEXT    NOT NULL,
            firing           INTEGER NOT NULL CHECK (firing IN (0, 1)),
            since            BIGINT  NOT NULL,
            last_alert_id    BIGINT  REFERENCES alerts (id),
            last_notified_at BIGINT  NOT NULL,
            repeats          INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (model, subject)
        );

        -- Each model's watched metrics, one row per metric in the order given.
        CREATE TABLE watched_metrics (
            model             TEXT    NOT NULL,
            position          INTEGER NOT NULL CHECK (position >= 0),
            metric            TEXT    NOT NULL,
            max_relative_drop DOUBLE PRECISION
                CHECK (max_relative_drop IS NULL OR (max_relative_drop >= 0 AND max_relative_drop < 1)),
            set_at            BIGINT  NOT NULL,
            set_by            TEXT    NOT NULL,
            PRIMARY KEY (model, metric)
        );
        """,

        // 2: each version names its packed bundle. Nullable only because a column added to a filled table cannot
        // be NOT NULL without a default; the registry writes it for every version and refuses a row without it.
        """
        ALTER TABLE model_versions ADD COLUMN bundle_sha256 TEXT REFERENCES bundles (sha256);
        CREATE INDEX model_versions_by_bundle ON model_versions (bundle_sha256);
        """,

        // 3: shadow challengers (#16), the twin of SQLite's migration 9. position is the last predictions.seq the
        // shadow has scored, advanced in the transaction that stores the scores.
        """
        CREATE TABLE shadows (
            model    TEXT    NOT NULL PRIMARY KEY,
            version  INTEGER NOT NULL,
            position BIGINT  NOT NULL,
            set_at   BIGINT  NOT NULL,
            set_by   TEXT    NOT NULL,
            reason   TEXT    NOT NULL
        );
        CREATE TABLE shadow_scores (
            model          TEXT    NOT NULL,
            version        INTEGER NOT NULL,
            prediction_seq BIGINT  NOT NULL,
            prediction     TEXT,
            score          DOUBLE PRECISION,
            probabilities  TEXT,
            scored_at      BIGINT  NOT NULL,
            PRIMARY KEY (model, version, prediction_seq)
        );
        """,

        // 4: the keys every ingested row is checked and indexed by compare byte by byte ("C"), whatever the
        // database's default collation. With a glibc locale (even C.UTF-8 on PostgreSQL 15) every comparison in the
        // unique (model, id) index and the (model, ts) index goes through strcoll; "C" is a memcmp. Equality is
        // unchanged (deterministic collations compare equal only when the bytes are). SQLite's twin needs no script:
        // its text columns compare with BINARY already. Rebuilds the indexes of both tables (no table rewrite).
        """
        ALTER TABLE predictions ALTER COLUMN model TYPE TEXT COLLATE "C", ALTER COLUMN id TYPE TEXT COLLATE "C";
        ALTER TABLE pending_labels ALTER COLUMN model TYPE TEXT COLLATE "C", ALTER COLUMN id TYPE TEXT COLLATE "C";
        """,

        // 5: performance estimators refitted on labelled production rows (#17), the twin of SQLite's migration 10.
        """
        CREATE TABLE version_estimators (
            model     TEXT    NOT NULL,
            version   INTEGER NOT NULL,
            method    TEXT    NOT NULL,
            source    TEXT    NOT NULL,
            row_count INTEGER NOT NULL CHECK (row_count > 0),
            fitted_at BIGINT  NOT NULL,
            fitted_by TEXT    NOT NULL,
            estimator TEXT    NOT NULL,
            PRIMARY KEY (model, version)
        );
        """,
    ];
}
