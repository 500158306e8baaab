namespace Vigil.AutoML.SearchSpaces;

/// <summary>
/// One numeric hyperparameter in [<see cref="Lower"/>, <see cref="Upper"/>], searched on a log scale when
/// <see cref="LogScale"/> is set. <see cref="Initial"/> is the low-cost starting value (CFO starts there).
/// </summary>
public sealed record Hyperparameter(string Name, double Lower, double Upper, double Initial, bool LogScale, bool IsInteger)
{
    /// <summary>Maps a value to the unit interval the local search works in.</summary>
    public double ToUnit(double value)
    {
        if (Upper <= Lower)
        {
            return 0;
        }

        var v = Math.Clamp(value, Lower, Upper);
        return LogScale
            ? (Math.Log(v) - Math.Log(Lower)) / (Math.Log(Upper) - Math.Log(Lower))
            : (v - Lower) / (Upper - Lower);
    }

    /// <summary>Maps a unit-interval coordinate back to a value (rounded for integers).</summary>
    public double FromUnit(double unit)
    {
        var u = Math.Clamp(unit, 0, 1);
        var v = LogScale
            ? Math.Exp(Math.Log(Lower) + (u * (Math.Log(Upper) - Math.Log(Lower))))
            : Lower + (u * (Upper - Lower));
        if (IsInteger)
        {
            v = Math.Round(v);
        }

        return Math.Clamp(v, Lower, Upper);
    }

    /// <summary>
    /// The smallest unit-space move that changes an integer value near <paramref name="value"/>; local search
    /// treats steps below it as converged (FLOW2's step lower bound).
    /// </summary>
    public double Granularity(double value)
    {
        if (!IsInteger || Upper <= Lower)
        {
            return 0;
        }

        var v = Math.Max(value, 1);
        return LogScale
            ? Math.Log(1.0 + (1.0 / v)) / (Math.Log(Upper) - Math.Log(Lower))
            : 1.0 / (Upper - Lower);
    }
}
