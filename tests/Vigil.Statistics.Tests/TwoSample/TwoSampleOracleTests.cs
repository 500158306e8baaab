using System.Text.Json;
using Vigil.Statistics.Distributions;
using Vigil.Statistics.Tests.Oracles;
using Vigil.Statistics.TwoSample;

namespace Vigil.Statistics.Tests.TwoSample;

/// <summary>
/// Anderson–Darling k-sample, Cramér–von Mises two-sample and the two-proportion z-test against SciPy 1.10.1 and
/// statsmodels 0.13.5 (Debian), on the cases in Oracles/two_sample_oracles.json (committed beside its generator,
/// make_two_sample_oracles.py, so these tests need neither Python nor ../shared).
/// Tolerance: 1e-10 relative. Absolute floors where SciPy's own arithmetic cannot do better: 1e-12 for the
/// Anderson–Darling statistic (it is A²kN − (k − 1), a difference of numbers near 1, and SciPy sums it pairwise),
/// and 1e-14 for Cramér–von Mises asymptotic p-values (computed as 1 − CDF, so they carry the CDF's absolute
/// rounding, ~1e-16, whatever their size).
/// </summary>
public class TwoSampleOracleTests
{
    private static readonly Lazy<JsonElement> Oracles = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Oracles", "two_sample_oracles.json")));
        return doc.RootElement.Clone();
    });

    private static JsonElement Root => Oracles.Value;

    [Fact]
    public void OraclesComeFromScipy110()
    {
        Assert.StartsWith("1.10.", Root.GetProperty("scipy").GetString(), StringComparison.Ordinal);
        Assert.True(Root.GetProperty("anderson_ksamp").GetArrayLength() >= 10);
        Assert.True(Root.GetProperty("cramervonmises_2samp").GetArrayLength() >= 10);
    }

    [Fact]
    public void AndersonDarlingKSampleMatchesScipy()
    {
        var cases = 0;
        foreach (var c in Root.GetProperty("anderson_ksamp").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var samples = c.GetProperty("samples").EnumerateArray().Select(Sorted).ToArray();
            var r = AndersonDarling.KSample(samples);
            OracleJson.Close(c.GetProperty("statistic").Number(), r.Statistic, name + " statistic", 1e-10, 1e-12);
            OracleJson.Close(c.GetProperty("pvalue").Number(), r.PValue, name + " pvalue", 1e-10, 0);
            var critical = c.GetProperty("critical_values").Doubles();
            for (var i = 0; i < critical.Length; i++)
            {
                OracleJson.Close(critical[i], r.CriticalValues[i], $"{name} critical value {i}", 1e-12, 0);
            }

            if (samples.Length == 2)
            {
                // The drift path's two-sample merge gives the same numbers as the k-sample loop.
                var two = AndersonDarling.TwoSample(samples[0], samples[1]);
                OracleJson.Close(r.Statistic, two.Statistic, name + " two-sample statistic", 1e-12, 1e-13);
                OracleJson.Close(r.PValue, two.PValue, name + " two-sample pvalue", 1e-12, 0);
            }

            cases++;
        }

        Assert.Equal(Root.GetProperty("anderson_ksamp").GetArrayLength(), cases);
    }

    [Fact]
    public void AndersonDarlingReportsTheCapAndTheFloor()
    {
        var same = AndersonDarling.TwoSample([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Equal(0.25, same.PValue);
        Assert.Equal(PValueBound.Capped, same.Bound);
        var apart = AndersonDarling.TwoSample([1, 2, 3, 4, 5, 6, 7, 8], [11, 12, 13, 14, 15, 16, 17, 18]);
        Assert.Equal(0.001, apart.PValue);
        Assert.Equal(PValueBound.Floored, apart.Bound);
    }

    [Fact]
    public void AndersonDarlingRejectsWhatScipyRejects()
    {
        Assert.Throws<ArgumentException>(() => AndersonDarling.TwoSample([3, 3, 3], [3, 3]));      // one distinct value
        Assert.Throws<ArgumentException>(() => AndersonDarling.TwoSample([1], [2, 3]));            // N < 4
        Assert.Throws<ArgumentException>(() => AndersonDarling.TwoSample([1, double.NaN], [2, 3]));
        Assert.Throws<ArgumentException>(() => AndersonDarling.KSample([[1.0, 2.0]]));             // one sample
    }

    [Fact]
    public void CramerVonMisesMatchesScipyForEveryMethod()
    {
        var checkedResults = 0;
        foreach (var c in Root.GetProperty("cramervonmises_2samp").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var x = Sorted(c.GetProperty("x"));
            var y = Sorted(c.GetProperty("y"));
            foreach (var result in c.GetProperty("results").EnumerateObject())
            {
                var method = result.Name switch
                {
                    "auto" => CramerVonMisesMethod.Auto,
                    "exact" => CramerVonMisesMethod.Exact,
                    _ => CramerVonMisesMethod.Asymptotic,
                };
                var r = CramerVonMises.TwoSample(x, y, method);
                var what = $"{name}/{result.Name}";
                OracleJson.Close(result.Value.GetProperty("statistic").Number(), r.Statistic, what + " statistic", 1e-10, 1e-15);
                var exact = r.EffectiveMethod == CramerVonMisesMethod.Exact;
                OracleJson.Close(result.Value.GetProperty("pvalue").Number(), r.PValue, what + " pvalue", 1e-10, exact ? 0 : 1e-14);
                checkedResults++;
            }
        }

        Assert.True(checkedResults >= 30, $"{checkedResults} results checked");
    }

    [Theory]
    [InlineData(20, 20, CramerVonMisesMethod.Exact)]
    [InlineData(20, 2, CramerVonMisesMethod.Exact)]
    [InlineData(21, 20, CramerVonMisesMethod.Asymptotic)]
    [InlineData(2, 21, CramerVonMisesMethod.Asymptotic)]
    public void CramerVonMisesAutoSwitchesAboveTwentyAsScipyDoes(int n, int m, CramerVonMisesMethod expected)
    {
        var x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var y = Enumerable.Range(0, m).Select(i => i + 0.5).ToArray();
        Assert.Equal(expected, CramerVonMises.TwoSample(x, y).EffectiveMethod);
    }

    [Fact]
    public void CramerVonMisesNeedsTwoValuesPerSample()
    {
        Assert.Throws<ArgumentException>(() => CramerVonMises.TwoSample([1.0], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => CramerVonMises.TwoSample([1.0, 2.0], [double.NaN, 2.0]));
    }

    // SciPy 1.10.1 scipy.stats._hypotests._cdf_cvm_inf at a few points across its range.
    [Theory]
    [InlineData(0.01, 5.864432809868958e-06)]
    [InlineData(0.1, 0.4151265615932028)]
    [InlineData(0.461, 0.9498928727982415)]
    [InlineData(1.0, 0.9975395478198642)]
    [InlineData(3.0, 0.9999999243222135)]
    public void CramerVonMisesLimitMatchesScipy(double x, double expected)
    {
        OracleJson.Close(expected, CramerVonMisesLimit.Cdf(x), $"cdf({x})", 1e-10, 1e-15);
    }

    [Fact]
    public void TwoProportionZTestMatchesStatsmodels()
    {
        foreach (var c in Root.GetProperty("proportions_ztest").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var (z, p) = TwoProportionZTest.Test(c.GetProperty("x1").GetInt64(), c.GetProperty("n1").GetInt64(),
                c.GetProperty("x2").GetInt64(), c.GetProperty("n2").GetInt64());
            var reference = c.TryGetProperty("statsmodels_z", out _) ? "statsmodels" : "formula";
            OracleJson.Close(c.GetProperty(reference + "_z").Number(), z, name + " z", 1e-10, 1e-15);
            OracleJson.Close(c.GetProperty(reference + "_pvalue").Number(), p, name + " pvalue", 1e-10, 1e-300);
        }
    }

    private static double[] Sorted(JsonElement values)
    {
        var array = values.Doubles();
        Array.Sort(array);
        return array;
    }
}
