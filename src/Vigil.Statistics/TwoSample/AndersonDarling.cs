using Vigil.Statistics.Internal;

namespace Vigil.Statistics.TwoSample;

/// <summary>
/// k-sample Anderson–Darling test reproducing scipy.stats.anderson_ksamp (SciPy 1.10) with its default midrank
/// statistic (Scholz and Stephens 1987, eq. 7: valid for continuous and discrete data, ties included). The p-value
/// is SciPy's: a quadratic fit of log(level) against the tabulated critical values, capped at 0.25 and floored at 0.001.
/// </summary>
public static class AndersonDarling
{
    // Scholz and Stephens (1987), table 2: critical value = b0 + b1/√m + b2/m at these levels.
    private static readonly double[] Levels = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
    private static readonly double[] B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
    private static readonly double[] B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
    private static readonly double[] B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

    /// <summary>
    /// Two samples sorted ascending without NaN (the drift path: each sample sorted once, one merge pass here).
    /// Throws <see cref="ArgumentException"/> for an empty sample, NaN, fewer than 4 values in all, or fewer than two
    /// distinct values in all (SciPy's ValueError; the statistic is undefined).
    /// </summary>
    public static AndersonDarlingResult TwoSample(ReadOnlySpan<double> sortedX, ReadOnlySpan<double> sortedY)
    {
        Guard.NotEmpty(sortedX, nameof(sortedX));
        Guard.NotEmpty(sortedY, nameof(sortedY));
        Guard.NoNaN(sortedX, nameof(sortedX));
        Guard.NoNaN(sortedY, nameof(sortedY));
        int n1 = sortedX.Length, n2 = sortedY.Length, total = n1 + n2;
        RequireSize(total);
        double sum1 = 0, sum2 = 0;
        int i = 0, j = 0, distinct = 0;
        while (i < n1 || j < n2)
        {
            var z = i < n1 ? (j < n2 ? Math.Min(sortedX[i], sortedY[j]) : sortedX[i]) : sortedY[j];
            int i0 = i, j0 = j;
            while (i < n1 && sortedX[i] == z)
            {
                i++;
            }

            while (j < n2 && sortedY[j] == z)
            {
                j++;
            }

            // Midrank empirical distribution at z: values below plus half of the tied ones.
            var tied = (i - i0) + (j - j0);
            var b = i0 + j0 + (tied / 2.0);
            var denominator = (b * (total - b)) - (total * (double)tied / 4.0);
            sum1 += Term(total, tied, b, denominator, i - ((i - i0) / 2.0), n1);
            sum2 += Term(total, tied, b, denominator, j - ((j - j0) / 2.0), n2);
            distinct++;
        }

        RequireDistinct(distinct);
        var a2akN = ((sum1 / n1) + (sum2 / n2)) * (total - 1.0) / total;
        return Normalise(a2akN, [n1, n2]);
    }

    /// <summary>
    /// k ≥ 2 samples, each sorted ascending without NaN. Same statistic and p-value as SciPy's
    /// <c>anderson_ksamp(samples)</c>; same exceptions as <see cref="TwoSample"/>.
    /// </summary>
    public static AndersonDarlingResult KSample(IReadOnlyList<double[]> sortedSamples)
    {
        ArgumentNullException.ThrowIfNull(sortedSamples);
        if (sortedSamples.Count < 2)
        {
            throw new ArgumentException("The Anderson–Darling k-sample test needs at least two samples.", nameof(sortedSamples));
        }

        var k = sortedSamples.Count;
        var sizes = new int[k];
        var total = 0;
        for (var s = 0; s < k; s++)
        {
            Guard.NotEmpty<double>(sortedSamples[s], nameof(sortedSamples));
            Guard.NoNaN(sortedSamples[s], nameof(sortedSamples));
            sizes[s] = sortedSamples[s].Length;
            total += sizes[s];
        }

        RequireSize(total);
        var at = new int[k];
        var before = new int[k];
        var sums = new double[k];
        var distinct = 0;
        while (true)
        {
            var z = double.PositiveInfinity;
            var any = false;
            for (var s = 0; s < k; s++)
            {
                if (at[s] < sizes[s] && (!any || sortedSamples[s][at[s]] < z))
                {
                    z = sortedSamples[s][at[s]];
                    any = true;
                }
            }

            if (!any)
            {
                break;
            }

            var left = 0;
            var tied = 0;
            for (var s = 0; s < k; s++)
            {
                before[s] = at[s];
                left += at[s];
                while (at[s] < sizes[s] && sortedSamples[s][at[s]] == z)
                {
                    at[s]++;
                }

                tied += at[s] - before[s];
            }

            var b = left + (tied / 2.0);
            var denominator = (b * (total - b)) - (total * (double)tied / 4.0);
            for (var s = 0; s < k; s++)
            {
                sums[s] += Term(total, tied, b, denominator, at[s] - ((at[s] - before[s]) / 2.0), sizes[s]);
            }

            distinct++;
        }

        RequireDistinct(distinct);
        double a2akN = 0;
        for (var s = 0; s < k; s++)
        {
            a2akN += sums[s] / sizes[s];
        }

        return Normalise(a2akN * (total - 1.0) / total, sizes);
    }

