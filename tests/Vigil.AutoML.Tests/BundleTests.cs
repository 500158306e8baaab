using System.Text.Json.Nodes;
using Vigil.AutoML.Bundles;

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
    public void FolderWithoutManifestOrWithCorruptModelIsRejected()
    {
        Directory.CreateDirectory(_dir);
        Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_dir));
        var path = Path.Combine(_dir, "broken");
        AutoMLEngine.Fit(TestData.Regression(), TestData.Quick(trials: 1, learners: "lgbm")).Model.Save(path);
        File.WriteAllText(Path.Combine(path, "model.zip"), "not a zip");
        Assert.Throws<BundleFormatException>(() => ModelBundle.Load(path));
    }

    [Fact]
    public void PredictingWithoutAModelColumnIsATypedError()
    {
        var result = AutoMLEngine.Fit(TestData.Regression(), TestData.Quick(trials: 1, learners: "lgbm"));
        var ex = Assert.Throws<AutoMLException>(() => result.Model.Predict(TestData.Regression().WithoutColumns("x2")));
        Assert.Equal(AutoMLErrorCode.SchemaMismatch, ex.Code);
    }
}
