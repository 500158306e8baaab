using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Registry;

/// <summary>
/// The versions of each model in a workspace, which one is champion, and the history of changes
/// (tables <c>model_versions</c>, <c>champions</c>, <c>registry_events</c>; bundles in <c>models/</c>).
/// Every change is one transaction: a method that returns has committed; a method that throws changed nothing.
/// A model has at most one champion (primary key of <c>champions</c>); once it has one it always has exactly one.
/// </summary>
public sealed class ModelRegistry : IModelRegistry
{
    private static readonly JsonSerializerOptions MetricsJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private const string VersionColumns =
        "v.model, v.version, v.learner, v.config_json, v.metrics_json, v.training_fingerprint, v.training_window_start, " +
        "v.training_window_end, v.training_rows, v.parent_version, v.created_by, v.reason, v.has_profile, v.created_at, " +
        "(c.version IS NOT NULL), v.kind";

    private readonly WorkspaceDatabase _database;
    private readonly TimeProvider _time;

    internal ModelRegistry(WorkspaceDatabase database, string modelsFolder, TimeProvider time)
    {
        _database = database;
        ModelsFolder = modelsFolder;
        _time = time;
    }

    /// <summary>Absolute path of the <c>models/</c> folder.</summary>
    public string ModelsFolder { get; }

    /// <summary>Test hook: runs after the bundle folder is in place and before the database insert; throwing simulates a crash there.</summary>
    internal Action? BeforeInsert { get; set; }

    /// <summary>
    /// Registers a new version of <paramref name="model"/>: copies every file under <paramref name="bundleSourceFolder"/>
    /// into <c>models/&lt;model&gt;/&lt;version&gt;/</c> (atomically, via a temporary sibling and a rename), then inserts
    /// its row, its "registered" event and, when it becomes champion, its "promoted" event in one transaction.
    /// If anything fails, the copied folder is removed and the registry is unchanged.
    /// </summary>
    public ModelVersion RegisterVersion(string model, string bundleSourceFolder, ModelVersionInfo info)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(info);
        RegistryRules.Validate(info);
        ArgumentException.ThrowIfNullOrEmpty(bundleSourceFolder);
        if (!Directory.Exists(bundleSourceFolder))
        {
            throw new WorkspaceInputException($"Bundle folder '{bundleSourceFolder}' does not exist.");
        }

