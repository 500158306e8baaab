using System.Text.Json.Nodes;
using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Tests;

public sealed class BundleTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigil-automl-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("lgbm")]
    [InlineData("rf")]
    [InlineData("fasttree")]
    [InlineData("linear")]
    [InlineData("xt")]
    [InlineData("lgbm_linear")]
    public void SaveAndLoadGiveIdenticalPredictions(string learner)
    {
        var data = TestData.Binary();
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 2, learners: learner));
        var path = Path.Combine(_dir, learner);
        result.Model.Save(path);
        var loaded = ModelBundle.Load(path);
        Assert.Equal(result.Model.Predict(data).Values, loaded.Predict(data).Values);
        // Two configurations of one learner may be blended (e.g. "fasttree+fasttree").
        Assert.All(loaded.Manifest.Learner.Split('+'), name => Assert.Equal(learner, name));
        Assert.Equal(result.BestConfig, loaded.Manifest.Config);
        Assert.Equal(["no", "yes"], loaded.Labels.Classes);
        Assert.Equal(["x1", "x2", "color"], loaded.Manifest.InputSchema.Select(c => c.Name));
    }

    [Fact]
    public void MulticlassAndRegressionBundlesRoundTrip()
    {
        foreach (var data in new[] { TestData.Multiclass(), TestData.Regression() })
        {
            var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: "lgbm"));
            var path = Path.Combine(_dir, result.Task.ToString());
            result.Model.Save(path);
            Assert.Equal(result.Model.Predict(data).Values, ModelBundle.Load(path).Predict(data).Values);
        }
    }

    [Fact]
    public void SavingOverAnExistingBundleReplacesItAndLeavesNoTempFolders()
    {
        var data = TestData.Regression();
        var path = Path.Combine(_dir, "m");
        AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: "linear")).Model.Save(path);
        AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: "lgbm")).Model.Save(path);
        Assert.Equal("lgbm", ModelBundle.Load(path).Manifest.Learner);
        Assert.Equal(["m"], Directory.GetDirectories(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void NewerFormatVersionGivesAClearError()
    {
        var path = Path.Combine(_dir, "future");
        AutoMLEngine.Fit(TestData.Regression(), TestData.Quick(trials: 1, learners: "lgbm")).Model.Save(path);
        var manifestPath = Path.Combine(path, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["format_version"] = 99;
        manifest["vigil_version"] = "9.9.9";
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        var ex = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(path));
        Assert.Contains("format version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains("9.9.9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutManifestIsRejected()
    {
        Directory.CreateDirectory(_dir);
        var ex = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_dir));
        Assert.Contains("manifest.json is missing", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lgbm", "model.lightgbm.txt")]
    [InlineData("linear", "model.zip")]
    public void ACorruptMemberFileIsRejected(string learner, string file)
    {
        var path = Path.Combine(_dir, "broken-" + learner);
        AutoMLEngine.Fit(TestData.Regression(), TestData.Quick(trials: 1, learners: learner) with { Blend = false }).Model.Save(path);
        File.WriteAllText(Path.Combine(path, file), "not a model");
        var ex = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(path));
        Assert.Contains("incomplete or corrupt", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lgbm", "lightgbm", ".lightgbm.txt")]
    [InlineData("xt", "lightgbm", ".lightgbm.txt")]
    [InlineData("lgbm_linear", "lightgbm", ".lightgbm.txt")]
    [InlineData("linear", "mlnet", ".zip")]
    [InlineData("fasttree", "mlnet", ".zip")]
    public void LightGbmMembersAreStoredAsLightGbmModelTextAndOthersAsMLNetModels(string learner, string format, string extension)
    {
        var path = Path.Combine(_dir, "formats-" + learner);
        AutoMLEngine.Fit(TestData.Binary(), TestData.Quick(trials: 4, learners: learner)).Model.Save(path);
        var manifest = ModelBundle.Load(path).Manifest;
        Assert.All(manifest.Members, m =>
        {
            Assert.Equal(format, m.Format);
            Assert.EndsWith(extension, m.File, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(path, m.File)), m.File);
            if (format == "lightgbm")
            {
                Assert.StartsWith("tree", File.ReadAllText(Path.Combine(path, m.File)), StringComparison.Ordinal);
            }
        });
        Assert.Equal(BundleManifest.CurrentFormatVersion, JsonNode.Parse(File.ReadAllText(Path.Combine(path, "manifest.json")))!["format_version"]!.GetValue<int>());
    }

    [Fact]
    public void ABundleOfFormatVersion1StillLoadsAndPredictsAsItDid()
    {
        // Written by the version before LightGBM members became model text: three LightGBM members as ML.NET zips
        // (Fixtures/README.md says how). The probe has a missing x3 and an unseen color.
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var bundle = ModelBundle.Load(Path.Combine(fixtures, "bundle-v1"));
        Assert.Equal(1, JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "bundle-v1", "manifest.json")))!["format_version"]!.GetValue<int>());
        Assert.All(bundle.Manifest.Members, m => Assert.Equal("mlnet", m.Format));

        var expected = CsvTableReader.Read(Path.Combine(fixtures, "bundle-v1-probe-predictions.csv"));
        var predicted = bundle.Predict(CsvTableReader.Read(Path.Combine(fixtures, "bundle-v1-probe.csv")));
        var scores = ((NumericColumn)expected["score"]).Values.ToArray();
        Assert.Equal(scores.Length, predicted.Rows);
        for (var i = 0; i < scores.Length; i++)
        {
            Assert.Equal(scores[i], predicted.Values[i], 1e-12);
        }

        var labels = bundle.PredictedLabels(predicted);
        Assert.Equal(Enumerable.Range(0, scores.Length).Select(i => expected["prediction"].FormatCell(i)), labels);
    }

    [Fact]
    public void ALightGbmMemberOfTheWrongWidthIsRejected()
    {
        // The member file of another bundle, whose featurizer makes a different number of features.
        var binary = Path.Combine(_dir, "binary");
        var regression = Path.Combine(_dir, "regression");
        AutoMLEngine.Fit(TestData.Binary(), TestData.Quick(trials: 1, learners: "lgbm") with { Blend = false }).Model.Save(binary);
        AutoMLEngine.Fit(TestData.Regression(), TestData.Quick(trials: 1, learners: "lgbm") with { Blend = false }).Model.Save(regression);
        File.Copy(Path.Combine(regression, "model.lightgbm.txt"), Path.Combine(binary, "model.lightgbm.txt"), overwrite: true);
        var ex = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(binary));
        Assert.Contains("features per row", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMemberOfAnUnknownFormatGivesAClearError()
    {
        var path = Path.Combine(_dir, "unknown");
        AutoMLEngine.Fit(TestData.Regression(), TestData.Quick(trials: 1, learners: "lgbm") with { Blend = false }).Model.Save(path);
        var manifestPath = Path.Combine(path, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["members"]![0]!["format"] = "onnx";
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        var ex = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(path));
        Assert.Contains("format 'onnx'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictingWithoutAModelColumnIsATypedError()
    {
        var result = AutoMLEngine.Fit(TestData.Regression(), TestData.Quick(trials: 1, learners: "lgbm"));
        var ex = Assert.Throws<AutoMLException>(() => result.Model.Predict(TestData.Regression().WithoutColumns("x2")));
        Assert.Equal(AutoMLErrorCode.SchemaMismatch, ex.Code);
    }
}
