using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Tests.Checks;

/// <summary>
/// The null false-alarm rate of the performance check: windows drawn from the very population the baseline describes
/// must be called degraded in at most 5 % of replications, although four metrics are watched. Seeds are fixed, so
/// each figure is one deterministic draw of a few hundred to a thousand windows.
/// </summary>
public sealed class PerformanceFalseAlarmTests
{
    // The population's own metrics (400,000 rows): a baseline with no sampling error, the hardest case for the rule.
    private static readonly Lazy<Baseline> Population = new(() => Baseline.FromHoldout(SimulatedModels.Binary(400_000, seed: 1)));

    private static double AlarmRate(Baseline baseline, int windows, int rows, PerformanceOptions options, int seedBase)
    {
        var alarms = 0;
        for (var w = 0; w < windows; w++)
        {
            if (PerformanceCheck.Run(baseline, SimulatedModels.Binary(rows, seedBase + w), options).Degraded)
            {
                alarms++;
            }
        }

        return (double)alarms / windows;
    }

    [Fact]
    public void WithNoAllowedDrop_FourWatchedMetricsStayUnderFivePercent_AnalyticIntervals()
    {
        // No allowed drop at all: only the intervals stand between noise and an alarm.
        var strict = new PerformanceOptions { MaxRelativeDrop = 0 };
        var rate = AlarmRate(Population.Value, windows: 1000, rows: 1500, strict, seedBase: 10_000);
        Assert.True(rate <= 0.05, $"false-alarm rate {rate:P1} over 1000 null windows of 1500 rows");

        // The same windows judged with unadjusted 95 % intervals per metric (what Bonferroni prevents) alarm more.
        var unadjusted = strict with { Level = 1 - (0.05 * 4) };
        var naive = AlarmRate(Population.Value, windows: 1000, rows: 1500, unadjusted, seedBase: 10_000);
        Assert.True(naive > rate, $"unadjusted {naive:P1} vs simultaneous {rate:P1}");
    }

    [Fact]
    public void WithNoAllowedDrop_FourWatchedMetricsStayUnderFivePercent_Bootstrap()
    {
        var strict = new PerformanceOptions { MaxRelativeDrop = 0, Seed = 3 };
        var rate = AlarmRate(Population.Value, windows: 160, rows: 300, strict, seedBase: 20_000);
        Assert.True(rate <= 0.05, $"false-alarm rate {rate:P1} over 160 null windows of 300 rows (bootstrap)");
    }

    [Fact]
    public void DefaultRule_WithAHoldoutBaseline_StaysUnderFivePercent()
    {
        // As in production: the baseline is itself measured on a 600-row holdout; each replication draws a new one.
        var alarms = 0;
        const int replications = 160;
        for (var r = 0; r < replications; r++)
        {
            var baseline = Baseline.FromHoldout(SimulatedModels.Binary(600, 30_000 + r));
            var rows = r % 2 == 0 ? 400 : 2000; // bootstrap and analytic windows alike
            alarms += PerformanceCheck.Run(baseline, SimulatedModels.Binary(rows, 40_000 + r), new PerformanceOptions { Seed = r }).Degraded ? 1 : 0;
        }

        var rate = (double)alarms / replications;
        Assert.True(rate <= 0.05, $"false-alarm rate {rate:P1} over {replications} null windows with holdout baselines");
    }
}
