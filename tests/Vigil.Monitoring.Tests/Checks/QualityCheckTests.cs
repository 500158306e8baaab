using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Tests.Checks;

public sealed class QualityCheckTests
{
    private static readonly ReferenceProfile Profile = ReferenceProfile.Build(new Table(
    [
        new NumericColumn("x", Enumerable.Range(0, 200).Select(i => i / 10.0).ToArray()),
        new NumericColumn("z", Enumerable.Range(0, 200).Select(i => (double)(i % 7)).ToArray()),
        CategoricalColumn.FromValues("c", Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? "a" : "b").ToArray()),
        new NumericColumn("y", Enumerable.Range(0, 200).Select(i => (double)(i % 2)).ToArray()),
    ]), "y", Vigil.AutoML.AutoMLTask.Binary);

    private static QualityFinding Single(QualityReport report, QualityFindingKind kind, string? column) =>
        Assert.Single(report.Findings, f => f.Kind == kind && f.Column == column);

    [Fact]
    public void SchemaProblems_AreFindingsNotExceptions()
    {
        var window = new Table(
        [
            CategoricalColumn.FromValues("x", Enumerable.Repeat<string?>("oops", 50).ToArray()),
            new NumericColumn("extra", new double[50]),
            CategoricalColumn.FromValues("c", Enumerable.Repeat<string?>("a", 50).ToArray()),
        ]);
        var report = QualityCheck.Run(Profile, window);
        Assert.Equal(QualitySeverity.Error, Single(report, QualityFindingKind.TypeMismatch, "x").Severity);
        Assert.Equal(QualitySeverity.Error, Single(report, QualityFindingKind.MissingColumn, "z").Severity);
        Assert.Equal(QualitySeverity.Info, Single(report, QualityFindingKind.ExtraColumn, "extra").Severity);
        Assert.DoesNotContain(report.Findings, f => f.Column == "y"); // labels absent: not a finding

        // The monitor still runs end to end: the mismatched and absent columns are skipped by the drift check.
        var result = new WindowMonitor("m", "1", Profile).Check(new MonitoringWindow { Start = default, End = default, Rows = window });
        Assert.Equal(MonitoringStatus.Alarm, result.Status);
        Assert.Equal(["x", "z"], result.Drift.Skipped.Select(s => s.Name));
        Assert.Null(result.Performance);
    }

    [Fact]
    public void EmptyAndTinyWindows_AreFlagged()
    {
        var empty = QualityCheck.Run(Profile, new Table(Profile.Features.Select(c =>
            c.ComparedAsCategorical ? (Column)CategoricalColumn.FromValues(c.Name, []) : new NumericColumn(c.Name, []))));
        Assert.Equal(QualitySeverity.Error, Single(empty, QualityFindingKind.EmptyWindow, null).Severity);
        var none = QualityCheck.Run(Profile, new Table([]));
        Assert.Contains(none.Findings, f => f.Kind == QualityFindingKind.EmptyWindow);

        var tiny = QualityCheck.Run(Profile, Window(5, _ => 1.0));
        Assert.Equal(5, Single(tiny, QualityFindingKind.TooFewRows, null).Value);
        var monitor = new WindowMonitor("m", "1", Profile);
        Assert.Equal(MonitoringStatus.Alarm, monitor.Check(new MonitoringWindow { Start = default, End = default, Rows = new Table([]) }).Status);
    }

    [Fact]
    public void MissingUnseenOutOfRangeAndInfinities_AreMeasured()
    {
        var window = Window(100, i => i switch
        {
            < 30 => double.NaN,
            < 32 => double.PositiveInfinity,
            < 33 => double.NegativeInfinity,
            < 40 => 1000,
            _ => 5,
        }, i => i < 20 ? "new" : i < 25 ? "other" : "a");
        var report = QualityCheck.Run(Profile, window);
        var missing = Single(report, QualityFindingKind.MissingShare, "x");
        Assert.Equal(0.30, missing.Value!.Value, 12);
        Assert.Equal(QualitySeverity.Warning, missing.Severity);
        Assert.Equal(3, Single(report, QualityFindingKind.NonFinite, "x").Value);
        Assert.Equal(10 / 70.0, Single(report, QualityFindingKind.OutOfRange, "x").Value!.Value, 12);
        var unseen = Single(report, QualityFindingKind.UnseenCategory, "c");
        Assert.Equal(0.25, unseen.Value!.Value, 12);
        Assert.Contains("'new'", unseen.Detail, StringComparison.Ordinal);

        // Infinities never reach the tests: the drift check sees them as missing.
        var drift = new DriftCheck(Profile).Run(window);
        Assert.Equal(33, drift.Features.Columns.Single(c => c.Name == "x").MissingCurrent);
    }

    private static Table Window(int rows, Func<int, double> x, Func<int, string?>? c = null) => new(
    [
        new NumericColumn("x", Enumerable.Range(0, rows).Select(x).ToArray()),
        new NumericColumn("z", Enumerable.Range(0, rows).Select(i => (double)(i % 7)).ToArray()),
        CategoricalColumn.FromValues("c", Enumerable.Range(0, rows).Select(c ?? (i => i % 2 == 0 ? "a" : "b")).ToArray()),
    ]);
}
