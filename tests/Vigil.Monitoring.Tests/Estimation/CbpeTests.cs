using Vigil.AutoML;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Statistics.Metrics;

namespace Vigil.Monitoring.Tests.Estimation;

/// <summary>
/// CBPE on classifiers whose true probabilities are known. Tolerances: on a window of n rows the realised accuracy
/// scatters around its expectation with standard deviation √(Σ p(1 − p)) / n (≈ 0.01 at n = 2,000), and that
/// scatter is what the reported sampling error measures. An estimate is therefore required within 4 reported sampling
/// errors of the realised value on every window (a 1-in-15,000 miss for a correct estimator), and the mean absolute
/// error over the windows within 1.5 mean sampling errors (a correct estimator averages 0.8).
/// </summary>
public class CbpeTests
{
    private static readonly EstimationOptions Options = new();
    private static readonly DegradationRule Rule = DegradationRule.For(AutoMLTask.Binary);

    [Fact]
    public void OnACalibratedModel_AccuracyAndAucEstimatesTrackTheRealisedValues()
    {
        var holdout = SyntheticScores.Binary(4000, 1, SyntheticScores.Spread);
        var model = CbpeModel.Fit(holdout);
        Assert.Equal(CalibrationMethod.None, model.Calibrators[0].Method);
        AssertTracks(model, seed => SyntheticScores.Binary(2000, 100 + seed, seed % 2 == 0 ? SyntheticScores.Spread : SyntheticScores.Hard));
    }

    [Fact]
    public void AnOverconfidentModel_IsCalibratedFirst_AndThenEstimatedAsWell()
    {
        var holdout = SyntheticScores.Binary(4000, 2, SyntheticScores.Spread, SyntheticScores.Overconfident);
        var model = CbpeModel.Fit(holdout);
        Assert.NotEqual(CalibrationMethod.None, model.Calibrators[0].Method);
        Assert.True(model.Calibrators[0].CrossValidatedError["none"] > 0.05, "the raw probabilities are far off");
        AssertTracks(model, seed => SyntheticScores.Binary(2000, 200 + seed, seed % 2 == 0 ? SyntheticScores.Spread : SyntheticScores.Hard, SyntheticScores.Overconfident));

        // Without calibration the same estimator is far off: the test above depends on calibrating.
        var raw = model with { Calibrators = [ScoreCalibrator.Identity] };
        var window = SyntheticScores.Binary(2000, 999, SyntheticScores.Hard, SyntheticScores.Overconfident);
        var realised = BinaryMetrics.Accuracy(window.TrueClasses!.ToArray(), window.PredictedClasses!.ToArray());
        var uncalibrated = Metric(raw.Estimate(ScoredRows.From(window)!, Options, Rule), "accuracy").Value!.Value;
        Assert.True(Math.Abs(uncalibrated - realised) > 0.1, $"uncalibrated estimate {uncalibrated} vs realised {realised}");
    }

    [Fact]
    public void Multiclass_OneVsRestEstimatesTrackTheRealisedValues()
    {
        var model = CbpeModel.Fit(SyntheticScores.Multiclass(4000, 3));
        Assert.All(model.Calibrators, c => Assert.Equal(CalibrationMethod.None, c.Method));
        var errors = new List<double>();
        var sampling = new List<double>();
        for (var seed = 0; seed < 10; seed++)
        {
            var window = SyntheticScores.Multiclass(2000, 300 + seed, seed % 2 == 0 ? 1.5 : 0.6);
            var estimated = model.Estimate(ScoredRows.From(window)!, Options, DegradationRule.For(AutoMLTask.Multiclass), window.TrueClasses);
            var accuracy = Metric(estimated, "accuracy");
            Assert.NotNull(accuracy.Realised);
            Assert.Equal(MulticlassMetrics.Accuracy(window.TrueClasses!.ToArray(), window.PredictedClasses!.ToArray()), accuracy.Realised!.Value, 12);
            Assert.True(Math.Abs(accuracy.Value!.Value - accuracy.Realised.Value) <= 4 * accuracy.SamplingError!.Value,
                $"window {seed}: estimated {accuracy.Value} vs realised {accuracy.Realised} (sampling error {accuracy.SamplingError})");
            var f1 = Metric(estimated, "macro_f1");
            Assert.Equal(MulticlassMetrics.MacroF1(window.TrueClasses!.ToArray(), window.PredictedClasses!.ToArray(), 3), f1.Realised!.Value, 12);
            errors.Add(Math.Abs(accuracy.Value.Value - accuracy.Realised.Value));
            sampling.Add(accuracy.SamplingError.Value);
        }

        Assert.True(errors.Average() <= 1.5 * sampling.Average(), $"mean error {errors.Average()} vs mean sampling error {sampling.Average()}");
    }

