namespace Vigil.Statistics.Intervals;

/// <summary>
/// The delta-method standard error of a ratio of means R = ΣU / ΣV over rows (accuracy: U = hit, V = 1; precision:
/// U = true positive, V = predicted positive; F1: U = 2·TP, V = 2·TP + FP + FN; R² residual share: U = e², V =
/// (y − ȳ)²). Linearising R around the totals gives Var(R) ≈ Var(U − R·V) / (n·V̄²), the plug-in (ddof 0) moments
/// the percentile bootstrap also converges to. Accumulate rows with <see cref="Add"/>; no row is kept.
/// </summary>
public struct RatioMoments
{
    private double _u;
    private double _v;
    private double _uu;
    private double _vv;
    private double _uv;

    /// <summary>Rows added.</summary>
    public long Count { get; private set; }

    /// <summary>Σ V: the ratio's denominator total (e.g. predicted positives for precision).</summary>
    public readonly double DenominatorTotal => _v;

    /// <summary>ΣU / ΣV; NaN when ΣV = 0.</summary>
    public readonly double Ratio => _v == 0 ? double.NaN : _u / _v;

    /// <summary>Adds one row's numerator and denominator terms.</summary>
    public void Add(double u, double v)
    {
        _u += u;
        _v += v;
        _uu += u * u;
        _vv += v * v;
        _uv += u * v;
        Count++;
    }

    /// <summary>Delta-method standard error of <see cref="Ratio"/>; NaN when ΣV = 0.</summary>
    public readonly double StandardError
    {
        get
        {
            if (_v == 0 || Count == 0)
            {
                return double.NaN;
            }

            double n = Count;
            var r = _u / _v;
            var meanV = _v / n;
            // Σ(u − r·v)² / n, the linearised residual's plug-in variance (its mean is 0 by construction).
            var residual = (_uu - (2 * r * _uv) + (r * r * _vv)) / n;
            return Math.Sqrt(Math.Max(0, residual) / n) / meanV;
        }
    }
}
