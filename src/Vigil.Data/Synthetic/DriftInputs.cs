using Vigil.Data.Tables;

namespace Vigil.Data.Synthetic;

/// <summary>Checks and row choice shared by the drift injectors.</summary>
internal static class DriftInputs
{
    /// <summary>
    /// round(fraction × rowCount) distinct rows, drawn without replacement by a partial Fisher-Yates shuffle with
    /// <paramref name="random"/>, returned in ascending order.
    /// </summary>
    public static int[] ChooseRows(int rowCount, double fraction, Random random)
    {
        CheckFraction(fraction);
        var count = (int)Math.Round(fraction * rowCount, MidpointRounding.AwayFromZero);
        var all = new int[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            all[i] = i;
        }

        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(rowCount - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all[..count];
        Array.Sort(chosen);
        return chosen;
    }

    public static void CheckFraction(double fraction)
    {
        if (!(fraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction of rows must be in [0, 1].");
        }
    }

    public static NumericColumn Numeric(Table table, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table[column] as NumericColumn
            ?? throw new ArgumentException($"Column '{column}' is {table[column].Kind}; this drift needs a numeric column.", nameof(column));
    }

    public static CategoricalColumn Categorical(Table table, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table[column] as CategoricalColumn
            ?? throw new ArgumentException($"Column '{column}' is {table[column].Kind}; this drift needs a categorical column.", nameof(column));
    }

    /// <summary>Mean and sample standard deviation (n − 1) of the non-missing values; (NaN, NaN) when there are none.</summary>
    public static (double Mean, double Std) Moments(ReadOnlySpan<double> values)
    {
        var count = 0;
        var mean = 0.0;
        var m2 = 0.0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            // Welford: stable for large offsets.
            count++;
            var delta = v - mean;
            mean += delta / count;
            m2 += delta * (v - mean);
        }

        return count == 0 ? (double.NaN, double.NaN) : (mean, count > 1 ? Math.Sqrt(m2 / (count - 1)) : 0);
    }

    /// <summary>The column's standard deviation, or 1 when it is zero or undefined (constant or near-empty columns).</summary>
    public static double ScaleOf(ReadOnlySpan<double> values)
    {
        var std = Moments(values).Std;
        return std > 0 && double.IsFinite(std) ? std : 1.0;
    }
}
