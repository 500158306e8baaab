using System.Text.Json;
using Vigil.Statistics.Intervals;
using Vigil.Statistics.Metrics;
using Vigil.Statistics.Tests.Oracles;

namespace Vigil.Statistics.Tests.Intervals;

/// <summary>
/// The analytic intervals of the performance check against independent references (Oracles/interval_oracles.json,
/// made by make_interval_oracles.py with NumPy 1.24, scikit-learn 1.2 and statsmodels 0.13 from Debian): the DeLong
/// variance from its O(m·n) pairwise definition (Vigil sorts instead), statsmodels' normal proportion interval, and
/// the delta-method error of a ratio of means from NumPy influence values.
/// </summary>
public class IntervalOracleTests
{
    private static readonly Lazy<JsonElement> Oracles = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Oracles", "interval_oracles.json")));
        return doc.RootElement.Clone();
    });

    [Fact]
    public void DeLongMatchesThePairwiseDefinition()
    {
        var cases = Oracles.Value.GetProperty("delong").EnumerateArray().ToArray();
        Assert.True(cases.Length >= 7);
        foreach (var c in cases)
        {
            var name = c.GetProperty("name").GetString()!;
            var y = c.GetProperty("y").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var s = c.GetProperty("score").Doubles();
            var r = DeLong.RocAuc(y, s);
            OracleJson.Close(c.GetProperty("auc").Number(), r.Auc, name + " auc", 1e-12, 1e-14);
            OracleJson.Close(c.GetProperty("variance").Number(), r.Variance, name + " variance", 1e-9, 1e-16);
            Assert.Equal(BinaryMetrics.RocAuc(y, s), r.Auc, 12);
        }
    }

    [Fact]
    public void ProportionIntervalMatchesStatsmodelsNormal()
    {
        foreach (var c in Oracles.Value.GetProperty("wald").EnumerateArray())
        {
            var count = c.GetProperty("count").GetInt32();
            var n = c.GetProperty("nobs").GetInt32();
            var alpha = c.GetProperty("alpha").Number();
            var moments = new RatioMoments();
            for (var i = 0; i < n; i++)
            {
                moments.Add(i < count ? 1 : 0, 1);
            }

            var (lower, upper) = NormalInterval.Of(moments.Ratio, moments.StandardError, 1 - alpha);
            (lower, upper) = (Math.Max(0, lower), Math.Min(1, upper)); // statsmodels clips to [0, 1], as the performance check does
            OracleJson.Close(c.GetProperty("lower").Number(), lower, $"{count}/{n} lower", 1e-9, 1e-12);
            OracleJson.Close(c.GetProperty("upper").Number(), upper, $"{count}/{n} upper", 1e-9, 1e-12);
        }
    }

    [Fact]
    public void RatioStandardErrorMatchesNumpyInfluence()
    {
        foreach (var c in Oracles.Value.GetProperty("ratio").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var u = c.GetProperty("u").Doubles();
            var v = c.GetProperty("v").Doubles();
            var moments = new RatioMoments();
            for (var i = 0; i < u.Length; i++)
            {
                moments.Add(u[i], v[i]);
            }

            OracleJson.Close(c.GetProperty("ratio").Number(), moments.Ratio, name + " ratio", 1e-12, 0);
            OracleJson.Close(c.GetProperty("se").Number(), moments.StandardError, name + " se", 1e-8, 0);
        }
    }

    [Fact]
    public void DeLongRefusesASingleClassAndCriticalValueIsTheNormalQuantile()
    {
        Assert.Throws<ArgumentException>(() => DeLong.RocAuc([1, 1, 1], [0.1, 0.2, 0.3]));
        Assert.Equal(1.959963984540054, NormalInterval.Critical(0.95), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalInterval.Critical(1));
    }
}
