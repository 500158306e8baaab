using MathNet.Numerics.Distributions;

namespace Vigil.Statistics.Intervals;

/// <summary>Two-sided normal (Wald) intervals: estimate ± z·SE with z the standard normal quantile of (1 + level)/2.</summary>
public static class NormalInterval
{
    /// <summary>The two-sided critical value z for <paramref name="level"/> (1.959964 for 0.95).</summary>
    public static double Critical(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Level must lie in (0, 1).");
        }

        return Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));
    }

    /// <summary>[estimate − z·se, estimate + z·se].</summary>
    public static (double Lower, double Upper) Of(double estimate, double standardError, double level)
    {
        var half = Critical(level) * standardError;
        return (estimate - half, estimate + half);
    }
}
