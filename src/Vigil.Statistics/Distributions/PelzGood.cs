namespace Vigil.Statistics.Distributions;

/// <summary>Pelz–Good (1976) asymptotic expansion of P(D_n ≤ x), as evaluated by SciPy's _kolmogn_PelzGood.</summary>
internal static class PelzGood
{
    private const double PiSquared = Math.PI * Math.PI;
    private const double PiFour = PiSquared * PiSquared;
    private const double PiSix = PiFour * PiSquared;
    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);
    private static readonly double Sqrt3 = Math.Sqrt(3);

    /// <summary>K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 with z = x·√n (Li-Chien/Korolyuk terms in theta form).</summary>
    public static double Cdf(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        var z = Math.Sqrt((double)n) * x;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
        var qlog = -PiSquared / 8 / z2;
        if (qlog < -708)
        {
            return 0.0;
        }

        var q = Math.Exp(qlog);
        var k1a = -z2;
        var k1b = PiSquared / 4;
        var k2a = (6 * z6) + (2 * z4);
        var k2b = ((2 * z4) - (5 * z2)) * PiSquared / 4;
        var k2c = PiFour * (1 - (2 * z2)) / 16;
        var k3d = PiSix * (5 - (30 * z2)) / 64;
        var k3c = PiFour * ((-60 * z2) + (212 * z4)) / 16;
        var k3b = PiSquared * ((135 * z4) - (96 * z6)) / 4;
        var k3a = (-30 * z6) - (90 * Math.Pow(z, 8));

        // Horner over odd integers m = 2k − 1 of c_m q^(m²).
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var maxk = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxk; k > 0; k--)
        {
            double m = (2 * k) - 1;
            double m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
            var qpower = Math.Pow(q, 8 * k);
            s0 = (s0 * qpower) + 1.0;
            s1 = (s1 * qpower) + (k1a + (k1b * m2));
            s2 = (s2 * qpower) + (k2a + (k2b * m2) + (k2c * m4));
            s3 = (s3 * qpower) + (k3a + (k3b * m2) + (k3c * m4) + (k3d * m6));
        }

        var scale = q * Sqrt2Pi;
        s0 = s0 * scale / z;
        s1 = s1 * scale / (6 * z4);
        s2 = s2 * scale / (72 * Math.Pow(z, 7));
        s3 = s3 * scale / (6480 * Math.Pow(z, 10));

        // Extra sums over all integers k for K2 and K3.
        var qq = Math.Exp(-PiSquared / 2 / z2);
        var sqrt3z = Sqrt3 * z;
        double k2extra = 0, k3extra = 0;
        for (var k = maxk; k > 0; k--)
        {
            double ksq = (double)k * k;
            var qp = Math.Pow(qq, ksq);
            k2extra += ksq * qp;
            var kspi = Math.PI * k;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
        }

        s2 += k2extra * PiSquared * Sqrt2Pi / (-36 * z3);
        s3 += k3extra * PiSquared * Sqrt2Pi / (216 * z6);
        double nd = n;
        return s0 + (s1 / Math.Sqrt(nd)) + (s2 / nd) + (s3 / Math.Pow(nd, 1.5));
    }
}
