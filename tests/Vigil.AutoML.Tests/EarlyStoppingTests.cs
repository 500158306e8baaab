namespace Vigil.AutoML.Tests;

public class EarlyStoppingTests
{
    // Far more rounds than a learning rate of 1 on 240 training rows can use (and within the space's cap of one per row): the validation loss stops improving early.
    private static Dictionary<string, double> Overlong() => new()
    {
        ["n_estimators"] = 150, // at least LightGbmLearner.MinRoundsToStopEarly
        ["num_leaves"] = 16,
        ["min_child_samples"] = 5,
        ["learning_rate"] = 1.0,
        ["colsample_bytree"] = 1.0,
        ["reg_alpha"] = 1.0 / 1024,
        ["reg_lambda"] = 1.0 / 1024,
    };

    [Theory]
    [InlineData("lgbm", AutoMLTask.Binary)]
    [InlineData("xt", AutoMLTask.Regression)]
    [InlineData("lgbm", AutoMLTask.Multiclass)]
    public void ABoostingTrialStopsEarlyAndTheRefitTrainsTheRoundsItKept(string learner, AutoMLTask task)
    {
        var data = task switch
        {
            AutoMLTask.Regression => TestData.Regression(),
            AutoMLTask.Multiclass => TestData.Multiclass(),
            _ => TestData.Binary(),
        };
        var options = TestData.Quick(trials: 1, learners: learner) with { StartingPoints = [new StartingPoint(learner, Overlong())], EarlyStopping = true };
        var result = AutoMLEngine.Fit(data, options);

        var kept = result.Trials[0].Config["n_estimators"];
        Assert.InRange(kept, 1, 149);
        Assert.Equal(kept, result.BestConfig["n_estimators"]);
        // Everything else is as suggested.
        Assert.All(Overlong().Where(kv => kv.Key != "n_estimators"), kv => Assert.Equal(kv.Value, result.Trials[0].Config[kv.Key]));

        // Deterministic: the same run stops at the same round and gives the same model.
        var again = AutoMLEngine.Fit(data, options);
        Assert.Equal(kept, again.Trials[0].Config["n_estimators"]);
        Assert.Equal(result.Model.Predict(data).Values, again.Model.Predict(data).Values);
    }

    [Fact]
    public void OffByDefault()
    {
        var options = TestData.Quick(trials: 1, learners: "lgbm") with { StartingPoints = [new StartingPoint("lgbm", Overlong())] };
        Assert.False(options.EarlyStopping);
        Assert.Equal(150, AutoMLEngine.Fit(TestData.Binary(), options).Trials[0].Config["n_estimators"]);
    }

    [Fact]
    public void FewRoundsAreNotWorthStoppingEarly()
    {
        var config = Overlong();
        config["n_estimators"] = 99;
        var options = TestData.Quick(trials: 1, learners: "lgbm") with { StartingPoints = [new StartingPoint("lgbm", config)], EarlyStopping = true };
        Assert.Equal(99, AutoMLEngine.Fit(TestData.Binary(), options).Trials[0].Config["n_estimators"]);
    }
}
