using System.Globalization;
using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Shadows;

/// <summary>
/// Champion and shadow on the same newest labelled rows: the champion scores them itself (or, when it cannot, its
/// logged predictions and scores stand in), the shadow's stored outputs are its side, and only rows both can be judged
/// on take part. The figures are a <see cref="PairedComparison"/>, the test every promotion passes.
/// </summary>
public static class ShadowComparison
{
    /// <summary>Where <paramref name="shadow"/> stands against <paramref name="champion"/> under <paramref name="policy"/>.</summary>
    public static ShadowStatus Compare(IMonitoringStore store, StoredShadow shadow, ModelVersion champion, LoadedModel championModel,
        ReferenceProfile championProfile, ModelVersion shadowVersion, LoadedModel shadowModel, ShadowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(shadow);
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(championModel);
        ArgumentNullException.ThrowIfNull(shadowVersion);
        ArgumentNullException.ThrowIfNull(policy);
        var (scored, unscored) = store.CountShadowScores(shadow.Model, shadow.Version);
        var backlog = store.CountShadowBacklog(shadow.Model, shadow.Position);
        var pairs = store.ReadShadowPairs(shadow.Model, shadow.Version, policy.MaxLabelledRows);
        var (championSet, shadowSet, probabilities) = Outcomes(championModel, championProfile, shadowModel, pairs);
        var rows = championSet?.Rows ?? 0;
        var metric = policy.Metric ?? (championModel.Task != AutoMLTask.Regression && !probabilities
            ? "accuracy" // a side without probabilities: probability metrics are undefined for it
            : TaskMetrics.DefaultPrimary(championModel.Task));
        var comparison = rows >= 2
            ? PairedComparison.Compute(championSet!, shadowSet!, metric, policy.Resamples, policy.Confidence, policy.Seed, policy.Margin)
            : null;
        var status = new ShadowStatus
        {
            Model = shadow.Model,
            ChampionVersion = champion.Version,
            ChampionKind = champion.Kind.Name(),
            ShadowVersion = shadow.Version,
            ShadowKind = shadowVersion.Kind.Name(),
            SetAt = shadow.SetAt,
            SetBy = shadow.SetBy,
            ScoredRows = scored,
            UnscoredRows = unscored,
            BacklogRows = backlog,
            ChampionOutputs = championModel.CanScore ? "scored" : "logged",
            LabelledRows = rows,
            MinLabelledRows = policy.MinLabelledRows,
            Comparison = comparison,
            Verdict = "",
        };
        return status with { Verdict = Verdict(status, policy) };
    }

    private static string Verdict(ShadowStatus status, ShadowPolicy policy)
    {
        if (status.LabelledRows == 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"no labelled row scored by both yet ({status.ScoredRows} rows scored by the shadow; labels are joined as they arrive)");
        }

        return policy.Evaluate(status).Summary;
    }

    /// <summary>
    /// Both sides' outcomes on the rows both can be judged on, in the same order, and whether both have probabilities.
    /// </summary>
    internal static (PredictionSet? Champion, PredictionSet? Shadow, bool Probabilities) Outcomes(LoadedModel champion, ReferenceProfile championProfile,
        LoadedModel shadow, IReadOnlyList<ShadowPair> pairs)
    {
        var n = pairs.Count;
        var rows = pairs.Select(p => p.Row).ToArray();
        var table = LoggedRowTable.ToTable(rows, championProfile.LoggedColumnKinds(), champion.Labels.LabelColumn);
        var shadowScores = ShadowScores(shadow, pairs);
        var usable = LoggedOutputs.Usable(shadow.Labels, table, i => pairs[i].Shadow.Prediction, shadowScores, n);
        double[][]? loggedScores = null;
        if (champion.CanScore)
        {
            var known = n == 0 ? [] : ModelScoring.KnownLabels(champion.Labels, table[champion.Labels.LabelColumn]);
            for (var i = 0; i < n; i++)
            {
                usable[i] &= known[i];
            }
        }
        else
        {
            loggedScores = rows.Any(r => r.Score is not null) ? [rows.Select(r => r.Score ?? double.NaN).ToArray()] : null;
            var logged = LoggedOutputs.Usable(champion.Labels, table, i => rows[i].Prediction, loggedScores, n);
            for (var i = 0; i < n; i++)
            {
                usable[i] &= logged[i];
            }
        }

        var keep = Enumerable.Range(0, n).Where(i => usable[i]).ToArray();
        var probabilities = champion.Task == AutoMLTask.Regression
            || ((champion.CanScore || (loggedScores is not null && champion.Task == AutoMLTask.Binary)) && shadowScores is not null);
        if (keep.Length == 0)
        {
            return (null, null, probabilities);
        }

        var sub = table.Take(keep);
        var championSet = champion.CanScore
            ? ModelScoring.Outcomes(champion.Labels, sub, champion.Predict(sub), out _)
            : LoggedOutputs.Read(champion.Labels, sub, i => rows[keep[i]].Prediction, Pick(loggedScores, keep), keep.Length).Outcomes;
        var shadowSet = LoggedOutputs.Read(shadow.Labels, sub, i => pairs[keep[i]].Shadow.Prediction, Pick(shadowScores, keep), keep.Length).Outcomes;
        return (championSet, shadowSet, probabilities);
    }

    // Binary: the positive-class probability; multiclass: one column per class in the shadow's class order; regression: none.
    private static double[][]? ShadowScores(LoadedModel shadow, IReadOnlyList<ShadowPair> pairs)
    {
        switch (shadow.Task)
        {
            case AutoMLTask.Binary:
                return [pairs.Select(p => p.Shadow.Score ?? double.NaN).ToArray()];
            case AutoMLTask.Multiclass:
                var k = shadow.Labels.ClassCount;
                var columns = new double[k][];
                for (var c = 0; c < k; c++)
                {
                    columns[c] = pairs.Select(p => p.Shadow.Probabilities is { } probs && probs.Count == k ? probs[c] : double.NaN).ToArray();
                }

                return columns;
            default:
                return null;
        }
    }

    private static double[][]? Pick(double[][]? columns, int[] keep) =>
        columns?.Select(c => keep.Select(i => c[i]).ToArray()).ToArray();
}
