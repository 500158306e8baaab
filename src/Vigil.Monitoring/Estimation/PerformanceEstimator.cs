using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// What a model version needs to estimate its performance on windows without labels, fitted once on the version's
/// labelled holdout and stored with the version (<see cref="EstimatorFile"/>): CBPE calibrators for a classifier,
/// DLE error models for a regressor. It reads scores and rows, never a bundle, so it serves any model kind that gives
/// probabilities (classification) or predictions (regression).
/// </summary>
public sealed record PerformanceEstimator
{
    /// <summary>The stored format's version (1).</summary>
    public int Format { get; init; } = 1;

    /// <summary>Binary, Multiclass or Regression.</summary>
    public required AutoMLTask Task { get; init; }

    /// <summary>When it was fitted.</summary>
    public DateTimeOffset FittedAt { get; init; }

    /// <summary>CBPE state (classification).</summary>
    public CbpeModel? Cbpe { get; init; }

    /// <summary>DLE state (regression).</summary>
    public DleModel? Dle { get; init; }

    /// <summary>
    /// Fits the estimator of a model from its labelled holdout predictions. <paramref name="rows"/> (the holdout's rows,
    /// aligned with <paramref name="holdout"/>) are needed for regression, whose error models read the features;
    /// <paramref name="label"/> is left out of them. Returns null, with <paramref name="why"/>, when the model cannot be
    /// estimated (a classifier without probabilities, or too few rows).
    /// </summary>
    public static PerformanceEstimator? TryFit(PredictionSet holdout, Table? rows, string? label, out string? why,
        int seed = 0, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        why = null;
        var now = (time ?? TimeProvider.System).GetUtcNow();
        if (holdout.Rows < MinHoldoutRows)
        {
            why = $"the holdout has {holdout.Rows} labelled rows; estimation needs at least {MinHoldoutRows}";
            return null;
        }

        if (holdout.Task == AutoMLTask.Regression)
        {
            if (rows is null || rows.RowCount != holdout.Rows)
            {
                why = "DLE needs the holdout's feature rows";
                return null;
            }

            try
            {
                return new PerformanceEstimator { Task = holdout.Task, FittedAt = now, Dle = DleModel.Fit(rows, holdout, label, seed, cancellationToken) };
            }
            catch (InvalidOperationException e)
            {
                // LightGBM refused the data (e.g. every feature constant): the model is still usable, only not estimable.
                why = "the error models could not be trained: " + e.Message;
                return null;
            }
        }

        if (holdout.Probabilities is null)
        {
            why = "the model gives no probabilities, which CBPE needs";
            return null;
        }

        return new PerformanceEstimator
        {
            Task = holdout.Task,
            FittedAt = now,
            Cbpe = CbpeModel.Fit(holdout, new CalibrationOptions { Seed = seed }),
        };
    }

    /// <summary>Fewest labelled holdout rows an estimator is fitted on.</summary>
    public const int MinHoldoutRows = 50;

    /// <summary>
    /// Estimates the window's performance. <paramref name="rows"/> are the window's rows (read by DLE),
    /// <paramref name="scores"/> the model's output on them, judged by <paramref name="rule"/> (the one the model's
    /// measured performance is judged by: <see cref="DegradationRule.For"/>); <paramref name="outcomes"/>, when they cover every row,
    /// add the realised values beside the estimates.
    /// </summary>
    public EstimatedPerformance Estimate(Table rows, ScoredRows scores, EstimationOptions options, DegradationRule rule, PredictionSet? outcomes = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rule);
        var complete = outcomes is not null && outcomes.Rows == scores.Rows ? outcomes : null;
        if (Dle is not null)
        {
            return Dle.Estimate(rows, scores, rule, complete?.TrueValues);
        }

        if (Cbpe is not null)
        {
            return Cbpe.Estimate(scores, options, rule, complete?.TrueClasses);
        }

        throw new InvalidOperationException("The estimator holds neither CBPE nor DLE state.");
    }

    /// <summary>The method's name: cbpe or dle.</summary>
    public string Method => Dle is not null ? "dle" : "cbpe";
}
