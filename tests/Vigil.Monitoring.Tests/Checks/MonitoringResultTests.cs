using Vigil.AutoML;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Tests.Checks;

public sealed class MonitoringResultTests
{
    [Fact]
    public void FullRun_RoundTripsThroughJson()
    {
        var training = MonitoringTestData.Gaussian(1500, 5, seed: 8);
        var (yh, ph, sh) = MonitoringTestData.Binary(1500, 0.85, seed: 9);
        training = training.WithColumn(new Vigil.Data.Tables.NumericColumn("target", yh.Select(v => (double)v).ToArray()));
        var profile = ReferenceProfile.Build(training, "target", AutoMLTask.Binary) with
        {
            Baseline = Baseline.FromHoldout(PredictionSet.Binary(yh, ph, sh)),
            FeatureImportance = new Dictionary<string, double> { ["f0"] = 5, ["f1"] = 1, ["f2"] = 1, ["f3"] = 1, ["f4"] = 1 },
        };
        var rows = MonitoringTestData.Gaussian(600, 5, seed: 10, shifted: 1, shift: 1.0);
        var (y, p, s) = MonitoringTestData.Binary(600, 0.70, seed: 11);
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var monitor = new WindowMonitor("churn", "v3", profile, new MonitoringOptions { Performance = new PerformanceOptions { Resamples = 300 } });
        var result = monitor.Check(new MonitoringWindow { Start = start, End = start.AddDays(1), Rows = rows, Outcomes = PredictionSet.Binary(y, p, s) });

        Assert.Equal(["f0"], result.Drift.DriftedColumns);
        Assert.Equal(0.2, result.Drift.DriftedShare, 12);
        Assert.Equal(5 / 9.0, result.Drift.WeightedDriftedShare!.Value, 12);
        Assert.True(result.Drift.DatasetDrift); // the weighted share decides
        Assert.NotNull(result.Drift.LabelDrift);
        Assert.NotNull(result.Drift.PredictionDrift);
        Assert.True(result.Performance!.Degraded);
        Assert.Equal(MonitoringStatus.Alarm, result.Status);
        Assert.Contains(result.Reasons, r => r.StartsWith("dataset drift", StringComparison.Ordinal));

        var json = MonitoringJson.Serialize(result);
        Assert.Contains("\"status\": \"alarm\"", json, StringComparison.Ordinal);
        Assert.Contains("\"weighted_drifted_share\"", json, StringComparison.Ordinal);
        var back = MonitoringJson.Deserialize<MonitoringResult>(json);
        Assert.Equal(json, MonitoringJson.Serialize(back));
        Assert.Equal(result.Window, back.Window);
        Assert.Equal(result.Drift.Features.Columns[0].KsPValue, back.Drift.Features.Columns[0].KsPValue);
    }
}
