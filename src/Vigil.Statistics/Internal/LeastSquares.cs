namespace Vigil.Statistics.Internal;

/// <summary>Small dense least-squares fits.</summary>
internal static class LeastSquares
{
    /// <summary>
    /// Coefficients of the degree-<paramref name="degree"/> polynomial that fits y on x in least squares, highest
    /// power first (NumPy's <c>polyfit</c> order and method: the Vandermonde columns scaled to unit norm, then an
    /// orthogonal solve — Householder QR here, SVD in NumPy; both are backward stable, so they agree to rounding).
    /// </summary>
    public static double[] Polynomial(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int degree)
    {
        int rows = x.Length, cols = degree + 1;
        if (rows < cols || y.Length != rows)
        {
            throw new ArgumentException("A polynomial fit needs as many points as coefficients, and one y per x.");
        }

        // Column-major: columns[j] is the Vandermonde column of x^(degree − j), scaled to unit norm.
        var columns = new double[cols][];
        var scale = new double[cols];
        for (var j = 0; j < cols; j++)
        {
            columns[j] = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                var power = 1.0;
                for (var e = 0; e < degree - j; e++)
                {
                    power *= x[i];
                }

                columns[j][i] = power;
                scale[j] += columns[j][i] * columns[j][i];
            }

            scale[j] = Math.Sqrt(scale[j]);
            for (var i = 0; i < rows; i++)
            {
                columns[j][i] /= scale[j];
            }
        }

        var b = y.ToArray();
        var v = new double[rows];
        for (var j = 0; j < cols; j++)
        {
            // Householder reflection that zeroes column j below the diagonal, applied to the later columns and to b.
            double norm = 0;
            for (var i = j; i < rows; i++)
            {
                norm += columns[j][i] * columns[j][i];
            }

            norm = Math.Sqrt(norm);
            var alpha = columns[j][j] > 0 ? -norm : norm;
            v[j] = columns[j][j] - alpha;
            double vv = v[j] * v[j];
            for (var i = j + 1; i < rows; i++)
            {
                v[i] = columns[j][i];
                vv += v[i] * v[i];
            }

            if (vv == 0)
            {
                continue;
            }

            for (var c = j; c < cols; c++)
            {
                Reflect(v, vv, j, columns[c]);
            }

            Reflect(v, vv, j, b);
        }

        var coefficients = new double[cols];
        for (var j = cols - 1; j >= 0; j--)
        {
            var sum = b[j];
            for (var c = j + 1; c < cols; c++)
            {
                sum -= columns[c][j] * coefficients[c];
            }

            coefficients[j] = sum / columns[j][j];
        }

        for (var j = 0; j < cols; j++)
        {
            coefficients[j] /= scale[j];
        }

        return coefficients;
    }

    private static void Reflect(double[] v, double vv, int from, double[] column)
    {
        double dot = 0;
        for (var i = from; i < column.Length; i++)
        {
            dot += v[i] * column[i];
        }

        var factor = 2 * dot / vv;
        for (var i = from; i < column.Length; i++)
        {
            column[i] -= factor * v[i];
        }
    }
}
