using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Tests.Checks;

/// <summary>A timestamp feature always lies after training in a later window: that is not drift and not bad data.</summary>
public sealed class TimeColumnTests
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Table Rows(DateTime from, int rows, double shift = 0)
    {
        var random = new Random(5);
        return new Table(
        [
            new DateTimeColumn("when", Enumerable.Range(0, rows).Select(i => (DateTime?)from.AddHours(i)).ToArray()),
            new NumericColumn("x", Enumerable.Range(0, rows).Select(_ => random.NextDouble() + shift).ToArray()),
        ]);
    }

    private static readonly ReferenceProfile Profile = ReferenceProfile.Build(Rows(Start, 500));

    [Fact]
    public void ATimestampIsNotDriftTestedButOtherFeaturesAre()
    {
        var result = new DriftCheck(Profile).Run(Rows(Start.AddDays(60), 300, shift: 0.5));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("when", skipped.Name);
        Assert.Contains("moves with time", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(["x"], result.DriftedColumns);
        Assert.DoesNotContain(result.Features.Columns, c => c.Name == "when");
    }

    [Fact]
    public void LaterDatesAreNotOutOfRangeButEarlierOnesAre()
    {
        var later = QualityCheck.Run(Profile, Rows(Start.AddDays(60), 300));
        Assert.DoesNotContain(later.Findings, f => f.Kind == QualityFindingKind.OutOfRange);

        var earlier = QualityCheck.Run(Profile, Rows(Start.AddDays(-30), 300));
        var finding = Assert.Single(earlier.Findings, f => f.Kind == QualityFindingKind.OutOfRange && f.Column == "when");
        Assert.Contains("before the training period, which starts 2024-01-01T00:00:00", finding.Detail, StringComparison.Ordinal);
    }
}
