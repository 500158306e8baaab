namespace Vigil.Statistics.Distributions;

/// <summary>
/// P(D_n ≤ x) by the Pomeranz (1974) recursion: 2n + 1 convolution steps with truncated Poisson weights, keeping only
/// the non-zero window of each row and rescaling by 2^±128 to avoid under/overflow. Used for n ≤ 140.
/// </summary>
internal static class Pomeranz
{
    private const int ScaleExponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    public static double Cdf(int n, double x)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = t - ll;
        var g = Math.Min(f, 1.0 - f);
        var ceilf = f > 0 ? 1 : 0;
        var roundf = f > 0.5 ? 1 : 0;
        var npwrs = 2 * (ll + 1);
        var gpower = new double[npwrs];
        var twogpower = new double[npwrs];
        var onem2gpower = new double[npwrs];
        gpower[0] = twogpower[0] = onem2gpower[0] = 1.0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (var m = 1; m < npwrs; m++)
        {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }

        var v0 = new double[npwrs];
        var v1 = new double[npwrs];
        var conv = new double[2 * npwrs];
        v1[0] = 1;
        int v0s = 0, v1s = 0;
        var exponent = 0;
        var (j1, _) = Bounds(0, n, ll, ceilf, roundf);
        for (var i = 1; i < (2 * n) + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0s, v1s) = (v1s, v0s);
            Array.Clear(v1);
            (j1, var j2) = Bounds(i, n, ll, ceilf, roundf);
            var pwrs = i == 1 || i == (2 * n) + 1 ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            var ln2 = j2 - k1 + 1;
            if (ln2 > 0)
            {
                // Full convolution of V0[k1 − V0s ..] (truncated at the array end, as numpy slicing) with pwrs[..ln2].
                var aStart = k1 - v0s;
                var aLen = Math.Min(ln2, npwrs - aStart);
                var bLen = Math.Min(ln2, npwrs);
                var convLen = aLen + bLen - 1;
                Array.Clear(conv, 0, convLen);
                for (var a = 0; a < aLen; a++)
                {
                    var va = v0[aStart + a];
                    if (va == 0)
                    {
                        continue;
                    }

                    for (var b = 0; b < bLen; b++)
                    {
                        conv[a + b] += va * pwrs[b];
                    }
                }

                var convStart = j1 - k1;
                var count = j2 - j1 + 1;
                double max = 0;
                for (var c = 0; c < count; c++)
                {
                    var idx = convStart + c;
                    v1[c] = idx < convLen ? conv[idx] : 0;
                    max = Math.Max(max, v1[c]);
                }

                if (max > 0 && max < Small)
                {
                    for (var c = 0; c < v1.Length; c++)
                    {
                        v1[c] *= Big;
                    }

                    exponent -= ScaleExponent;
                }

                v1s = v0s + j1 - k1;
            }
        }

        var ans = v1[n - v1s];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(ans) > Big)
            {
                ans *= Small;
                exponent += ScaleExponent;
            }

            ans *= m;
        }

        if (exponent != 0)
        {
            ans = Math.ScaleB(ans, exponent);
        }

        return Math.Clamp(ans, 0.0, 1.0);
    }

    private static (int J1, int J2) Bounds(int i, int n, int ll, int ceilf, int roundf)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        }
        else
        {
            var ip1div2 = (i + 1) / 2;
            var ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0)
            {
                if (ip1div2 == n + 1)
                {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                }
                else
                {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            }
            else
            {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }
}
