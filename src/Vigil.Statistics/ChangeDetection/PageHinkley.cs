namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// The Page–Hinkley test (Page, 1954) in River's version with a forgetting factor: it keeps the running mean x̄ of the
/// values and the cumulative sum S = max(0, α·S + (x − x̄ − δ)), and reports a change once at least
/// <c>minInstances</c> values arrived and S ≥ λ (<c>threshold</c>). It detects increases of the mean; no warning zone.
/// </summary>
public sealed class PageHinkley : ChangeDetector
{
    // River counts from 1 and increments after each update, so the count is one ahead of the values seen.
    private long _count = 1;
    private double _mean;
    private double _sum;

    /// <param name="minInstances">Values needed before a change can be reported. Default 30.</param>
    /// <param name="delta">Magnitude of changes tolerated (subtracted from each deviation). Default 0.005.</param>
    /// <param name="threshold">λ: the cumulative sum that reports a change. Default 50.</param>
    /// <param name="alpha">Forgetting factor of the cumulative sum, in (0, 1]. Default 1 − 0.0001.</param>
    public PageHinkley(int minInstances = 30, double delta = 0.005, double threshold = 50, double alpha = 1 - 0.0001)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minInstances, 1);
        if (!(delta >= 0) || double.IsInfinity(delta))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Page–Hinkley's delta must be a finite number ≥ 0.");
        }

        if (!(threshold > 0) || double.IsInfinity(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Page–Hinkley's threshold must be a finite number > 0.");
        }

        if (!(alpha > 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Page–Hinkley's alpha (forgetting factor) must lie in (0, 1].");
        }

        MinInstances = minInstances;
        Delta = delta;
        Threshold = threshold;
        Alpha = alpha;
    }

    public override string Name => "page_hinkley";

    public int MinInstances { get; }

    public double Delta { get; }

    public double Threshold { get; }

    public double Alpha { get; }

    /// <summary>The cumulative sum S compared with the threshold.</summary>
    public double Statistic => _sum;

    /// <summary>Running mean of the values since the detector started over.</summary>
    public double Mean => _mean;

    public override void Reset()
    {
        _count = 1;
        _mean = 0;
        _sum = 0;
        Observations = 0;
        DriftDetected = false;
    }

    private protected override void Step(double x)
    {
        _mean += (x - _mean) / _count;
        _sum = Math.Max(0.0, (Alpha * _sum) + (x - _mean - Delta));
        _count++;
        DriftDetected = _count >= MinInstances && _sum >= Threshold;
    }

    public override ChangeDetectorState Save() => new PageHinkleyState
    {
        MinInstances = MinInstances,
        Delta = Delta,
        Threshold = Threshold,
        Alpha = Alpha,
        DriftDetected = DriftDetected,
        Observations = Observations,
        Mean = _mean,
        Sum = _sum,
    };

    internal static PageHinkley From(PageHinkleyState state) => new(state.MinInstances, state.Delta, state.Threshold, state.Alpha)
    {
        _count = state.Observations + 1,
        _mean = state.Mean,
        _sum = state.Sum,
        Observations = state.Observations,
        DriftDetected = state.DriftDetected,
    };
}
