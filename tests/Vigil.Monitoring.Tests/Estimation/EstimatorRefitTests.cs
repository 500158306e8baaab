using System.Globalization;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
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

        Assert.StartsWith("estimator refitted on 2,000 labelled rows of week-49.csv (", Vigil.Monitoring.Reporting.ReportBuilder.Build(monitor.Workspace, "c").EstimatorRefit, StringComparison.Ordinal);
        var after = monitor.Check("c", unlabelled).Result.EstimatedPerformance!;
        Assert.Equal(VersionEstimator.Refitted, after.EstimatorSource);
        Assert.Contains(after.Notes, n => n.StartsWith("estimator refitted on 2,000 labelled rows of week-49.csv", StringComparison.Ordinal));
        Assert.True(Math.Abs(Accuracy(after) - realised) < 0.04, $"refitted estimate {Accuracy(after)} vs realised {realised}");
        // Its baselines are the metrics realised on the refit's rows, not the training holdout's.
        Assert.True(after.Metrics.Single(m => m.Name == "accuracy").Baseline < before.Metrics.Single(m => m.Name == "accuracy").Baseline - 0.1);

        var reset = monitor.ResetEstimator("c");
        Assert.Equal(VersionEstimator.Bundle, reset.Source);
        Assert.Equal(Accuracy(before), Accuracy(monitor.Check("c", unlabelled).Result.EstimatedPerformance!), 12);
        Assert.Null(Vigil.Monitoring.Reporting.ReportBuilder.Build(monitor.Workspace, "c").EstimatorRefit); // the report says no more than the checks use
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

    [Fact]
    public void AnExternalModel_IsRefittedFromItsOutputColumns_AndRowsWithoutScoresAreRefused()
    {
        var (train, production) = Periods();
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("c", train, Quick());
        var scorer = monitor.ChampionModel("c");

        // The same model run elsewhere: its predicted class and probability arrive as columns.
        Table WithOutputs(Table rows, bool scores = true)
        {
            var predictions = scorer.Predict(rows);
            var withPrediction = rows.WithColumn(CategoricalColumn.FromValues("pred", scorer.PredictedLabels(predictions)));
            return scores ? withPrediction.WithColumn(new NumericColumn("p", predictions.Values)) : withPrediction;
        }

        ModelRegistration.Register(monitor.Workspace, "ext", new RegistrationRequest
        {
            Kind = ModelKind.External, Reference = WithOutputs(train), Label = "target", PredictionColumn = "pred", ScoreColumns = ["p"],
        });
        var window = WithOutputs(production.Slice(2000, 1000));
        var realised = monitor.Check("ext", window).Result.Performance!.Metrics.Single(m => m.Name == "accuracy").Value!.Value;
        var before = Accuracy(monitor.Check("ext", window.WithoutColumns("target")).Result.EstimatedPerformance!);

        var refit = monitor.RefitEstimator("ext", null, WithOutputs(production.Slice(0, 2000)), "week-49.csv");
        Assert.Equal(2000, refit.Refit!.Rows);
        var after = Accuracy(monitor.Check("ext", window.WithoutColumns("target")).Result.EstimatedPerformance!);
        Assert.True(Math.Abs(after - realised) < 0.04 && before - realised > 0.1, $"before {before}, after {after}, realised {realised}");

        var e = Assert.Throws<EstimatorInputException>(() => monitor.RefitEstimator("ext", null, WithOutputs(production.Slice(0, 500), scores: false), "noscores.csv"));
        Assert.Equal("the rows of noscores.csv carry no probabilities of version 1, which CBPE needs (log a score with each prediction).", e.Message);
        var some = WithOutputs(production.Slice(0, 500));
        var p = (NumericColumn)some["p"];
        some = some.WithColumn(new NumericColumn("p", Enumerable.Range(0, 500).Select(i => i % 10 == 0 ? double.NaN : p[i]).ToArray()));
        e = Assert.Throws<EstimatorInputException>(() => monitor.RefitEstimator("ext", null, some, "gaps.csv"));
        Assert.StartsWith("50 of the 500 labelled rows of gaps.csv have no usable prediction and score of version 1", e.Message, StringComparison.Ordinal);
        Assert.Equal(2000, monitor.EstimatorOf("ext").Refit!.Rows); // the earlier refit stands
    }

    [Fact]
    public void ARegressionVersion_IsRefittedWithDle()
    {
        var data = RegressionGenerator.Generate(new RegressionOptions { Samples = 3000, Features = 4, Informative = 3, Noise = 5, Seed = 4 });
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("r", data.Slice(0, 1000), Quick());
        // Production: the target is noisier than in training, so the model's errors are larger than its DLE learnt.
        var production = data.Slice(1000, 2000);
        var target = (NumericColumn)production["target"];
        var random = new Random(9);
        production = production.WithColumn(new NumericColumn("target", Enumerable.Range(0, target.Length).Select(i => target[i] + (60 * (random.NextDouble() - 0.5))).ToArray()));
        var window = production.Slice(1000, 1000);
        double Mae(EstimatedPerformance e) => e.Metrics.Single(m => m.Name == "mae").Value!.Value;
        var realised = monitor.Check("r", window).Result.Performance!.Metrics.Single(m => m.Name == "mae").Value!.Value;
        var before = Mae(monitor.Check("r", window.WithoutColumns("target")).Result.EstimatedPerformance!);

        var refit = monitor.RefitEstimator("r", null, production.Slice(0, 1000), "noisy.csv");
        Assert.Equal("dle", refit.Estimator!.Method);
        var after = Mae(monitor.Check("r", window.WithoutColumns("target")).Result.EstimatedPerformance!);
        Assert.True(Math.Abs(after - realised) < 0.5 * Math.Abs(before - realised), $"before {before}, after {after}, realised {realised}");
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
