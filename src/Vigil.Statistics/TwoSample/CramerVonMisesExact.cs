namespace Vigil.Statistics.TwoSample;

/// <summary>
/// The exact null distribution of the two-sample Cramér–von Mises U, as SciPy 1.10 computes it
/// (Xiao, Gordon and Yakovlev 2006, algorithm 1): a lattice-path recursion over (u, v) that carries, per node, the
/// frequency of each value of Σ (a·v − b·u)² along the paths reaching it (a = lcm/n, b = lcm/m).
/// </summary>
internal static class CramerVonMisesExact
{
    /// <summary>P(U ≥ u) under the null for sample sizes m (first) and n (second).</summary>
    public static double PValue(double u, int m, int n)
    {
        long lcm = (long)m / Gcd(m, n) * n;
        long a = lcm / m, b = lcm / n;
        long mn = (long)m * n;
        // SciPy's threshold: ζ = lcm²·(m + n)·(6·U − mn·(4·mn − 1)) // (6·mn²), in floating point with floor division.
        var zeta = FloorDivide(lcm * lcm * (m + n) * ((6 * u) - (double)(mn * ((4 * mn) - 1))), 6 * mn * mn);

        // gs[v]: value → number of paths, for the nodes (row, v) of the current row.
        var gs = new Dictionary<long, long>[m + 1];
        gs[0] = new Dictionary<long, long> { [0] = 1 };
        for (var v = 1; v <= m; v++)
        {
            gs[v] = [];
        }

        for (var row = 0; row <= n; row++)
        {
            var next = new Dictionary<long, long>[m + 1];
            Dictionary<long, long> left = [];
            for (var v = 0; v <= m; v++)
            {
                // Paths into (row, v) come from (row, v − 1) (left) or from (row − 1, v) (gs[v]); both add this node's term.
                var step = (a * v) - (b * row);
                var merged = new Dictionary<long, long>(left.Count + gs[v].Count);
                foreach (var (value, count) in left)
                {
                    merged[value + (step * step)] = count;
                }

                foreach (var (value, count) in gs[v])
                {
                    var key = value + (step * step);
                    merged[key] = merged.GetValueOrDefault(key) + count;
                }

                next[v] = merged;
                left = merged;
            }

            gs = next;
        }

        long atLeast = 0;
        foreach (var (value, count) in gs[m])
        {
            if (value >= zeta)
            {
                atLeast += count;
            }
        }

        return atLeast / Binomial(m + n, m);
    }

    // NumPy's floor division of doubles (npy_divmod): exact for the integer-valued quotients met here, and equal to
    // SciPy's where U is not an integer (ties).
    internal static double FloorDivide(double numerator, double denominator)
    {
        var mod = numerator % denominator;
        var div = (numerator - mod) / denominator;
        if (mod != 0 && (denominator < 0) != (mod < 0))
        {
            div -= 1.0;
        }

        if (div == 0)
        {
            return Math.CopySign(0.0, numerator / denominator);
        }

        var floor = Math.Floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    private static long Gcd(long x, long y)
    {
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        return x;
    }

    private static double Binomial(int n, int k)
    {
        // Exact in 64-bit integers for the sizes the exact path is used for (n ≤ 40 with Auto).
        long result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
