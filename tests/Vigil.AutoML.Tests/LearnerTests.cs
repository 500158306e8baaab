using Vigil.AutoML.Metrics;

namespace Vigil.AutoML.Tests;

public class LearnerTests
{
    public static TheoryData<string> Learners => new() { "lgbm", "rf", "fasttree", "linear", "xt" };

    [Fact]
    public void ExtraTreesReachesLightGbmAndChangesTheModel()
    {
        // xt is lgbm plus extra_trees: the same first configuration must give a different model, or the parameter
        // silently did not arrive.
        var data = TestData.Regression();
        var lgbm = AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: "lgbm"));
        var xt = AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: "xt"));
        Assert.Equal(lgbm.BestConfig, xt.BestConfig);
        Assert.NotEqual(lgbm.Model.Predict(data).Values, xt.Model.Predict(data).Values);
    }

    [Theory]
    [InlineData("lgbm", AutoMLTask.Binary)]
    [InlineData("lgbm", AutoMLTask.Multiclass)]
    [InlineData("xt", AutoMLTask.Regression)]
    public void LightGbmBoostersCapTheirHistogramCacheAndUseFixedBins(string learner, AutoMLTask task)
    {
        // Without the cap LightGBM caches one histogram per leaf without limit (gigabytes on wide data at 1023 bins).
        var learnerObject = (Vigil.AutoML.Learners.LightGbmLearner)Vigil.AutoML.Learners.Learner.FromName(learner);
        var config = learnerObject.CreateSearchSpace(task, 1000).InitialConfig();
        var native = learnerObject.NativeParameters(config, new Vigil.AutoML.Learners.TrainerSettings(task, task == AutoMLTask.Multiclass ? 3 : 2, 1, 1));
        Assert.Contains("histogram_pool_size=512 ", native);

        // Bins are not searched (docs/automl.md): trials and refits bin into at most 1023.
        Assert.DoesNotContain(learnerObject.CreateSearchSpace(task, 1000).Parameters, p => p.Name == "log_max_bin");
        Assert.Contains("max_bin=1023 ", native);
        Assert.Contains(learner == "xt" ? "extra_trees=true" : "extra_trees=false", native);
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void BinaryLearnerTrainsAndPredicts(string learner)
    {
        var data = TestData.Binary();
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 2, learners: learner));
        Assert.Equal(AutoMLTask.Binary, result.Task);
        Assert.Equal(Metric.RocAuc, result.Metric);
        Assert.Equal(learner, result.BestLearner);
        Assert.All(result.Trials, t => Assert.Equal(learner, t.Learner));
        var p = result.Model.Predict(data);
        Assert.Equal(data.RowCount, p.Rows);
        Assert.All(p.Values, v => Assert.InRange(v, 0, 1));
        Assert.True(result.Model.Evaluate(data)["roc_auc"] > 0.8);
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void MulticlassLearnerTrainsAndPredicts(string learner)
    {
        var data = TestData.Multiclass();
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 2, learners: learner));
        Assert.Equal(AutoMLTask.Multiclass, result.Task);
        Assert.Equal(["c0", "c1", "c2"], result.Model.Labels.Classes);
        var p = result.Model.Predict(data);
        for (var i = 0; i < p.Rows; i++)
        {
            Assert.Equal(1.0, p.Values.Skip(i * 3).Take(3).Sum(), 6);
        }

        Assert.True(result.Model.Evaluate(data)["accuracy"] > 0.6);
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void RegressionLearnerTrainsAndPredicts(string learner)
    {
        var data = TestData.Regression();
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 2, learners: learner));
        Assert.Equal(AutoMLTask.Regression, result.Task);
        Assert.Equal(Metric.R2, result.Metric);
        var metrics = result.Model.Evaluate(data);
        Assert.True(metrics["r2"] > 0.2, $"r2 = {metrics["r2"]}");
        Assert.Contains("rmse", metrics.Keys);
    }

    [Fact]
    public void SelectableMetricIsUsed()
    {
        var result = AutoMLEngine.Fit(TestData.Binary(), TestData.Quick(trials: 2, learners: "lgbm") with { Metric = Metric.Accuracy });
        Assert.Equal(Metric.Accuracy, result.Metric);
        Assert.InRange(result.BestScore, 0.5, 1.0);
    }

    [Fact]
    public void MetricThatDoesNotFitTheTaskIsRejected()
    {
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(TestData.Regression(), TestData.Quick() with { Metric = Metric.RocAuc }));
        Assert.Equal(AutoMLErrorCode.MetricNotForTask, ex.Code);
    }
}
