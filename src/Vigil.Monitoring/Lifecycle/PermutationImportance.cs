using Vigil.AutoML.Bundles;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>
/// Permutation feature importance on a holdout: for each feature, the drop of the task's primary metric when that
/// column's values are shuffled (seeded), clipped at 0 and normalised to sum to 1. Model-agnostic, so every learner
/// gets importances for importance-weighted drift.
/// </summary>
public static class PermutationImportance
{
    /// <summary>Rows used at most (a seeded prefix of the shuffled holdout) to bound the cost.</summary>
    public const int MaxRows = 2000;

    public static IReadOnlyDictionary<string, double>? Compute(ModelBundle bundle, Table holdout, PredictionSet outcomes,
        int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Rows != holdout.RowCount || holdout.RowCount < 10)
        {
            return null; // some holdout rows had unusable labels: skip rather than misalign
        }

        var metric = TaskMetrics.DefaultPrimary(bundle.Task);
        var sign = TaskMetrics.HigherIsBetter(metric) ? 1.0 : -1.0;
        var rows = holdout.RowCount <= MaxRows ? holdout : holdout.Slice(0, MaxRows);
        var reference = Score(bundle, rows, metric);
        if (!double.IsFinite(reference))
        {
            return null;
        }

        var random = new Random(seed);
        var drops = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var column in rows.Columns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (column.Name == bundle.Labels.LabelColumn)
            {
                continue;
            }

            var order = Enumerable.Range(0, rows.RowCount).ToArray();
            random.Shuffle(order);
            var shuffled = rows.WithColumn(column.Take(order));
            var value = Score(bundle, shuffled, metric);
            drops[column.Name] = double.IsFinite(value) ? Math.Max(0, sign * (reference - value)) : 0;
        }

        var total = drops.Values.Sum();
        return total > 0 ? drops.ToDictionary(p => p.Key, p => p.Value / total, StringComparer.Ordinal) : null;
    }

    /// <summary>
    /// As <see cref="Compute(ModelBundle, Table, PredictionSet, int, CancellationToken)"/> for a model of any kind that
    /// can score, over the columns it reads; null for one that cannot (an external model: drift is then unweighted).
    /// </summary>
    public static IReadOnlyDictionary<string, double>? Compute(Models.LoadedModel model, Table holdout, PredictionSet outcomes,
        int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (!model.CanScore || outcomes.Rows != holdout.RowCount || holdout.RowCount < 10)
        {
            return null;
        }

        var metric = TaskMetrics.DefaultPrimary(model.Task);
        var sign = TaskMetrics.HigherIsBetter(metric) ? 1.0 : -1.0;
        var rows = holdout.RowCount <= MaxRows ? holdout : holdout.Slice(0, MaxRows);
        var reference = Score(model, rows, metric);
        if (!double.IsFinite(reference))
        {
            return null;
        }

        var random = new Random(seed);
        var drops = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in model.InputKinds.Keys.Where(rows.Contains))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = Enumerable.Range(0, rows.RowCount).ToArray();
            random.Shuffle(order);
            var value = Score(model, rows.WithColumn(rows[name].Take(order)), metric);
            drops[name] = double.IsFinite(value) ? Math.Max(0, sign * (reference - value)) : 0;
        }

        var total = drops.Values.Sum();
        return total > 0 ? drops.ToDictionary(p => p.Key, p => p.Value / total, StringComparer.Ordinal) : null;
    }

    private static double Score(Models.LoadedModel model, Table rows, string metric)
    {
        var set = ModelScoring.Outcomes(model.Labels, rows, model.Predict(rows), out _);
        return set is null ? double.NaN : TaskMetrics.Compute(set, metric, Enumerable.Range(0, set.Rows).ToArray());
    }

    private static double Score(ModelBundle bundle, Table rows, string metric)
    {
        var predictions = bundle.Predict(rows);
        var set = ModelScoring.Outcomes(bundle, rows, predictions, out _);
        return set is null ? double.NaN : TaskMetrics.Compute(set, metric, Enumerable.Range(0, set.Rows).ToArray());
    }
}
