using System.Globalization;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;
using Xunit.Abstractions;

namespace Vigil.Monitoring.Tests.Checks;

/// <summary>Statistical behaviour of the drift check on simulated windows (fixed seeds).</summary>
public sealed class DriftSimulationTests(ITestOutputHelper output)
{
    private const int Features = 20;
    private const int ReferenceRows = 3000;
    private const int WindowRows = 500;

    private static readonly Lazy<DriftCheck> Check = new(() =>
        new DriftCheck(ReferenceProfile.Build(MonitoringTestData.Gaussian(ReferenceRows, Features, seed: 1))));

    [Fact]
    public void NoDrift_FalseAlarmsAreControlled_WhileTheSeedRuleAlarmsInMostWindows()
    {
        const int windows = 200;
        int dataset = 0, anyColumn = 0, seedRule = 0;
        for (var w = 0; w < windows; w++)
        {
            // A fresh reference per window: one fixed reference shares its own sampling noise with every window
            // (with seed 1 it gave 7.5 % any-column alarms); the error rate is a statement averaged over both samples.
            var check = new DriftCheck(ReferenceProfile.Build(MonitoringTestData.Gaussian(ReferenceRows, Features, seed: 100_000 + w)));
            var result = check.Run(MonitoringTestData.Gaussian(WindowRows, Features, seed: 1000 + w));
            dataset += result.DatasetDrift ? 1 : 0;
            anyColumn += result.AnyFeatureDrifted ? 1 : 0;
            seedRule += result.Features.Columns.Any(c => c.KsPValue < 0.05) ? 1 : 0;
        }

        var datasetShare = (double)dataset / windows;
        var anyShare = (double)anyColumn / windows;
        var seedShare = (double)seedRule / windows;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{windows} stable windows of {WindowRows} rows × {Features} N(0,1) features, each vs a fresh {ReferenceRows}-row reference"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dataset drift (≥ 50 % drifted, BH):   {datasetShare:P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  any column drifted (BH + W1 floor):   {anyShare:P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seed rule (any raw KS p < 0.05):      {seedShare:P1}  (theory 1 − 0.95^20 = 64.2 %)"));

        Assert.True(datasetShare <= 0.05, $"dataset drift false alarms {datasetShare:P1}");
        // BH under the global null keeps P(any column flagged) at alpha = 5 %; 200 windows measure that with a standard
        // error of 1.5 points, so the bound is the one-sided 95 % binomial limit 5 % + 1.645·1.54 % ≈ 7.5 %.
        Assert.True(anyShare <= 0.075, $"any-column false alarms {anyShare:P1}");
        Assert.InRange(seedShare, 0.50, 0.78);
        Assert.True(seedShare >= 8 * Math.Max(anyShare, 0.01), "the seed rule should alarm far more often");
    }

    [Fact]
    public void MeanShiftOfHalfAStdInThreeFeatures_IsDetectedInNearlyEveryWindow()
    {
        const int windows = 100;
        int detected = 0, warned = 0;
        for (var w = 0; w < windows; w++)
        {
            var result = Check.Value.Run(MonitoringTestData.Gaussian(WindowRows, Features, seed: 5000 + w, shifted: 3, shift: 0.5));
            var flagged = result.DriftedColumns.ToHashSet(StringComparer.Ordinal);
            detected += flagged.IsSupersetOf(["f0", "f1", "f2"]) ? 1 : 0;

            // The status rule: any drifted feature is at least a warning, even below the dataset share.
            var (status, _) = WindowMonitor.Judge(result, new QualityReport { Rows = WindowRows, Findings = [] }, null);
            warned += status != MonitoringStatus.Healthy ? 1 : 0;
        }

        var rate = (double)detected / windows;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"0.5 std shift in 3 of {Features} features: all three flagged in {rate:P1} of {windows} windows; status not healthy in {warned}"));
        Assert.True(rate >= 0.95, $"detection rate {rate:P1}");
        Assert.True(warned >= detected);
    }
}
