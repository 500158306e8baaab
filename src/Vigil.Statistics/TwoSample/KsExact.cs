namespace Vigil.Statistics.TwoSample;

/// <summary>Exact null distribution of the two-sided two-sample KS statistic (lattice-path counts).</summary>
internal static class KsExact
{
    /// <summary>
    /// P(D_{n,n} ≥ h/n) for equal sample sizes: 2·Σ_k (−1)^(k+1) C(2n, n − k·h) / C(2n, n), evaluated in nested
    /// (Horner-like) form so no subtractive cancellation occurs.
    /// </summary>
    public static double ProbOutsideSquare(long n, long h)
    {
        double p = 0;
        for (var k = n / h; k >= 0; k--)
        {
            double term = 1;
            for (long j = 0; j < h; j++)
            {
                term = (n - (k * h) - j) * term / (n + (k * h) + j + 1);
            }

            p = term * (1.0 - p);
        }

        return 2 * p;
    }

    /// <summary>
    /// Proportion of monotone lattice paths from (0,0) to (m,n) that leave the band |x/m − y/n| &lt; h/lcm(m,n),
    /// computed directly (Viehmann 2021 recursion on normalised counts, one sliding column) for stability.
    /// </summary>
    public static double OuterProbInsideMethod(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        var mg = m / g;
        var ng = n / g;
        long minj = 0;
        var maxj = Math.Min((long)Math.Ceiling(h / (double)mg), n + 1);
        var curlen = maxj - minj;
        var lenA = (int)Math.Min((2 * maxj) + 2, n + 1);
        var a = new double[lenA];
        Array.Fill(a, 1.0);
        Array.Clear(a, 0, (int)maxj);
        for (long i = 1; i <= m; i++)
        {
            var lastminj = minj;
            var lastlen = curlen;
            minj = Math.Max((long)Math.Floor(((ng * i) - h) / (double)mg) + 1, 0);
            minj = Math.Min(minj, n);
            maxj = Math.Min((long)Math.Ceiling(((ng * i) + h) / (double)mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }

            // a[jj] holds the probability of leaving the band for column i, row jj + minj.
            var val = minj == 0 ? 0.0 : 1.0;
            var width = (int)(maxj - minj);
            var shift = (int)(minj - lastminj);
            double di = i;
            for (var jj = 0; jj < width; jj++)
            {
                double j = jj + minj;
                val = ((a[jj + shift] * di) + (val * j)) / (di + j);
                a[jj] = val;
            }

            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                var from = width;
                var to = Math.Min(lenA, width + (int)(lastlen - curlen));
                for (var t = from; t < to; t++)
                {
                    a[t] = 1;
                }
            }
        }

        return a[(int)(maxj - minj - 1)];
    }
}