    // One summand of eq. 7: l_j/N · (N·M_ij − B_j·n_i)² / (B_j(N − B_j) − N·l_j/4).
    private static double Term(int total, int tied, double b, double denominator, double m, int n)
    {
        var deviation = (total * m) - (b * n);
        return (double)tied / total * (deviation * deviation) / denominator;
    }

    private static void RequireSize(int total)
    {
        if (total < 4)
        {
            throw new ArgumentException("The Anderson–Darling k-sample test needs at least 4 observations in all (its variance divides by N − 3).");
        }
    }

    private static void RequireDistinct(int distinct)
    {
        if (distinct < 2)
        {
            throw new ArgumentException("The Anderson–Darling k-sample test needs at least two distinct values in the pooled samples.");
        }
    }

    // Standardise by the exact null variance (Scholz and Stephens, eq. 4) and read the p-value off table 2.
    private static AndersonDarlingResult Normalise(double a2akN, int[] sizes)
    {
        var k = sizes.Length;
        double total = 0, harmonicOfSizes = 0;
        foreach (var n in sizes)
        {
            total += n;
            harmonicOfSizes += 1.0 / n;
        }

        // h = Σ_{i<N} 1/i and g = Σ_{i<j<N} 1/((N − i)·j), accumulated as SciPy does (a running sum from 1/(N−1) down).
        var bigN = (int)total;
        double running = 0, g = 0;
        for (int t = 0, i = bigN - 1; i > 1; t++, i--)
        {
            running += 1.0 / i;
            g += running / (t + 2);
        }

        var h = running + 1;
        var a = (((4 * g) - 6) * (k - 1)) + ((10 - (6 * g)) * harmonicOfSizes);
        var b = (((2 * g) - 4) * k * k) + (8 * h * k) + (((2 * g) - (14 * h) - 4) * harmonicOfSizes) - (8 * h) + (4 * g) - 6;
        var c = (((6 * h) + (2 * g) - 2) * k * k) + (((4 * h) - (4 * g) + 6) * k) + (((2 * h) - 6) * harmonicOfSizes) + (4 * h);
        var d = (((2 * h) + 6) * k * k) - (4 * h * k);
        var variance = ((a * total * total * total) + (b * total * total) + (c * total) + d) / ((total - 1) * (total - 2) * (total - 3));
        var m = k - 1;
        var statistic = (a2akN - m) / Math.Sqrt(variance);

        var critical = new double[Levels.Length];
        var logLevels = new double[Levels.Length];
        for (var i = 0; i < critical.Length; i++)
        {
            critical[i] = B0[i] + (B1[i] / Math.Sqrt(m)) + (B2[i] / m);
            logLevels[i] = Math.Log(Levels[i]);
        }

        // The critical values increase with the level's strictness, so the first is the smallest and the last the largest.
        if (statistic < critical.Min())
        {
            return new AndersonDarlingResult(statistic, Levels.Max(), critical, PValueBound.Capped);
        }

        if (statistic > critical.Max())
        {
            return new AndersonDarlingResult(statistic, Levels.Min(), critical, PValueBound.Floored);
        }

        var fit = LeastSquares.Polynomial(critical, logLevels, 2);
        var logP = 0.0;
        foreach (var coefficient in fit)
        {
            logP = (logP * statistic) + coefficient;
        }

        return new AndersonDarlingResult(statistic, Math.Exp(logP), critical, PValueBound.None);
    }
}
