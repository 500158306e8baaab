using System.Data;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Registry.Bundles;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres.Registry;

/// <summary>
/// The registry in PostgreSQL (tables <c>model_versions</c>, <c>champions</c>, <c>registry_events</c>, <c>bundles</c>),
/// shared by every node. A version's files are packed (<see cref="BundlePack"/>) and stored once by SHA-256 in
/// <c>bundles</c>, in the same transaction as the version's row; each node unpacks them into its
/// <see cref="BundleCache"/> on first use, verified by hash.
/// Changes to one model are serialised by a transaction-scoped advisory lock on the model's name, so concurrent
/// registrations from any node get consecutive version numbers and a champion swap and its event commit together.
/// </summary>
public sealed class PostgresModelRegistry : IModelRegistry
{
    // First key of the advisory locks this registry takes (the second is the model name's hash), apart from other locks.
    private const int LockSpace = 0x56474C52; // "VGLR"

    private static readonly JsonSerializerOptions MetricsJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private const string VersionColumns =
        "v.model, v.version, v.learner, v.config_json, v.metrics_json, v.training_fingerprint, v.training_window_start, " +
        "v.training_window_end, v.training_rows, v.parent_version, v.created_by, v.reason, v.has_profile, v.created_at, " +
        "(c.version IS NOT NULL), v.kind, v.bundle_sha256";

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;

    public PostgresModelRegistry(PostgresDatabase database, BundleCache cache, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(cache);
        _database = database;
        Cache = cache;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>This node's cache of unpacked bundles.</summary>
    public BundleCache Cache { get; }

    /// <summary>Test hook: runs after the bundle is stored and before the version's row is inserted; throwing simulates a crash there.</summary>
    internal Action? BeforeInsert { get; set; }

    public ModelVersion RegisterVersion(string model, string bundleSourceFolder, ModelVersionInfo info)
    {
        ModelName.Validate(model);
        RegistryRules.Validate(info);
        ArgumentException.ThrowIfNullOrEmpty(bundleSourceFolder);
        if (!Directory.Exists(bundleSourceFolder))
        {
            throw new WorkspaceInputException($"Bundle folder '{bundleSourceFolder}' does not exist.");
        }

        var source = Path.GetFullPath(bundleSourceFolder);
        var overlay = info.ProfileJson is null
            ? null
            : new Dictionary<string, byte[]>(StringComparer.Ordinal) { [VersionFile.ProfileFileName] = BundlePack.Text(info.ProfileJson) };
        Directory.CreateDirectory(Cache.Folder);
        var packed = Path.Combine(Cache.Folder, string.Create(CultureInfo.InvariantCulture, $".incoming-{Environment.ProcessId}-{Guid.NewGuid():N}.tar"));
        try
        {
            // Packed outside the transaction (bundles can be large); only the upload and the inserts hold the lock.
            string sha;
            using (var file = new FileStream(packed, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                sha = BundlePack.Pack(source, file, overlay);
            }

            var hasProfile = overlay is not null || File.Exists(Path.Combine(source, VersionFile.ProfileFileName));
            int version;
            using (var connection = _database.Connect())
            using (var transaction = connection.BeginTransaction())
            {
                LockModel(connection, transaction, model);
                version = Convert.ToInt32(
                    Scalar(connection, transaction, "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model = @m", ("m", model)),
                    CultureInfo.InvariantCulture);
                if (info.ParentVersion is { } parent && !VersionExists(connection, transaction, model, parent))
                {
                    throw new WorkspaceInputException($"Parent version {parent} of model '{model}' does not exist.");
                }

                StoreBundle(connection, transaction, sha, packed, _time.GetUtcNow());
                BeforeInsert?.Invoke();

                var now = _time.GetUtcNow();
                Execute(connection, transaction,
                    "INSERT INTO model_versions (model, version, learner, config_json, metrics_json, training_fingerprint, training_window_start, " +
                    "training_window_end, training_rows, parent_version, created_by, reason, has_profile, created_at, kind, bundle_sha256) " +
                    "VALUES (@m, @v, @learner, @config, @metrics, @fp, @ws, @we, @rows, @parent, @by, @reason, @profile, @at, @kind, @sha)",
                    ("m", model), ("v", version), ("learner", info.Learner), ("config", info.ConfigJson),
                    ("metrics", JsonSerializer.Serialize(info.Metrics, MetricsJson)), ("fp", info.TrainingFingerprint),
                    ("ws", Ticks(info.TrainingWindowStart)), ("we", Ticks(info.TrainingWindowEnd)),
                    ("rows", info.TrainingRows), ("parent", (object?)info.ParentVersion ?? DBNull.Value),
                    ("by", info.CreatedBy), ("reason", info.Reason), ("profile", hasProfile ? 1 : 0),
                    ("at", now.UtcTicks), ("kind", info.Kind.Name()), ("sha", sha));
                AddEvent(connection, transaction, now, model, RegistryEventKind.Registered, null, version, info.Reason, info.CreatedBy);
                var champion = ChampionVersion(connection, transaction, model);
                if (info.BecomeChampion ?? version == 1)
                {
                    SetChampion(connection, transaction, now, model, champion, version, RegistryEventKind.Promoted, info.Reason, info.CreatedBy);
                }

                transaction.Commit();
            }

            AdoptQuietly(sha, packed);
            return GetVersion(model, version);
        }
        finally
        {
            TryDelete(packed);
        }
    }

    public ModelVersion? GetChampion(string model)
    {
        ModelName.Validate(model);
        return ReadVersions("WHERE v.model = @m AND c.version IS NOT NULL", ("m", model)).SingleOrDefault();
    }

    public IReadOnlyList<ModelVersion> ListVersions(string model)
    {
        ModelName.Validate(model);
        return ReadVersions("WHERE v.model = @m ORDER BY v.version", ("m", model));
    }

    public IReadOnlyList<string> ListModels()
    {
        using var connection = _database.Connect();
        using var command = Command(connection, null, "SELECT model FROM model_versions GROUP BY model ORDER BY model COLLATE \"C\"");
        using var reader = command.ExecuteReader();
        var models = new List<string>();
        while (reader.Read())
        {
            models.Add(reader.GetString(0));
        }

        return models;
    }

    public ModelVersion GetVersion(string model, int version)
    {
        ModelName.Validate(model);
        var found = ReadVersions("WHERE v.model = @m AND v.version = @v", ("m", model), ("v", version));
        return found.Count == 1 ? found[0] : throw UnknownVersion(model, version);
    }

    public ModelVersion Promote(string model, int version, string reason, string actor)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(actor);
        using (var connection = _database.Connect())
        using (var transaction = connection.BeginTransaction())
        {
            LockModel(connection, transaction, model);
            if (!VersionExists(connection, transaction, model, version))
            {
                throw UnknownVersion(model, version);
            }

            var champion = ChampionVersion(connection, transaction, model);
            if (champion == version)
            {
                throw new WorkspaceInputException($"Version {version} is already the champion of model '{model}'.");
            }

            SetChampion(connection, transaction, _time.GetUtcNow(), model, champion, version, RegistryEventKind.Promoted, reason, actor);
            transaction.Commit();
        }

        return GetVersion(model, version);
    }

    public ModelVersion Rollback(string model, string reason, string actor)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(actor);
        int target;
        using (var connection = _database.Connect())
        using (var transaction = connection.BeginTransaction())
        {
            LockModel(connection, transaction, model);
            var champion = ChampionVersion(connection, transaction, model)
                ?? throw new WorkspaceInputException($"Model '{model}' has no champion to roll back.");
            var history = new List<(RegistryEventKind, int)>();
            using (var command = Command(connection, transaction,
                "SELECT kind, to_version FROM registry_events WHERE model = @m AND kind IN ('promoted', 'rolled_back') ORDER BY id",
                ("m", model)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    history.Add((RegistryRules.ParseKind(reader.GetString(0)), reader.GetInt32(1)));
                }
            }

            target = RegistryRules.RollbackTarget(model, champion, history);
            SetChampion(connection, transaction, _time.GetUtcNow(), model, champion, target, RegistryEventKind.RolledBack, reason, actor);
            transaction.Commit();
        }

        return GetVersion(model, target);
    }

