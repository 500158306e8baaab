using FsCheck.Xunit;
using Vigil.Statistics.Distances;
using Vigil.Statistics.MultipleTesting;
using Vigil.Statistics.TwoSample;

namespace Vigil.Statistics.Tests.Properties;

public class StatisticsProperties
{
    private static double[] D(int[] a) => a.Select(v => v / 7.0).ToArray();

    private static bool Ok(int[]? a) => a is { Length: > 0 };

    [Property(MaxTest = 200)]
    public bool KsStatisticSymmetricAndPValueInRange(int[] a, int[] b)
    {
        if (!Ok(a) || !Ok(b))
        {
            return true;
        }

        var r1 = KolmogorovSmirnov.TwoSampleUnsorted(D(a), D(b));
        var r2 = KolmogorovSmirnov.TwoSampleUnsorted(D(b), D(a));
        var r3 = KolmogorovSmirnov.TwoSampleUnsorted(D(a), D(b), KsMethod.Asymptotic);
        return Math.Abs(r1.Statistic - r2.Statistic) < 1e-12 && r1.PValue is >= 0 and <= 1
            && (double.IsNaN(r3.PValue) || r3.PValue is >= 0 and <= 1);
    }

    [Property(MaxTest = 200)]
    public bool KsInvariantUnderStrictlyMonotoneTransform(int[] a, int[] b)
    {
        if (!Ok(a) || !Ok(b))
        {
            return true;
        }

        var r1 = KolmogorovSmirnov.TwoSampleUnsorted(D(a), D(b));
        var r2 = KolmogorovSmirnov.TwoSampleUnsorted(D(a).Select(v => (3 * v) + (v * v * v)).ToArray(), D(b).Select(v => (3 * v) + (v * v * v)).ToArray());
        return r1.Statistic == r2.Statistic && r1.PValue == r2.PValue;
    }

    [Property(MaxTest = 200)]
    public bool WassersteinSymmetricAndTranslates(int[] a, int[] b, int shift)
    {
        if (!Ok(a) || !Ok(b))
        {
            return true;
        }

        var x = D(a);
        var w = Wasserstein.Distance(x, D(b));
        var tol = 1e-9 * (1 + Math.Abs(w) + Math.Abs(shift));
        var shifted = Wasserstein.Distance(x, x.Select(v => v + shift).ToArray());
        return Math.Abs(w - Wasserstein.Distance(D(b), x)) <= tol && Math.Abs(shifted - Math.Abs(shift)) <= tol;
    }

    [Property(MaxTest = 200)]
    public bool JsAndHellingerSymmetricAndBounded(int[] a, int[] b)
    {
        if (!Ok(a) || !Ok(b))
        {
            return true;
        }

        var n = Math.Min(a.Length, b.Length);
        var p = a.Take(n).Select(v => (double)Math.Abs(v)).Append(1).ToArray();
        var q = b.Take(n).Select(v => (double)Math.Abs(v)).Append(1).ToArray();
        var js = Divergences.JensenShannonDistance(p, q, 2);
        var h = Divergences.Hellinger(p, q);
        return Math.Abs(js - Divergences.JensenShannonDistance(q, p, 2)) < 1e-12 && js is >= 0 and <= 1 + 1e-12
            && Math.Abs(h - Divergences.Hellinger(q, p)) < 1e-12 && h is >= 0 and <= 1 + 1e-12;
    }

    [Property(MaxTest = 200)]
    public bool PsiOfSampleAgainstItselfIsZero(int[] a)
    {
        if (!Ok(a))
        {
            return true;
        }

        var x = D(a);
        Array.Sort(x);
        var binning = PsiBinning.FromSortedReference(x);
        return binning.Psi(x) == 0 && Math.Abs(binning.ReferenceShares.ToArray().Sum() - 1) < 1e-12;
    }

    [Property(MaxTest = 200)]
    public bool CorrectionsAdjustedAtLeastRawAndMonotone(int[] a)
    {
        if (!Ok(a))
        {
            return true;
        }

        var p = a.Select(v => (Math.Abs((long)v) % 1000) / 999.0).ToArray();
        foreach (var method in Enum.GetValues<CorrectionMethod>())
        {
            var r = Corrections.Adjust(p, method);
            var order = Enumerable.Range(0, p.Length).OrderBy(i => p[i]).ToArray();
            for (var k = 0; k < p.Length; k++)
            {
                if (r.Adjusted[k] < p[k] || r.Adjusted[k] > 1)
                {
                    return false;
                }

                if (k > 0 && r.Adjusted[order[k]] < r.Adjusted[order[k - 1]])
                {
                    return false;
                }
            }
        }

        return true;
    }
}
