using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using static Vigil.Data.Tests.TableAssert;

namespace Vigil.Data.Tests.Synthetic;

public class NumericDriftTests
{
    private static Table Base(int n = 20000) =>
        new Vigil.Data.Tables.Table(
        [
            new NumericColumn("x", Enumerable.Range(0, n).Select(i => 10 + (3 * Normal(i))).ToArray()),
            CategoricalColumn.FromValues("c", Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "a" : "b").ToArray()),
        ]);

    // Deterministic, roughly normal values without depending on the code under test.
    private static double Normal(int i) => Enumerable.Range(0, 12).Sum(k => ((((i * 12) + k) * 0.6180339887) % 1.0)) - 6;

    [Fact]
    public void MeanShiftMovesTheMeanByKStd()
    {
        var t = Base();
        var std = Std(Numbers(t, "x"));
        var shifted = NumericDrift.MeanShift(t, "x", 1.5, fraction: 1.0, seed: 1);
        Assert.Equal(Mean(Numbers(t, "x")) + (1.5 * std), Mean(Numbers(shifted, "x")), 1e-9);
        Assert.Equal(std, Std(Numbers(shifted, "x")), 1e-9);

        var half = NumericDrift.MeanShift(t, "x", 2, fraction: 0.5, seed: 1);
        Assert.Equal(Mean(Numbers(t, "x")) + std, Mean(Numbers(half, "x")), 1e-9);
        Assert.Equal(10000, Numbers(t, "x").Zip(Numbers(half, "x")).Count(p => p.First != p.Second));
    }

    [Fact]
    public void ScaleChangeKeepsTheMeanAndScalesTheSpread()
    {
        var t = Base();
        var scaled = NumericDrift.ScaleChange(t, "x", 2.0);
        Assert.Equal(Mean(Numbers(t, "x")), Mean(Numbers(scaled, "x")), 1e-9);
        Assert.Equal(2 * Std(Numbers(t, "x")), Std(Numbers(scaled, "x")), 1e-9);
    }

    [Fact]
    public void AddNoiseWidensTheSpread()
    {
        var t = Base();
        var noisy = NumericDrift.AddNoise(t, "x", 1.0, seed: 3);
        var std = Std(Numbers(t, "x"));

        // Independent noise with the column's std: variance doubles.
        Assert.InRange(Std(Numbers(noisy, "x")), std * Math.Sqrt(2) * 0.97, std * Math.Sqrt(2) * 1.03);
        Assert.InRange(Mean(Numbers(noisy, "x")) - Mean(Numbers(t, "x")), -0.1, 0.1);
    }

    [Fact]
    public void DeterministicForASeedAndOtherColumnsUntouched()
    {
        var t = Base(1000);
        Identical(NumericDrift.AddNoise(t, "x", 0.5, 0.3, seed: 9), NumericDrift.AddNoise(t, "x", 0.5, 0.3, seed: 9));
        Assert.NotEqual(Numbers(NumericDrift.AddNoise(t, "x", 0.5, 0.3, seed: 9), "x"), Numbers(NumericDrift.AddNoise(t, "x", 0.5, 0.3, seed: 10), "x"));
        Assert.Same(t["c"], NumericDrift.MeanShift(t, "x", 1)["c"]);
        Assert.Equal(Numbers(Base(1000), "x"), Numbers(t, "x")); // input unchanged
    }

    [Fact]
    public void MissingCellsStayMissing()
    {
        var t = new Vigil.Data.Tables.Table([new NumericColumn("x", [1, double.NaN, 3])]);
        Assert.True(NumericDrift.MeanShift(t, "x", 1)["x"].IsMissing(1));
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var t = Base(10);
        Assert.Throws<ArgumentException>(() => NumericDrift.MeanShift(t, "c", 1));
        Assert.Throws<KeyNotFoundException>(() => NumericDrift.MeanShift(t, "nope", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumericDrift.MeanShift(t, "x", 1, fraction: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumericDrift.AddNoise(t, "x", -1));
    }
}
