using Vigil.AutoML;
using Vigil.AutoML.Metrics;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>How to train a model version: the AutoML settings plus how much data to hold out for the baseline.</summary>
public sealed record TrainRequest
{
    /// <summary>Label column.</summary>
    public required string Label { get; init; }

    public AutoMLTask Task { get; init; } = AutoMLTask.Auto;

    public Metric Metric { get; init; } = Metric.Default;

    /// <summary>AutoML time budget for the whole fit; null means only <see cref="MaxTrials"/> limits it.</summary>
    public TimeSpan? TimeBudget { get; init; } = TimeSpan.FromSeconds(30);

    public int? MaxTrials { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Share of rows held out (never trained on) to measure the baseline metrics. Default 0.2.</summary>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>Take the holdout from the last rows (time-ordered data) instead of a stratified random draw.</summary>
    public bool HoldoutIsLatest { get; init; }

    /// <summary>Configurations AutoML tries first (warm start).</summary>
    public IReadOnlyList<StartingPoint>? StartingPoints { get; init; }

    /// <summary>Learners to search; null means all.</summary>
    public IReadOnlyList<string>? Learners { get; init; }

    /// <summary>Early stopping inside LightGBM trials (<see cref="AutoMLOptions.EarlyStopping"/>); off by default.</summary>
    public bool EarlyStopping { get; init; }

    /// <summary>Called after every AutoML trial.</summary>
    public Action<AutoMLProgress>? Progress { get; init; }

    /// <summary>Recorded with the version: who asked for it (e.g. "vigil train").</summary>
    public string CreatedBy { get; init; } = "library";

    /// <summary>Recorded with the version: why it was trained.</summary>
    public string Reason { get; init; } = "initial training";

    /// <summary>Rows of the training data kept in the version folder (training.csv) for later retraining. Default 200,000.</summary>
    public int KeepTrainingRows { get; init; } = 200_000;

    /// <summary>
    /// The model's watched metrics, stored with the model when it is trained through <see cref="VigilMonitor.Train"/>
    /// (checked against the task before training starts); null keeps the model's current setting.
    /// </summary>
    public Checks.WatchedMetrics? Watch { get; init; }

    /// <summary>Whether the new version becomes champion (null: only when it is the model's first version).</summary>
    public bool? BecomeChampion { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Label);
        if (!(HoldoutFraction > 0 && HoldoutFraction < 0.9))
        {
            throw new ArgumentOutOfRangeException(nameof(HoldoutFraction), HoldoutFraction, "The holdout fraction must be in (0, 0.9).");
        }

        if (TimeBudget is null && MaxTrials is null)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeBudget), "Give a time budget, a maximum trial count, or both.");
        }
    }
}
