namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// ADWIN, adaptive windowing (Bifet and Gavaldà, 2007), as River implements it: a window of recent values kept as an
/// exponential histogram (buckets of 1, 2, 4, … values, at most <c>maxBuckets</c> of each size). Every
/// <c>clock</c> updates, once more than <c>gracePeriod</c> values arrived, each cut of the window into an older part W0
/// and a newer part W1 (both at least <c>minWindowLength</c>) is tested; when the means differ by more than
/// ε = √(2·m·σ²·δ′) + ⅔·δ′·m, with δ′ = ln(2·ln(n)/δ), m = 1/(n0 − l + 1) + 1/(n1 − l + 1) and σ² the window's variance,
/// the oldest bucket is dropped and the cuts are tested again. A change is reported when any bucket was dropped; as in
/// River the detector then starts over at the next update.
/// </summary>
public sealed class Adwin : ChangeDetector
{
    private readonly List<AdwinRow> _rows = [];
    private long _tick;
    private double _width;
    private double _total;
    private double _variance;

    /// <param name="delta">Confidence δ of a cut, in (0, 1). Default 0.002 (River's).</param>
    /// <param name="clock">Cuts are tested every this many updates. Default 32.</param>
    /// <param name="maxBuckets">Buckets of each size kept before two are merged. Default 5.</param>
    /// <param name="minWindowLength">Smallest W0 and W1 a cut may have. Default 5.</param>
    /// <param name="gracePeriod">No cut is tested before the window holds more than this many values. Default 10.</param>
    public Adwin(double delta = 0.002, int clock = 32, int maxBuckets = 5, int minWindowLength = 5, int gracePeriod = 10)
    {
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "ADWIN's delta must lie in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(clock, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBuckets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minWindowLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(gracePeriod);
        Delta = delta;
        Clock = clock;
        MaxBuckets = maxBuckets;
        MinWindowLength = minWindowLength;
        GracePeriod = gracePeriod;
        _rows.Add(new AdwinRow(maxBuckets));
    }

    public override string Name => "adwin";

    public double Delta { get; }

    public int Clock { get; }

    public int MaxBuckets { get; }

    public int MinWindowLength { get; }

    public int GracePeriod { get; }

    /// <summary>Values in the current window.</summary>
    public double Width => _width;

    /// <summary>Mean of the current window (0 when empty).</summary>
    public double Estimation => _width == 0 ? 0 : _total / _width;

    public override void Reset()
    {
        _rows.Clear();
        _rows.Add(new AdwinRow(MaxBuckets));
        _tick = 0;
        _width = _total = _variance = 0;
        Observations = 0;
        DriftDetected = false;
    }

    private protected override void Step(double x)
    {
        Insert(x);
        DriftDetected = TestCuts();
    }

    private void Insert(double x)
    {
        _rows[0].Add(x, 0);
        _width++;
        if (_width > 1)
        {
            var d = x - (_total / (_width - 1));
            _variance += (_width - 1) * d * d / _width;
        }

        _total += x;
        Compress();
    }

    // A row that overflows merges its two oldest buckets into one bucket of the next row, which may overflow in turn.
    private void Compress()
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            if (row.Count != MaxBuckets + 1)
            {
                return;
            }

            if (i + 1 == _rows.Count)
            {
                _rows.Add(new AdwinRow(MaxBuckets));
            }

