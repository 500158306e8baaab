namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// EDDM, the early drift detection method (Baena-García et al., 2006), as River implements it: on a stream of errors
/// (1) and correct outcomes (0) it tracks the mean p′ and standard deviation s′ of the distance between consecutive
/// errors and the largest p′ + 2s′ seen. Once more than <c>warmStart</c> values and more than <c>warmStart</c> errors
/// arrived, an error whose p′ + 2s′ falls below β times that maximum reports a change, below α a warning. Errors
/// growing closer together is the signal, so it reacts to gradual change that DDM is slow to see.
/// </summary>
public sealed class Eddm : BinaryChangeDetector
{
    private long _errors;
    private long _lastError;
    private long _distances;
    private double _distanceMean;
    private double _distanceVariance;
    private double _maxLevel = -1;

    /// <param name="warmStart">Values, and errors, needed before a warning or change can be reported. Default 30.</param>
    /// <param name="alpha">Warning level, in (0, 1], at least <paramref name="beta"/>. Default 0.95.</param>
    /// <param name="beta">Change level, in (0, 1]. Default 0.9.</param>
    public Eddm(int warmStart = 30, double alpha = 0.95, double beta = 0.9)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmStart);
        if (!(beta > 0 && beta <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "EDDM's beta must lie in (0, 1].");
        }

        if (!(alpha >= beta && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "EDDM's alpha must lie in [beta, 1].");
        }

        WarmStart = warmStart;
        Alpha = alpha;
        Beta = beta;
    }

    public override string Name => "eddm";

    public int WarmStart { get; }

    public double Alpha { get; }

    public double Beta { get; }

    /// <summary>Mean distance between consecutive errors since the detector started over.</summary>
    public double MeanDistance => _distanceMean;

    public override void Reset()
    {
        _errors = _lastError = _distances = 0;
        _distanceMean = _distanceVariance = 0;
        _maxLevel = -1;
        Observations = 0;
        DriftDetected = false;
        WarningDetected = false;
    }

    private protected override void Step(double x)
    {
        if (x != 1)
        {
            return;
        }

        _errors++;
        AddDistance(Observations - _lastError);
        if (Observations > WarmStart)
        {
            var level = _distanceMean + (2 * Math.Sqrt(_distanceVariance));
            if (level > _maxLevel)
            {
                _maxLevel = level;
            }
            else if (_errors > WarmStart)
            {
                var ratio = level / _maxLevel;
                if (ratio < Beta)
                {
                    DriftDetected = true;
                }
                else
                {
                    WarningDetected = ratio < Alpha;
                }
            }
        }

        _lastError = Observations;
    }

    // Welford's running mean and sample variance (ddof 1), the update River's stats.Var makes.
    private void AddDistance(double distance)
    {
        var before = _distanceMean;
        _distances++;
        _distanceMean += (distance - _distanceMean) / _distances;
        if (_distances > 1)
        {
            _distanceVariance += (((distance - before) * (distance - _distanceMean)) - _distanceVariance) / (_distances - 1);
        }
    }

    public override ChangeDetectorState Save() => new EddmState
    {
        WarmStart = WarmStart,
        Alpha = Alpha,
        Beta = Beta,
        DriftDetected = DriftDetected,
        WarningDetected = WarningDetected,
        Observations = Observations,
        Errors = _errors,
        LastError = _lastError,
        DistanceMean = _distanceMean,
        DistanceVariance = _distanceVariance,
        MaxLevel = _maxLevel,
    };

    internal static Eddm From(EddmState state)
    {
        if (state.Errors < 0 || state.Errors > state.Observations || state.LastError > state.Observations)
        {
            throw new ArgumentException("EDDM state: the error counts do not fit the observations.", nameof(state));
        }

        return new Eddm(state.WarmStart, state.Alpha, state.Beta)
        {
            _errors = state.Errors,
            _distances = state.Errors,
            _lastError = state.LastError,
            _distanceMean = state.DistanceMean,
            _distanceVariance = state.DistanceVariance,
            _maxLevel = state.MaxLevel,
            Observations = state.Observations,
            DriftDetected = state.DriftDetected,
            WarningDetected = state.WarningDetected,
        };
    }
}
