using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Tests.Checks;

public sealed class PerformanceCheckTests
{
    private static readonly Baseline Holdout = Holdout85();

    private static Baseline Holdout85()
    {
        var (y, p, s) = MonitoringTestData.Binary(2000, 0.85, seed: 1);
        return Baseline.FromHoldout(PredictionSet.Binary(y, p, s));
    }

    [Fact]
    public void SmallWindowAtBaselineAccuracy_DoesNotAlarm()
    {
        var (y, p, s) = MonitoringTestData.Binary(100, 0.82, seed: 2);
        var window = PerformanceCheck.Run(Holdout, PredictionSet.Binary(y, p, s), new PerformanceOptions { PrimaryMetric = "accuracy", Seed = 1 });
        var accuracy = window.Metrics.Single(m => m.Name == "accuracy");
        Assert.True(accuracy.AbsoluteChange < 0);
        Assert.True(accuracy.ChangeLower < -accuracy.AllowedDrop && accuracy.ChangeUpper > -accuracy.AllowedDrop);
        Assert.False(window.Degraded);
        Assert.All(window.Metrics, m => Assert.False(m.Degraded));
    }

    [Fact]
    public void ClearlyWorseLargeWindow_Alarms()
    {
        var (y, p, s) = MonitoringTestData.Binary(2000, 0.70, seed: 3);
        var window = PerformanceCheck.Run(Holdout, PredictionSet.Binary(y, p, s), new PerformanceOptions { Seed = 1, Resamples = 300 });
        // Every watched metric that fell decides; the first of them in watch order is the deciding one.
        Assert.Equal(["accuracy", "roc_auc", "precision", "recall"], window.Watched);
        Assert.Contains("roc_auc", window.DecidedBy);
        Assert.Contains("accuracy", window.DecidedBy);
        Assert.Equal("accuracy", window.DecidingMetric);
        Assert.True(window.Degraded);
        Assert.Equal(1 - (0.05 / 4), window.IntervalLevel!.Value, 12);
        Assert.Equal("bonferroni", window.Correction);
        Assert.False(window.Metrics.Single(m => m.Name == "log_loss").Watched);
        var loss = window.Metrics.Single(m => m.Name == "log_loss");
        Assert.False(loss.HigherIsBetter);
        Assert.True(loss.Degraded && loss.ChangeLower > loss.AllowedDrop);
        Assert.Equal(-0.15, window.Metrics.Single(m => m.Name == "accuracy").AbsoluteChange!.Value, 9);
    }

    [Fact]
    public void SingleClassWindow_HasNoAucAndFallsBackToAccuracy()
    {
        var y = new int[60];
        var p = Enumerable.Range(0, 60).Select(i => i < 30 ? 1 : 0).ToArray();
        var s = p.Select(v => v == 1 ? 0.8 : 0.2).ToArray();
        var window = PerformanceCheck.Run(Holdout, PredictionSet.Binary(y, p, s), new PerformanceOptions { Resamples = 200 });
        var auc = window.Metrics.Single(m => m.Name == "roc_auc");
        Assert.Null(auc.Value);
        Assert.NotNull(auc.Note);
        Assert.Equal("accuracy", window.DecidingMetric);
        Assert.True(window.Degraded); // 50 % accuracy against 85 %
        Assert.Contains(window.Notes, n => n.Contains("one class", StringComparison.Ordinal));
        // Recall has no meaning without a positive label: undefined, not a collapse to 0.
        var recall = window.Metrics.Single(m => m.Name == "recall");
        Assert.Null(recall.Value);
        Assert.False(recall.Degraded);
        Assert.DoesNotContain("recall", window.DecidedBy);
        Assert.Contains(window.Notes, n => n.Contains("watched but not judged on this window: roc_auc, recall", StringComparison.Ordinal));
    }

    [Fact]
    public void Regression_LowerIsBetterErrorsFlipTheSign()
    {
        var random = new Random(4);
        double[] Truth(int n) => Enumerable.Range(0, n).Select(_ => MonitoringTestData.Normal(random) * 3).ToArray();
        var yHold = Truth(1000);
        var baseline = Baseline.FromHoldout(PredictionSet.Regression(yHold, yHold.Select(v => v + MonitoringTestData.Normal(random)).ToArray()));
        var yWin = Truth(800);
        var worse = PerformanceCheck.Run(baseline, PredictionSet.Regression(yWin, yWin.Select(v => v + (2 * MonitoringTestData.Normal(random))).ToArray()));
        Assert.Equal("rmse", worse.DecidingMetric);
        Assert.True(worse.Degraded);
        var same = PerformanceCheck.Run(baseline, PredictionSet.Regression(yWin, yWin.Select(v => v + MonitoringTestData.Normal(random)).ToArray()));
        Assert.False(same.Degraded);
    }

