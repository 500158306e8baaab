using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Policy;

namespace Vigil.Monitoring.Tests.Estimation;

/// <summary>The estimator is fitted once when a version is trained, stored with it, and used by checks without labels.</summary>
public sealed class EstimatorLifecycleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-estimation-").FullName;

    private static TrainRequest Quick() => new()
    {
        Label = "target", TimeBudget = null, MaxTrials = 3, Seed = 3, Learners = ["lgbm"], CreatedBy = "test", Reason = "test",
    };

    [Fact]
    public void AClassifierVersion_StoresCbpe_AndAnUnlabelledCheckReportsTheEstimate()
    {
        var stream = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Samples = 3000, Features = 5, Informative = 3, Redundant = 0, ClassSeparation = 1.0, FlipY = 0.05, Seed = 21,
        });
        using var monitor = VigilMonitor.Open(_folder);
        var trained = monitor.Train("c", stream.Slice(0, 2000), Quick());
        Assert.NotNull(trained.Estimator?.Cbpe);
        var stored = EstimatorFile.TryRead(monitor.Champion("c"), out var why);
        Assert.Null(why);
        Assert.Equal(trained.Estimator!.Cbpe!.Calibrators.Select(c => c.Method), stored!.Cbpe!.Calibrators.Select(c => c.Method));
        Assert.Equal(trained.Profile.Baseline!.Metrics["accuracy"], stored.Cbpe.Reference["accuracy"], 12);

        var unlabelled = stream.Slice(2000, 1000).WithoutColumns("target");
        var week = new CheckRequest { WindowStart = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), WindowEnd = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero) };
        var check = monitor.Check("c", unlabelled, week);
        Assert.Null(check.Result.Performance);
        var estimated = check.Result.EstimatedPerformance!;
        Assert.Equal("cbpe", estimated.Method);
        Assert.Equal(1000, estimated.Rows);
        var accuracy = estimated.Metrics.Single(m => m.Name == "accuracy");

        // The same rows with labels: the estimate stands beside the realised accuracy, within its band's reach.
        var labelled = monitor.Check("c", stream.Slice(2000, 1000), week);
        var realised = labelled.Result.Performance!.Metrics.Single(m => m.Name == "accuracy").Value!.Value;
        Assert.Equal(accuracy.Value, labelled.Result.EstimatedPerformance!.Metrics.Single(m => m.Name == "accuracy").Value);
        Assert.True(Math.Abs(accuracy.Value!.Value - realised) <= 4 * accuracy.SamplingError!.Value + 0.02,
            $"estimated {accuracy.Value} vs realised {realised} (sampling error {accuracy.SamplingError})");
        Assert.NotNull(check.Decision.Triggers.Single(t => t.Trigger == RetrainTrigger.EstimatedDegradation));

        // The report pairs the first (unlabelled) estimate with the later measurement of the same week.
        var series = monitor.Report("c").EstimatedTimeline.Single(s => s.Metric == "accuracy");
        Assert.True(series.Watched);
        Assert.Equal(2, series.Points.Count);
        Assert.Equal(realised, series.Points[0].Realised);
        Assert.Equal(labelled.CheckId.ToString(System.Globalization.CultureInfo.InvariantCulture), series.Points[0].RealisedCheckId);
        Assert.Equal(check.CheckId.ToString(System.Globalization.CultureInfo.InvariantCulture), series.Points[0].CheckId);
    }

    [Fact]
    public void ARegressionVersion_StoresDle()
    {
        var data = RegressionGenerator.Generate(new RegressionOptions { Samples = 1500, Features = 4, Informative = 3, Noise = 5, Seed = 4 });
        using var monitor = VigilMonitor.Open(_folder);
        var trained = monitor.Train("r", data.Slice(0, 1000), Quick());
        Assert.NotNull(trained.Estimator?.Dle);
        var check = monitor.Check("r", data.Slice(1000, 500).WithoutColumns("target"));
        var estimated = check.Result.EstimatedPerformance!;
        Assert.Equal("dle", estimated.Method);
        Assert.Equal(["mae", "rmse"], estimated.Metrics.Select(m => m.Name));
        Assert.All(estimated.Metrics, m => Assert.True(m.Value > 0));
    }

    [Fact]
    public void ABundleTrainedWithoutAWorkspace_CarriesItsEstimator()
    {
        var stream = ClassificationGenerator.Generate(new ClassificationOptions { Samples = 1200, Features = 4, Informative = 2, Seed = 5 });
        var folder = Path.Combine(_folder, "bundle");
        var bundle = ModelTrainer.TrainBundle(stream, Quick(), folder);
        Assert.NotNull(bundle.Estimator);
        Assert.True(File.Exists(Path.Combine(folder, EstimatorFile.FileName)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
