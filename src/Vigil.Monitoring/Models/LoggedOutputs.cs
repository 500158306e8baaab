using Vigil.AutoML;
using Vigil.AutoML.Featurization;
using Vigil.Monitoring.Checks;
using Vigil.Statistics.Sorting;

namespace Vigil.Monitoring.Models;

/// <summary>
/// Turns predictions and scores made outside Vigil (logged, or columns of a reference or window file) into what the
/// checks read. Scores: one column is the positive-class probability (binary), the predicted class's probability
/// (multiclass) or ignored (regression, whose prediction is the value); one column per class, in the label's class
/// order, are the class probabilities (multiclass). A row whose prediction is not a known class or number, or whose
/// probability is not in [0, 1], is left out of the outcomes (registration refuses such rows before this runs).
/// </summary>
internal static class LoggedOutputs
{
    public static WindowOutputs Read(LabelMapping labels, Vigil.Data.Tables.Table rows, Func<int, string?>? predicted, double[][]? scores, int count) =>
        Outcomes(labels, rows, predicted, scores, count) with { Logged = predicted is null ? null : Scored(labels, predicted, scores, count) };

    /// <summary>
    /// Every row's logged outputs as performance estimation reads them: predicted values (regression), or predicted
    /// classes with the positive-class probability (binary) or one probability per class (multiclass, renormalised).
    /// Null when any row lacks a usable prediction or probability — an estimate of part of a window would not be the
    /// window's.
    /// </summary>
    private static Estimation.ScoredRows? Scored(LabelMapping labels, Func<int, string?> predicted, double[][]? scores, int count)
    {
        if (count == 0)
        {
            return null;
        }

        if (labels.Task == AutoMLTask.Regression)
        {
            var values = Values(predicted, count);
            return values.All(double.IsFinite) ? Estimation.ScoredRows.Regression(values) : null;
        }

        var classes = Classes(labels, predicted, count);
        if (classes.Any(c => c < 0) || scores is null)
        {
            return null;
        }

        if (labels.Task == AutoMLTask.Binary)
        {
            return scores.Length == 1 && scores[0].All(IsProbability) ? Estimation.ScoredRows.Binary([.. scores[0]], classes) : null;
        }

        var k = labels.ClassCount;
        if (scores.Length != k || scores.Any(column => !column.All(IsProbability)))
        {
            return null;
        }

        return Estimation.ScoredRows.Multiclass(Renormalised(scores, Enumerable.Range(0, count).ToArray()), classes, k);
    }

    // One row-major block of class probabilities for the given rows, each row scaled to sum to 1 (uniform
    // when a row's scores are all 0): logged per-class scores need not sum to exactly 1.
    private static double[] Renormalised(double[][] scores, IReadOnlyList<int> rows)
    {
        var k = scores.Length;
        var probabilities = new double[rows.Count * k];
        for (var r = 0; r < rows.Count; r++)
        {
            var sum = 0.0;
            for (var c = 0; c < k; c++)
            {
                sum += scores[c][rows[r]];
            }

            for (var c = 0; c < k; c++)
            {
                probabilities[(r * k) + c] = sum > 0 ? scores[c][rows[r]] / sum : 1.0 / k;
            }
        }

        return probabilities;
    }

    private static WindowOutputs Outcomes(LabelMapping labels, Vigil.Data.Tables.Table rows, Func<int, string?>? predicted, double[][]? scores, int count)
    {
        var perClass = labels.Task == AutoMLTask.Multiclass && scores is { Length: > 1 } && scores.Length == labels.ClassCount;
        var single = scores is { Length: 1 } ? scores[0] : null;
        var driftScores = DriftScores(labels.Task, scores, perClass, single, predicted, count);
        if (predicted is null || !rows.TryGetColumn(labels.LabelColumn, out var label))
        {
            return new WindowOutputs(driftScores, null, 0);
        }

        var keep = new List<int>(count);
        var labelled = 0;
        if (labels.Task == AutoMLTask.Regression)
        {
            var truth = LabelMapping.EncodeTargets(label);
            var values = Values(predicted, count);
            for (var i = 0; i < count; i++)
            {
                labelled += double.IsNaN(truth[i]) ? 0 : 1;
                if (double.IsFinite(truth[i]) && double.IsFinite(values[i]))
                {
                    keep.Add(i);
                }
            }

            var set = keep.Count == 0 ? null : PredictionSet.Regression(keep.Select(i => truth[i]).ToArray(), keep.Select(i => values[i]).ToArray());
            return new WindowOutputs(driftScores, set, labelled - keep.Count);
        }

        var yTrue = labels.EncodeClasses(label);
        var yPred = Classes(labels, predicted, count);
        for (var i = 0; i < count; i++)
        {
            labelled += label.IsMissing(i) ? 0 : 1;
            var usable = yTrue[i] >= 0 && yPred[i] >= 0
                && (labels.Task != AutoMLTask.Binary || single is null || IsProbability(single[i]))
                && (!perClass || scores!.All(s => IsProbability(s[i])));
            if (usable)
            {
                keep.Add(i);
            }
        }

        if (keep.Count == 0)
        {
            return new WindowOutputs(driftScores, null, labelled);
        }

        var t = keep.Select(i => yTrue[i]).ToArray();
        var p = keep.Select(i => yPred[i]).ToArray();
        if (labels.Task == AutoMLTask.Binary)
        {
            return new WindowOutputs(driftScores, PredictionSet.Binary(t, p, single is null ? null : keep.Select(i => single[i]).ToArray()), labelled - keep.Count);
        }

        var probabilities = perClass ? Renormalised(scores!, keep) : null;

        return new WindowOutputs(driftScores, PredictionSet.Multiclass(t, p, labels.ClassCount, probabilities), labelled - keep.Count);
    }

