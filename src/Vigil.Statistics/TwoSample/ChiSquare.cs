using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Vigil.Statistics.TwoSample;

/// <summary>Chi-square contingency test equal to scipy.stats.chi2_contingency (lambda_ = Pearson).</summary>
public static class ChiSquare
{
    /// <summary>
    /// χ² = Σ (O − E)²/E with E = row·col/total. When dof = 1 and <paramref name="yatesCorrection"/> is true each
    /// |O − E| is reduced by min(0.5, |O − E|) (SciPy's Yates rule). p = chi2.sf(χ², dof); dof = 0 gives χ² = 0, p = 1.
    /// Throws <see cref="ZeroExpectedFrequencyException"/> when some expected count is 0 and ArgumentException for
    /// negative or non-finite counts.
    /// </summary>
    public static ChiSquareResult Contingency(double[,] observed, bool yatesCorrection = true)
    {
        ArgumentNullException.ThrowIfNull(observed);
        int rows = observed.GetLength(0), cols = observed.GetLength(1);
        if (rows == 0 || cols == 0)
        {
            throw new ArgumentException("The table must not be empty.", nameof(observed));
        }

        var rowSum = new double[rows];
        var colSum = new double[cols];
        double total = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                var o = observed[i, j];
                if (!(o >= 0) || double.IsInfinity(o))
                {
                    throw new ArgumentException("Counts must be finite and non-negative.", nameof(observed));
                }

                rowSum[i] += o;
                colSum[j] += o;
                total += o;
            }
        }

        var expected = new double[rows, cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                expected[i, j] = rowSum[i] * colSum[j] / total;
                if (!(expected[i, j] > 0))
                {
                    throw new ZeroExpectedFrequencyException(string.Create(CultureInfo.InvariantCulture,
                        $"Chi-square is undefined: the expected frequency at ({i}, {j}) is zero (an all-zero row or column). Remove empty categories first."))
                    { Row = i, Column = j };
                }
            }
        }

        var dof = (rows - 1) * (cols - 1);
        if (dof == 0)
        {
            return new ChiSquareResult(0.0, 1.0, 0, expected);
        }

        double chi2 = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                var diff = observed[i, j] - expected[i, j];
                if (dof == 1 && yatesCorrection)
                {
                    var abs = Math.Abs(diff);
                    diff = Math.Sign(diff) * (abs - Math.Min(0.5, abs));
                }

                chi2 += diff * diff / expected[i, j];
            }
        }

        return new ChiSquareResult(chi2, ChiSquaredSf(chi2, dof), dof, expected);
    }

    /// <summary>Upper tail of χ²(dof) = Q(dof/2, x/2), the regularized upper incomplete gamma.</summary>
    internal static double ChiSquaredSf(double x, int dof) =>
        x <= 0 ? 1.0 : MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(dof / 2.0, x / 2.0);
}
