using Vigil.Data.Tables;
using Vigil.Monitoring.Drift;

namespace Vigil.Monitoring.Tests.Drift;

/// <summary>
/// Columns with nothing to test (missing in every row) or no spread (one value) are compared without an exception:
/// an untestable column is reported as not drifted with the reason, the other columns are tested as usual.
/// </summary>
public sealed class DegenerateColumnDriftTests
{
    private static double[] Ramp(int n, double shift = 0) => Enumerable.Range(0, n).Select(i => (i % 40) + shift).ToArray();

    private static double[] Filled(int n, double value) => Enumerable.Repeat(value, n).ToArray();

    private static Table Table(int n, double shift, double[] numeric, string?[] categories) => new([
        new NumericColumn("x", Ramp(n, shift)),
        new NumericColumn("odd", numeric),
        CategoricalColumn.FromValues("tag", categories),
    ]);

    [Fact]
    public void AllMissingReferenceColumnsAreReportedWithTheirReasonNotThrown()
    {
        var reference = Table(300, 0, Filled(300, double.NaN), new string?[300]);
        var current = Table(200, 25, Ramp(200), Enumerable.Repeat<string?>("a", 200).ToArray());

        var report = DriftAnalyzer.Compare(reference, current);

        foreach (var name in new[] { "odd", "tag" })
        {
            var column = report.Columns.Single(c => c.Name == name);
            Assert.Equal(0, column.NReference);
            Assert.Equal(300, column.MissingReference);
            Assert.Null(column.PValueAdjusted);
            Assert.False(column.Drifted);
            Assert.Contains("no non-missing reference values", column.Reason, StringComparison.Ordinal);
        }

        Assert.True(report.Columns.Single(c => c.Name == "x").Drifted); // the healthy column is still tested
    }

    [Fact]
    public void AllMissingCurrentColumnsAreReportedWithTheirReason()
    {
        var reference = Table(300, 0, Ramp(300), Enumerable.Repeat<string?>("a", 300).ToArray());
        var current = Table(200, 0, Filled(200, double.PositiveInfinity), new string?[200]);

        var report = DriftAnalyzer.Compare(reference, current);

        foreach (var name in new[] { "odd", "tag" })
        {
            var column = report.Columns.Single(c => c.Name == name);
            Assert.Equal(0, column.NCurrent);
            Assert.False(column.Drifted);
            Assert.Contains("no non-missing current values", column.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ConstantColumnsCompareWithoutSpread()
    {
        var reference = Table(300, 0, Filled(300, 5), Enumerable.Repeat<string?>("a", 300).ToArray());
        var same = DriftAnalyzer.Compare(reference, Table(200, 0, Filled(200, 5), Enumerable.Repeat<string?>("a", 200).ToArray()));
        var odd = same.Columns.Single(c => c.Name == "odd");
        Assert.Equal(1.0, odd.KsPValue);
        Assert.False(odd.Drifted);
        Assert.False(same.Columns.Single(c => c.Name == "tag").Drifted);

        // A constant column that starts to vary is a real change.
        var moved = DriftAnalyzer.Compare(reference, Table(200, 0, Ramp(200), Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? "a" : "b").ToArray()));
        Assert.True(moved.Columns.Single(c => c.Name == "odd").Drifted);
        Assert.True(moved.Columns.Single(c => c.Name == "tag").Drifted);
    }
}
