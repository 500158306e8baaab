using Vigil.Monitoring.Estimation;
using Vigil.Statistics.Calibration;

namespace Vigil.Monitoring.Tests.Estimation;

/// <summary>
/// An isotonic calibrator's extreme blocks: a block whose holdout rows are all negative (or all positive) is not a
/// certainty, so below the first non-zero level (above the last level under 1) the sigmoid fitted on the same rows
/// gives the probability, capped by that level; the calibration stays non-decreasing and the middle is untouched.
/// </summary>
public class IsotonicTailTests
{
    // 2,000 holdout rows whose true probability is the raw one; the 400 lowest-scored happen to hold no positive.
    private static (double[] P, int[] Y) Holdout()
    {
        var random = new Random(7);
        var p = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() * random.NextDouble()).Order().ToArray();
        var y = p.Select((v, i) => i >= 400 && random.NextDouble() < v ? 1 : 0).ToArray();
        return (p, y);
    }

    private static ScoreCalibrator Calibrator(bool withSigmoid)
    {
        var (p, y) = Holdout();
        return new ScoreCalibrator
        {
            Method = CalibrationMethod.Isotonic,
            Isotonic = IsotonicRegression.Fit(p, y.Select(v => (double)v).ToArray()),
            Sigmoid = withSigmoid ? PlattScaling.Fit(p.Select(v => Math.Log(Math.Clamp(v, 1e-12, 1 - 1e-12) / (1 - Math.Clamp(v, 1e-12, 1 - 1e-12)))).ToArray(), y) : null,
        };
    }

    [Fact]
    public void TheEmptyLowestBlock_GetsTheSigmoidsTail_NotACertainZero()
    {
        var calibrator = Calibrator(withSigmoid: true);
        var iso = calibrator.Isotonic!;
        Assert.Equal(0, iso.Y[0]); // the situation under test: isotonic alone says "certainly negative"
        var lowest = iso.Y.First(v => v > 0);
        var low = iso.X[0] / 2;

        var tail = calibrator.Apply(low);
        Assert.True(tail > 0, $"a low score calibrates to {tail}");
        Assert.Equal(Math.Min(calibrator.Sigmoid!.Predict(Math.Log(low / (1 - low))), lowest), tail, 12);
        Assert.Equal(0, (calibrator with { Sigmoid = null }).Apply(low)); // a stored calibrator without a sigmoid is read as before
    }

    [Fact]
    public void WithTails_TheCalibrationStaysNonDecreasing_AndTheMiddleIsIsotonic()
    {
        var calibrator = Calibrator(withSigmoid: true);
        var iso = calibrator.Isotonic!;
        var lowest = iso.Y.First(v => v > 0);
        var highest = iso.Y[^1] >= 1 ? iso.Y.Last(v => v < 1) : 1;
        var previous = 0.0;
        for (var k = 0; k <= 10_000; k++)
        {
            var p = k / 10_000.0;
            var q = calibrator.Apply(p);
            Assert.True(q >= previous - 1e-15, $"calibration falls at p = {p}: {previous} then {q}");
            if (iso.Predict(p) >= lowest && iso.Predict(p) <= highest)
            {
                Assert.Equal(iso.Predict(p), q);
            }

            previous = q;
        }
    }
}