            var next = _rows[i + 1];
            var n = BucketSize(i);
            var mean0 = row.Total(0) / n;
            var mean1 = row.Total(1) / n;
            var gap = n * n * (mean0 - mean1) * (mean0 - mean1) / (n + n);
            next.Add(row.Total(0) + row.Total(1), row.Variance(0) + row.Variance(1) + gap);
            row.RemoveOldest(2);
            if (next.Count <= MaxBuckets)
            {
                return;
            }
        }
    }

    private bool TestCuts()
    {
        _tick++;
        if (_tick % Clock != 0 || !(_width > GracePeriod))
        {
            return false;
        }

        var changed = false;
        bool shrunk;
        do
        {
            shrunk = false;
            double n0 = 0, n1 = _width, u0 = 0, u1 = _total;
            // Oldest rows first; within a row, oldest bucket first. Like River, the newest bucket of each row is not a
            // cut point (its loop stops one short), which the reference behaviour depends on.
            for (var i = _rows.Count - 1; i >= 0 && !shrunk; i--)
            {
                var row = _rows[i];
                var size = BucketSize(i);
                var cuts = row.Count - 1;
                for (var k = 0; k < cuts; k++)
                {
                    n0 += size;
                    n1 -= size;
                    u0 += row.Total(k);
                    u1 -= row.Total(k);
                    if (n1 >= MinWindowLength && n0 >= MinWindowLength && Significant(n0, n1, (u0 / n0) - (u1 / n1)))
                    {
                        changed = true;
                        if (_width > 0)
                        {
                            DropOldest();
                            shrunk = true;
                            break;
                        }
                    }
                }
            }
        }
        while (shrunk);

        return changed;
    }

    private bool Significant(double n0, double n1, double meanGap)
    {
        var deltaPrime = Math.Log(2 * Math.Log(_width) / Delta);
        var m = (1.0 / (n0 - MinWindowLength + 1)) + (1.0 / (n1 - MinWindowLength + 1));
        var epsilon = Math.Sqrt(2 * m * (_variance / _width) * deltaPrime) + (2.0 / 3.0 * deltaPrime * m);
        return Math.Abs(meanGap) > epsilon;
    }

    private void DropOldest()
    {
        var last = _rows.Count - 1;
        var row = _rows[last];
        var n = BucketSize(last);
        var u = row.Total(0);
        var mean = u / n;
        _width -= n;
        _total -= u;
        var windowMean = _total / _width;
        _variance -= row.Variance(0) + (n * _width * (mean - windowMean) * (mean - windowMean) / (n + _width));
        row.RemoveOldest(1);
        if (row.Count == 0)
        {
            _rows.RemoveAt(last);
        }
    }

    private static double BucketSize(int row) => Math.Pow(2, row);

    public override ChangeDetectorState Save() => new AdwinState
    {
        Delta = Delta,
        Clock = Clock,
        MaxBuckets = MaxBuckets,
        MinWindowLength = MinWindowLength,
        GracePeriod = GracePeriod,
        DriftDetected = DriftDetected,
        Observations = Observations,
        Tick = _tick,
        Width = _width,
        Total = _total,
        Variance = _variance,
        BucketTotals = _rows.Select(r => (IReadOnlyList<double>)Enumerable.Range(0, r.Count).Select(r.Total).ToArray()).ToArray(),
        BucketVariances = _rows.Select(r => (IReadOnlyList<double>)Enumerable.Range(0, r.Count).Select(r.Variance).ToArray()).ToArray(),
    };

    internal static Adwin From(AdwinState state)
    {
        var adwin = new Adwin(state.Delta, state.Clock, state.MaxBuckets, state.MinWindowLength, state.GracePeriod);
        if (state.BucketTotals.Count != state.BucketVariances.Count || state.BucketTotals.Count == 0
            || state.BucketTotals.Zip(state.BucketVariances).Any(p => p.First.Count != p.Second.Count || p.First.Count > state.MaxBuckets))
        {
            throw new ArgumentException("ADWIN state: the bucket rows are missing, of unequal shape or over maxBuckets.", nameof(state));
        }

        adwin._rows.Clear();
        for (var i = 0; i < state.BucketTotals.Count; i++)
        {
            var row = new AdwinRow(state.MaxBuckets);
            for (var k = 0; k < state.BucketTotals[i].Count; k++)
            {
                row.Add(state.BucketTotals[i][k], state.BucketVariances[i][k]);
            }

            adwin._rows.Add(row);
        }

        adwin._tick = state.Tick;
        adwin._width = state.Width;
        adwin._total = state.Total;
        adwin._variance = state.Variance;
        adwin.Observations = state.Observations;
        adwin.DriftDetected = state.DriftDetected;
        return adwin;
    }
}
