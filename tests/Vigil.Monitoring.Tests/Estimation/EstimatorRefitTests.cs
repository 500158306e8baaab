using System.Globalization;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Tests.Estimation;

/// <summary>
/// A version's estimator refitted on labelled production rows (<c>vigil models estimator</c>): stored in the
/// workspace, used by the version's checks instead of the bundle's, refused with a clear reason when the rows cannot serve.
/// </summary>
public sealed class EstimatorRefitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-refit-").FullName;

    // Training period: clean labels. Production period: a quarter of the labels flipped at random — the model's
    // probabilities are now overconfident, which no estimator fitted on the training holdout can see.
    private static (Table Train, Table Production) Periods()
    {
        var stream = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Samples = 5000, Features = 5, Informative = 3, Redundant = 0, ClassSeparation = 1.5, FlipY = 0.02, Seed = 33,
        });
        var production = stream.Slice(2000, 3000);
        var target = (NumericColumn)production["target"];
        var random = new Random(7);
        var flipped = Enumerable.Range(0, target.Length).Select(i => random.NextDouble() < 0.25 ? 1 - target[i] : target[i]).ToArray();
        return (stream.Slice(0, 2000), production.WithColumn(new NumericColumn("target", flipped)));
    }

    private static TrainRequest Quick() => new()
    {
        Label = "target", TimeBudget = null, MaxTrials = 3, Seed = 3, Learners = ["lgbm"], CreatedBy = "test", Reason = "test",
    };

    private static double Accuracy(EstimatedPerformance estimated) => estimated.Metrics.Single(m => m.Name == "accuracy").Value!.Value;

    [Fact]
    public void ARefitOnTheShiftedPeriod_MovesTheEstimateToWhatIsRealisedThere_AndResetReturnsToTheBundle()
    {
        var (train, production) = Periods();
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("c", train, Quick());
        var window = production.Slice(2000, 1000);
        var unlabelled = window.WithoutColumns("target");
        var realised = monitor.Check("c", window).Result.Performance!.Metrics.Single(m => m.Name == "accuracy").Value!.Value;

        var before = monitor.Check("c", unlabelled).Result.EstimatedPerformance!;
        Assert.Equal(VersionEstimator.Bundle, before.EstimatorSource);
        Assert.True(Accuracy(before) - realised > 0.1, $"the bundle's estimator should miss the flipped labels: estimated {Accuracy(before)}, realised {realised}");

        var refit = monitor.RefitEstimator("c", null, production.Slice(0, 2000), "week-49.csv", "alice");
        Assert.Equal(VersionEstimator.Refitted, refit.Source);
        Assert.Equal(2000, refit.Refit!.Rows);
        Assert.Equal("2,000 labelled rows of week-49.csv", refit.Refit.Source);

        var after = monitor.Check("c", unlabelled).Result.EstimatedPerformance!;
        Assert.Equal(VersionEstimator.Refitted, after.EstimatorSource);
        Assert.Contains(after.Notes, n => n.StartsWith("estimator refitted on 2,000 labelled rows of week-49.csv", StringComparison.Ordinal));
        Assert.True(Math.Abs(Accuracy(after) - realised) < 0.04, $"refitted estimate {Accuracy(after)} vs realised {realised}");
        // Its baselines are the metrics realised on the refit's rows, not the training holdout's.
        Assert.True(after.Metrics.Single(m => m.Name == "accuracy").Baseline < before.Metrics.Single(m => m.Name == "accuracy").Baseline - 0.1);

        var reset = monitor.ResetEstimator("c");
        Assert.Equal(VersionEstimator.Bundle, reset.Source);
        Assert.Equal(Accuracy(before), Accuracy(monitor.Check("c", unlabelled).Result.EstimatedPerformance!), 12);
    }

    [Fact]
    public void ARefitByAnotherProcess_IsUsedAtTheNextCheck()
    {
        var (train, production) = Periods();
        using var service = VigilMonitor.Open(_folder);
        service.Train("c", train, Quick());
        var unlabelled = production.Slice(2000, 1000).WithoutColumns("target");
        var before = Accuracy(service.Check("c", unlabelled).Result.EstimatedPerformance!); // caches the bundle's estimator

        using (var cli = VigilMonitor.Open(_folder))
        {
            cli.RefitEstimator("c", 1, production.Slice(0, 2000), "week-49.csv", "bob");
        }

        var after = service.Check("c", unlabelled).Result.EstimatedPerformance!;
        Assert.Equal(VersionEstimator.Refitted, after.EstimatorSource);
        Assert.True(before - Accuracy(after) > 0.1, $"before {before}, after {Accuracy(after)}");
        Assert.Equal(VersionEstimator.Refitted, service.EstimatorOf("c").Source);
    }

    [Fact]
    public void ARefitFromTheLog_ScoresTheLabelledLoggedRowsWithTheVersion()
    {
        var (train, production) = Periods();
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("c", train, Quick());
        var t0 = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = production.Slice(0, 1500);
        var target = (NumericColumn)rows["target"];
        var features = rows.ColumnNames.Where(n => n != "target").ToArray();
        var records = Enumerable.Range(0, rows.RowCount).Select(i => new PredictionRecord(
            "r" + i.ToString(CultureInfo.InvariantCulture), t0.AddMinutes(i),
            features.ToDictionary(f => f, f => (object?)((NumericColumn)rows[f])[i]), "0", 0.5, 1)).ToArray();
        monitor.LogPredictions("c", records);
        // Labels for the first 1,200 rows only; --rows 1000 takes the 1,000 labelled last.
        monitor.LogLabels("c", Enumerable.Range(0, 1200).Select(i => new LabelRecord(
            "r" + i.ToString(CultureInfo.InvariantCulture), target[i].ToString(CultureInfo.InvariantCulture), null)).ToArray());

        var refit = monitor.RefitEstimatorFromLog("c", rows: 1000, fittedBy: "carol");
        Assert.Equal(1000, refit.Refit!.Rows);
        Assert.StartsWith("the 1,000 most recently labelled rows of the log", refit.Refit.Source, StringComparison.Ordinal);
        var window = production.Slice(2000, 1000);
        var realised = monitor.Check("c", window).Result.Performance!.Metrics.Single(m => m.Name == "accuracy").Value!.Value;
        Assert.True(Math.Abs(Accuracy(monitor.Check("c", window.WithoutColumns("target")).Result.EstimatedPerformance!) - realised) < 0.05);
    }

    [Fact]
    public void RowsThatCannotServe_AreRefusedWithTheReason_AndNothingIsStored()
    {
        var (train, production) = Periods();
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("c", train, Quick());

        // 49 labelled rows of 200.
        var few = production.Slice(0, 200);
        var target = (NumericColumn)few["target"];
        var sparse = few.WithColumn(new NumericColumn("target", Enumerable.Range(0, 200).Select(i => i < 49 ? target[i] : double.NaN).ToArray()));
        var e = Assert.Throws<EstimatorInputException>(() => monitor.RefitEstimator("c", null, sparse, "few.csv"));
        Assert.Equal("few.csv has 49 labelled rows of 200; fitting the estimator needs at least 50.", e.Message);

        // A label the version does not know.
        var unknown = few.WithColumn(new NumericColumn("target", Enumerable.Range(0, 200).Select(i => i == 17 ? 7 : target[i]).ToArray()));
        e = Assert.Throws<EstimatorInputException>(() => monitor.RefitEstimator("c", null, unknown, "odd.csv"));
        Assert.Contains("1 of its 200 labelled rows have a 'target' version 1 does not know (row 18: '7'); its classes are 0, 1", e.Message, StringComparison.Ordinal);

        // No label column; rows the version cannot score; a log without labels.
        e = Assert.Throws<EstimatorInputException>(() => monitor.RefitEstimator("c", null, few.WithoutColumns("target"), "nolabel.csv"));
        Assert.Contains("no label column 'target'", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<EstimatorInputException>(() => monitor.RefitEstimator("c", null, few.WithoutColumns("f0"), "short.csv"));
        Assert.StartsWith("version 1 cannot score short.csv", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<EstimatorInputException>(() => monitor.RefitEstimatorFromLog("c"));
        Assert.Contains("has no labelled rows", e.Message, StringComparison.Ordinal);

        Assert.Null(monitor.Workspace.Store.GetVersionEstimator("c", 1));
        Assert.Equal(VersionEstimator.Bundle, monitor.EstimatorOf("c").Source);
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
