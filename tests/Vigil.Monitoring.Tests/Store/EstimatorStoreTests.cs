using System.Data.Common;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>Refitted estimators (one per model version, outside the bundle) on every backend.</summary>
public sealed class EstimatorStoreTests
{
    private static StoredEstimator Refit(string model, int version, string source, int rows, DateTimeOffset at, string json) =>
        new(model, version, "cbpe", source, rows, at, "alice") { Json = json };

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void SetReplacesPerVersion_ReadsWithOrWithoutTheJson_AndSurvivesReopening(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var at = temp.Clock.GetUtcNow();
        Assert.Null(store.GetVersionEstimator("churn", 1));
        store.SetVersionEstimator(Refit("churn", 1, "500 labelled rows of a.csv", 500, at, "{\"a\":1}"));
        store.SetVersionEstimator(Refit("churn", 2, "600 labelled rows of b.csv", 600, at, "{\"b\":2}"));
        store.SetVersionEstimator(Refit("other", 1, "the log", 700, at, "{\"c\":3}"));
        var later = at.AddHours(1);
        store.SetVersionEstimator(Refit("churn", 1, "800 labelled rows of d.csv", 800, later, "{\"d\":4}"));

        store = temp.Reopen();
        var first = store.GetVersionEstimator("churn", 1)!;
        Assert.Equal(new StoredEstimator("churn", 1, "cbpe", "800 labelled rows of d.csv", 800, later, "alice") { Json = "{\"d\":4}" }, first);
        Assert.Null(store.GetVersionEstimator("churn", 1, withJson: false)!.Json);
        Assert.Equal("{\"b\":2}", store.GetVersionEstimator("churn", 2)!.Json);
        Assert.Equal(700, store.GetVersionEstimator("other", 1)!.Rows);
        Assert.Null(store.GetVersionEstimator("churn", 3));

        Assert.True(store.ClearVersionEstimator("churn", 1));
        Assert.False(store.ClearVersionEstimator("churn", 1));
        Assert.Null(store.GetVersionEstimator("churn", 1));
        Assert.NotNull(store.GetVersionEstimator("churn", 2));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void TheDatabaseRefusesARefitWithoutRows(string backend)
    {
        using var temp = TempStore.Open(backend);
        Assert.ThrowsAny<DbException>(() => temp.Execute(
            "INSERT INTO version_estimators (model, version, method, source, row_count, fitted_at, fitted_by, estimator) VALUES ('m', 1, 'cbpe', 's', 0, 0, 'x', '{}')"));
        Assert.Throws<ArgumentOutOfRangeException>(() => temp.Store.SetVersionEstimator(Refit("m", 1, "s", 0, temp.Clock.GetUtcNow(), "{}")));
    }
}