    [Fact]
    public void Multiclass_UsesLogLossByDefault()
    {
        var random = new Random(5);
        (int[] Y, int[] P, double[] Prob) Make(int n, double hit)
        {
            var y = new int[n];
            var p = new int[n];
            var prob = new double[n * 3];
            for (var i = 0; i < n; i++)
            {
                y[i] = random.Next(3);
                p[i] = random.NextDouble() < hit ? y[i] : (y[i] + 1) % 3;
                for (var c = 0; c < 3; c++)
                {
                    prob[(i * 3) + c] = c == p[i] ? 0.8 : 0.1;
                }
            }

            return (y, p, prob);
        }

        var h = Make(1500, 0.9);
        var baseline = Baseline.FromHoldout(PredictionSet.Multiclass(h.Y, h.P, 3, h.Prob));
        var w = Make(1500, 0.6);
        var window = PerformanceCheck.Run(baseline, PredictionSet.Multiclass(w.Y, w.P, 3, w.Prob), new PerformanceOptions { Resamples = 300 });
        Assert.Equal(["accuracy", "macro_f1", "log_loss"], window.Metrics.Select(m => m.Name));
        Assert.Equal("log_loss", window.DecidingMetric);
        Assert.True(window.Degraded);
    }

    [Fact]
    public void RecallAloneCollapsing_Alarms_AndAnUnwatchedMetricDoesNot()
    {
        // A model that stops predicting positives: ranking and accuracy hold up, recall falls to a third.
        var random = new Random(9);
        const int n = 1200;
        var y = new int[n];
        var p = new int[n];
        var s = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = random.NextDouble() < 0.1 ? 1 : 0;
            s[i] = Math.Clamp((y[i] == 1 ? 0.45 : 0.2) + (0.15 * MonitoringTestData.Normal(random)), 0.001, 0.999);
            p[i] = s[i] >= 0.5 ? 1 : 0;
        }

        var holdoutY = new int[n];
        var holdoutP = new int[n];
        var holdoutS = new double[n];
        for (var i = 0; i < n; i++)
        {
            holdoutY[i] = random.NextDouble() < 0.1 ? 1 : 0;
            holdoutS[i] = Math.Clamp((holdoutY[i] == 1 ? 0.45 : 0.2) + (0.15 * MonitoringTestData.Normal(random)), 0.001, 0.999);
            holdoutP[i] = holdoutS[i] >= 0.3 ? 1 : 0; // the champion's threshold used to catch most positives
        }

        var baseline = Baseline.FromHoldout(PredictionSet.Binary(holdoutY, holdoutP, holdoutS));
        var window = PerformanceCheck.Run(baseline, PredictionSet.Binary(y, p, s));
        Assert.True(window.Metrics.Single(m => m.Name == "recall").Degraded);
        Assert.True(window.Degraded);
        Assert.Contains("recall", window.DecidedBy);

        var onlyAuc = PerformanceCheck.Run(baseline, PredictionSet.Binary(y, p, s), new PerformanceOptions { Watched = WatchedMetrics.Parse("roc_auc") });
        Assert.True(onlyAuc.Metrics.Single(m => m.Name == "recall").Degraded); // still reported
        Assert.False(onlyAuc.Degraded);                                       // but not watched
        Assert.Equal(["roc_auc"], onlyAuc.DecidedBy);
    }

    [Fact]
    public void PerMetricDropsAreRecordedAndUsed()
    {
        var (y, p, s) = MonitoringTestData.Binary(1500, 0.78, seed: 6);
        var loose = PerformanceCheck.Run(Holdout, PredictionSet.Binary(y, p, s), new PerformanceOptions { Watched = WatchedMetrics.Parse("accuracy:0.2") });
        var tight = PerformanceCheck.Run(Holdout, PredictionSet.Binary(y, p, s), new PerformanceOptions { Watched = WatchedMetrics.Parse("accuracy:0.01") });
        Assert.False(loose.Degraded);
        Assert.True(tight.Degraded);
        Assert.Equal(0.2, loose.Metrics.Single(m => m.Name == "accuracy").MaxRelativeDrop);
        Assert.Equal(0.2 * 0.85, loose.Metrics.Single(m => m.Name == "accuracy").AllowedDrop!.Value, 9);
        Assert.Equal(0.95, loose.IntervalLevel!.Value, 12); // one watched metric: no adjustment
    }
}
