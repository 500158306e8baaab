using System.Globalization;
using Vigil.AutoML;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Multivariate;
using Vigil.Monitoring.Profiles;

namespace Vigil.Bench.Estimation;

/// <summary>
/// <c>unlabelled [ROWS] [REPEAT]</c>: what a check of a window without labels adds for #17, on one ROWS-row window
/// with 20 features — CBPE (binary, calibrated, 200 label draws), DLE (two LightGBM error models over the 20 features
/// and the prediction), the domain classifier and the PCA reconstruction error — each alone and the four one after the
/// other, then a whole unlabelled <see cref="WindowMonitor.Check"/> with CBPE and multivariate drift, once with the
/// reference prepared (the monitor reused) and once preparing it each time (a new monitor per check). What is fitted
/// once per model version (calibration, error models, the reference's encoding and PCA) is not in the four. Medians of
/// REPEAT runs after a warm-up, wall clock and processor time (all threads).
/// </summary>
internal static class UnlabelledTiming
{
    private const int Features = 20;

    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var repeat = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var options = new EstimationOptions();

        // CBPE: an overconfident binary model, so calibration is fitted and applied; its window has 20 features for the check.
        var random = new Random(1);
        var cbpe = PerformanceEstimator.TryFit(EstimationTiming.Binary(5000, random), null, null, out _)!;
        var binary = EstimationTiming.Binary(rows, random);
        var scores = ScoredRows.From(binary)!;
        var binaryRule = DegradationRule.For(AutoMLTask.Binary);

        // DLE: a linear model with one coefficient misestimated, so its error depends on the 20 features.
        var data = RegressionGenerator.GenerateWithCoefficients(new RegressionOptions { Samples = 5000 + rows, Features = Features, Informative = 10, Noise = 10, Seed = 2 });
        var predicted = EstimationTiming.Predict(data);
        var truth = ((NumericColumn)data.Table["target"]).Values.ToArray();
        var dle = PerformanceEstimator.TryFit(PredictionSet.Regression(truth[..5000], predicted[..5000]), data.Table.Slice(0, 5000), "target", out var why)
            ?? throw new InvalidOperationException(why);
        var dleRows = data.Table.Slice(5000, rows).WithoutColumns("target");
        var dleScores = ScoredRows.Regression(predicted[5000..]);
        var regressionRule = DegradationRule.For(AutoMLTask.Regression);

        // Multivariate: 16 correlated numeric and 4 categorical features, a profile of 50,000 training rows (5,000 kept whole).
        var profile = ReferenceProfile.Build(MultivariateTiming.Generate(50_000, seed: 1, correlation: 0.7), null, AutoMLTask.Binary)
            with { Baseline = Baseline.FromHoldout(EstimationTiming.Binary(5000, new Random(3))) };
        var window = MultivariateTiming.Generate(rows, seed: 2, correlation: 0.7);
        var multivariate = new MultivariateCheck(profile);

        void Cbpe() => cbpe.Estimate(window, scores, options, binaryRule);
        void Dle() => dle.Estimate(dleRows, dleScores, options, regressionRule);
        void Multivariate() => multivariate.Run(window);
        void All()
        {
            Cbpe();
            Dle();
            Multivariate();
        }

        var input = new MonitoringWindow { Start = DateTimeOffset.UnixEpoch, End = DateTimeOffset.UnixEpoch.AddDays(1), Rows = window, Predictions = scores };
        var monitor = new WindowMonitor("bench", "1", profile, estimator: cbpe);
        foreach (var warm in new Action[] { Cbpe, Dle, Multivariate, All, () => monitor.Check(input) })
        {
            warm();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"window {rows:N0} rows × {Features} features; {Environment.ProcessorCount} cores; median of {repeat} runs after a warm-up; load average {Load()}"));
        Report("CBPE estimate (binary, calibrated, 200 label draws)", MultivariateTiming.Median(repeat, Cbpe));
        Report("DLE estimate (two LightGBM error models)", MultivariateTiming.Median(repeat, Dle));
        Report("domain classifier + PCA reconstruction error (reference prepared)", MultivariateTiming.Median(repeat, Multivariate));
        Report("CBPE + DLE + domain classifier + PCA, one after the other", MultivariateTiming.Median(repeat, All));
        Report("whole unlabelled check (columns, quality, CBPE, multivariate), monitor reused", MultivariateTiming.Median(repeat, () => monitor.Check(input)));
        Report("the same with a new monitor per check (reference prepared each time)",
            MultivariateTiming.Median(repeat, () => new WindowMonitor("bench", "1", profile, estimator: cbpe).Check(input)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after: {Load()}"));
        return 0;
    }

    private static void Report(string what, (double Wall, double Cpu) time) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: {time.Wall:F0} ms wall, {time.Cpu:F0} ms CPU"));

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
