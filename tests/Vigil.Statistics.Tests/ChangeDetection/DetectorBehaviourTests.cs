using System.Text.Json;
using Vigil.Statistics.ChangeDetection;

namespace Vigil.Statistics.Tests.ChangeDetection;

/// <summary>
/// Properties every detector must have, independent of any reference implementation: quiet on long stationary streams
/// (at the rate its parameters promise), a detection within a bounded delay of a step change, a fresh start after a
/// detection, and a saved state that continues exactly where it was.
/// </summary>
public class DetectorBehaviourTests
{
    public static TheoryData<string> Names => ["adwin", "page_hinkley", "ddm", "eddm", "kswin"];

    internal static ChangeDetector Make(string name) => name switch
    {
        "adwin" => new Adwin(),
        "page_hinkley" => new PageHinkley(),
        "ddm" => new Ddm(),
        "eddm" => new Eddm(),
        "kswin" => new Kswin(seed: 7),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Bits with error rate <paramref name="before"/> for <paramref name="change"/> values, then <paramref name="after"/>.</summary>
    internal static double[] Bits(int seed, int length, double before, int change = int.MaxValue, double after = 0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(i => random.NextDouble() < (i < change ? before : after) ? 1.0 : 0.0).ToArray();
    }

    /// <summary>Gaussian values (mean 0, sd 1) for <paramref name="change"/> values, then with the mean moved by <paramref name="shift"/>.</summary>
    internal static double[] Gaussian(int seed, int length, int change = int.MaxValue, double shift = 0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(i =>
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return z + (i < change ? 0 : shift);
        }).ToArray();
    }

