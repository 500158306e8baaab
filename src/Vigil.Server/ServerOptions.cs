using Vigil.Monitoring.Workspace;

namespace Vigil.Server;

/// <summary>
/// Settings of the Vigil service, bound from the "Vigil" section of configuration (appsettings.json, environment
/// variables such as <c>Vigil__Workspace</c>, command-line flags), following ASP.NET conventions.
/// </summary>
public sealed class ServerOptions
{
    /// <summary>Workspace folder (SQLite history and model versions). Default <c>.vigil</c>.</summary>
    public string Workspace { get; set; } = ".vigil";

    /// <summary>
    /// Where the workspace lives: <c>sqlite:&lt;folder&gt;</c> or a PostgreSQL connection string (see
    /// <see cref="StoreSelection"/>). Unset: <c>sqlite:</c> <see cref="Workspace"/>, today's behaviour. With PostgreSQL,
    /// <see cref="Workspace"/> is this node's local folder (uploads being staged, the bundle cache).
    /// </summary>
    public string? Store { get; set; }

    /// <summary>Where this node caches content-addressed bundles of a PostgreSQL store. Default <c>&lt;Workspace&gt;/cache</c>.</summary>
    public string? BundleCache { get; set; }

    /// <summary>
    /// How long the service waits at start for a store that does not answer yet (a database starting beside it), trying
    /// again with growing pauses (1 s doubling to 10 s) and logging each attempt. Default 0: a store that does not
    /// answer stops the start at once with one line, for a supervisor to restart. A failed login, a missing database
    /// or a newer schema never waits.
    /// </summary>
    public TimeSpan StoreStartupWait { get; set; } = TimeSpan.Zero;

    /// <summary>API keys and their scopes. With none configured the API is open (development only; a warning is logged).</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>
    /// True: dashboard pages (everything outside /api, /health, /ready, /metrics, /openapi) are served without a key.
    /// Default false: they need a read key like every GET of the API.
    /// </summary>
    public bool OpenDashboard { get; set; }

    /// <summary>
    /// True: <c>/metrics</c> is served without a key (for a Prometheus that cannot send one, behind a trusted network).
    /// Default false: it reveals model names and metric values, so it needs a read key like the API.
    /// </summary>
    public bool OpenMetrics { get; set; }

    /// <summary>
    /// True: ingestion stores rows whose features (or labels) do not match the champion's schema and reports them as
    /// findings; a request's <c>?lenient=</c> overrides this. Default false: such a batch is refused (422), nothing stored.
    /// </summary>
    public bool LenientIngestion { get; set; }

    /// <summary>Largest request body accepted, in bytes (413 beyond). Default 32 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Largest unpacked size of an uploaded model bundle archive, in bytes (422 beyond). Default 1 GiB.
    /// The archive itself is also bounded by <see cref="MaxRequestBytes"/>.</summary>
    public long MaxBundleBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Most cells (rows × columns) an uploaded Parquet reference or holdout may state (422 beyond). Its arrays are sized
    /// by the row count its footer states, which a small file can inflate. Default 50,000,000 (at most 400 MB of
    /// numbers).
    /// </summary>
    public long MaxUploadCells { get; set; } = 50_000_000;

    /// <summary>
    /// Ingestion groups (group commits) of one model in flight at once. Unset: the store's choice — 1 on SQLite (one
    /// writer), 2 on PostgreSQL (the next group inserts while the previous one's commit is flushed). 1 writes one
    /// group at a time on any store.
    /// </summary>
    public int? IngestGroupsInFlight { get; set; }

    /// <summary>Most rows in one ingestion or predict batch (422 beyond). Default 100,000.</summary>
    public int MaxBatchRows { get; set; } = 100_000;

    /// <summary>
    /// <c>Full</c> (default): an acknowledged write is on disk (survives power loss; each commit waits for an fsync).
    /// <c>Normal</c>: it survives a crash or kill of the server but not of the machine; commits do not wait for the
    /// disk, which shortens the tail latency of <c>/predict</c> on disks with slow fsync.
    /// </summary>
    public WorkspaceDurability Durability { get; set; } = WorkspaceDurability.Full;

    /// <summary>
    /// SQLite store: how often a background loop copies the write-ahead log into the database file (a PASSIVE
    /// checkpoint, which does not stop commits). Default 250 ms; 0 leaves it to the commits, as SQLite does by
    /// default: the commit that takes the log past 1,000 pages then checkpoints and syncs before it answers, which
    /// puts a 1–2 ms stall into every few hundredth /predict. Ignored for PostgreSQL.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Watched metrics from configuration (defaults and per model); a model's stored setting wins.</summary>
    public WatchOptions Watch { get; set; } = new();

    /// <summary>Per-model scheduling of checks and retraining.</summary>
    public SchedulerOptions Scheduler { get; set; } = new();

    /// <summary>Retraining: what a policy-decided retrain does for a champion Vigil did not train.</summary>
    public RetrainOptions Retrain { get; set; } = new();

    /// <summary>Shadow challengers: the background scorer and the promotion policy.</summary>
    public ShadowSettings Shadow { get; set; } = new();

    /// <summary>How long raw prediction rows are kept.</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>Online change detectors on each model's error and score streams.</summary>
    public StreamSettings Streams { get; set; } = new();

    /// <summary>OpenTelemetry export (traces and metrics over OTLP); off unless an endpoint is set.</summary>
    public Telemetry.TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>The cluster this node joins (<c>vigil serve --cluster</c>); off by default.</summary>
    public Vigil.Cluster.ClusterSettings Cluster { get; set; } = new();
}
