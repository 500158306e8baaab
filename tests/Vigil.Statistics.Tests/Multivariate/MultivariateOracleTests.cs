using System.Text.Json;
using Vigil.Statistics.Multivariate;
using Vigil.Statistics.Tests.Oracles;
using Vigil.Statistics.TwoSample;

namespace Vigil.Statistics.Tests.Multivariate;

/// <summary>
/// The Mann–Whitney test (behind the domain classifier's p-value) against SciPy 1.10.1's asymptotic
/// <c>mannwhitneyu</c> and scikit-learn's <c>roc_auc_score</c>, and the standardised PCA reconstruction error against
/// scikit-learn 1.2.1's SimpleImputer → StandardScaler → PCA(0.65) pipeline, on the cases in
/// Oracles/multivariate_oracles.json (committed beside make_multivariate_oracles.py; no Python needed here).
/// </summary>
public class MultivariateOracleTests
{
    private static readonly Lazy<JsonElement> Oracles = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Oracles", "multivariate_oracles.json")));
        return doc.RootElement.Clone();
    });

    private static JsonElement Root => Oracles.Value;

    [Fact]
    public void OraclesComeFromScipyAndSklearn()
    {
        Assert.StartsWith("1.10.", Root.GetProperty("scipy").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("1.2.", Root.GetProperty("sklearn").GetString(), StringComparison.Ordinal);
        Assert.True(Root.GetProperty("mannwhitneyu").GetArrayLength() >= 9);
        Assert.True(Root.GetProperty("reconstruction").GetArrayLength() >= 5);
    }

    [Fact]
    public void MannWhitneyMatchesScipyAsymptotic()
    {
        var checkedCases = 0;
        foreach (var c in Root.GetProperty("mannwhitneyu").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var x = c.GetProperty("x").Doubles();
            var y = c.GetProperty("y").Doubles();
            foreach (var r in c.GetProperty("results").EnumerateArray())
            {
                var alternative = r.GetProperty("alternative").GetString() switch
                {
                    "greater" => MannWhitneyAlternative.Greater,
                    "less" => MannWhitneyAlternative.Less,
                    _ => MannWhitneyAlternative.TwoSided,
                };
                var continuity = r.GetProperty("continuity").GetBoolean();
                var label = $"{name} ({alternative}, continuity {continuity})";
                var result = MannWhitney.Test(x, y, alternative, continuity);
                OracleJson.Close(r.GetProperty("u").Number(), result.U, label + " U", 1e-12, 0);
                var expected = r.GetProperty("p_value").Number();
                // SciPy's 0/0 (all tied, no continuity correction) is NaN; Vigil reports no evidence, p = 1.
                OracleJson.Close(double.IsNaN(expected) ? 1 : expected, result.PValue, label + " p", 1e-10, 1e-15);
                OracleJson.Close(c.GetProperty("auc").Number(), result.Auc, label + " AUC", 1e-12, 0);
                checkedCases++;
            }
        }

        Assert.Equal(Root.GetProperty("mannwhitneyu").GetArrayLength() * 6, checkedCases);
    }

    [Fact]
    public void MannWhitneyGreaterIsSmallWhenTheFirstSampleIsLarger()
    {
        var high = MannWhitney.Test([5, 6, 7, 8, 9], [1, 2, 3, 4], MannWhitneyAlternative.Greater);
        Assert.Equal(1.0, high.Auc);
        Assert.True(high.PValue < 0.02, $"p = {high.PValue}");
        var low = MannWhitney.Test([1, 2, 3, 4], [5, 6, 7, 8, 9], MannWhitneyAlternative.Greater);
        Assert.Equal(0.0, low.Auc);
        Assert.True(low.PValue > 0.98, $"p = {low.PValue}");
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([], [1.0]));
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([double.NaN], [1.0]));
    }

    [Fact]
    public void ReconstructionErrorMatchesSklearnPca()
    {
        var checkedCases = 0;
        foreach (var c in Root.GetProperty("reconstruction").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var width = c.GetProperty("width").GetInt32();
            var reference = Rows(c.GetProperty("reference"));
            var current = Rows(c.GetProperty("current"));
            var scaling = StandardScaling.Fit(reference, width);
            var pca = PrincipalComponents.Fit(reference.Select(r => Standardised(scaling, r)).ToArray(), c.GetProperty("share").GetDouble());
            Assert.True(c.GetProperty("components").GetInt32() == pca.Count, $"{name}: {pca.Count} components, sklearn keeps {c.GetProperty("components").GetInt32()}");
            OracleJson.Close(c.GetProperty("explained").Number(), pca.ExplainedVariance, name + " explained", 1e-10, 0);
            var ratios = c.GetProperty("ratios").Doubles();
            for (var i = 0; i < ratios.Length; i++)
            {
                OracleJson.Close(ratios[i], pca.VarianceRatios[i], $"{name} ratio {i}", 1e-9, 1e-14);
            }

            var errors = c.GetProperty("errors").Doubles();
            double sum = 0;
            for (var i = 0; i < errors.Length; i++)
            {
                var e = pca.ReconstructionError(Standardised(scaling, current[i]));
                OracleJson.Close(errors[i], e, $"{name} row {i}", 1e-9, 1e-12);
                sum += e;
            }

            OracleJson.Close(c.GetProperty("mean_error").Number(), sum / errors.Length, name + " mean", 1e-10, 0);
            checkedCases++;
        }

        Assert.Equal(Root.GetProperty("reconstruction").GetArrayLength(), checkedCases);
    }

    [Fact]
    public void PrincipalComponentsRejectWhatCannotBeFitted()
    {
        Assert.Throws<ArgumentException>(() => PrincipalComponents.Fit([[1.0, 2.0]], 0.65));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrincipalComponents.Fit([[1.0, 2.0], [2.0, 1.0]], 1.0));
        var flat = PrincipalComponents.Fit([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]], 0.65);
        Assert.Equal(0, flat.Count);
        Assert.Equal(5.0, flat.ReconstructionError([3.0, 4.0]), 12);
    }

    // null in the JSON is a missing cell.
    private static double[][] Rows(JsonElement rows) =>
        rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.Number()).ToArray()).ToArray();

    private static double[] Standardised(StandardScaling scaling, double[] row)
    {
        var z = new double[row.Length];
        scaling.Apply(row, z);
        return z;
    }
}