    [Fact]
    public void RealisedValues_AreTheMonitoringMetrics()
    {
        // The engine that computes expectations, fed the labels, must give exactly the metrics a labelled check computes.
        var window = SyntheticScores.Binary(1500, 4, SyntheticScores.Spread);
        var estimated = CbpeModel.Fit(window).Estimate(ScoredRows.From(window)!, Options, Rule, window.TrueClasses);
        foreach (var name in new[] { "accuracy", "roc_auc", "precision", "recall", "f1", "log_loss" })
        {
            var expected = TaskMetrics.Compute(window, name, Enumerable.Range(0, window.Rows).ToArray());
            Assert.Equal(expected, Metric(estimated, name).Realised!.Value, 10);
        }

        var y = window.TrueClasses!;
        var f = window.PredictedClasses!;
        var negatives = Enumerable.Range(0, y.Count).Where(i => y[i] == 0).ToArray();
        Assert.Equal(negatives.Count(i => f[i] == 0) / (double)negatives.Length, Metric(estimated, "specificity").Realised!.Value, 12);
    }

    [Fact]
    public void AHardWindow_IsDegraded_OnAccuracyAndAuc_AndACalmOneIsNot()
    {
        var model = CbpeModel.Fit(SyntheticScores.Binary(4000, 5, SyntheticScores.Spread));
        var calm = model.Estimate(ScoredRows.From(SyntheticScores.Binary(2000, 6, SyntheticScores.Spread))!, Options, Rule);
        Assert.False(calm.Degraded);
        Assert.All(calm.Metrics, m => Assert.False(m.Degraded));

        var hard = model.Estimate(ScoredRows.From(SyntheticScores.Binary(2000, 7, SyntheticScores.Hard))!, Options, Rule);
        Assert.True(hard.Degraded);
        Assert.True(Metric(hard, "accuracy").Degraded);
        Assert.True(Metric(hard, "roc_auc").Degraded);
        Assert.False(Metric(hard, "specificity").Watched); // shown and judged, never raises the alarm
        Assert.Equal("cbpe", hard.Method);
        Assert.Equal(0.95, hard.Level, 12); // Bonferroni over the 4 watched metrics, 0.9875 each
        Assert.Equal(0.9875, hard.IntervalLevel!.Value, 12);
        Assert.Equal(["accuracy", "roc_auc", "precision", "recall"], hard.Watched);
        Assert.Equal(hard.Metrics.Where(m => m.Watched && m.Degraded).Select(m => m.Name), hard.DecidedBy);
    }

    [Fact]
    public void TheBandWidens_AsTheWindowShrinks()
    {
        var model = CbpeModel.Fit(SyntheticScores.Binary(4000, 8, SyntheticScores.Spread));
        EstimatedMetric Accuracy(int n) =>
            Metric(model.Estimate(ScoredRows.From(SyntheticScores.Binary(n, 9, SyntheticScores.Spread))!, Options, Rule), "accuracy");

        var (small, large) = (Accuracy(200), Accuracy(5000));
        // Sampling error falls as 1/√n: 25 times the rows, about a fifth of the error.
        Assert.InRange(small.SamplingError!.Value / large.SamplingError!.Value, 3.5, 7);
        Assert.True(small.Upper - small.Lower > large.Upper - large.Lower);

        // The calibration's own error widens every rate's band by the same amount on both sides, whatever the size.
        var allowance = model.CalibrationError();
        Assert.True(allowance > 0);
        var z = (large.Upper!.Value - large.Value!.Value - allowance) / large.SamplingError.Value;
        Assert.Equal(MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - (0.05 / 4 / 2)), z, 6);
    }

    private static void AssertTracks(CbpeModel model, Func<int, PredictionSet> window)
    {
        foreach (var name in new[] { "accuracy", "roc_auc" })
        {
            var errors = new List<double>();
            var sampling = new List<double>();
            for (var seed = 0; seed < 12; seed++)
            {
                var w = window(seed);
                var m = Metric(model.Estimate(ScoredRows.From(w)!, Options, Rule, w.TrueClasses), name);
                var error = Math.Abs(m.Value!.Value - m.Realised!.Value);
                Assert.True(error <= 4 * m.SamplingError!.Value, $"{name}, window {seed}: estimated {m.Value} vs realised {m.Realised} (sampling error {m.SamplingError})");
                errors.Add(error);
                sampling.Add(m.SamplingError.Value);
            }

            Assert.True(errors.Average() <= 1.5 * sampling.Average(), $"{name}: mean error {errors.Average()} vs mean sampling error {sampling.Average()}");
        }
    }

    internal static EstimatedMetric Metric(EstimatedPerformance p, string name) => p.Metrics.Single(m => m.Name == name);
}
