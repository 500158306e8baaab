using Vigil.AutoML;
using Vigil.Monitoring.Checks;
using Vigil.Statistics.Sorting;

namespace Vigil.Monitoring.Profiles;

/// <summary>
/// The model's performance on a holdout it never trained on, the yardstick of <see cref="PerformanceCheck"/>, and its
/// score distribution there, the reference of prediction drift.
/// </summary>
public sealed record Baseline
{
    /// <summary>Binary, Multiclass or Regression.</summary>
    public required AutoMLTask Task { get; init; }

    /// <summary>Holdout rows the metrics were computed on.</summary>
    public int Rows { get; init; }

    /// <summary>Number of classes (0 for regression).</summary>
    public int ClassCount { get; init; }

    /// <summary>Metric name (see <see cref="TaskMetrics"/>) → value on the holdout; metrics undefined there are absent.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>
    /// The holdout scores in ascending order (all, or a uniform sample of at most the cap): binary → probability of
    /// class 1; multiclass → largest class probability; regression → predicted value. Empty when the model gave no
    /// probabilities.
    /// </summary>
    public required IReadOnlyList<double> ScoreSample { get; init; }

    /// <summary>Builds the baseline from holdout predictions (no model call: the caller scored the holdout).</summary>
    public static Baseline FromHoldout(PredictionSet holdout, int scoreSampleCap = 50_000, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentOutOfRangeException.ThrowIfLessThan(scoreSampleCap, 2);
        var scores = (holdout.Scores() ?? []).Where(double.IsFinite).ToArray();
        if (scores.Length > scoreSampleCap)
        {
            new Random(seed).Shuffle(scores);
            Array.Resize(ref scores, scoreSampleCap);
        }

        DoubleSort.Sort(scores);
        return new Baseline
        {
            Task = holdout.Task,
            Rows = holdout.Rows,
            ClassCount = holdout.ClassCount,
            Metrics = TaskMetrics.ComputeAll(holdout),
            ScoreSample = scores,
        };
    }
}
