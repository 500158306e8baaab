using Vigil.Monitoring;

namespace Vigil.Replay;

/// <summary>
/// How <see cref="ReplayRunner"/> replays a time-ordered labelled table: the first <see cref="InitialBatches"/>
/// batches train the first model; every later batch is scored by the current champion, then its labels are revealed,
/// the strategy decides, and a retrain (on the last <see cref="WindowBatches"/> labelled batches) may happen.
/// Immutable; the rows must already be in time order (the replay cannot check that).
/// </summary>
public sealed record ReplayOptions
{
    /// <summary>Label column (classification: binary or multiclass).</summary>
    public required string Label { get; init; }

    /// <summary>Rows per batch. Default 336 (one week of half-hours).</summary>
    public int BatchSize { get; init; } = 336;

    /// <summary>Batches that train the first model. Default 4.</summary>
    public int InitialBatches { get; init; } = 4;

    /// <summary>Labelled batches (the newest) a retrain learns from. Default 4.</summary>
    public int WindowBatches { get; init; } = 4;

    /// <summary>Simulated time one batch covers, so the policy's time gates behave as in production. Default 7 days.</summary>
    public TimeSpan BatchDuration { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Simulated time of the first row.</summary>
    public DateTimeOffset Start { get; init; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>AutoML time budget per training; null means only <see cref="MaxTrials"/> limits it.</summary>
    public TimeSpan? TimeBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>AutoML trials per training; with <see cref="TimeBudget"/> null the replay is reproducible.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>Seed for AutoML, holdouts and bootstraps; the same seed and trial count give the same replay.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>AutoML learners ("lgbm", "rf", "fasttree", "linear"); null means all.</summary>
    public IReadOnlyList<string>? Learners { get; init; }

    /// <summary>Columns removed before anything else (e.g. a time index that should not be a feature).</summary>
    public IReadOnlyList<string> DropColumns { get; init; } = [];

    /// <summary>Monitoring settings and retrain policy of every strategy's workspace (the strategies that use them).</summary>
    public VigilMonitorOptions Monitor { get; init; } = new();

    /// <summary>Folder under which each strategy gets its own temporary workspace; null means the system temp folder.</summary>
    public string? WorkFolder { get; init; }

    /// <summary>Keep the strategies' workspaces after the replay (to inspect them with <c>vigil models</c> / <c>vigil report</c>).</summary>
    public bool KeepWorkspaces { get; init; }

    /// <summary>Strategies replayed at the same time (each trains single-threaded on small data). Default 1.</summary>
    public int MaxParallelStrategies { get; init; } = 1;

    /// <summary>Called after every replayed batch of every strategy (from the strategy's thread).</summary>
    public Action<ReplayProgress>? Progress { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Label);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 20, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBatches, 1, nameof(InitialBatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowBatches, 1, nameof(WindowBatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelStrategies, 1, nameof(MaxParallelStrategies));
        if (BatchDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchDuration), BatchDuration, "A batch must cover a positive time span.");
        }

        if (TimeBudget is null && MaxTrials is null)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeBudget), "Give a time budget, a maximum trial count, or both.");
        }

        if (MaxTrials is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTrials), MaxTrials, "At least one AutoML trial is needed.");
        }

        if (DropColumns.Contains(Label, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(DropColumns), $"The label column '{Label}' cannot be dropped.");
        }
    }
}
