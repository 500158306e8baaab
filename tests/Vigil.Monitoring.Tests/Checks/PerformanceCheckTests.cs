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
        Assert.Equal("roc_auc", window.DecidingMetric);
        Assert.True(window.Degraded);
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
}