    public RegistryEvent RecordKept(string model, int challengerVersion, string reason, string actor)
    {
        ModelName.Validate(model);
        using (var connection = _database.Connect())
        using (var transaction = connection.BeginTransaction())
        {
            LockModel(connection, transaction, model);
            if (!VersionExists(connection, transaction, model, challengerVersion))
            {
                throw UnknownVersion(model, challengerVersion);
            }

            var champion = ChampionVersion(connection, transaction, model);
            AddEvent(connection, transaction, _time.GetUtcNow(), model, RegistryEventKind.Kept, champion, challengerVersion, reason, actor);
            transaction.Commit();
        }

        return Events(model)[^1];
    }

    public IReadOnlyList<RegistryEvent> Events(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        using var command = Command(connection, null,
            "SELECT id, time, model, kind, from_version, to_version, reason, actor FROM registry_events WHERE model = @m ORDER BY id",
            ("m", model));
        using var reader = command.ExecuteReader();
        var events = new List<RegistryEvent>();
        while (reader.Read())
        {
            events.Add(new RegistryEvent(
                reader.GetInt64(0), FromTicks(reader.GetInt64(1)), reader.GetString(2), RegistryRules.ParseKind(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.GetString(6), reader.GetString(7)));
        }

        return events;
    }

    /// <summary>The database cannot hold half a registration (one transaction); only this node's cache can, after a crash.</summary>
    public void RemoveCrashLeftovers() => Cache.RemoveCrashLeftovers();

    private static void LockModel(NpgsqlConnection connection, NpgsqlTransaction transaction, string model) =>
        Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@space, hashtext(@m))", ("space", LockSpace), ("m", model));

