namespace Vigil.Monitoring.Workspace;

/// <summary>
/// The ordered migration scripts of <c>vigil.db</c>. Script i (0-based) moves the schema from version i to i + 1;
/// the version lives in <c>PRAGMA user_version</c> (0 = empty database). Scripts are append-only: a released
/// script is never edited, a change is a new script.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>The schema version this build writes and understands.</summary>
    public static int Latest => Scripts.Count;

    public static IReadOnlyList<string> Scripts { get; } =
    [
        // 1: registry. Instants are INTEGER UTC ticks (see StoredTime). One row per model in `champions` makes
        // "at most one champion per model" a primary-key fact rather than a convention.
        """
        CREATE TABLE model_versions (
            model                 TEXT    NOT NULL,
            version               INTEGER NOT NULL CHECK (version >= 1),
            learner               TEXT    NOT NULL,
            config_json           TEXT    NOT NULL,
            metrics_json          TEXT    NOT NULL,
            training_fingerprint  TEXT    NOT NULL,
            training_window_start INTEGER,
            training_window_end   INTEGER,
            training_rows         INTEGER NOT NULL CHECK (training_rows >= 0),
            parent_version        INTEGER,
            created_by            TEXT    NOT NULL,
            reason                TEXT    NOT NULL,
            has_profile           INTEGER NOT NULL CHECK (has_profile IN (0, 1)),
            created_at            INTEGER NOT NULL,
            PRIMARY KEY (model, version),
            FOREIGN KEY (model, parent_version) REFERENCES model_versions (model, version)
        );
        CREATE TABLE champions (
            model   TEXT    NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            since   INTEGER NOT NULL,
            FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
        );
        CREATE TABLE registry_events (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            time         INTEGER NOT NULL,
            model        TEXT    NOT NULL,
            kind         TEXT    NOT NULL CHECK (kind IN ('registered', 'promoted', 'rolled_back', 'kept')),
            from_version INTEGER,
            to_version   INTEGER,
            reason       TEXT    NOT NULL,
            actor        TEXT    NOT NULL
        );
        CREATE INDEX registry_events_by_model ON registry_events (model, id);
        """,

        // 2: live data and history. A prediction's label sits in its row (joining is an UPDATE, reading a
        // labelled window needs no JOIN); labels whose prediction has not arrived wait in pending_labels.
        """
        CREATE TABLE predictions (
            seq                INTEGER PRIMARY KEY,
            model              TEXT    NOT NULL,
            id                 TEXT    NOT NULL,
            ts                 INTEGER NOT NULL,
            features           TEXT    NOT NULL,
            prediction         TEXT    NOT NULL,
            score              REAL,
            model_version      INTEGER,
            label              TEXT,
            label_observed_at  INTEGER,
            labelled_at        INTEGER,
            UNIQUE (model, id)
        );
        CREATE INDEX predictions_by_time ON predictions (model, ts);
        CREATE INDEX predictions_by_labelled_at ON predictions (model, labelled_at) WHERE label IS NOT NULL;
        CREATE TABLE pending_labels (
            model       TEXT    NOT NULL,
            id          TEXT    NOT NULL,
            label       TEXT    NOT NULL,
            observed_at INTEGER,
            received_at INTEGER NOT NULL,
            PRIMARY KEY (model, id)
        ) WITHOUT ROWID;
        CREATE TABLE checks (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            model         TEXT    NOT NULL,
            model_version INTEGER NOT NULL,
            ran_at        INTEGER NOT NULL,
            window_start  INTEGER,
            window_end    INTEGER,
            rows          INTEGER NOT NULL,
            alarm         INTEGER NOT NULL CHECK (alarm IN (0, 1)),
            status        TEXT    NOT NULL,
            result_json   TEXT    NOT NULL
        );
        CREATE INDEX checks_by_model ON checks (model, ran_at);
        CREATE TABLE decisions (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            model        TEXT    NOT NULL,
            check_id     INTEGER REFERENCES checks (id),
            decided_at   INTEGER NOT NULL,
            retrain      INTEGER NOT NULL CHECK (retrain IN (0, 1)),
            reasons_json TEXT    NOT NULL
        );
        CREATE INDEX decisions_by_model ON decisions (model, decided_at);
        CREATE TABLE retrain_runs (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            model              TEXT    NOT NULL,
            requested_at       INTEGER NOT NULL,
            reason             TEXT    NOT NULL,
            status             TEXT    NOT NULL
                CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'abandoned')),
            finished_at        INTEGER,
            challenger_version INTEGER,
            promoted           INTEGER CHECK (promoted IN (0, 1)),
            detail_json        TEXT,
            owner_process      INTEGER NOT NULL
        );
        CREATE INDEX retrain_runs_by_model ON retrain_runs (model, requested_at);
        """,

        // 3: labelled rows per check as a column, so the retrain policy's "labelled rows since the last retrain"
        // is one SUM instead of parsing every stored result since then. Existing rows are filled from their JSON.
        """
        ALTER TABLE checks ADD COLUMN labelled_rows INTEGER NOT NULL DEFAULT 0;
        UPDATE checks SET labelled_rows = COALESCE(json_extract(result_json, '$.performance.rows'), 0)
            WHERE json_valid(result_json);
        """,

        // 4: a retrain run's owner is its process id plus a start mark (see ProcessLiveness), so a restart can prove
        // a dead owner dead even when its id is reused or it is an unreaped zombie. Older rows keep NULL and are
        // judged by the id alone, as before.
        """
        ALTER TABLE retrain_runs ADD COLUMN owner_started TEXT;
        """,

        // 5: online change detectors. label_joins is the order in which labels joined their predictions (filled by a
        // trigger, so every join path is covered and ids follow commit order); the error stream reads it from a cursor
        // and prunes what it has read. stream_states holds each stream's detector state and cursor, advanced in the same
        // transaction as the detections it produced, so a restart neither loses nor repeats an observation.
        """
        CREATE TABLE label_joins (
            seq            INTEGER PRIMARY KEY AUTOINCREMENT,
            model          TEXT    NOT NULL,
            prediction_seq INTEGER NOT NULL
        );
        CREATE INDEX label_joins_by_model ON label_joins (model, seq);
        CREATE TRIGGER predictions_label_joined AFTER UPDATE OF label ON predictions
            WHEN OLD.label IS NULL AND NEW.label IS NOT NULL
        BEGIN
            INSERT INTO label_joins (model, prediction_seq) VALUES (NEW.model, NEW.seq);
        END;
        CREATE TABLE stream_states (
            model            TEXT    NOT NULL,
            stream           TEXT    NOT NULL CHECK (stream IN ('error', 'score')),
            champion_version INTEGER NOT NULL,
            position         INTEGER NOT NULL,
            observations     INTEGER NOT NULL,
            settings_json    TEXT    NOT NULL,
            detectors_json   TEXT    NOT NULL,
            updated_at       INTEGER NOT NULL,
            PRIMARY KEY (model, stream)
        ) WITHOUT ROWID;
        CREATE TABLE stream_detections (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            model         TEXT    NOT NULL,
            stream        TEXT    NOT NULL CHECK (stream IN ('error', 'score')),
            detector      TEXT    NOT NULL,
            kind          TEXT    NOT NULL CHECK (kind IN ('change', 'warning')),
            detected_at   INTEGER NOT NULL,
            model_version INTEGER NOT NULL,
            observation   INTEGER NOT NULL,
            prediction_id TEXT    NOT NULL,
            row_time      INTEGER NOT NULL,
            detail        TEXT    NOT NULL
        );
        CREATE INDEX stream_detections_by_model ON stream_detections (model, detected_at);
        """,

        // 6: alerts, the outbox. An alert row is written in the same transaction as the check, decision or run that
        // caused it, so none is lost and none is sent for something that did not commit. The service routes each
        // alert to the configured channels (one alert_deliveries row per channel) and delivers with retries.
        // alert_states holds each model's last alerted state per subject, so alerts go out once per change of state.
        """
        CREATE TABLE alerts (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            key             TEXT    NOT NULL UNIQUE,
            created_at      INTEGER NOT NULL,
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
            check_id        INTEGER,
            decision_id     INTEGER,
            retrain_run_id  INTEGER,
            routed          INTEGER NOT NULL DEFAULT 0 CHECK (routed IN (0, 1))
        );
        CREATE INDEX alerts_by_model ON alerts (model, id);
        CREATE INDEX alerts_unrouted ON alerts (id) WHERE routed = 0;
        CREATE TABLE alert_deliveries (
            alert_id        INTEGER NOT NULL REFERENCES alerts (id),
            channel         TEXT    NOT NULL,
            status          TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_attempt_at INTEGER,
            last_error      TEXT,
            delivered_at    INTEGER,
            response_status INTEGER,
            PRIMARY KEY (alert_id, channel)
        ) WITHOUT ROWID;
        CREATE INDEX alert_deliveries_due ON alert_deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE TABLE alert_states (
            model            TEXT    NOT NULL,
            subject          TEXT    NOT NULL,
            state            TEXT    NOT NULL,
            firing           INTEGER NOT NULL CHECK (firing IN (0, 1)),
            since            INTEGER NOT NULL,
            last_alert_id    INTEGER REFERENCES alerts (id),
            last_notified_at INTEGER NOT NULL,
            repeats          INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (model, subject)
        ) WITHOUT ROWID;
        """,

        // 7: each model's watched metrics (#17), set by `vigil train/check --watch`, `vigil models watch` or the API.
        // One row per metric in the order given; a NULL drop means the check's default. No row: the configured or
        // task default applies. Per model, not per version, so the setting survives retraining.
        """
        CREATE TABLE watched_metrics (
            model             TEXT    NOT NULL,
            position          INTEGER NOT NULL CHECK (position >= 0),
            metric            TEXT    NOT NULL,
            max_relative_drop REAL CHECK (max_relative_drop IS NULL OR (max_relative_drop >= 0 AND max_relative_drop < 1)),
            set_at            INTEGER NOT NULL,
            set_by            TEXT    NOT NULL,
            PRIMARY KEY (model, metric)
        ) WITHOUT ROWID;
        """,

        // 8: the kind of each version (see ModelKind): a bundle Vigil trained, an ONNX graph, an ML.NET pipeline, or an
        // external model that only logs. Versions registered before kinds existed are bundles.
        """
        ALTER TABLE model_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'vigil'
            CHECK (kind IN ('vigil', 'onnx', 'mlnet', 'external'));
        """,

        // 9: shadow challengers (#16). A model's shadow version scores every row logged after it was set, in the
        // background from the log: position is the last predictions.seq it has scored (the cursor), advanced in the
        // transaction that stores the scores, so every row is scored exactly once across restarts. A row the shadow
        // could not score keeps a row with a NULL prediction. probabilities holds a multiclass row's class
        // probabilities (JSON array in the shadow's class order).
        """
        CREATE TABLE shadows (
            model    TEXT    NOT NULL PRIMARY KEY,
            version  INTEGER NOT NULL,
            position INTEGER NOT NULL,
            set_at   INTEGER NOT NULL,
            set_by   TEXT    NOT NULL,
            reason   TEXT    NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE shadow_scores (
            model          TEXT    NOT NULL,
            version        INTEGER NOT NULL,
            prediction_seq INTEGER NOT NULL,
            prediction     TEXT,
            score          REAL,
            probabilities  TEXT,
            scored_at      INTEGER NOT NULL,
            PRIMARY KEY (model, version, prediction_seq)
        ) WITHOUT ROWID;
        """,

        // 10: performance estimators refitted on labelled production rows (#17, `vigil models estimator`), one per
        // model version. Kept outside the version's bundle, which stays content-addressed and verified by hash; checks
        // use this one instead of the bundle's estimator.json while it exists. estimator is PerformanceEstimator's JSON.
        """
        CREATE TABLE version_estimators (
            model     TEXT    NOT NULL,
            version   INTEGER NOT NULL,
            method    TEXT    NOT NULL,
            source    TEXT    NOT NULL,
            row_count INTEGER NOT NULL CHECK (row_count > 0),
            fitted_at INTEGER NOT NULL,
            fitted_by TEXT    NOT NULL,
            estimator TEXT    NOT NULL,
            PRIMARY KEY (model, version)
        );
        """,
    ];
}
