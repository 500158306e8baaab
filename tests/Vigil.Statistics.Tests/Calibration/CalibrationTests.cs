using Vigil.Statistics.Calibration;

namespace Vigil.Statistics.Tests.Calibration;

/// <summary>Hand-checked properties of the calibration numerics.</summary>
public class CalibrationTests
{
    [Fact]
    public void PoolAdjacentViolatorsPoolsEveryViolation()
    {
        // 3 > 1 pools to 2, then 2 ≥ 2 (the next point) pools to 2; 5 stays.
        Assert.Equal([2.0, 2.0, 2.0, 5.0], IsotonicRegression.PoolAdjacentViolators([3.0, 1.0, 2.0, 5.0], [1.0, 1.0, 1.0, 1.0]));
        // Weighted: (1·4 + 3·0) / 4 = 1.
        Assert.Equal([1.0, 1.0], IsotonicRegression.PoolAdjacentViolators([4.0, 0.0], [1.0, 3.0]));
    }

    [Fact]
    public void IsotonicFitInterpolatesAndClips()
    {
        var fit = IsotonicRegression.Fit([0.0, 1.0, 2.0], [0.0, 1.0, 3.0]);
        Assert.Equal(0.5, fit.Predict(0.5), 12);
        Assert.Equal(2.0, fit.Predict(1.5), 12);
        Assert.Equal(0.0, fit.Predict(-4));
        Assert.Equal(3.0, fit.Predict(9));
        Assert.True(double.IsNaN(fit.Predict(double.NaN)));
    }

    [Fact]
    public void IsotonicFitRefusesNaNWithTheArgumentName()
    {
        var e = Assert.Throws<ArgumentException>(() => IsotonicRegression.Fit([0.0, double.NaN], [0.0, 1.0]));
        Assert.Equal("x", e.ParamName);
    }

    [Fact]
    public void PlattOnCalibratedLogOddsIsNearTheIdentity()
    {
        // Labels drawn from the probabilities themselves: the fitted sigmoid of the log-odds is ≈ σ(f), i.e. a ≈ −1, b ≈ 0.
        var random = new Random(7);
        var n = 20_000;
        var f = new double[n];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            var p = 0.02 + (0.96 * random.NextDouble());
            f[i] = Math.Log(p / (1 - p));
            y[i] = random.NextDouble() < p ? 1 : 0;
        }

        var fit = PlattScaling.Fit(f, y);
        Assert.InRange(fit.A, -1.06, -0.94);
        Assert.InRange(fit.B, -0.05, 0.05);
    }

    [Fact]
    public void ExpectedCalibrationErrorIsZeroForExactFrequenciesAndMeasuresABias()
    {
        // Two bins: probabilities 0.25 with one positive in four, 0.75 with three in four.
        double[] p = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75];
        int[] y = [1, 0, 0, 0, 1, 1, 1, 0];
        Assert.Equal(0, CalibrationError.Expected(p, y, 2), 12);
        // Claiming 0.45 / 0.95 for the same outcomes is 0.2 too high everywhere.
        Assert.Equal(0.2, CalibrationError.Expected(p.Select(v => v + 0.2).ToArray(), y, 2), 12);
    }
}
