using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Metrics;

/// <summary>Regression metrics matching scikit-learn 1.2 (unweighted, single output).</summary>
public static class RegressionMetrics
{
    /// <summary>Floor on |yTrue| in <see cref="Mape"/> (numpy float64 machine epsilon, as sklearn).</summary>
    public const double MapeEpsilon = 2.220446049250313e-16;

    /// <summary>Root mean squared error: sqrt(mean((y − p)²)), in the units of y.</summary>
    public static double Rmse(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Guard.SameLength(yTrue, yPred, nameof(yTrue), nameof(yPred));
        double sum = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var d = yTrue[i] - yPred[i];
            sum += d * d;
        }

        return Math.Sqrt(sum / yTrue.Length);
    }

    /// <summary>Mean absolute error: mean(|y − p|), in the units of y.</summary>
    public static double Mae(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Guard.SameLength(yTrue, yPred, nameof(yTrue), nameof(yPred));
        double sum = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            sum += Math.Abs(yTrue[i] - yPred[i]);
        }

        return sum / yTrue.Length;
    }

    /// <summary>
    /// Coefficient of determination 1 − Σ(y − p)² / Σ(y − ȳ)². For constant yTrue (zero denominator) sklearn's
    /// force_finite convention applies: 1 when predictions are perfect, otherwise 0.
    /// </summary>
    public static double R2(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Guard.SameLength(yTrue, yPred, nameof(yTrue), nameof(yPred));
        double mean = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            mean += yTrue[i];
        }

        mean /= yTrue.Length;
        double residual = 0, totalSq = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var d = yTrue[i] - yPred[i];
            residual += d * d;
            var t = yTrue[i] - mean;
            totalSq += t * t;
        }

        if (totalSq == 0)
        {
            return residual == 0 ? 1.0 : 0.0;
        }

        return 1 - (residual / totalSq);
    }

    /// <summary>
    /// Mean absolute percentage error as a fraction (not ×100): mean(|y − p| / max(|y|, 2.220446049250313e-16)).
    /// </summary>
    public static double Mape(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Guard.SameLength(yTrue, yPred, nameof(yTrue), nameof(yPred));
        double sum = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            sum += Math.Abs(yTrue[i] - yPred[i]) / Math.Max(Math.Abs(yTrue[i]), MapeEpsilon);
        }

        return sum / yTrue.Length;
    }
}
