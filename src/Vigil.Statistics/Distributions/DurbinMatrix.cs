namespace Vigil.Statistics.Distributions;

/// <summary>
/// P(D_n ≤ d) by Durbin's matrix method in the Marsaglia–Tsang–Wang (2003) form: the (k,k) entry of Hⁿ times n!/nⁿ,
/// with d = (k − h)/n and H of size (2k − 1)². Memory O(k²), time O(k³ log n); used only where k is small.
/// </summary>
internal static class DurbinMatrix
{
    private const int ScaleExponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    public static double Cdf(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = (2 * k) - 1;
        var hm = new double[m * m];

        // v[j] = (1 − h^(j+1))/(j+1)!, w[j] = 1/j!.
        var v = new double[m];
        var w = new double[m];
        double fac = 1.0;
        for (var j = 1; j <= m; j++)
        {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.Pow(h, j)) * fac;
        }

        var tt = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + tt) * fac;
        for (var i = 1; i < m; i++)
        {
            for (var r = i - 1; r < m; r++)
            {
                hm[(r * m) + i] = w[r - i + 1];
            }
        }

        for (var r = 0; r < m; r++)
        {
            hm[r * m] = v[r];
        }

        for (var c = 0; c < m; c++)
        {
            hm[((m - 1) * m) + c] = v[m - 1 - c];
        }

        var power = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            power[(i * m) + i] = 1.0;
        }

        var scratch = new double[m * m];
        var nn = n;
        var exponent = 0;
        var hExponent = 0;
        while (nn > 0)
        {
            if (nn % 2 == 1)
            {
                Multiply(power, hm, scratch, m);
                (power, scratch) = (scratch, power);
                exponent += hExponent;
            }

            Multiply(hm, hm, scratch, m);
            (hm, scratch) = (scratch, hm);
            hExponent *= 2;
            if (Math.Abs(hm[((k - 1) * m) + k - 1]) > Big)
            {
                for (var i = 0; i < hm.Length; i++)
                {
                    hm[i] /= Big;
                }

                hExponent += ScaleExponent;
            }

            nn /= 2;
        }

        var p = power[((k - 1) * m) + k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Small)
            {
                p *= Big;
                exponent -= ScaleExponent;
            }
        }

        if (exponent != 0)
        {
            p = Math.ScaleB(p, exponent);
        }

        return Math.Clamp(p, 0.0, 1.0);
    }

    private static void Multiply(double[] a, double[] b, double[] result, int m)
    {
        Array.Clear(result);
        for (var i = 0; i < m; i++)
        {
            var rowA = a.AsSpan(i * m, m);
            var rowR = result.AsSpan(i * m, m);
            for (var t = 0; t < m; t++)
            {
                var aik = rowA[t];
                if (aik == 0)
                {
                    continue;
                }

                var rowB = b.AsSpan(t * m, m);
                for (var j = 0; j < m; j++)
                {
                    rowR[j] += aik * rowB[j];
                }
            }
        }
    }
}
