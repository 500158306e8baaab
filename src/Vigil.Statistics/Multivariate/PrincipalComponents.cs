using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Vigil.Statistics.Multivariate;

/// <summary>
/// Principal components of rows, kept up to a share of the variance, and the error of reconstructing a row from them:
/// as scikit-learn's <c>PCA(n_components=share, svd_solver="full")</c> then <c>inverse_transform</c>. The components
/// are the eigenvectors of the sample covariance (divisor n − 1) of the centred rows, largest eigenvalue first; k is
/// the fewest whose cumulative explained-variance ratio exceeds the share (scikit-learn's
/// <c>searchsorted(cumsum, share, side="right") + 1</c>). A row's reconstruction error is the Euclidean distance
/// between it and its projection onto the k components (mean added back), as NannyML's data reconstruction drift.
/// </summary>
public sealed class PrincipalComponents
{
    private readonly double[] _mean;
    private readonly double[][] _components;

    private PrincipalComponents(double[] mean, double[][] components, double explained, double[] ratios)
    {
        _mean = mean;
        _components = components;
        ExplainedVariance = explained;
        VarianceRatios = ratios;
    }

    /// <summary>Columns of a row.</summary>
    public int Width => _mean.Length;

    /// <summary>Components kept (k).</summary>
    public int Count => _components.Length;

    /// <summary>Share of the variance the kept components explain.</summary>
    public double ExplainedVariance { get; }

    /// <summary>Explained-variance ratio of every component, largest first.</summary>
    public IReadOnlyList<double> VarianceRatios { get; }

    /// <summary>
    /// Fits on <paramref name="rows"/> (at least 2, each of the same width, no NaN). <paramref name="varianceShare"/> in
    /// (0, 1). When every column is constant no component is kept and every error is the distance to the mean.
    /// </summary>
    public static PrincipalComponents Fit(IReadOnlyList<double[]> rows, double varianceShare)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count < 2)
        {
            throw new ArgumentException("Principal components need at least 2 rows.", nameof(rows));
        }

        if (!(varianceShare > 0 && varianceShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(varianceShare), varianceShare, "The variance share must lie in (0, 1).");
        }

        var width = rows[0].Length;
        var mean = new double[width];
        foreach (var row in rows)
        {
            if (row.Length != width)
            {
                throw new ArgumentException("Every row must have the same width.", nameof(rows));
            }

            for (var j = 0; j < width; j++)
            {
                mean[j] += row[j];
            }
        }

        for (var j = 0; j < width; j++)
        {
            mean[j] /= rows.Count;
        }

        var covariance = Covariance(rows, mean);
        var evd = Matrix<double>.Build.DenseOfArray(covariance).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => Math.Max(0, v.Real)).ToArray();
        var order = Enumerable.Range(0, width).OrderByDescending(i => values[i]).ToArray();
        var total = values.Sum();
        var ratios = order.Select(i => total > 0 ? values[i] / total : 0).ToArray();
        var keep = total > 0 ? Math.Min(width, Kept(ratios, varianceShare)) : 0;
        var components = new double[keep][];
        for (var c = 0; c < keep; c++)
        {
            components[c] = evd.EigenVectors.Column(order[c]).ToArray();
        }

        return new PrincipalComponents(mean, components, ratios.Take(keep).Sum(), ratios);
    }

    /// <summary>The Euclidean distance between <paramref name="row"/> and its reconstruction from the kept components.</summary>
    public double ReconstructionError(ReadOnlySpan<double> row)
    {
        var width = _mean.Length;
        Span<double> residual = width <= 256 ? stackalloc double[width] : new double[width];
        for (var j = 0; j < width; j++)
        {
            residual[j] = row[j] - _mean[j];
        }

        Span<double> scores = _components.Length <= 256 ? stackalloc double[_components.Length] : new double[_components.Length];
        for (var c = 0; c < _components.Length; c++)
        {
            var w = _components[c];
            double s = 0;
            for (var j = 0; j < width; j++)
            {
                s += w[j] * residual[j];
            }

            scores[c] = s;
        }

        double sum = 0;
        for (var j = 0; j < width; j++)
        {
            var r = residual[j];
            for (var c = 0; c < _components.Length; c++)
            {
                r -= scores[c] * _components[c][j];
            }

            sum += r * r;
        }

        return Math.Sqrt(sum);
    }

    // scikit-learn: searchsorted(cumsum(ratios), share, side="right") + 1 — the count of cumulative ratios ≤ share, plus one.
    private static int Kept(double[] ratios, double share)
    {
        double cumulative = 0;
        var atOrBelow = 0;
        foreach (var r in ratios)
        {
            cumulative += r;
            if (cumulative <= share)
            {
                atOrBelow++;
            }
        }

        return atOrBelow + 1;
    }

    private static double[,] Covariance(IReadOnlyList<double[]> rows, double[] mean)
    {
        var width = mean.Length;
        var sums = new double[width, width];
        var centred = new double[width];
        foreach (var row in rows)
        {
            for (var j = 0; j < width; j++)
            {
                centred[j] = row[j] - mean[j];
            }

            for (var a = 0; a < width; a++)
            {
                var ca = centred[a];
                for (var b = a; b < width; b++)
                {
                    sums[a, b] += ca * centred[b];
                }
            }
        }

        for (var a = 0; a < width; a++)
        {
            for (var b = a; b < width; b++)
            {
                sums[a, b] /= rows.Count - 1;
                sums[b, a] = sums[a, b];
            }
        }

        return sums;
    }
}
