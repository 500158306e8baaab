using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Calibration;

/// <summary>
/// Platt's sigmoid calibration P(y = 1 | f) = 1 / (1 + exp(a·f + b)), fitted by maximum likelihood on Platt's smoothed
/// targets ((N₊ + 1) / (N₊ + 2) for positives, 1 / (N₋ + 2) for negatives) — the fit scikit-learn's
/// <c>CalibratedClassifierCV(method="sigmoid")</c> makes. The log-likelihood is concave in (a, b), so Newton's method
/// with a backtracking line search (Lin, Lin and Weng's safeguarded version of Platt's algorithm) reaches the same
/// optimum scikit-learn's BFGS does, more tightly.
/// </summary>
public static class PlattScaling
{
    /// <summary>Fits a, b on decision values <paramref name="f"/> and 0/1 labels <paramref name="y"/>.</summary>
    public static PlattFit Fit(ReadOnlySpan<double> f, ReadOnlySpan<int> y)
    {
        Guard.SameLength(f, y, nameof(f), nameof(y));
        var n = f.Length;
        double positives = 0;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(f[i]))
            {
                throw new ArgumentException($"f[{i}] is {f[i]}; Platt scaling needs finite decision values.", nameof(f));
            }

            if (y[i] is not (0 or 1))
            {
                throw new ArgumentException($"y[{i}] is {y[i]}; labels must be 0 or 1.", nameof(y));
            }

            positives += y[i];
        }

        var negatives = n - positives;
        var high = (positives + 1) / (positives + 2);
        var low = 1 / (negatives + 2);
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = y[i] == 1 ? high : low;
        }

        var a = 0.0;
        var b = Math.Log((negatives + 1) / (positives + 1));
        var loss = Loss(f, t, a, b);
        const double sigma = 1e-12;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            // Gradient and Hessian of the negative log-likelihood in (a, b); p = P(y = 1).
            double ga = 0, gb = 0, haa = sigma, hab = 0, hbb = sigma;
            for (var i = 0; i < n; i++)
            {
                var p = Probability(f[i], a, b);
                var d = t[i] - p;
                ga += d * f[i];
                gb += d;
                var v = p * (1 - p);
                haa += v * f[i] * f[i];
                hab += v * f[i];
                hbb += v;
            }

            if (Math.Abs(ga) < 1e-11 * Math.Max(1, n) && Math.Abs(gb) < 1e-11 * Math.Max(1, n))
            {
                break;
            }

            var det = (haa * hbb) - (hab * hab);
            var da = -((hbb * ga) - (hab * gb)) / det;
            var db = -((-hab * ga) + (haa * gb)) / det;
            var slope = (ga * da) + (gb * db);
            var step = 1.0;
            var improved = false;
            while (step >= 1e-10)
            {
                var candidate = Loss(f, t, a + (step * da), b + (step * db));
                if (candidate <= loss + (1e-4 * step * slope))
                {
                    a += step * da;
                    b += step * db;
                    improved = loss - candidate > 1e-15 * Math.Max(1, Math.Abs(loss));
                    loss = candidate;
                    break;
                }

                step /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        return new PlattFit(a, b);
    }

    /// <summary>1 / (1 + exp(a·f + b)), computed without overflow.</summary>
    internal static double Probability(double f, double a, double b)
    {
        var z = (a * f) + b;
        return z >= 0 ? Math.Exp(-z) / (1 + Math.Exp(-z)) : 1 / (1 + Math.Exp(z));
    }

    // Negative log-likelihood of the smoothed targets, stable for large |a·f + b|.
    private static double Loss(ReadOnlySpan<double> f, double[] t, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < f.Length; i++)
        {
            var z = (a * f[i]) + b;
            // −[t log p + (1 − t) log(1 − p)] with p = σ(−z): log p = −log(1 + e^z), log(1 − p) = −z − log(1 + e^z).
            var softplus = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
            sum += (t[i] * softplus) + ((1 - t[i]) * (softplus - z));
        }

        return sum;
    }
}
