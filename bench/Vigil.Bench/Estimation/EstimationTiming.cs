using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;

namespace Vigil.Bench.Estimation;

/// <summary>
/// Time of estimation on a 10,000-row window with 20 features: CBPE of a binary model (isotonic-calibrated scores,
/// 200 simulated label draws for the band) and DLE of a regression model (two LightGBM error models over 20 features
/// and the prediction). Fitting, once per version, is timed separately. Median of 5 runs after a warm-up.
/// </summary>
internal static class EstimationTiming
{
    private const int Rows = 10_000;
    private const int Features = 20;

    public static string Run()
    {
        var options = new EstimationOptions();
        var rule = DegradationRule.For(Vigil.AutoML.AutoMLTask.Binary);
        var regressionRule = DegradationRule.For(Vigil.AutoML.AutoMLTask.Regression);

        // CBPE: an overconfident model, so calibration is fitted and applied.
        var random = new Random(1);
        var holdout = Binary(5000, random);
        var fitCbpe = Stopwatch.StartNew();
        var cbpe = PerformanceEstimator.TryFit(holdout, null, null, out _)!;
        fitCbpe.Stop();
        var window = ScoredRows.From(Binary(Rows, random))!;
        var rows = new Table([new NumericColumn("unused", new double[Rows])]);
        var cbpeTime = Median(() => cbpe.Estimate(rows, window, options, rule));

        // DLE: a linear model with one coefficient misestimated, so its error depends on the features.
        var data = RegressionGenerator.GenerateWithCoefficients(new RegressionOptions { Samples = 5000 + Rows, Features = Features, Informative = 10, Noise = 10, Seed = 2 });
        var predicted = Predict(data);
        var truth = ((NumericColumn)data.Table["target"]).Values.ToArray();
        var holdoutRows = data.Table.Slice(0, 5000);
        var regression = PredictionSet.Regression(truth[..5000], predicted[..5000]);
        var fitDle = Stopwatch.StartNew();
        var dle = PerformanceEstimator.TryFit(regression, holdoutRows, "target", out var why) ?? throw new InvalidOperationException(why);
        fitDle.Stop();
        var windowRows = data.Table.Slice(5000, Rows).WithoutColumns("target");
        var dleScores = ScoredRows.Regression(predicted[5000..]);
        var dleTime = Median(() => dle.Estimate(windowRows, dleScores, options, regressionRule));

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\n### Timing: a {Rows:N0}-row window, {Features} features ({Environment.ProcessorCount} cores)\n\n");
        text.Append("| step | time |\n|---|---:|\n");
        text.Append(CultureInfo.InvariantCulture, $"| CBPE estimate (binary, calibrated, 200 label draws for the band) | {cbpeTime:0} ms |\n");
        text.Append(CultureInfo.InvariantCulture, $"| DLE estimate (two LightGBM error models, {Features} features + prediction) | {dleTime:0} ms |\n");
        text.Append(CultureInfo.InvariantCulture, $"| **CBPE + DLE** | **{cbpeTime + dleTime:0} ms** |\n");
        text.Append(CultureInfo.InvariantCulture, $"| fit once per version: CBPE calibration on 5,000 holdout rows (5-fold choice) | {fitCbpe.Elapsed.TotalMilliseconds:0} ms |\n");
        text.Append(CultureInfo.InvariantCulture, $"| fit once per version: DLE error models on 5,000 holdout rows | {fitDle.Elapsed.TotalMilliseconds:0} ms |\n");
        return text.ToString();
    }

    private static double Median(Action run)
    {
        run();
        var times = new double[5];
        for (var i = 0; i < times.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[2];
    }

    internal static PredictionSet Binary(int n, Random random)
    {
        var y = new int[n];
        var predicted = new int[n];
        var score = new double[n];
        for (var i = 0; i < n; i++)
        {
            var p = 0.02 + (0.96 * random.NextDouble());
            var z = 2 * Math.Log(p / (1 - p));
            score[i] = 1 / (1 + Math.Exp(-z));
            predicted[i] = score[i] >= 0.5 ? 1 : 0;
            y[i] = random.NextDouble() < p ? 1 : 0;
        }

        return PredictionSet.Binary(y, predicted, score);
    }

    internal static double[] Predict(RegressionData data)
    {
        var n = data.Table.RowCount;
        var predicted = new double[n];
        for (var f = 0; f < data.Coefficients.Count; f++)
        {
            var column = ((NumericColumn)data.Table.Columns[f]).Values;
            var coefficient = f == 0 ? data.Coefficients[f] * 0.5 : data.Coefficients[f];
            for (var i = 0; i < n; i++)
            {
                predicted[i] += coefficient * column[i];
            }
        }

        return predicted;
    }
}
