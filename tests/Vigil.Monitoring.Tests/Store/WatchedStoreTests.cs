using System.Data.Common;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Store;

public sealed class WatchedStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void SetReplacesKeepsOrderAndSurvivesReopening(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        Assert.Null(store.GetWatchedMetrics("churn"));
        store.SetWatchedMetrics("churn", WatchedMetrics.Parse("roc_auc,recall:0.1,accuracy:0.02"), "alice");
        store.SetWatchedMetrics("other", WatchedMetrics.Parse("rmse"), "bob");
        temp.Clock.Advance(TimeSpan.FromHours(1));
        var setAt = temp.Clock.GetUtcNow();
        store.SetWatchedMetrics("churn", WatchedMetrics.Parse("recall:0.15,precision"), "carol");

        store = temp.Reopen();
        var stored = store.GetWatchedMetrics("churn")!;
        Assert.Equal([new WatchedMetric("recall", 0.15), new WatchedMetric("precision")], stored.Metrics.Metrics);
        Assert.Equal("carol", stored.SetBy);
        Assert.Equal(setAt, stored.SetAt);
        Assert.Equal("rmse", store.GetWatchedMetrics("other")!.Metrics.ToString());
        Assert.True(store.ClearWatchedMetrics("churn"));
        Assert.False(store.ClearWatchedMetrics("churn"));
        Assert.Null(store.GetWatchedMetrics("churn"));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void TheDatabaseRefusesADropOutsideItsRange(string backend)
    {
        using var temp = TempStore.Open(backend);
        Assert.ThrowsAny<DbException>(() => temp.Execute(
            "INSERT INTO watched_metrics (model, position, metric, max_relative_drop, set_at, set_by) VALUES ('m', 0, 'recall', 1.5, 0, 'x')"));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void AStoredMetricThisBuildDoesNotKnowIsAClearError(string backend)
    {
        using var temp = TempStore.Open(backend);
        temp.Execute("INSERT INTO watched_metrics (model, position, metric, max_relative_drop, set_at, set_by) VALUES ('m', 0, 'brier', NULL, 0, 'x')");
        var e = Assert.Throws<WorkspaceInputException>(() => temp.Store.GetWatchedMetrics("m"));
        Assert.Contains("'brier'", e.Message, StringComparison.Ordinal);
    }
}
