namespace Vigil.Statistics.Multivariate;

/// <summary>
/// Mean imputation then standardisation, fitted on reference rows: as scikit-learn's <c>SimpleImputer(strategy="mean")</c>
/// followed by <c>StandardScaler()</c>. A missing cell (NaN) becomes the column's mean, i.e. 0 once standardised; the
/// scale is the population standard deviation of the imputed column (so imputed cells shrink it, as in that pipeline),
/// and 1 where it is 0 (a constant column then standardises to 0 and adds nothing to a reconstruction error).
/// </summary>
public sealed class StandardScaling
{
    // numpy's float64 machine epsilon (double.Epsilon is the smallest subnormal, not this).
    private const double Epsilon = 2.220446049250313e-16;

    private readonly double[] _means;
    private readonly double[] _scales;

    private StandardScaling(double[] means, double[] scales)
    {
        _means = means;
        _scales = scales;
    }

    /// <summary>Columns.</summary>
    public int Width => _means.Length;

    /// <summary>Mean of each column's non-missing values (0 when a column has none).</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>Divisor of each column.</summary>
    public IReadOnlyList<double> Scales => _scales;

    /// <summary>Fits on <paramref name="rows"/> (each of <paramref name="width"/> values, NaN for missing).</summary>
    public static StandardScaling Fit(IReadOnlyList<double[]> rows, int width)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Standardisation needs at least one row.", nameof(rows));
        }

        var means = new double[width];
        var counts = new int[width];
        foreach (var row in rows)
        {
            for (var j = 0; j < width; j++)
            {
                if (!double.IsNaN(row[j]))
                {
                    means[j] += row[j];
                    counts[j]++;
                }
            }
        }

        for (var j = 0; j < width; j++)
        {
            means[j] = counts[j] == 0 ? 0 : means[j] / counts[j];
        }

        var squares = new double[width];
        foreach (var row in rows)
        {
            for (var j = 0; j < width; j++)
            {
                if (!double.IsNaN(row[j]))
                {
                    var d = row[j] - means[j];
                    squares[j] += d * d;
                }
            }
        }

        var scales = new double[width];
        for (var j = 0; j < width; j++)
        {
            // scikit-learn's test for a constant column (variance within rounding of 0): its scale becomes 1.
            var variance = squares[j] / rows.Count;
            var n = (double)rows.Count;
            var bound = (n * Epsilon * variance) + Math.Pow(n * means[j] * Epsilon, 2);
            scales[j] = variance <= bound ? 1 : Math.Sqrt(variance);
        }

        return new StandardScaling(means, scales);
    }

    /// <summary>Writes the standardised <paramref name="row"/> into <paramref name="destination"/> (missing → 0).</summary>
    public void Apply(ReadOnlySpan<double> row, Span<double> destination)
    {
        for (var j = 0; j < _means.Length; j++)
        {
            destination[j] = double.IsNaN(row[j]) ? 0 : (row[j] - _means[j]) / _scales[j];
        }
    }
}
