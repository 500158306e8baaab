namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// DDM, the drift detection method (Gama et al., 2004), as River implements it: on a stream of errors (1) and correct
/// outcomes (0) it tracks the error rate pᵢ and its standard deviation sᵢ = √(pᵢ(1 − pᵢ)/i), remembers p_min and s_min
/// where pᵢ + sᵢ was lowest, and after <c>warmStart</c> values reports a warning when pᵢ + sᵢ &gt; p_min + w·s_min and a
/// change when pᵢ + sᵢ &gt; p_min + d·s_min.
/// </summary>
public sealed class Ddm : BinaryChangeDetector
{
    private double _mean;
    private double _pMin = double.PositiveInfinity;
    private double _sMin = double.PositiveInfinity;
    private double _psMin = double.PositiveInfinity;

    /// <param name="warmStart">Values needed before a warning or change can be reported. Default 30.</param>
    /// <param name="warningThreshold">w, in standard deviations. Default 2.</param>
    /// <param name="driftThreshold">d, in standard deviations; at least w. Default 3.</param>
    public Ddm(int warmStart = 30, double warningThreshold = 2.0, double driftThreshold = 3.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmStart);
        if (!(warningThreshold > 0) || double.IsInfinity(warningThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(warningThreshold), warningThreshold, "DDM's warning threshold must be a finite number > 0.");
        }

        if (!(driftThreshold >= warningThreshold) || double.IsInfinity(driftThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(driftThreshold), driftThreshold, "DDM's drift threshold must be finite and at least the warning threshold.");
        }

        WarmStart = warmStart;
        WarningThreshold = warningThreshold;
        DriftThreshold = driftThreshold;
    }

    public override string Name => "ddm";

    public int WarmStart { get; }

    public double WarningThreshold { get; }

    public double DriftThreshold { get; }

    /// <summary>The error rate since the detector started over.</summary>
    public double ErrorRate => _mean;

    public override void Reset()
    {
        _mean = 0;
        _pMin = _sMin = _psMin = double.PositiveInfinity;
        Observations = 0;
        DriftDetected = false;
        WarningDetected = false;
    }

    private protected override void Step(double x)
    {
        var n = Observations;
        _mean += (x - _mean) / n;
        var p = _mean;
        var s = Math.Sqrt(p * (1 - p) / n);
        if (n <= WarmStart)
        {
            return;
        }

        if (p + s <= _psMin)
        {
            _pMin = p;
            _sMin = s;
            _psMin = _pMin + _sMin;
        }

        WarningDetected = p + s > _pMin + (WarningThreshold * _sMin);
        if (p + s > _pMin + (DriftThreshold * _sMin))
        {
            DriftDetected = true;
            WarningDetected = false;
        }
    }

    public override ChangeDetectorState Save() => new DdmState
    {
        WarmStart = WarmStart,
        WarningThreshold = WarningThreshold,
        DriftThreshold = DriftThreshold,
        DriftDetected = DriftDetected,
        WarningDetected = WarningDetected,
        Observations = Observations,
        ErrorRate = _mean,
        PMin = Finite(_pMin),
        SMin = Finite(_sMin),
    };

    // JSON has no infinity: "not set yet" is stored as null.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    internal static Ddm From(DdmState state) => new(state.WarmStart, state.WarningThreshold, state.DriftThreshold)
    {
        _mean = state.ErrorRate,
        _pMin = state.PMin ?? double.PositiveInfinity,
        _sMin = state.SMin ?? double.PositiveInfinity,
        _psMin = state.PMin is { } p && state.SMin is { } s ? p + s : double.PositiveInfinity,
        Observations = state.Observations,
        DriftDetected = state.DriftDetected,
        WarningDetected = state.WarningDetected,
    };
}
