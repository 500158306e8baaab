using System.Globalization;
using Vigil.AutoML.Native;
using Vigil.Data.Tables;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Multivariate;

/// <summary>
/// Trains <see cref="OutOfFoldClassifier"/> to tell reference rows from current rows. The reported AUC is that of all
/// out-of-fold scores (the Mann–Whitney U of current over reference scores / n₁n₂). Its p-value is not the pooled U's:
/// each fold model trained on the other folds' labels, so the folds' AUCs are positively correlated under no drift and
/// the pooled U varies more than its null distribution says (on null windows the pooled p fell below 0.05 in 12 % of
/// them). Within one fold the held-out scores come from a model that never saw those rows' labels, so that fold's
/// Mann–Whitney test is exact; the p-value is the Bonferroni combination of the folds' one-sided tests,
/// min(1, K · min p_fold), valid whatever their dependence.
/// </summary>
internal static class DomainClassifier
{
    public static DomainClassifierResult Run(FeatureEncoding encoding, Table reference, int[] referenceRows, Table window,
        MultivariateOptions options, CancellationToken cancellationToken)
    {
        var current = Sample(window.RowCount, options.MaxRowsPerSide, options.Seed + 1);
        var notRun = new DomainClassifierResult
        {
            NReference = referenceRows.Length,
            NCurrent = current.Length,
            WindowRows = window.RowCount,
            Folds = options.Classifier.Folds,
            Alpha = options.Alpha,
            MinAuc = options.MinAuc,
        };
        if (referenceRows.Length < options.MinRows || current.Length < options.MinRows)
        {
            return notRun with { Reason = Text($"needs at least {options.MinRows} rows on each side; reference {referenceRows.Length}, window {current.Length}") };
        }

        var width = encoding.Width;
        var rows = referenceRows.Length + current.Length;
        var matrix = new float[(long)rows * width];
        var unseen = Enumerable.Range(0, width).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        encoding.WriteClassifierRows(reference, referenceRows, matrix, 0, unseen);
        encoding.WriteClassifierRows(window, current, matrix, referenceRows.Length, unseen);
        var labels = new int[rows];
        labels.AsSpan(referenceRows.Length).Fill(1);

        var fit = OutOfFoldClassifier.Fit(matrix, rows, width, labels, encoding.Categorical, options.Classifier, cancellationToken);
        var test = MannWhitney.Test(fit.Scores.AsSpan(referenceRows.Length), fit.Scores.AsSpan(0, referenceRows.Length), MannWhitneyAlternative.Greater);
        var folds = FoldTests(fit, labels);
        var pValue = Math.Min(1, folds.Length * folds.Min(f => f.PValue));
        var top = TopFeatures(encoding, fit.GainImportance, options.TopFeatures);
        var significant = pValue < options.Alpha;
        var drifted = significant && test.Auc >= options.MinAuc;
        var separating = top.Count == 0 ? "" : "; separated most by " + string.Join(", ", top.Select(f => Text($"{f.Name} ({f.Importance:P0})")));
        var reason = drifted
            ? Text($"separable: cross-validated AUC {test.Auc:F3} ≥ {options.MinAuc} with p = {pValue:G3} < {options.Alpha}{separating}")
            : significant
                ? Text($"not drifted: AUC {test.Auc:F3} is significant (p = {pValue:G3}) but below the floor {options.MinAuc}")
                : Text($"not separable: cross-validated AUC {test.Auc:F3}, p = {pValue:G3} ≥ {options.Alpha}");
        return notRun with
        {
            Ran = true,
            Reason = reason,
            Auc = test.Auc,
            U = test.U,
            PValue = pValue,
            FoldAucs = folds.Select(f => f.Auc).ToArray(),
            FoldPValues = folds.Select(f => f.PValue).ToArray(),
            Drifted = drifted,
            TopFeatures = top,
        };
    }

    /// <summary>Each fold's one-sided Mann–Whitney test of its held-out current scores over its held-out reference scores.</summary>
    private static MannWhitneyResult[] FoldTests(OutOfFoldScores fit, int[] labels)
    {
        var result = new MannWhitneyResult[fit.Folds];
        for (var f = 0; f < fit.Folds; f++)
        {
            var current = new List<double>();
            var reference = new List<double>();
            for (var i = 0; i < labels.Length; i++)
            {
                if (fit.Fold[i] == f)
                {
                    (labels[i] == 1 ? current : reference).Add(fit.Scores[i]);
                }
            }

            result[f] = MannWhitney.Test(current.ToArray(), reference.ToArray(), MannWhitneyAlternative.Greater);
        }

        return result;
    }

    /// <summary>All rows, or a seeded uniform sample of <paramref name="cap"/> (ascending).</summary>
    internal static int[] Sample(int count, int cap, int seed) => Profiles.ReferenceRowSample.SampleRows(count, cap, seed);

    private static List<FeatureSeparation> TopFeatures(FeatureEncoding encoding, double[] gain, int count)
    {
        var total = gain.Sum();
        if (!(total > 0))
        {
            return [];
        }

        var names = encoding.Names;
        return Enumerable.Range(0, gain.Length)
            .Where(j => gain[j] > 0)
            .OrderByDescending(j => gain[j]).ThenBy(j => names[j], StringComparer.Ordinal)
            .Take(count)
            .Select(j => new FeatureSeparation(names[j], gain[j] / total))
            .ToList();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
