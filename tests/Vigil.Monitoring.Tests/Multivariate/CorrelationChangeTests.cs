using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Multivariate;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Profiles;
using Xunit.Abstractions;

namespace Vigil.Monitoring.Tests.Multivariate;

/// <summary>
/// Drift no column shows: the correlation of a and b falls from 0.9 to 0 while every marginal stays N(0, 1). Every
/// column test misses it; both multivariate methods catch it, and the check alarms and asks for a retrain.
/// </summary>
public sealed class CorrelationChangeTests(ITestOutputHelper output)
{
    private const int ReferenceRows = 4000;
    private const int WindowRows = 2000;

    private static Table Reference => MultivariateTestData.Pairs(ReferenceRows, seed: 1, abCorrelation: 0.9, region: true);

    private static Table Changed => MultivariateTestData.Pairs(WindowRows, seed: 2, abCorrelation: 0.0, region: true);

    [Fact]
    public void EveryColumnTestMissesIt()
    {
        foreach (var test in new[] { "ks", "ad", "cvm" })
        {
            var tests = new[] { "a", "b", "c", "d", "n0" }.ToDictionary(c => c, _ => test, StringComparer.Ordinal);
            var report = DriftAnalyzer.Compare(Reference, Changed, new DriftOptions { Tests = tests });
            output.WriteLine($"{test}: " + string.Join(", ", report.Columns.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} p={c.AdjustedPValue:G3}"))));
            Assert.DoesNotContain(report.Columns, c => c.Drifted);
            Assert.False(report.DatasetDrift);
        }
    }

    [Fact]
    public void BothMultivariateMethodsCatchIt()
    {
        var result = new MultivariateCheck(Reference).Run(Changed);
        output.WriteLine(result.Reason);
        Assert.True(result.DomainClassifier.Ran);
        Assert.True(result.DomainClassifier.Drifted, result.DomainClassifier.Reason);
        Assert.True(result.DomainClassifier.Auc > 0.6, $"AUC {result.DomainClassifier.Auc}");
        Assert.True(result.DomainClassifier.PValue < 1e-6);
        Assert.True(result.DatasetDrift);
        // The pair whose relation changed separates the samples; the unchanged pair and the noise do not.
        var top = result.DomainClassifier.TopFeatures.Take(2).Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "a", "b" }, top);
        Assert.True(result.Reconstruction.Ran);
        Assert.True(result.Reconstruction.Drifted, result.Reconstruction.Reason);
        Assert.True(result.Reconstruction.Error > result.Reconstruction.Upper);
    }

    [Fact]
    public void TheSameInputsGiveTheSameFigures()
    {
        var first = new MultivariateCheck(Reference).Run(Changed);
        var second = new MultivariateCheck(Reference, new MultivariateOptions { Classifier = new() { Parallelism = 1 } }).Run(Changed);
        Assert.Equal(first.DomainClassifier.Auc, second.DomainClassifier.Auc);
        Assert.Equal(first.DomainClassifier.PValue, second.DomainClassifier.PValue);
        Assert.Equal(first.DomainClassifier.TopFeatures, second.DomainClassifier.TopFeatures);
        Assert.Equal(first.Reconstruction.Error, second.Reconstruction.Error);
        var reseeded = new MultivariateCheck(Reference, new MultivariateOptions { Seed = 99, Classifier = new() { Seed = 99 } }).Run(Changed);
        Assert.NotEqual(first.DomainClassifier.Auc, reseeded.DomainClassifier.Auc);
    }

    [Fact]
    public void UnchangedWindowIsNotFlagged()
    {
        var result = new MultivariateCheck(Reference).Run(MultivariateTestData.Pairs(WindowRows, seed: 3, abCorrelation: 0.9, region: true));
        output.WriteLine(result.Reason);
        Assert.False(result.DomainClassifier.Drifted, result.DomainClassifier.Reason);
        Assert.InRange(result.DomainClassifier.Auc!.Value, 0.4, 0.55);
        Assert.False(result.Reconstruction.Drifted, result.Reconstruction.Reason);
        Assert.InRange(result.Reconstruction.Error!.Value, result.Reconstruction.Lower!.Value, result.Reconstruction.Upper!.Value);
    }

    [Fact]
    public void TheCheckAlarmsAndThePolicyCallsItDatasetDrift()
    {
        var profile = ReferenceProfile.Build(Reference);
        Assert.NotNull(profile.RowSample);
        var monitor = new WindowMonitor("m", "1", profile);
        var now = DateTimeOffset.UnixEpoch;
        var result = monitor.Check(new MonitoringWindow { Start = now, End = now.AddDays(1), Rows = Changed });

        Assert.False(result.Drift.DatasetDrift);
        Assert.Empty(result.Drift.DriftedColumns);
        Assert.NotNull(result.Multivariate);
        Assert.True(result.Multivariate!.DatasetDrift);
        Assert.Equal(MonitoringStatus.Alarm, result.Status);
        Assert.StartsWith("dataset drift (domain classifier)", result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(result.Reasons, r => r.StartsWith("multivariate drift (PCA reconstruction error)", StringComparison.Ordinal));

        var decision = new RetrainPolicy().Evaluate(result, new RetrainContext(10_000, null, [], now));
        var drift = decision.Triggers.Single(t => t.Trigger == RetrainTrigger.DatasetDrift);
        Assert.True(drift.Fired, drift.Detail);
        Assert.Contains("domain classifier", drift.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TheResultSurvivesTheStoredJson()
    {
        var profile = ReferenceProfile.Build(Reference);
        var restored = MonitoringJson.Deserialize<ReferenceProfile>(MonitoringJson.Serialize(profile));
        Assert.Equal(profile.RowSample!.Rows, restored.RowSample!.Rows);

        var result = new WindowMonitor("m", "1", restored).Check(new MonitoringWindow { Start = DateTimeOffset.UnixEpoch, End = DateTimeOffset.UnixEpoch, Rows = Changed });
        var json = MonitoringJson.Serialize(result);
        Assert.Contains("\"multivariate\"", json, StringComparison.Ordinal);
        Assert.Contains("\"domain_classifier\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reconstruction\"", json, StringComparison.Ordinal);
        var read = MonitoringJson.Deserialize<MonitoringResult>(json);
        Assert.Equal(result.Multivariate!.DomainClassifier.Auc, read.Multivariate!.DomainClassifier.Auc);
        Assert.Equal(result.Multivariate.Reconstruction.Upper, read.Multivariate.Reconstruction.Upper);
        Assert.Equal(result.Multivariate.DomainClassifier.TopFeatures, read.Multivariate.DomainClassifier.TopFeatures);
    }

    [Fact]
    public void AProfileWithoutRowsSaysTheMethodsDidNotRun()
    {
        var old = ReferenceProfile.Build(Reference) with { RowSample = null };
        var result = new WindowMonitor("m", "1", old).Check(new MonitoringWindow { Start = DateTimeOffset.UnixEpoch, End = DateTimeOffset.UnixEpoch, Rows = Changed });
        Assert.NotNull(result.Multivariate);
        Assert.False(result.Multivariate!.DomainClassifier.Ran);
        Assert.False(result.Multivariate.Reconstruction.Ran);
        Assert.False(result.Multivariate.DatasetDrift);
        Assert.Equal(MultivariateCheck.NoRowSample, result.Multivariate.DomainClassifier.Reason);
        Assert.NotEqual(MonitoringStatus.Alarm, result.Status);
    }

    [Fact]
    public void SmallWindowsAndMissingFeaturesAreReportedNotRun()
    {
        var check = new MultivariateCheck(Reference, new MultivariateOptions { MinRows = 100 });
        var small = check.Run(MultivariateTestData.Pairs(50, seed: 4, abCorrelation: 0.0));
        Assert.False(small.DomainClassifier.Ran);
        Assert.Contains("at least 100 rows", small.DomainClassifier.Reason, StringComparison.Ordinal);
        // PCA still runs on a small window: its band widens with 1/√n.
        Assert.True(small.Reconstruction.Ran);

        var partial = check.Run(Changed.WithoutColumns("region", "n0"));
        Assert.Equal(new[] { "n0", "region" }, partial.Skipped.Order(StringComparer.Ordinal).ToArray());
        Assert.True(partial.DomainClassifier.Drifted);
        Assert.Equal(4, partial.Reconstruction.Features);
    }

    [Fact]
    public void MissingCellsAndUnseenCategoriesAreEncodedNotRejected()
    {
        var window = Changed;
        var a = ((NumericColumn)window["a"]).Values.ToArray();
        for (var i = 0; i < a.Length; i += 7)
        {
            a[i] = i % 2 == 0 ? double.NaN : double.PositiveInfinity;
        }

        var region = Enumerable.Range(0, window.RowCount).Select(i => (string?)(i % 3 == 0 ? "east" : i % 11 == 0 ? null : "north")).ToArray();
        window = window.WithColumn(new NumericColumn("a", a)).WithColumn(CategoricalColumn.FromValues("region", region));
        var result = new MultivariateCheck(Reference).Run(window);
        Assert.True(result.DomainClassifier.Ran);
        Assert.True(result.Reconstruction.Ran);
        Assert.True(double.IsFinite(result.Reconstruction.Error!.Value));
        // A new category in a third of the rows separates the samples at once.
        Assert.Equal("region", result.DomainClassifier.TopFeatures[0].Name);
    }
}
