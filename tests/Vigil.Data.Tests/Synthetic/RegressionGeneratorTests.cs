using Vigil.Data.Synthetic;
using static Vigil.Data.Tests.TableAssert;

namespace Vigil.Data.Tests.Synthetic;

public class RegressionGeneratorTests
{
    [Fact]
    public void ShapeAndDeterminism()
    {
        var o = new RegressionOptions { Samples = 100, Features = 5, Informative = 2, Seed = 7 };
        var t = RegressionGenerator.Generate(o);
        Assert.Equal(["f0", "f1", "f2", "f3", "f4", "target"], t.ColumnNames);
        Assert.Equal(100, t.RowCount);
        Identical(t, RegressionGenerator.Generate(o));
        Assert.NotEqual(Numbers(t, "target"), Numbers(RegressionGenerator.Generate(o with { Seed = 8 }), "target"));
    }

    [Fact]
    public void LabelIsTheLinearModelPlusBias()
    {
        var data = RegressionGenerator.GenerateWithCoefficients(new RegressionOptions { Samples = 50, Features = 4, Informative = 2, Bias = 10, Seed = 1 });
        Assert.Equal(0, data.Coefficients[2]);
        Assert.Equal(0, data.Coefficients[3]);
        Assert.All(data.Coefficients.Take(2), c => Assert.InRange(c, 0, 100));
        var y = Numbers(data.Table, "target");
        for (var i = 0; i < y.Length; i++)
        {
            var expected = 10 + Enumerable.Range(0, 4).Sum(j => data.Coefficients[j] * Numbers(data.Table, $"f{j}")[i]);
            Assert.Equal(expected, y[i], 1e-9);
        }
    }

    [Fact]
    public void NoiseHasTheRequestedSpread()
    {
        var data = RegressionGenerator.GenerateWithCoefficients(new RegressionOptions { Samples = 5000, Features = 3, Informative = 3, Noise = 5, Seed = 2 });
        var y = Numbers(data.Table, "target");
        var residuals = Enumerable.Range(0, y.Length)
            .Select(i => y[i] - Enumerable.Range(0, 3).Sum(j => data.Coefficients[j] * Numbers(data.Table, $"f{j}")[i]));
        Assert.InRange(Std(residuals), 4.7, 5.3);
    }

    [Fact]
    public void CustomLabelName()
    {
        var t = RegressionGenerator.Generate(new RegressionOptions { Samples = 3, Features = 1, Informative = 1, LabelName = "y" });
        Assert.True(t.Contains("y"));
    }
}
