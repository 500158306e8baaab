using Vigil.AutoML.Bundles;
using Vigil.AutoML.Search;
using Vigil.AutoML.Training;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Tests;

public sealed class BlendTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigil-blend-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void MixAveragesPredictionsWithTheWeight()
    {
        var a = new Predictions(AutoMLTask.Binary, 2, 2, [0.2, 0.8]);
        var b = new Predictions(AutoMLTask.Binary, 2, 2, [0.6, 0.4]);
        Assert.Equal([0.3, 0.7], Blender.Mix(a, b, 0.75).Values.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void BlendOfALinearAndATreeModelRoundTripsThroughTheBundle()
    {
        var data = Additive(400);
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 12, learners: ["linear", "lgbm"]));
        Assert.InRange(result.Members.Count, 2, 4);
        Assert.Equal(["lgbm", "linear"], result.Members.Select(m => m.Learner).Distinct().Order());
        Assert.Equal(1.0, result.Members.Sum(m => m.Weight), 9);
        Assert.True(result.FinalValidationLoss < result.BestLoss);
        var path = Path.Combine(_dir, "blend");
        result.Model.Save(path);
        Assert.True(File.Exists(Path.Combine(path, "model-1.zip")));
        var loaded = ModelBundle.Load(path);
        Assert.Equal(result.Model.Predict(data).Values, loaded.Predict(data).Values);
    }

    [Fact]
    public void BlendCanBeTurnedOff()
    {
        var result = AutoMLEngine.Fit(Additive(400), TestData.Quick(trials: 12, learners: ["linear", "lgbm"]) with { Blend = false });
        Assert.Single(result.Members);
        Assert.Equal(result.BestLoss, result.FinalValidationLoss);
    }

    // A smooth linear part plus a step: neither family alone captures both well.
    private static Table Additive(int rows)
    {
        var random = new Random(21);
        var x1 = new double[rows];
        var x2 = new double[rows];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x1[i] = random.NextDouble() * 4;
            x2[i] = random.NextDouble();
            y[i] = (2 * x1[i]) + (x2[i] > 0.5 ? 2 : 0) + (random.NextDouble() - 0.5);
        }

        return new Table([new NumericColumn("x1", x1), new NumericColumn("x2", x2), new NumericColumn("y", y)]);
    }
}
