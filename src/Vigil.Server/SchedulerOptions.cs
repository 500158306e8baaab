namespace Vigil.Server;

/// <summary>When checks run for each model and how retraining is scheduled.</summary>
public sealed class SchedulerOptions
{
    /// <summary>False turns the scheduler off (checks and retrains then run only when asked through the API). Default true.</summary>
    public bool Enabled { get; set; } = true;

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

    /// <summary>AutoML trial cap of a scheduled retrain (null = only the budget limits it).</summary>
    public int? RetrainMaxTrials { get; set; }

    /// <summary>Labelled rows (most recent) used to retrain. Default 5000.</summary>
    public int RetrainRows { get; set; } = 5000;

    /// <summary>
    /// Nice value (1–19, Linux; lowered thread priority on Windows) of retrain threads, so ingestion and reads get the
    /// CPU first and a retrain takes what is left; 0 runs retrains at normal priority. Default 19 (the lowest): on an
    /// idle machine a retrain still gets every core, since nice only matters when something else wants the CPU.
    /// </summary>
    public int RetrainNice { get; set; } = 19;

    /// <summary>
    /// Wait before retrying a model whose scheduled check failed; doubles with each further failure up to
    /// <see cref="FailureBackoffMax"/>. Default 30 s.
    /// </summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts of a failing scheduled check. Default 1 h.</summary>
    public TimeSpan FailureBackoffMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the scheduler looks for work. Default 1 s.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);
}