    private static double[] StreamFor(string name, int seed, int length, int change)
    {
        // Binary detectors read errors; the others read any numbers (a rise of the mean, which Page–Hinkley looks for).
        return name is "ddm" or "eddm" or "adwin"
            ? Bits(seed, length, 0.1, change, 0.4)
            : Gaussian(seed, length, change, 2);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SavedStateContinuesExactlyWhereItWas(string name)
    {
        var stream = StreamFor(name, 11, 6000, 3000);
        foreach (var cut in new[] { 0, 1, 17, 1234, 2999, 3100, 5999 })
        {
            var original = Make(name);
            foreach (var x in stream.AsSpan(0, cut))
            {
                original.Update(x);
            }

            var json = JsonSerializer.Serialize(original.Save());
            var restored = JsonSerializer.Deserialize<ChangeDetectorState>(json)!.Restore();
            Assert.Equal(original.GetType(), restored.GetType());
            Assert.Equal(json, JsonSerializer.Serialize(restored.Save()));
            var rest = stream[cut..];
            Assert.Equal(RiverOracleTests.Run(original, rest), RiverOracleTests.Run(restored, rest), new RunComparer());
            Assert.Equal(JsonSerializer.Serialize(original.Save()), JsonSerializer.Serialize(restored.Save()));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DetectsAStepChangeWithinABoundedDelayAndStartsOverAfterIt(string name)
    {
        const int change = 3000;
        var stream = StreamFor(name, 5, 6000, change);
        var detector = Make(name);
        var first = -1;
        for (var i = 0; i < stream.Length; i++)
        {
            detector.Update(stream[i]);
            if (i >= change && detector.DriftDetected)
            {
                first = i;
                break;
            }
        }

        // Bounds: error rate 0.1 → 0.4, or a Gaussian mean moving by 2 sd: each detector needs at most a few hundred values.
        var bound = name switch { "kswin" => 100, "page_hinkley" => 60, _ => 400 };
        Assert.InRange(first - change, 0, bound);
        Assert.True(detector.DriftDetected);
        detector.Update(stream[first + 1]);
        Assert.Equal(1, detector.Observations);
        Assert.False(detector.DriftDetected);
    }

    [Fact]
    public void AdwinIsQuietOnAStationaryStream()
    {
        // δ bounds the probability that a cut on a stationary stream passes the test; on 100,000 values (3,125 tested
        // cut sets) ADWIN at δ = 0.002 must not report a change.
        foreach (var seed in new[] { 1, 2, 3 })
        {
            Assert.Empty(RiverOracleTests.Run(new Adwin(), Bits(seed, 100_000, 0.2)).Drifts);
            Assert.Empty(RiverOracleTests.Run(new Adwin(), Gaussian(seed, 100_000)).Drifts);
        }
    }

    [Fact]
    public void KswinFalseDetectionsStayBelowAlphaPerTest()
    {
        // Each test on a stationary continuous stream rejects with probability at most α (exact KS p-value), and a
        // detection also needs D > 0.1, so the detections over T tests stay below α·T.
        const double alpha = 0.005;
        var detections = 0;
        var tests = 0;
        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            var kswin = new Kswin(alpha, seed: (ulong)seed);
            foreach (var x in Gaussian(seed, 25_000))
            {
                kswin.Update(x);
                tests += kswin.Observations >= kswin.WindowSize ? 1 : 0;
                detections += kswin.DriftDetected ? 1 : 0;
            }
        }

        Assert.InRange((double)detections, 0, alpha * tests);
    }

    [Fact]
    public void KswinDrawsDependOnTheSeedOnly()
    {
        var stream = Gaussian(3, 5000, 2500, 0.6);
        Assert.Equal(RiverOracleTests.Run(new Kswin(seed: 9), stream), RiverOracleTests.Run(new Kswin(seed: 9), stream), new RunComparer());
    }

    [Fact]
    public void DdmAndEddmAreQuietWhenErrorsArriveEvenly()
    {
        // An error every fifth value: the error rate and the distance between errors never move.
        var even = Enumerable.Range(0, 20_000).Select(i => i % 5 == 4 ? 1.0 : 0.0).ToArray();
        foreach (BinaryChangeDetector detector in new BinaryChangeDetector[] { new Ddm(), new Eddm() })
        {
            var (drifts, warnings) = RiverOracleTests.Run(detector, even);
            Assert.Empty(drifts);
            Assert.Empty(warnings);
        }
    }

    [Fact]
    public void DdmFalseChangesOnAStationaryErrorRateAreRare()
    {
        // A sequential test looks again at every value, so on a long stationary stream DDM does fire now and then; at
        // d = 3 standard deviations it stays below 5 changes per 100,000 values at any error rate.
        foreach (var rate in new[] { 0.05, 0.2, 0.4 })
        {
            foreach (var seed in new[] { 1, 2, 3, 4, 5 })
            {
                Assert.InRange(RiverOracleTests.Run(new Ddm(), Bits(seed, 100_000, rate)).Drifts.Length, 0, 5);
            }
        }
    }

    [Fact]
    public void PageHinkleyIsQuietOnStationaryScores()
    {
        // λ = 50 is in the values' units: with the spread of a classifier's probabilities (sd 0.3) the forgotten
        // cumulative sum stays far below it on 5 × 100,000 stationary values.
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            Assert.Empty(RiverOracleTests.Run(new PageHinkley(), Gaussian(seed, 100_000).Select(x => 0.5 + (0.3 * x)).ToArray()).Drifts);
        }
    }

    [Fact]
    public void EddmWarnsBeforeItDetectsWhenErrorsCrowdTogether()
    {
        // Error distance mean 10 (rate 0.1), then 2.5 (rate 0.4): the warning level (α = 0.95) is crossed at or before
        // the change level (β = 0.9).
        var stream = Bits(21, 6000, 0.1, 3000, 0.4);
        var eddm = new Eddm();
        int? warning = null, drift = null;
        for (var i = 0; i < stream.Length && drift is null; i++)
        {
            eddm.Update(stream[i]);
            if (i >= 3000 && eddm.WarningDetected)
            {
                warning ??= i;
            }

            if (i >= 3000 && eddm.DriftDetected)
            {
                drift = i;
            }
        }

        Assert.NotNull(drift);
        Assert.NotNull(warning);
        Assert.True(warning <= drift);
    }

    [Fact]
    public void PageHinkleyIgnoresAFallOfTheMean()
    {
        // River's version without a mode watches increases only (values with sd 0.1, so noise alone never reaches λ).
        var stream = Gaussian(4, 6000, 3000, -30).Select(x => x / 10).ToArray();
        Assert.Empty(RiverOracleTests.Run(new PageHinkley(), stream).Drifts);
    }

    [Fact]
    public void BadValuesAndSettingsAreRefusedClearly()
    {
        foreach (var name in new[] { "adwin", "page_hinkley", "ddm", "eddm", "kswin" })
        {
            var detector = Make(name);
            var e = Assert.Throws<ArgumentException>(() => detector.Update(double.NaN));
            Assert.Contains(name, e.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => detector.Update(double.PositiveInfinity));
        }

        Assert.Contains("bits", Assert.Throws<ArgumentOutOfRangeException>(() => new Ddm().Update(0.5)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eddm().Update(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adwin(delta: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adwin(clock: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageHinkley(alpha: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ddm(warningThreshold: 3, driftThreshold: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eddm(alpha: 0.8, beta: 0.9));
        Assert.Contains("twice", Assert.Throws<ArgumentOutOfRangeException>(() => new Kswin(windowSize: 50, statSize: 30)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptStateIsRefused()
    {
        var adwin = (AdwinState)new Adwin().Save();
        Assert.Throws<ArgumentException>(() => (adwin with { BucketTotals = [[1.0]], BucketVariances = [] }).Restore());
        var kswin = (KswinState)new Kswin().Save();
        Assert.Throws<ArgumentException>(() => (kswin with { Window = new double[101] }).Restore());
        Assert.Throws<ArgumentOutOfRangeException>(() => (kswin with { StatSize = 60 }).Restore());
    }

    private sealed class RunComparer : IEqualityComparer<(int[] Drifts, int[] FirstWarnings)>
    {
        public bool Equals((int[] Drifts, int[] FirstWarnings) x, (int[] Drifts, int[] FirstWarnings) y) =>
            x.Drifts.SequenceEqual(y.Drifts) && x.FirstWarnings.SequenceEqual(y.FirstWarnings);

        public int GetHashCode((int[] Drifts, int[] FirstWarnings) obj) => obj.Drifts.Length;
    }
}