    // Stored once: an identical bundle (same files) registered before, by any model, is shared.
    private static void StoreBundle(NpgsqlConnection connection, NpgsqlTransaction transaction, string sha, string packed, DateTimeOffset now)
    {
        if (Scalar(connection, transaction, "SELECT 1 FROM bundles WHERE sha256 = @h", ("h", sha)) is not null)
        {
            return;
        }

        using var content = new FileStream(packed, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var command = Command(connection, transaction,
            "INSERT INTO bundles (sha256, size, content, created_at) VALUES (@h, @size, @content, @at) ON CONFLICT (sha256) DO NOTHING",
            ("h", sha), ("size", content.Length), ("at", now.UtcTicks));
        command.Parameters.Add(new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = content });
        command.ExecuteNonQuery();
    }

    private void CopyBundle(string sha, string model, int version, Stream output)
    {
        using var connection = _database.Connect();
        using var command = Command(connection, null, "SELECT content FROM bundles WHERE sha256 = @h", ("h", sha));
        using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
        if (!reader.Read())
        {
            throw new BundleIntegrityException(
                $"Model '{model}' version {version}: its bundle {sha} is missing from the database; it was changed outside Vigil.");
        }

        using var content = reader.GetStream(0);
        content.CopyTo(output);
    }

    private void AdoptQuietly(string sha, string packed)
    {
        try
        {
            Cache.Adopt(sha, packed);
        }
        catch (IOException)
        {
            // The version is registered; the cache is filled from the database on first use instead.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private WorkspaceInputException UnknownVersion(string model, int version) =>
        RegistryRules.UnknownVersion(model, version, [.. ListVersions(model).Select(v => v.Version)], ListModels());

    private static void SetChampion(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, string model,
        int? from, int to, RegistryEventKind kind, string reason, string actor)
    {
        Execute(connection, transaction,
            "INSERT INTO champions (model, version, since) VALUES (@m, @v, @t) ON CONFLICT (model) DO UPDATE SET version = @v, since = @t",
            ("m", model), ("v", to), ("t", now.UtcTicks));
        AddEvent(connection, transaction, now, model, kind, from, to, reason, actor);
    }

    private static void AddEvent(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, string model,
        RegistryEventKind kind, int? from, int? to, string reason, string actor) =>
        Execute(connection, transaction,
            "INSERT INTO registry_events (time, model, kind, from_version, to_version, reason, actor) VALUES (@t, @m, @k, @f, @to, @r, @a)",
            ("t", now.UtcTicks), ("m", model), ("k", RegistryRules.KindName(kind)), ("f", (object?)from ?? DBNull.Value),
            ("to", (object?)to ?? DBNull.Value), ("r", reason), ("a", actor));

    private static int? ChampionVersion(NpgsqlConnection connection, NpgsqlTransaction transaction, string model) =>
        Scalar(connection, transaction, "SELECT version FROM champions WHERE model = @m", ("m", model)) is int v ? v : null;

    private static bool VersionExists(NpgsqlConnection connection, NpgsqlTransaction transaction, string model, int version) =>
        Scalar(connection, transaction, "SELECT 1 FROM model_versions WHERE model = @m AND version = @v", ("m", model), ("v", version)) is not null;

    private List<ModelVersion> ReadVersions(string where, params (string Name, object Value)[] parameters)
    {
        using var connection = _database.Connect();
        using var command = Command(connection, null,
            $"SELECT {VersionColumns} FROM model_versions v LEFT JOIN champions c ON c.model = v.model AND c.version = v.version {where}",
            parameters);
        using var reader = command.ExecuteReader();
        var versions = new List<ModelVersion>();
        while (reader.Read())
        {
            var model = reader.GetString(0);
            var version = reader.GetInt32(1);
            if (!ModelName.IsValid(model))
            {
                throw new InvalidDataException($"The registry holds a version of '{model}', which is not a valid model name; the database was changed outside Vigil.");
            }

            var sha = reader.IsDBNull(16)
                ? throw new InvalidDataException($"Model '{model}' version {version} names no bundle; the database was changed outside Vigil.")
                : reader.GetString(16);
            var folder = Cache.PathOf(sha);
            versions.Add(new ModelVersion(
                model, version, reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(4), MetricsJson) ?? [],
                reader.GetString(5),
                reader.IsDBNull(6) ? null : FromTicks(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : FromTicks(reader.GetInt64(7)),
                reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.GetString(10), reader.GetString(11),
                FromTicks(reader.GetInt64(13)), folder,
                reader.GetInt32(12) == 1 ? Path.Combine(folder, VersionFile.ProfileFileName) : null,
                reader.GetBoolean(14))
            {
                Kind = ModelKinds.Parse(reader.GetString(15)),
                FetchBundle = () => Cache.Resolve(sha, output => CopyBundle(sha, model, version, output)),
            });
        }

        return versions;
    }

    private static object Ticks(DateTimeOffset? value) => value.HasValue ? value.Value.UtcTicks : DBNull.Value;

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
