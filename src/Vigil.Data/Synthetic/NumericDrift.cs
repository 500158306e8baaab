using Vigil.Data.Synthetic;
using Vigil.Data.Tables;

namespace Vigil.Data.Synthetic;

/// <summary>
/// Drift on one numeric column: each method returns a new table where round(fraction × rows) rows, chosen by
/// seed-determined sampling without replacement, are changed; other columns and rows are the
/// same. Missing cells stay missing. "Std" is the sample standard deviation of the column's non-missing values in
/// the input table (1 when it is zero or undefined).
/// </summary>
public static class NumericDrift
{
    /// <summary>Adds <paramref name="shiftInStd"/> × std to the chosen cells (fraction 1 moves the mean by exactly that).</summary>
    public static Table MeanShift(Table table, string column, double shiftInStd, double fraction = 1.0, int seed = 0)
    {
        var source = DriftInputs.Numeric(table, column);
        var delta = shiftInStd * DriftInputs.ScaleOf(source.Values);
        return Apply(table, source, fraction, seed, (v, _) => v + delta);
    }

    /// <summary>Scales the chosen cells' distance from the column mean by <paramref name="factor"/> (2 doubles the spread, mean kept).</summary>
    public static Table ScaleChange(Table table, string column, double factor, double fraction = 1.0, int seed = 0)
    {
        var source = DriftInputs.Numeric(table, column);
        var mean = DriftInputs.Moments(source.Values).Mean;
        return Apply(table, source, fraction, seed, (v, _) => mean + (factor * (v - mean)));
    }

    /// <summary>Adds Gaussian noise with standard deviation <paramref name="noiseInStd"/> × std to the chosen cells.</summary>
    public static Table AddNoise(Table table, string column, double noiseInStd, double fraction = 1.0, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(noiseInStd);
        var source = DriftInputs.Numeric(table, column);
        var sigma = noiseInStd * DriftInputs.ScaleOf(source.Values);
        return Apply(table, source, fraction, seed, (v, g) => v + (sigma * g.Next()));
    }

    private static Table Apply(Table table, NumericColumn source, double fraction, int seed, Func<double, GaussianSampler, double> change)
    {
        var random = new GaussianSampler(seed);
        var rows = DriftInputs.ChooseRows(source.Length, fraction, random.Random);
        var values = source.Values.ToArray();
        foreach (var r in rows)
        {
            if (!double.IsNaN(values[r]))
            {
                values[r] = change(values[r], random);
            }
        }

        return table.WithColumn(new NumericColumn(source.Name, values));
    }
}
