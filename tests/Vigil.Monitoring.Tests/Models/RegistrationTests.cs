using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Tests.Store;

namespace Vigil.Monitoring.Tests.Models;

/// <summary>
/// Registering ONNX and external models: the version records its kind and files, the profile, baseline and importance
/// come from the reference (or holdout), the first version is champion, checks work on the registered model — and
/// every bad input is one line naming what is wrong with the workspace left exactly as it was.
/// </summary>
public sealed class RegistrationTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    private static Table Reference => ModelFixtures.Csv(ModelFixtures.Path("churn-columns.reference.csv"));

    private static Table Holdout => ModelFixtures.Csv(ModelFixtures.Path("churn-columns.data.csv"));

    [Fact]
    public void AnOnnxModel_RegistersAsChampion_WithKindFilesBaselineAndImportance()
    {
        var registered = ModelRegistration.Register(_ws.Workspace, "churn", Onnx() with { Holdout = Holdout });

        var v = registered.Version;
        Assert.Equal(ModelKind.Onnx, v.Kind);
        Assert.True(v.IsChampion);
        Assert.Equal("holdout", registered.BaselineSource);
        Assert.True(File.Exists(Path.Combine(v.BundleFolder, "model.onnx")));
        Assert.True(File.Exists(Path.Combine(v.BundleFolder, ModelDescriptor.FileName)));
        Assert.NotNull(v.ProfilePath);
        var baseline = registered.Profile.Baseline!;
        Assert.Equal(200, baseline.Rows);
        Assert.InRange(baseline.Metrics["roc_auc"], 0.6, 1.0);
        Assert.NotNull(registered.Profile.FeatureImportance);
        Assert.Contains("city", registered.Profile.FeatureImportance!.Keys);
        Assert.Equal(ModelKind.Onnx, _ws.Reopen().Registry.GetChampion("churn")!.Kind);
    }

    [Fact]
    public void WithoutAHoldout_TheBaselineIsOnTheReference_AndTheNotesSaySo()
    {
        var registered = ModelRegistration.Register(_ws.Workspace, "churn", Onnx());
        Assert.Equal("reference", registered.BaselineSource);
        Assert.Contains(registered.Notes, n => n.Contains("no holdout was given", StringComparison.Ordinal));
        Assert.Equal(400, registered.Profile.Baseline!.Rows);
    }

    [Fact]
    public void TheRegisteredModel_ScoresLikeTheFile_AndChecksAWindowWithPerformance()
    {
        ModelRegistration.Register(_ws.Workspace, "churn", Onnx() with { Holdout = Holdout });
        using var monitor = VigilMonitor.Open(_ws.Folder);
        var loaded = monitor.ChampionModel("churn");
        var (_, expected, _) = ModelFixtures.Expected(ModelFixtures.Path("churn-columns.expected.csv"));
        var predictions = loaded.Predict(Holdout);
        Assert.InRange(expected[1].Select((e, i) => Math.Abs(e - predictions.Values[i])).Max(), 0, 1e-5);

        var outcome = monitor.Check("churn", Holdout);
        Assert.NotNull(outcome.Result.Performance);
        Assert.Equal(200, outcome.Result.Performance!.Rows);
        Assert.NotNull(outcome.Result.Drift.PredictionDrift);
    }

    [Fact]
    public void AnExternalModel_IsJudgedByWhatItLogged_AndItsDriftIsUnweightedWithTheReason()
    {
        var reference = WithOutputs(Reference);
        var registered = ModelRegistration.Register(_ws.Workspace, "ext", new RegistrationRequest
        {
            Kind = ModelKind.External, Reference = reference, Label = "churn", PredictionColumn = "pred", ScoreColumns = ["p_yes"],
        });
        Assert.Equal(ModelKind.External, registered.Version.Kind);
        Assert.Null(registered.Profile.FeatureImportance);
        Assert.Contains("external", registered.Profile.FeatureImportanceNote, StringComparison.Ordinal);
        Assert.DoesNotContain(registered.Profile.Columns, c => c.Name is "pred" or "p_yes");
        Assert.Equal(AutoMLTask.Binary, registered.Profile.Baseline!.Task);

        using var monitor = VigilMonitor.Open(_ws.Folder);
        var holdout = WithOutputs(Holdout);
        var rows = Enumerable.Range(0, holdout.RowCount).Select(i => new PredictionRecord(
            $"r{i}", _ws.Clock.GetUtcNow(), Features(holdout, i), holdout["pred"].FormatCell(i)!, ((NumericColumn)holdout["p_yes"])[i], 1)).ToArray();
        monitor.LogPredictions("ext", rows);
        monitor.LogLabels("ext", rows.Select((r, i) => new LabelRecord(r.Id, holdout["churn"].FormatCell(i)!, null)).ToArray());
        var outcome = monitor.CheckLogged("ext", WindowSpec.LastRows(1000));

        Assert.Equal(200, outcome.Result.Performance!.Rows);
        Assert.Null(outcome.Result.Drift.WeightedDriftedShare);
        Assert.Contains("external", outcome.Result.Drift.FeatureImportanceNote, StringComparison.Ordinal);
        Assert.Throws<ModelKindException>(() => monitor.ChampionModel("ext").Predict(Holdout));
    }

    [Fact]
    public void ARegisteredClassifier_EstimatesWindowsWithoutLabels_AndAnExternalModelLoggingTheSameScoresGetsTheSameEstimate()
    {
        var onnx = ModelRegistration.Register(_ws.Workspace, "churn", Onnx() with { Holdout = Holdout });
        Assert.Contains("performance estimation: CBPE fitted on 200 labelled rows of the holdout", onnx.Notes);
        Assert.True(File.Exists(Path.Combine(onnx.Version.BundleFolder, Vigil.Monitoring.Estimation.EstimatorFile.FileName)));
        ModelRegistration.Register(_ws.Workspace, "ext", External(WithOutputs(Reference)) with { Holdout = WithOutputs(Holdout) });
        using var monitor = VigilMonitor.Open(_ws.Folder);

        // The ONNX model scores the window itself; the external one is judged by the same scores, logged without labels.
        var byModel = monitor.Check("churn", Reference.WithoutColumns("churn")).Result.EstimatedPerformance!;
        var window = WithOutputs(Reference);
        monitor.LogPredictions("ext", Enumerable.Range(0, window.RowCount).Select(i => new PredictionRecord(
            $"r{i}", _ws.Clock.GetUtcNow(), Features(window, i), window["pred"].FormatCell(i)!, ((NumericColumn)window["p_yes"])[i], 1)).ToArray());
        var byLog = monitor.CheckLogged("ext", WindowSpec.LastRows(1000)).Result.EstimatedPerformance!;

        Assert.Equal("cbpe", byModel.Method);
        var accuracy = byModel.Metrics.Single(m => m.Name == "accuracy");
        Assert.InRange(accuracy.Value!.Value, accuracy.Lower!.Value, accuracy.Upper!.Value);
        Assert.Equal(byModel.Metrics.Select(m => m.Name), byLog.Metrics.Select(m => m.Name));
        foreach (var (a, b) in byModel.Metrics.Zip(byLog.Metrics))
        {
            Assert.Equal(a.Value!.Value, b.Value!.Value, 9);
            Assert.Equal(a.Baseline!.Value, b.Baseline!.Value, 9);
        }

        // With the labels the realised accuracy of the same rows lies in the band the estimate drew.
        var labelled = monitor.Check("churn", Reference).Result.EstimatedPerformance!.Metrics.Single(m => m.Name == "accuracy");
        Assert.InRange(labelled.Realised!.Value, labelled.Lower!.Value, labelled.Upper!.Value);
    }

    [Fact]
    public void ARegisteredRegressor_EstimatesItsErrorsWithDle_ForOnnxAndForAnExternalModelAlike()
    {
        var features = ModelFixtures.Features(ModelFixtures.Path("price-linear.features.txt"));
        var reference = ModelFixtures.Csv(ModelFixtures.Path("price-linear.reference.csv"));
        var holdout = ModelFixtures.Csv(ModelFixtures.Path("price-linear.data.csv"));
        var onnx = ModelRegistration.Register(_ws.Workspace, "price", new RegistrationRequest
        {
            Kind = ModelKind.Onnx, ModelFile = ModelFixtures.Path("price-linear.onnx"), Reference = reference, Holdout = holdout, Label = "price", Features = features,
        });
        Assert.Contains("performance estimation: DLE fitted on 100 labelled rows of the holdout", onnx.Notes);
        using var monitor = VigilMonitor.Open(_ws.Folder);
        var model = monitor.ChampionModel("price");
        Table WithPrediction(Table data) => data.WithColumn(new NumericColumn("pred", model.Predict(data).Values));
        ModelRegistration.Register(_ws.Workspace, "price-ext", new RegistrationRequest
        {
            Kind = ModelKind.External, Reference = WithPrediction(reference), Holdout = WithPrediction(holdout), Label = "price", PredictionColumn = "pred",
        });

        var byModel = monitor.Check("price", reference.WithoutColumns("price")).Result.EstimatedPerformance!;
        var byLog = monitor.Check("price-ext", WithPrediction(reference).WithoutColumns("price")).Result.EstimatedPerformance!;

        Assert.Equal("dle", byModel.Method);
        Assert.Contains(byModel.Metrics, m => m.Name == "mae" && m.Value > 0);
        foreach (var (a, b) in byModel.Metrics.Zip(byLog.Metrics, (a, b) => (a, b)))
        {
            Assert.Equal(a.Name, b.Name);
            Assert.Equal(a.Value!.Value, b.Value!.Value, 9);
        }
    }

    [Fact]
    public void AnExternalModelWithoutScores_HasNoEstimator_AndItsRegistrationSaysWhy()
    {
        var registered = ModelRegistration.Register(_ws.Workspace, "ext", External(WithOutputs(Reference)) with { ScoreColumns = [] });
        Assert.Contains(registered.Notes, n => n.StartsWith("performance estimation: none (the model gives no probabilities", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(registered.Version.BundleFolder, Vigil.Monitoring.Estimation.EstimatorFile.FileName)));
    }

    [Fact]
    public void ARetrainDecidedForAModelVigilCannotRetrain_IsARetrainRequestedAlert()
    {
        ModelRegistration.Register(_ws.Workspace, "churn", Onnx() with { Holdout = Holdout });
        using var monitor = VigilMonitor.Open(_ws.Folder, new VigilMonitorOptions { Policy = new() { MinNewLabels = 0 } });

        // Every label flipped: the watched metrics collapse, so the policy decides a retrain an ONNX model cannot get.
        var labels = Holdout["churn"];
        var values = Enumerable.Range(0, labels.Length).Select(i => labels.FormatCell(i)!).Distinct().Order(StringComparer.Ordinal).ToArray();
        var flipped = Holdout.WithColumn(CategoricalColumn.FromValues("churn",
            Enumerable.Range(0, labels.Length).Select(i => labels.FormatCell(i) == values[0] ? values[1] : values[0]).ToArray()));
        var outcome = monitor.Check("churn", flipped);

        Assert.True(outcome.Decision.Retrain, outcome.Decision.Summary);
        var kinds = monitor.Workspace.Store.ListAlerts("churn").Select(a => a.Kind).ToArray();
        Assert.Contains(Vigil.Monitoring.Alerts.AlertKind.RetrainRequested, kinds);
        Assert.DoesNotContain(Vigil.Monitoring.Alerts.AlertKind.RetrainDecided, kinds);
    }

    [Fact]
    public void OldWorkspaces_ReadTheirVersionsAsVigilBundles()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-kinds-").FullName;
        try
        {
            System.IO.Compression.ZipFile.ExtractToDirectory(Path.Combine(AppContext.BaseDirectory, "Store", "Fixtures", "workspace-c12d94c.zip"), folder);
            using var ws = Vigil.Monitoring.Workspace.VigilWorkspace.Open(folder);
            var versions = ws.Registry.ListVersions("demo-classifier");
            Assert.NotEmpty(versions);
            Assert.All(versions, v => Assert.Equal(ModelKind.Vigil, v.Kind));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { "not-onnx", "is not an ONNX model" },
        { "missing-input", "ONNX input 'city'" },
        { "no-label", "no label column 'churn'" },
        { "score-text", "not numeric" },
        { "score-range", "is not a probability" },
        { "prediction-unknown", "is not a class of label 'churn'" },
        { "wrong-features", "--features" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_IsOneLineNamingTheProblem_AndTheWorkspaceStaysAsItWas(string kind, string expected)
    {
        ModelRegistration.Register(_ws.Workspace, "kept", Onnx());
        var before = Snapshot();
        var request = kind switch
        {
            "not-onnx" => Onnx() with { ModelFile = Write("not.onnx", "this is a text file, not a protobuf") },
            "missing-input" => Onnx() with { Reference = Reference.SelectColumns(["age", "income", "member", "visits", "churn"]) },
            "no-label" => Onnx() with { Label = "churn", Reference = Reference.SelectColumns(["age", "income", "city", "member", "visits"]) },
            "score-text" => External(WithOutputs(Reference).WithColumn(CategoricalColumn.FromValues("p_yes", Enumerable.Repeat("high", 400).ToArray()))),
            "score-range" => External(WithOutputs(Reference).WithColumn(new NumericColumn("p_yes", Enumerable.Repeat(1.5, 400).ToArray()))),
            "prediction-unknown" => External(WithOutputs(Reference).WithColumn(CategoricalColumn.FromValues("pred", Enumerable.Repeat("maybe", 400).ToArray()))),
            _ => Onnx() with { Features = ["age", "income"] },
        };

        var error = Assert.ThrowsAny<Exception>(() => ModelRegistration.Register(_ws.Workspace, "churn", request));
        Assert.True(error is ModelInputException, $"{error.GetType().Name}: {error.Message}");
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, Snapshot());
    }

    private RegistrationRequest Onnx() => new()
    {
        Kind = ModelKind.Onnx, ModelFile = ModelFixtures.Path("churn-columns.onnx"), Reference = Reference, Label = "churn",
    };

    private static RegistrationRequest External(Table reference) => new()
    {
        Kind = ModelKind.External, Reference = reference, Label = "churn", PredictionColumn = "pred", ScoreColumns = ["p_yes"],
    };

    // The fixture's expected outputs as the columns an outside service would log.
    private static Table WithOutputs(Table data)
    {
        var onnx = Vigil.Monitoring.Models.Onnx.OnnxModel.Bind(ModelFixtures.Onnx("churn-columns"), "churn", data, null, "churn", AutoMLTask.Auto);
        var predictions = onnx.Predict(data);
        onnx.Dispose();
        return data.WithColumn(CategoricalColumn.FromValues("pred", onnx.PredictedLabels(predictions)))
            .WithColumn(new NumericColumn("p_yes", predictions.Values));
    }

    private static Dictionary<string, object?> Features(Table data, int row) => new(StringComparer.Ordinal)
    {
        ["age"] = ((NumericColumn)data["age"])[row],
        ["income"] = ((NumericColumn)data["income"])[row],
        ["city"] = data["city"].FormatCell(row),
        ["member"] = data["member"].FormatCell(row) == "true",
        ["visits"] = ((NumericColumn)data["visits"])[row],
    };

    private string Write(string name, string content)
    {
        var path = Path.Combine(_ws.Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Snapshot()
    {
        var files = Directory.EnumerateFileSystemEntries(_ws.Folder, "*", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("-wal", StringComparison.Ordinal) && !p.EndsWith("-shm", StringComparison.Ordinal) && !p.EndsWith("vigil.db", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(_ws.Folder, p)).Order(StringComparer.Ordinal);
        var versions = _ws.Workspace.Registry.ListModels().SelectMany(m => _ws.Workspace.Registry.ListVersions(m)).Select(v => $"{v.Model}/{v.Version}");
        var events = _ws.Workspace.Registry.ListModels().SelectMany(m => _ws.Workspace.Registry.Events(m)).Select(e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("|", files) + "#" + string.Join("|", versions) + "#" + string.Join("|", events);
    }

    public void Dispose() => _ws.Dispose();
}
