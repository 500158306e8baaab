using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Monitoring.Tests.Lifecycle;

/// <summary>Which watched metrics a model's checks use: stored for the model, configured for it, configured default, task default.</summary>
public sealed class WatchedSettingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-watch-setting-").FullName;

    private static readonly Table Data = ClassificationGenerator.Generate(new ClassificationOptions
    {
        Samples = 1200, Features = 4, Informative = 3, Redundant = 1, ClassSeparation = 1.5, Seed = 5,
    });

    private static TrainRequest Quick(WatchedMetrics? watch = null) => new()
    {
        Label = "target", TimeBudget = null, MaxTrials = 2, Seed = 1, Learners = ["lgbm"], CreatedBy = "test", Watch = watch,
    };

    [Fact]
    public void MostSpecificSettingWinsAndChecksFollowIt()
    {
        using (var plain = VigilMonitor.Open(_folder))
        {
            plain.Train("m", Data.Slice(0, 800), Quick());
            var d = plain.Watched("m");
            Assert.Equal(WatchSource.TaskDefault, d.Source);
            Assert.Equal("accuracy,roc_auc,precision,recall", d.Metrics.ToString());
        }

        var options = new VigilMonitorOptions
        {
            Monitoring = new MonitoringOptions { Performance = new PerformanceOptions { Watched = WatchedMetrics.Parse("rmse,f1:0.2") } },
        };
        using (var monitor = VigilMonitor.Open(_folder, options))
        {
            var common = monitor.Watched("m");
            Assert.Equal(WatchSource.ConfiguredDefault, common.Source);
            Assert.Equal("f1:0.2", common.Metrics.ToString()); // rmse is not a binary metric
        }

        using (var monitor = VigilMonitor.Open(_folder, options with
        {
            WatchedByModel = new Dictionary<string, WatchedMetrics> { ["m"] = WatchedMetrics.Parse("log_loss:0.3") },
        }))
        {
            Assert.Equal(WatchSource.Configuration, monitor.Watched("m").Source);
            var stored = monitor.SetWatched("m", WatchedMetrics.Parse("recall:0.1,accuracy"), "tester");
            Assert.Equal(WatchSource.Model, stored.Source);
            Assert.Equal("tester", stored.SetBy);
            Assert.Equal(1 - (0.05 / 2), stored.IntervalLevel, 12);
            var check = monitor.Check("m", Data.Slice(800, 300));
            Assert.Equal(["recall", "accuracy"], check.Result.Performance!.Watched);
            Assert.Throws<WatchedMetricsInputException>(() => monitor.SetWatched("m", WatchedMetrics.Parse("mae"), "tester"));
            Assert.Equal(WatchSource.Configuration, monitor.ResetWatched("m").Source);
        }
    }

    [Fact]
    public void TrainStoresTheWatchAndRefusesOneThatDoesNotFitBeforeTraining()
    {
        using var monitor = VigilMonitor.Open(_folder);
        var e = Assert.Throws<WatchedMetricsInputException>(() => monitor.Train("r", Data.Slice(0, 800), Quick(WatchedMetrics.Parse("r2"))));
        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
        Assert.Empty(monitor.Workspace.Registry.ListModels()); // nothing was trained or registered

        monitor.Train("r", Data.Slice(0, 800), Quick(WatchedMetrics.Parse("recall:0.25")));
        var w = monitor.Watched("r");
        Assert.Equal(WatchSource.Model, w.Source);
        Assert.Equal("recall:0.25", w.Metrics.ToString());
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
}
