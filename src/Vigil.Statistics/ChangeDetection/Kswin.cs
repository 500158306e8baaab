using Vigil.Statistics.TwoSample;

namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// KSWIN, Kolmogorov–Smirnov windowing (Raab, Heusinger and Schleif, 2020), as River implements it: a sliding window
/// of the last <c>windowSize</c> values; once full, each update compares its newest <c>statSize</c> values with
/// <c>statSize</c> values drawn without replacement from the older part by a two-sample KS test (exact p-value, equal
/// to SciPy's <c>ks_2samp</c>), and reports a change when p ≤ α and the statistic D &gt; 0.1. The draws come from a
/// seeded generator, so a run is reproducible (River's default draws from the operating system; its own generator
/// differs, so single detections are not index-for-index River's). As in River, the next update after a change starts
/// over with an empty window and the generator re-seeded.
/// </summary>
public sealed class Kswin : ChangeDetector
{
    private readonly Queue<double> _window;
    private SplitMix64 _random;

    /// <param name="alpha">Significance of the KS test, in [0, 1]; River advises below 0.01. Default 0.005.</param>
    /// <param name="windowSize">Values in the sliding window; at least twice <paramref name="statSize"/>. Default 100.</param>
    /// <param name="statSize">Values in each compared sample. Default 30.</param>
    /// <param name="seed">Seed of the sampling. Default 1.</param>
    /// <param name="window">Values already collected, to avoid a cold start (the newest <paramref name="windowSize"/> are kept).</param>
    public Kswin(double alpha = 0.005, int windowSize = 100, int statSize = 30, ulong seed = 1, IEnumerable<double>? window = null)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "KSWIN's alpha must lie in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(statSize, 1);
        if (windowSize < 2 * statSize)
        {
            throw new ArgumentOutOfRangeException(nameof(windowSize), windowSize,
                $"KSWIN's window must hold at least twice the statistic size ({statSize}), so the older part can give {statSize} distinct values.");
        }

        Alpha = alpha;
        WindowSize = windowSize;
        StatSize = statSize;
        Seed = seed;
        var initial = window?.TakeLast(windowSize).ToArray() ?? [];
        if (initial.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("KSWIN's initial window holds NaN or an infinite value.", nameof(window));
        }

        _window = new Queue<double>(initial);
        _random = new SplitMix64(seed);
    }

    public override string Name => "kswin";

    public double Alpha { get; }

    public int WindowSize { get; }

    public int StatSize { get; }

    public ulong Seed { get; }

    /// <summary>p-value of the last test (1 before the window first fills).</summary>
    public double PValue { get; private set; } = 1;

    /// <summary>KS statistic D of the last test (0 before the window first fills).</summary>
    public double Statistic { get; private set; }

    public override void Reset()
    {
        _window.Clear();
        _random = new SplitMix64(Seed);
        PValue = 1;
        Statistic = 0;
        Observations = 0;
        DriftDetected = false;
    }

    private protected override void Step(double x)
    {
        _window.Enqueue(x);
        if (_window.Count > WindowSize)
        {
            _window.Dequeue();
        }

        DriftDetected = false;
        if (_window.Count < WindowSize)
        {
            return;
        }

        var values = _window.ToArray();
        var older = WindowSize - StatSize;
        var drawn = Draw(values, older);
        var recent = values[older..];
        Array.Sort(drawn);
        Array.Sort(recent);
        var test = KolmogorovSmirnov.TwoSample(drawn, recent);
        PValue = test.PValue;
        Statistic = test.Statistic;
        DriftDetected = PValue <= Alpha && Statistic > 0.1;
    }

    // StatSize distinct positions among the first `older`, by a partial Fisher–Yates shuffle of the positions.
    private double[] Draw(double[] values, int older)
    {
        var positions = new int[older];
        for (var i = 0; i < older; i++)
        {
            positions[i] = i;
        }

        var drawn = new double[StatSize];
        for (var i = 0; i < StatSize; i++)
        {
            var j = i + _random.NextBelow(older - i);
            (positions[i], positions[j]) = (positions[j], positions[i]);
            drawn[i] = values[positions[i]];
        }

        return drawn;
    }

    public override ChangeDetectorState Save() => new KswinState
    {
        Alpha = Alpha,
        WindowSize = WindowSize,
        StatSize = StatSize,
        Seed = Seed,
        DriftDetected = DriftDetected,
        Observations = Observations,
        Window = _window.ToArray(),
        RandomState = _random.State,
        PValue = PValue,
        Statistic = Statistic,
    };

    internal static Kswin From(KswinState state)
    {
        if (state.Window.Count > state.WindowSize)
        {
            throw new ArgumentException($"KSWIN state: {state.Window.Count} values in a window of {state.WindowSize}.", nameof(state));
        }

        var kswin = new Kswin(state.Alpha, state.WindowSize, state.StatSize, state.Seed, state.Window);
        kswin._random = new SplitMix64(state.RandomState);
        kswin.PValue = state.PValue;
        kswin.Statistic = state.Statistic;
        kswin.Observations = state.Observations;
        kswin.DriftDetected = state.DriftDetected;
        return kswin;
    }
}
