using Vigil.AutoML.Search;

namespace Vigil.AutoML.Tests;

public class TrialCostModelTests
{
    private static Dictionary<string, double> Trees(double trees, double leaves) =>
        new() { ["n_estimators"] = trees, ["num_leaves"] = leaves, ["colsample_bytree"] = 1 };

    [Fact]
    public void JudgesOnlyConfigurationsLargerThanAnyFinished()
    {
        var model = new TrialCostModel();
        model.Add(Trees(4, 4), 1000, 0.1);
        model.Add(Trees(40, 16), 1000, 0.5);
        Assert.Null(model.Predict(Trees(400, 64), 1000)); // fewer than three finished trials: no basis yet

        model.Add(Trees(100, 16), 1000, 1.1);
        Assert.Null(model.Predict(Trees(50, 16), 1000)); // no larger than one already finished
        var expected = model.Predict(Trees(1000, 64), 1000);
        Assert.NotNull(expected);
        Assert.InRange(expected!.Value, 5, 50); // scaled up from ≈ 0.01 s per tree at 16 leaves
    }

    [Fact]
    public void LinearModelsWithoutTreesAreNeverJudged()
    {
        var model = new TrialCostModel();
        var config = new Dictionary<string, double> { ["l1"] = 1, ["l2"] = 1 };
        for (var i = 0; i < 5; i++)
        {
            model.Add(config, 1000, 0.2 + i);
        }

        Assert.Null(model.Predict(new Dictionary<string, double> { ["l1"] = 0.1, ["l2"] = 5 }, 1000));
    }
}
