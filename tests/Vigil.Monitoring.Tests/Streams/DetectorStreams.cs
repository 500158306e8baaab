namespace Vigil.Monitoring.Tests.Streams;

/// <summary>Seeded error streams for the stream tests.</summary>
internal static class DetectorStreams
{
    /// <summary>Bits with error rate <paramref name="before"/> for <paramref name="change"/> values, then <paramref name="after"/>.</summary>
    public static double[] Bits(int seed, int length, double before, int change, double after)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(i => random.NextDouble() < (i < change ? before : after) ? 1.0 : 0.0).ToArray();
    }
}