    /// <summary>
    /// True for each row whose label is known to the model and whose logged outputs <see cref="Read"/> would keep: the
    /// rows a paired comparison with another model can use (both sides must see the same rows).
    /// </summary>
    public static bool[] Usable(LabelMapping labels, Vigil.Data.Tables.Table rows, Func<int, string?> predicted, double[][]? scores, int count)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predicted);
        var usable = new bool[count];
        if (!rows.TryGetColumn(labels.LabelColumn, out var label))
        {
            return usable;
        }

        if (labels.Task == AutoMLTask.Regression)
        {
            var truth = LabelMapping.EncodeTargets(label);
            var values = Values(predicted, count);
            for (var i = 0; i < count; i++)
            {
                usable[i] = double.IsFinite(truth[i]) && double.IsFinite(values[i]);
            }

            return usable;
        }

        var perClass = labels.Task == AutoMLTask.Multiclass && scores is { Length: > 1 } && scores.Length == labels.ClassCount;
        var single = scores is { Length: 1 } ? scores[0] : null;
        var yTrue = labels.EncodeClasses(label);
        var yPred = Classes(labels, predicted, count);
        for (var i = 0; i < count; i++)
        {
            usable[i] = yTrue[i] >= 0 && yPred[i] >= 0
                && (labels.Task != AutoMLTask.Binary || single is null || IsProbability(single[i]))
                && (!perClass || scores!.All(s => IsProbability(s[i])));
        }

        return usable;
    }

    /// <summary>Baseline from outcomes whose probabilities are unknown but whose logged scores are: the scores become the reference of prediction drift.</summary>
    public static Profiles.Baseline Baseline(PredictionSet outcomes, double[]? scores, int seed)
    {
        var baseline = Profiles.Baseline.FromHoldout(outcomes, seed: seed);
        if (baseline.ScoreSample.Count > 0 || scores is null)
        {
            return baseline;
        }

        var finite = scores.Where(double.IsFinite).ToArray();
        if (finite.Length > 50_000)
        {
            new Random(seed).Shuffle(finite);
            Array.Resize(ref finite, 50_000);
        }

        DoubleSort.Sort(finite);
        return baseline with { ScoreSample = finite };
    }

    internal static bool IsProbability(double v) => v is >= 0 and <= 1;

    private static double[]? DriftScores(AutoMLTask task, double[][]? scores, bool perClass, double[]? single, Func<int, string?>? predicted, int count)
    {
        if (task == AutoMLTask.Regression)
        {
            return predicted is null ? null : Values(predicted, count);
        }

        if (perClass)
        {
            var max = new double[count];
            for (var i = 0; i < count; i++)
            {
                max[i] = scores!.Max(s => IsProbability(s[i]) ? s[i] : double.NaN);
            }

            return max;
        }

        return single?.Select(v => IsProbability(v) ? v : double.NaN).ToArray();
    }

    private static double[] Values(Func<int, string?> predicted, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = ClassText.ParseOrNaN(predicted(i));
        }

        return values;
    }

    private static int[] Classes(LabelMapping labels, Func<int, string?> predicted, int count)
    {
        var lookup = new ClassText(labels);
        var classes = new int[count];
        for (var i = 0; i < count; i++)
        {
            classes[i] = lookup.IndexOf(predicted(i));
        }

        return classes;
    }
}
