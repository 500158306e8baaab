using System.Globalization;
using Vigil.AutoML.Bundles;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Tests;

/// <summary>lgbm_linear: LightGBM trees whose leaves hold linear models.</summary>
public class LinearTreeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigil-linear-tree-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void LinearLeavesFitALinearTargetThatConstantLeavesCannot()
    {
        // y = 3·x1 − 2·x2: four 4-leaf trees are a coarse staircase (R² 0.92); with linear leaves they follow the plane (0.98).
        // The flag must reach LightGBM (the saved trees say is_linear=1), or both learners score alike.
        var data = TestData.TwoFeatures(rows: 400, seed: 5, (x1, x2) => (3 * x1) - (2 * x2), noise: 0.1);
        var r2 = new Dictionary<string, double>();
        foreach (var learner in new[] { "lgbm", "lgbm_linear" })
        {
            var config = Vigil.AutoML.Learners.Learner.FromName(learner).CreateSearchSpace(AutoMLTask.Regression, data.RowCount).InitialConfig()
                .ToDictionary(kv => kv.Key, kv => kv.Value);
            config["n_estimators"] = 4;
            config["learning_rate"] = 1;
            var options = TestData.Quick(trials: 1, learners: learner) with { StartingPoints = [new StartingPoint(learner, config)], Blend = false };
            var result = AutoMLEngine.Fit(data, options);
            r2[learner] = result.Model.Evaluate(data)["r2"];
            var path = Path.Combine(_dir, learner);
            result.Model.Save(path);
            var trees = File.ReadAllLines(Path.Combine(path, "model.lightgbm.txt")).Where(l => l.StartsWith("is_linear=", StringComparison.Ordinal)).ToList();
            Assert.Equal(4, trees.Count);
            Assert.All(trees, t => Assert.Equal(learner == "lgbm_linear" ? "is_linear=1" : "is_linear=0", t));
        }

        Assert.True(r2["lgbm_linear"] > 0.97 && r2["lgbm"] < 0.95, $"lgbm_linear {r2["lgbm_linear"]}, lgbm {r2["lgbm"]}");
    }

    [Fact]
    public void ARowWithAMissingValueGetsTheLeafConstantNotNaN()
    {
        // Leaf models use the raw values; LightGBM falls back to the leaf's constant for a row missing one of them.
        var data = TestData.Regression(rows: 300);
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 3, learners: "lgbm_linear"));
        var rows = new Table([
            new NumericColumn("x1", [0.2, double.NaN, 0.8]),
            new NumericColumn("x2", [double.NaN, 0.5, 0.1]),
        ]);
        Assert.All(result.Model.Predict(rows).Values, v => Assert.True(double.IsFinite(v) && Math.Abs(v) < 10, v.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void LinearTreesShareTheRunsBinnedRowsWithTheOtherLightGbmLearners()
    {
        // One dataset per run: binned with raw values kept when any learner of the set has linear trees, whichever
        // LightGBM learner comes first.
        var data = TestData.Binary();
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 20, learners: ["lgbm", "xt", "lgbm_linear"]));
        Assert.Equal(["lgbm", "lgbm_linear", "xt"], result.Trials.Select(t => t.Learner).Distinct().Order());
        Assert.All(result.Trials, t => Assert.True(double.IsFinite(t.Loss), $"{t.Learner}: {t.Error}"));
        Assert.True(result.Model.Evaluate(data)["roc_auc"] > 0.8);
    }

    [Fact]
    public void LinearLambdaIsSearchedOnALogScaleFromNearlyNoPenalty()
    {
        var space = Vigil.AutoML.Learners.Learner.FromName("lgbm_linear").CreateSearchSpace(AutoMLTask.Binary, 1000);
        var lambda = space.Parameters.Single(p => p.Name == "linear_lambda");
        Assert.Equal((1.0 / 1024, 1024.0, 1.0 / 1024, true), (lambda.Lower, lambda.Upper, lambda.Initial, lambda.LogScale));
        var lgbm = Vigil.AutoML.Learners.Learner.LightGbm.CreateSearchSpace(AutoMLTask.Binary, 1000);
        Assert.Equal(lgbm.Parameters.Select(p => p.Name).Append("linear_lambda"), space.Parameters.Select(p => p.Name));
    }
}
