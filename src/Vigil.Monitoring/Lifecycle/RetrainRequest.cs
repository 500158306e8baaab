using Vigil.Data.Tables;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>
/// How to retrain a model and decide between champion and challenger.
/// The labelled rows (<see cref="Data"/>, time-ordered) are split: the last <see cref="HoldoutFraction"/> form a fresh
/// holdout that neither model trains on; the challenger trains on the rest (plus the champion's kept training data
/// when <see cref="IncludeTrainingData"/>), warm-started from the champion's configurations. Both are scored on the
/// holdout (a champion Vigil did not train: the challenger starts cold, and an <c>external</c> champion is judged by
/// its logged predictions on those rows), and the challenger is promoted only when the paired bootstrap interval of its improvement in
/// <see cref="Metric"/> lies above <see cref="PromotionMargin"/> at <see cref="Confidence"/>.
/// </summary>
public sealed record RetrainRequest
{
    /// <summary>Recent labelled rows, oldest first; must hold the champion's feature columns and label.</summary>
    public required Table Data { get; init; }

    /// <summary>Also train on the champion's training data (training.csv in its version folder). Default false.</summary>
    public bool IncludeTrainingData { get; init; }

    /// <summary>Share of the newest rows held out to compare champion and challenger. Default 0.3.</summary>
    public double HoldoutFraction { get; init; } = 0.3;

    /// <summary>AutoML budget for the challenger.</summary>
    public TimeSpan? TimeBudget { get; init; } = TimeSpan.FromSeconds(30);

    public int? MaxTrials { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Metric that decides promotion; null means the task's primary (roc_auc, log_loss, rmse).</summary>
    public string? Metric { get; init; }

    /// <summary>Improvement the challenger must show, in the metric's units (sign-adjusted so larger is better). Default 0.</summary>
    public double PromotionMargin { get; init; }

    /// <summary>Two-sided level of the paired bootstrap interval whose lower bound must clear the margin. Default 0.9 (one-sided 95 %).</summary>
    public double Confidence { get; init; } = 0.9;

    /// <summary>Bootstrap resamples. Default 1000.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>
    /// Refit a promoted challenger's configuration on every usable row, the comparison rows included, before it is
    /// registered. The comparison measured the configuration trained without those rows. Default false: on a stream
    /// that drifts every week it helps (elec replay 0.7396 → 0.7586), but after an abrupt concept change the refitted
    /// champion learned half the old concept, serves above the baseline its challenger earned, and no reason fires
    /// again (docs/replay.md); on by default once the baseline is measured for the refitted model.
    /// </summary>
    public bool RefitOnAllRows { get; init; }

    /// <summary>
    /// For a champion that cannot score (kind <c>external</c>): its logged prediction for each row of <see cref="Data"/>,
    /// which is its side of the comparison. Null: read from the data's prediction column named at registration.
    /// </summary>
    public IReadOnlyList<string?>? ChampionPredictions { get; init; }

    /// <summary>With <see cref="ChampionPredictions"/>: the champion's logged score for each row (null where none was logged).</summary>
    public IReadOnlyList<double?>? ChampionScores { get; init; }

    /// <summary>
    /// When set, the challenger is trained and compared as usual but never promoted; this text says why in the record
    /// (e.g. the service's <c>Vigil:Retrain:ForeignChampions</c> is <c>compare</c>).
    /// </summary>
    public string? NoPromotionBecause { get; init; }

    public string CreatedBy { get; init; } = "library";

    public string Reason { get; init; } = "retrain requested";

    /// <summary>Called after every AutoML trial.</summary>
    public Action<Vigil.AutoML.AutoMLProgress>? Progress { get; init; }

    /// <summary>Test hook: called with the stage name ("fitted", "registered") so a test can inject a crash there.</summary>
    internal Action<string>? FaultInjection { get; init; }

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Data);
        if (!(HoldoutFraction > 0 && HoldoutFraction < 0.9))
        {
            throw new ArgumentOutOfRangeException(nameof(HoldoutFraction), HoldoutFraction, "The holdout fraction must be in (0, 0.9).");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "The confidence level must be in (0, 1).");
        }

        if (Resamples < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "Use at least 100 bootstrap resamples.");
        }
    }
}
