using System.Globalization;
using System.Text;

namespace Vigil.Bench.Estimation;

/// <summary>Mean absolute errors of one metric over a setup's windows: CBPE's, the baseline assumption's and the oracle's against the realised value, and CBPE's against the design's expected value.</summary>
internal sealed record SetupErrors(double Estimated, double Baseline, double Oracle, double EstimatedVsExpected);

/// <summary>
/// One estimator setup of a dataset (training holdout, production reference), over all windows or the strong shifts
/// only: what CBPE achieves against the target "at most half the baseline assumption's error" next to the best ratio
/// any estimator could attain (the oracle's, which knows each design's expected metric).
/// </summary>
internal sealed record SetupSummary(string Setup, bool StrongOnly, int Windows, SetupErrors Accuracy, SetupErrors RocAuc)
{
    public static string Table(string dataset, int draws, IReadOnlyList<SetupSummary> rows)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"\n**{dataset}: attainable floor** (oracle = each design's expected metric over {draws} draws of the same sampling; ratio = MAE / MAE of assuming the baseline):\n\n");
        text.Append("| metric | estimator fitted on | windows | MAE CBPE | MAE assume baseline | MAE oracle | CBPE ratio | best attainable ratio | MAE CBPE vs expected |\n");
        text.Append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (metric, pick) in new (string, Func<SetupSummary, SetupErrors>)[] { ("accuracy", s => s.Accuracy), ("ROC AUC", s => s.RocAuc) })
        {
            foreach (var row in rows)
            {
                var e = pick(row);
                text.Append(CultureInfo.InvariantCulture,
                    $"| {metric} | {row.Setup} | {(row.StrongOnly ? "\\|β\\| ≥ 1" : "all")} ({row.Windows}) | {e.Estimated:0.0000} | {e.Baseline:0.0000} | {e.Oracle:0.0000} | {e.Estimated / e.Baseline:0.00} | {e.Oracle / e.Baseline:0.00} | {e.EstimatedVsExpected:0.0000} |\n");
            }
        }

        return text.ToString();
    }
}
