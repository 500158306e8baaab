using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Store;

public sealed class WatchedStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-watched-").FullName;

    [Fact]
    public void SetReplacesKeepsOrderAndSurvivesReopening()
    {
        var clock = new SteppedClock(new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero));
        using (var ws = VigilWorkspace.Open(_folder, clock))
        {
            Assert.Null(ws.Store.GetWatchedMetrics("churn"));
            ws.Store.SetWatchedMetrics("churn", WatchedMetrics.Parse("roc_auc,recall:0.1,accuracy:0.02"), "alice");
            ws.Store.SetWatchedMetrics("other", WatchedMetrics.Parse("rmse"), "bob");
            clock.Now += TimeSpan.FromHours(1);
            ws.Store.SetWatchedMetrics("churn", WatchedMetrics.Parse("recall:0.15,precision"), "carol");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var ws = VigilWorkspace.Open(_folder))
        {
            var stored = ws.Store.GetWatchedMetrics("churn")!;
            Assert.Equal([new WatchedMetric("recall", 0.15), new WatchedMetric("precision")], stored.Metrics.Metrics);
            Assert.Equal("carol", stored.SetBy);
            Assert.Equal(new DateTimeOffset(2026, 12, 6, 5, 0, 0, TimeSpan.Zero), stored.SetAt);
            Assert.Equal("rmse", ws.Store.GetWatchedMetrics("other")!.Metrics.ToString());
            Assert.True(ws.Store.ClearWatchedMetrics("churn"));
            Assert.False(ws.Store.ClearWatchedMetrics("churn"));
            Assert.Null(ws.Store.GetWatchedMetrics("churn"));
        }
    }

    [Fact]
    public void TheDatabaseRefusesADropOutsideItsRange()
    {
        using var ws = VigilWorkspace.Open(_folder);
        using var connection = ws.ConnectForTests();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO watched_metrics (model, position, metric, max_relative_drop, set_at, set_by) VALUES ('m', 0, 'recall', 1.5, 0, 'x')";
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQuery());
    }

    [Fact]
    public void AStoredMetricThisBuildDoesNotKnowIsAClearError()
    {
        using var ws = VigilWorkspace.Open(_folder);
        using (var connection = ws.ConnectForTests())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO watched_metrics (model, position, metric, max_relative_drop, set_at, set_by) VALUES ('m', 0, 'brier', NULL, 0, 'x')";
            command.ExecuteNonQuery();
        }

        var e = Assert.Throws<WorkspaceInputException>(() => ws.Store.GetWatchedMetrics("m"));
        Assert.Contains("'brier'", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
