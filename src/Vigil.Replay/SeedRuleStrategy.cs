using System.Globalization;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Drift;

namespace Vigil.Replay;

/// <summary>
/// <c>seed</c>: the seed document's rule. Retrain (and always replace the model) when any of accuracy, roc_auc,
/// precision, recall drops more than <see cref="MaxRelativeDrop"/> relative to the champion's baseline, or any
/// feature has a raw (uncorrected) KS or chi-square p below <see cref="Alpha"/> against the champion's training data,
/// or any feature's PSI exceeds <see cref="PsiThreshold"/>.
/// </summary>
public sealed class SeedRuleStrategy : IReplayStrategy
{
    private static readonly string[] Metrics = ["accuracy", "roc_auc", "precision", "recall"];

    public string Name => "seed";

    /// <summary>Relative metric drop that triggers. Default 0.05.</summary>
    public double MaxRelativeDrop { get; init; } = 0.05;

    /// <summary>Raw p-value below which a feature triggers. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>PSI above which a feature triggers. Default 0.1.</summary>
    public double PsiThreshold { get; init; } = 0.1;

    public ReplayDecision Decide(ReplayBatchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reasons = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        if (context.Outcomes is { } outcomes && context.ChampionProfile.Baseline is { } baseline)
        {
            var all = Enumerable.Range(0, outcomes.Rows).ToArray();
            foreach (var name in Metrics)
            {
                var value = TaskMetrics.Compute(outcomes, name, all);
                if (baseline.Metrics.TryGetValue(name, out var reference) && reference != 0 && double.IsFinite(value)
                    && (reference - value) / Math.Abs(reference) > MaxRelativeDrop)
                {
                    reasons.Add(string.Format(inv, "{0} {1:F3} vs baseline {2:F3}", name, value, reference));
                }
            }
        }

        var features = context.ChampionProfile.Features.Select(c => c.Name).Where(context.Rows.Contains).ToArray();
        if (features.Length > 0)
        {
            // Raw p-values (no correction), as the seed rule has it: one test per feature at alpha.
            var report = DriftAnalyzer.Compare(context.ChampionTrainingData(), context.Rows,
                new DriftOptions { Correction = null, Alpha = Alpha, MaxDegreeOfParallelism = 1 }, features, null, cancellationToken);
            foreach (var c in report.Columns)
            {
                var p = c.PValue;
                if (p < Alpha)
                {
                    reasons.Add(string.Format(inv, "{0} p={1:G2}", c.Name, p));
                }
                else if (c.Psi > PsiThreshold)
                {
                    reasons.Add(string.Format(inv, "{0} PSI={1:F2}", c.Name, c.Psi));
                }
            }
        }

        return reasons.Count > 0
            ? ReplayDecision.Replace("seed rule: " + string.Join("; ", reasons.Take(4)) + (reasons.Count > 4 ? "; …" : ""))
            : ReplayDecision.Keep("seed rule: nothing fired");
    }
}
