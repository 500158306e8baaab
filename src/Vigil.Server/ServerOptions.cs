namespace Vigil.Server;

/// <summary>
/// Settings of the Vigil service, bound from the "Vigil" section of configuration (appsettings.json, environment
/// variables such as <c>Vigil__Workspace</c>, command-line flags), following ASP.NET conventions.
/// </summary>
public sealed class ServerOptions
{
    /// <summary>Workspace folder (SQLite history and model versions). Default <c>.vigil</c>.</summary>
    public string Workspace { get; set; } = ".vigil";

    /// <summary>API keys and their scopes. With none configured the API is open (development only; a warning is logged).</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Largest request body accepted, in bytes (413 beyond). Default 32 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Per-model scheduling of checks and retraining.</summary>
    public SchedulerOptions Scheduler { get; set; } = new();
}

/// <summary>One API key: its secret and whether it may write (ingest, promote, retrain) or only read.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary><c>read</c> or <c>write</c> (write includes read).</summary>
    public string Scope { get; set; } = "read";
}

/// <summary>When checks run for each model and how retraining is scheduled.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Run a check every this many new logged rows (0 = off). Default 1000.</summary>
    public int CheckEveryRows { get; set; } = 1000;

    /// <summary>Run a check on this period when new rows arrived (null = off).</summary>
    public TimeSpan? CheckEvery { get; set; }

    /// <summary>Rows in a check window (the most recent). Default 1000.</summary>
    public int WindowRows { get; set; } = 1000;

    /// <summary>Retrain automatically when the policy says so. Default true.</summary>
    public bool AutoRetrain { get; set; } = true;

    /// <summary>AutoML budget of a scheduled retrain. Default 30 s.</summary>
    public TimeSpan RetrainBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Labelled rows (most recent) used to retrain. Default 5000.</summary>
    public int RetrainRows { get; set; } = 5000;

    /// <summary>How often the scheduler looks for work. Default 1 s.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);
}