        var modelFolder = Path.Combine(ModelsFolder, model);
        // Copy outside the write lock (bundles can be large); only the rename and the insert hold it.
        var incoming = BundleFolder.CopyToIncoming(Path.GetFullPath(bundleSourceFolder), modelFolder, info.ProfileJson);
        string? final = null;
        try
        {
            using var connection = _database.Connect();
            using var transaction = connection.BeginTransaction(deferred: false);
            var version = Convert.ToInt32(
                connection.Scalar(transaction, "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model = $m", ("$m", model)),
                CultureInfo.InvariantCulture);
            if (info.ParentVersion is { } parent && !VersionExists(connection, transaction, model, parent))
            {
                throw new WorkspaceInputException($"Parent version {parent} of model '{model}' does not exist.");
            }

            final = Path.Combine(modelFolder, version.ToString(CultureInfo.InvariantCulture));
            // Under the write lock no one else can publish this number, so an existing folder is a crash leftover.
            BundleFolder.DeleteQuietly(final);
            Directory.Move(incoming, final);
            BeforeInsert?.Invoke();

            var now = _time.GetUtcNow();
            connection.Execute(transaction,
                "INSERT INTO model_versions (model, version, learner, config_json, metrics_json, training_fingerprint, training_window_start, " +
                "training_window_end, training_rows, parent_version, created_by, reason, has_profile, created_at, kind) " +
                "VALUES ($m, $v, $learner, $config, $metrics, $fp, $ws, $we, $rows, $parent, $by, $reason, $profile, $at, $kind)",
                ("$m", model), ("$v", version), ("$learner", info.Learner), ("$config", info.ConfigJson),
                ("$metrics", JsonSerializer.Serialize(info.Metrics, MetricsJson)), ("$fp", info.TrainingFingerprint),
                ("$ws", StoredTime.ToDb(info.TrainingWindowStart)), ("$we", StoredTime.ToDb(info.TrainingWindowEnd)),
                ("$rows", info.TrainingRows), ("$parent", (object?)info.ParentVersion ?? DBNull.Value),
                ("$by", info.CreatedBy), ("$reason", info.Reason),
                ("$profile", File.Exists(Path.Combine(final, BundleFolder.ProfileFileName)) ? 1 : 0),
                ("$at", StoredTime.ToTicks(now)), ("$kind", info.Kind.Name()));
            AddEvent(connection, transaction, now, model, "registered", null, version, info.Reason, info.CreatedBy);

            var champion = ChampionVersion(connection, transaction, model);
            if (info.BecomeChampion ?? version == 1)
            {
                SetChampion(connection, transaction, now, model, champion, version, "promoted", info.Reason, info.CreatedBy);
            }

            transaction.Commit();
            final = null;
            return GetVersion(model, version);
        }
        finally
        {
            BundleFolder.DeleteQuietly(incoming);
            if (final is not null)
            {
                BundleFolder.DeleteQuietly(final);
            }
        }
    }

    /// <summary>The current champion of <paramref name="model"/>, or null when it has none (or is not registered).</summary>
    public ModelVersion? GetChampion(string model)
    {
        ModelName.Validate(model);
        return ReadVersions(
            "WHERE v.model = $m AND c.version IS NOT NULL", ("$m", model)).SingleOrDefault();
    }

    /// <summary>All versions of <paramref name="model"/>, oldest first; empty when the model is not registered.</summary>
    public IReadOnlyList<ModelVersion> ListVersions(string model)
    {
        ModelName.Validate(model);
        return ReadVersions("WHERE v.model = $m ORDER BY v.version", ("$m", model));
    }

    /// <summary>Names of all registered models, in ordinal order.</summary>
    public IReadOnlyList<string> ListModels()
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT model FROM model_versions ORDER BY model";
        using var reader = command.ExecuteReader();
        var models = new List<string>();
        while (reader.Read())
        {
            models.Add(reader.GetString(0));
        }

        return models;
    }

    /// <summary>One version; throws <see cref="WorkspaceInputException"/> naming the versions that exist when it is unknown.</summary>
    public ModelVersion GetVersion(string model, int version)
    {
        ModelName.Validate(model);
        var found = ReadVersions("WHERE v.model = $m AND v.version = $v", ("$m", model), ("$v", version));
        return found.Count == 1 ? found[0] : throw UnknownVersion(model, version);
    }

    /// <summary>Makes <paramref name="version"/> the champion and records a "promoted" event, in one transaction.</summary>
    public ModelVersion Promote(string model, int version, string reason, string actor)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(actor);
        using (var connection = _database.Connect())
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            if (!VersionExists(connection, transaction, model, version))
            {
                throw UnknownVersion(model, version);
            }

            var champion = ChampionVersion(connection, transaction, model);
            if (champion == version)
            {
                throw new WorkspaceInputException($"Version {version} is already the champion of model '{model}'.");
            }

            SetChampion(connection, transaction, _time.GetUtcNow(), model, champion, version, "promoted", reason, actor);
            transaction.Commit();
        }

        return GetVersion(model, version);
    }

    /// <summary>
    /// Makes the champion before the current one champion again and records a "rolled_back" event, in one transaction.
    /// "Before" follows the event history as a stack: each promotion pushes, each rollback pops, so rolling back twice
    /// after promoting v2 then v3 returns to v1. Throws <see cref="WorkspaceInputException"/> when there is no earlier champion.
    /// </summary>
    public ModelVersion Rollback(string model, string reason, string actor)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(actor);
        int target;
        using (var connection = _database.Connect())
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            var champion = ChampionVersion(connection, transaction, model)
                ?? throw new WorkspaceInputException($"Model '{model}' has no champion to roll back.");
            var history = new List<(RegistryEventKind, int)>();
            using (var command = connection.Command(transaction,
                "SELECT kind, to_version FROM registry_events WHERE model = $m AND kind IN ('promoted', 'rolled_back') ORDER BY id",
                ("$m", model)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    history.Add((RegistryRules.ParseKind(reader.GetString(0)), reader.GetInt32(1)));
                }
            }

            target = RegistryRules.RollbackTarget(model, champion, history);
            SetChampion(connection, transaction, _time.GetUtcNow(), model, champion, target, "rolled_back", reason, actor);
            transaction.Commit();
        }

        return GetVersion(model, target);
    }

    /// <summary>Records that challenger <paramref name="challengerVersion"/> was evaluated and the champion kept.</summary>
    public RegistryEvent RecordKept(string model, int challengerVersion, string reason, string actor)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        if (!VersionExists(connection, transaction, model, challengerVersion))
        {
            throw UnknownVersion(model, challengerVersion);
        }

        var champion = ChampionVersion(connection, transaction, model);
        AddEvent(connection, transaction, _time.GetUtcNow(), model, "kept", champion, challengerVersion, reason, actor);
        transaction.Commit();
        return Events(model)[^1];
    }

    /// <summary>The registry history of <paramref name="model"/>, oldest first.</summary>
    public IReadOnlyList<RegistryEvent> Events(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        using var command = connection.Command(null,
            "SELECT id, time, model, kind, from_version, to_version, reason, actor FROM registry_events WHERE model = $m ORDER BY id",
            ("$m", model));
        using var reader = command.ExecuteReader();
        var events = new List<RegistryEvent>();
        while (reader.Read())
        {
            events.Add(new RegistryEvent(
                reader.GetInt64(0), StoredTime.FromTicks(reader.GetInt64(1)), reader.GetString(2), RegistryRules.ParseKind(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.GetString(6), reader.GetString(7)));
        }

        return events;
    }

    /// <summary>
    /// Removes what a crash during registration can leave: incoming folders of dead processes, and version folders
    /// without a database row (renamed, then the process died before the commit). Runs under the write lock, which
    /// a registering process holds from rename to commit, so it never removes a folder being registered.
    /// </summary>
    public void RemoveCrashLeftovers()
    {
        if (!Directory.Exists(ModelsFolder))
        {
            return;
        }

        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var modelFolder in Directory.EnumerateDirectories(ModelsFolder))
        {
            var model = Path.GetFileName(modelFolder);
            foreach (var folder in Directory.EnumerateDirectories(modelFolder))
            {
                var name = Path.GetFileName(folder);
                if (BundleFolder.IsAbandonedIncoming(name)
                    || (ModelName.IsValid(model)
                        && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                        && !VersionExists(connection, transaction, model, version)))
                {
                    BundleFolder.DeleteQuietly(folder);
                }
            }
        }

        transaction.Commit();
    }

    private WorkspaceInputException UnknownVersion(string model, int version) =>
        RegistryRules.UnknownVersion(model, version, [.. ListVersions(model).Select(v => v.Version)], ListModels());

    private static void SetChampion(
        SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, string model,
        int? from, int to, string kind, string reason, string actor)
    {
        connection.Execute(transaction,
            "INSERT INTO champions (model, version, since) VALUES ($m, $v, $t) ON CONFLICT (model) DO UPDATE SET version = $v, since = $t",
            ("$m", model), ("$v", to), ("$t", StoredTime.ToTicks(now)));
        AddEvent(connection, transaction, now, model, kind, from, to, reason, actor);
    }

    private static void AddEvent(
        SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, string model,
        string kind, int? from, int? to, string reason, string actor) =>
        connection.Execute(transaction,
            "INSERT INTO registry_events (time, model, kind, from_version, to_version, reason, actor) VALUES ($t, $m, $k, $f, $to, $r, $a)",
            ("$t", StoredTime.ToTicks(now)), ("$m", model), ("$k", kind), ("$f", (object?)from ?? DBNull.Value),
            ("$to", (object?)to ?? DBNull.Value), ("$r", reason), ("$a", actor));

    private static int? ChampionVersion(SqliteConnection connection, SqliteTransaction transaction, string model) =>
        connection.Scalar(transaction, "SELECT version FROM champions WHERE model = $m", ("$m", model)) is long v ? (int)v : null;

    private static bool VersionExists(SqliteConnection connection, SqliteTransaction transaction, string model, int version) =>
        connection.Scalar(transaction, "SELECT 1 FROM model_versions WHERE model = $m AND version = $v", ("$m", model), ("$v", version)) is not null;

    private List<ModelVersion> ReadVersions(string where, params (string Name, object Value)[] parameters)
    {
        using var connection = _database.Connect();
        using var command = connection.Command(null,
            $"SELECT {VersionColumns} FROM model_versions v LEFT JOIN champions c ON c.model = v.model AND c.version = v.version {where}",
            parameters);
        using var reader = command.ExecuteReader();
        var versions = new List<ModelVersion>();
        while (reader.Read())
        {
            var model = reader.GetString(0);
            var version = reader.GetInt32(1);
            // The folder is built from the row: a name that is not a model name could lead anywhere.
            if (!ModelName.IsValid(model))
            {
                throw new InvalidDataException($"The registry holds a version of '{model}', which is not a valid model name; the database was changed outside Vigil.");
            }

            var folder = Path.Combine(ModelsFolder, model, version.ToString(CultureInfo.InvariantCulture));
            versions.Add(new ModelVersion(
                model, version, reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(4), MetricsJson) ?? [],
                reader.GetString(5),
                reader.IsDBNull(6) ? null : StoredTime.FromTicks(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : StoredTime.FromTicks(reader.GetInt64(7)),
                reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.GetString(10), reader.GetString(11),
                StoredTime.FromTicks(reader.GetInt64(13)), folder,
                reader.GetInt64(12) == 1 ? Path.Combine(folder, BundleFolder.ProfileFileName) : null,
                reader.GetInt64(14) == 1)
            {
                Kind = ModelKinds.Parse(reader.GetString(15)),
            });
        }

        return versions;
    }
}
