using System.Text.Json;
using Vigil.Statistics.Distributions;
using Vigil.Statistics.Tests.Oracles;
using Vigil.Statistics.TwoSample;

namespace Vigil.Statistics.Tests.TwoSample;

public class KsOracleTests
{
    private static JsonElement Root => OracleJson.Load("oracles/drift_vectors.json");

    [SkippableFact]
    public void Ks2SampMatchesScipyForAllMethods()
    {
        foreach (var c in Root.GetProperty("ks_2samp").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var x = c.GetProperty("x").Doubles();
            var y = c.GetProperty("y").Doubles();
            Array.Sort(x);
            Array.Sort(y);
            foreach (var (key, method) in new[] { ("auto", KsMethod.Auto), ("exact", KsMethod.Exact), ("asymp", KsMethod.Asymptotic) })
            {
                var e = c.GetProperty("results").GetProperty(key);
                var r = KolmogorovSmirnov.TwoSample(x, y, method);
                var what = $"{name}/{key}";
                OracleJson.Close(e.GetProperty("statistic").Number(), r.Statistic, what + " statistic");
                OracleJson.Close(e.GetProperty("pvalue").Number(), r.PValue, what + " pvalue");
                Assert.True(e.GetProperty("statistic_location").Number() == r.Location, $"{what} location {r.Location}");
                Assert.True(e.GetProperty("statistic_sign").GetInt32() == r.Sign, $"{what} sign {r.Sign}");
                var eff = e.GetProperty("effective_method").GetString()!;
                Assert.True((eff.StartsWith("exact", StringComparison.Ordinal) ? KsMethod.Exact : KsMethod.Asymptotic) == r.EffectiveMethod, $"{what} method {r.EffectiveMethod}");
                Assert.True(eff.Contains("fallback", StringComparison.Ordinal) == r.FellBackToAsymptotic, $"{what} fallback");
            }
        }
    }

    // kstwo.sf(x, n) from SciPy 1.10.1 (computed once; covers every branch incl. large n).
    [Theory]
    [InlineData(500000, 0.001, 0.6989801443663661)]
    [InlineData(500000, 0.002, 0.036582179671620585)]
    [InlineData(500000, 0.003, 0.00024632301239186754)]
    [InlineData(500000, 0.0005, 0.9996286945544336)]
    [InlineData(500000, 0.01, 7.374635645083527e-44)]
    [InlineData(1200, 0.023, 0.5416992970374961)]
    [InlineData(1200, 0.0533, 0.0021046689804308707)]
    [InlineData(100, 0.05, 0.9532159710635725)]
    [InlineData(100, 0.1, 0.2526927570063874)]
    [InlineData(100, 0.2, 0.0005551927327988775)]
    [InlineData(100, 0.3, 1.7719869892662917e-08)]
    [InlineData(50, 0.6, 9.634070456142374e-18)]
    [InlineData(140, 0.07, 0.4776228287946562)]
    [InlineData(100000, 0.003, 0.3284563327726956)]
    [InlineData(100000, 0.0005, 1.0)]
    [InlineData(3000, 0.01, 0.9220855022879386)]
    [InlineData(23175, 0.006, 0.3730328303601498)]
    [InlineData(1000000, 0.002, 0.0006700277103670718)]
    public void KolmogorovSfMatchesScipy(int n, double x, double expected)
    {
        var p = Kolmogorov.Sf(x, n);
        OracleJson.Close(expected, p, FormattableString.Invariant($"kstwo.sf({x}, {n})"));
    }
}
