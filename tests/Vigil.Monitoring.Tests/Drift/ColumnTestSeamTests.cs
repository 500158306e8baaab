using System.Text.Json;
using Vigil.Data.Tables;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Drift.ColumnTests;
using Vigil.Monitoring.Profiles;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Tests.Drift;

/// <summary>
/// The column-test seam: the defaults (KS, chi-square) and every JSON field of earlier releases are unchanged, the
/// generic result mirrors the test that ran, other tests are chosen per column, and a wrong choice is a clear error.
/// </summary>
public sealed class ColumnTestSeamTests
{
    private static Table Sample(int n, double shift, double trueShare, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var flag = new bool?[n];
        var color = new string?[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = i % 13 == 0 ? double.NaN : Math.Round(random.NextDouble() * 10 + shift, 1); // rounded: ties
            flag[i] = i % 17 == 0 ? null : random.NextDouble() < trueShare;
            color[i] = (i % 3) switch { 0 => "red", 1 => "blue", _ => "green" };
        }

        return new Table([new NumericColumn("x", x), new BooleanColumn("flag", flag), CategoricalColumn.FromValues("color", color)]);
    }

    private static readonly Table Reference = Sample(400, 0, 0.3, 1);
    private static readonly Table Current = Sample(300, 1.5, 0.5, 2);

    private static double[] SortedFinite(Table table, string column) =>
        [.. ((NumericColumn)table[column]).Values.ToArray().Where(double.IsFinite).Order()];

    [Fact]
    public void DefaultsAreKsForNumbersAndChiSquareForCategories()
    {
        var registry = ColumnTestRegistry.Default;
        Assert.Equal("ks", registry.DefaultFor(ColumnKind.Numeric, 10, 10).Name);
        Assert.Equal("ks", registry.DefaultFor(ColumnKind.DateTime, 50_000, 50_000).Name);
        Assert.Equal("chi2", registry.DefaultFor(ColumnKind.Categorical, 10, 10).Name);
        Assert.Equal("chi2", registry.DefaultFor(ColumnKind.Boolean, 10, 10).Name);
        Assert.Equal(["ks", "chi2", "ad", "cvm", "z"], registry.Tests.Select(t => t.Name));
        Assert.Equal(["ks", "ad", "cvm"], registry.For(ColumnKind.Numeric).Select(t => t.Name));
        Assert.Equal(["chi2", "z"], registry.For(ColumnKind.Boolean).Select(t => t.Name));
    }

    [Fact]
    public void TheGenericResultMirrorsTheDefaultTestsFields()
    {
        var report = DriftAnalyzer.Compare(Reference, Current);
        var x = report.Columns.Single(c => c.Name == "x");
        Assert.Equal("ks", x.Test);
        var ks = KolmogorovSmirnov.TwoSample(SortedFinite(Reference, "x"), SortedFinite(Current, "x"));
        Assert.Equal(ks.Statistic, x.KsStatistic);
        Assert.Equal(ks.PValue, x.KsPValue);
        Assert.Equal(x.KsStatistic, x.Statistic);
        Assert.Equal(x.KsPValue, x.PValue);
        Assert.Equal(x.PValueAdjusted, x.AdjustedPValue);
        Assert.Equal(x.WassersteinNormed, x.EffectSizes!["wasserstein_normed"]);

        foreach (var name in new[] { "flag", "color" })
        {
            var c = report.Columns.Single(c => c.Name == name);
            Assert.Equal("chi2", c.Test);
            Assert.NotNull(c.Chi2PValue);
            Assert.Equal(c.Chi2Statistic, c.Statistic);
            Assert.Equal(c.Chi2PValue, c.PValue);
            Assert.Equal(Math.Sqrt(c.Chi2Statistic!.Value / (c.NReference + c.NCurrent)), c.EffectSizes!["cramers_v"], 12);
        }
    }

    [Fact]
    public void DefaultJsonKeepsEveryEarlierFieldAndAddsTheGenericOnes()
    {
        var json = DriftJson.Serialize(DriftAnalyzer.Compare(Reference, Current));
        using var doc = JsonDocument.Parse(json);
        var columns = doc.RootElement.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        string[] common = ["name", "type", "n_reference", "n_current", "missing_reference", "missing_current", "psi", "jensen_shannon",
            "histogram", "test", "pvalue_adjusted", "drifted", "reason", "statistic", "p_value", "adjusted_p_value", "effect_sizes"];
        foreach (var field in common.Concat(["ks_statistic", "ks_pvalue", "wasserstein", "wasserstein_normed"]))
        {
            Assert.True(columns["x"].TryGetProperty(field, out _), "numeric column lacks " + field);
        }

        foreach (var field in common.Concat(["chi2_statistic", "chi2_pvalue", "new_categories"]))
        {
            Assert.True(columns["color"].TryGetProperty(field, out _), "categorical column lacks " + field);
        }

        Assert.Equal(columns["x"].GetProperty("pvalue_adjusted").GetDouble(), columns["x"].GetProperty("adjusted_p_value").GetDouble());
    }

    [Fact]
    public void ResultsStoredBeforeTheGenericFieldsReadThemFromTheOldOnes()
    {
        const string old = """
            {"columns":[{"name":"x","type":"numeric","ks_statistic":0.25,"ks_pvalue":0.01,"wasserstein_normed":0.3,"psi":0.2,
              "jensen_shannon":0.1,"test":"ks","pvalue_adjusted":0.02,"drifted":true,"reason":"r"},
              {"name":"c","type":"categorical","chi2_statistic":7.5,"chi2_pvalue":0.02,"test":"chi2","pvalue_adjusted":0.04}],
             "rule":{"correction":"BenjaminiHochberg"}}
            """;
        var report = DriftJson.Deserialize(old);
        Assert.Equal(0.25, report.Columns[0].Statistic);
        Assert.Equal(0.01, report.Columns[0].PValue);
        Assert.Equal(0.02, report.Columns[0].AdjustedPValue);
        Assert.Equal(0.3, report.Columns[0].EffectSizes!["wasserstein_normed"]);
        Assert.Equal(7.5, report.Columns[1].Statistic);
        Assert.Equal(0.04, report.Columns[1].AdjustedPValue);
    }

    [Fact]
    public void AndersonDarlingAndCramerVonMisesChosenPerColumnEqualTheStatisticsFunctions()
    {
        var reference = SortedFinite(Reference, "x");
        var current = SortedFinite(Current, "x");
        foreach (var (name, expected) in new (string, (double Statistic, double P))[]
        {
            ("ad", (AndersonDarling.TwoSample(reference, current).Statistic, AndersonDarling.TwoSample(reference, current).PValue)),
            ("cvm", (CramerVonMises.TwoSample(reference, current).Statistic, CramerVonMises.TwoSample(reference, current).PValue)),
        })
        {
            var options = new DriftOptions { Tests = new Dictionary<string, string> { ["x"] = name } };
            var x = DriftAnalyzer.Compare(Reference, Current, options).Columns.Single(c => c.Name == "x");
            Assert.Equal(name, x.Test);
            Assert.Equal(expected.Statistic, x.Statistic);
            Assert.Equal(expected.P, x.PValue);
            Assert.Null(x.KsPValue); // the per-test fields describe the test that ran
            Assert.StartsWith(name + " adjusted p", x.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheZTestRunsOnBooleanColumns()
    {
        var options = new DriftOptions { Tests = new Dictionary<string, string> { ["flag"] = "z" } };
        var flag = DriftAnalyzer.Compare(Reference, Current, options).Columns.Single(c => c.Name == "flag");
        static (long True, long All) Count(Table t) =>
            (((BooleanColumn)t["flag"]).Values.ToArray().Count(v => v == true), ((BooleanColumn)t["flag"]).Values.ToArray().Count(v => v is not null));
        var (r, n1) = Count(Reference);
        var (c, n2) = Count(Current);
        var (z, p) = TwoProportionZTest.Test(r, n1, c, n2);
        Assert.Equal("z", flag.Test);
        Assert.Equal(z, flag.Statistic);
        Assert.Equal(p, flag.PValue);
        Assert.Equal(((double)c / n2) - ((double)r / n1), flag.EffectSizes!["difference"], 12);
        Assert.Null(flag.Chi2PValue);
        Assert.True(flag.Drifted);
    }

    [Theory]
    [InlineData("x", "chi2", "The test 'chi2' does not accept column 'x', which is numeric; tests for numeric columns: ks, ad, cvm.")]
    [InlineData("color", "z", "The test 'z' does not accept column 'color', which is categorical; tests for categorical columns: chi2.")]
    [InlineData("flag", "ad", "The test 'ad' does not accept column 'flag', which is boolean; tests for boolean columns: chi2, z.")]
    [InlineData("x", "t", "Unknown test 't' for column 'x'; tests for numeric columns: ks, ad, cvm.")]
    public void AWrongChoiceNamesTheColumnAndTheAcceptedTests(string column, string test, string message)
    {
        var options = new DriftOptions { Tests = new Dictionary<string, string> { [column] = test } };
        var e = Assert.Throws<ColumnTestInputException>(() => DriftAnalyzer.Compare(Reference, Current, options));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void ASampleBelowTheTestsMinimumIsReportedAsNotTested()
    {
        var tiny = new Table([new NumericColumn("x", [1.0, double.NaN]), new BooleanColumn("flag", [true, false]), CategoricalColumn.FromValues("color", ["red", "red"])]);
        var options = new DriftOptions { Tests = new Dictionary<string, string> { ["x"] = "cvm" } };
        var x = DriftAnalyzer.Compare(Reference, tiny, options).Columns.Single(c => c.Name == "x");
        Assert.Equal("cvm", x.Test);
        Assert.Null(x.PValue);
        Assert.False(x.Drifted);
        Assert.Contains("cvm needs at least 2 reference and 2 current values", x.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AndersonDarlingOnOneRepeatedValueSaysWhyItCannotRun()
    {
        var constant = new Table([new NumericColumn("v", Enumerable.Repeat(4.0, 30).ToArray())]);
        var options = new DriftOptions { Tests = new Dictionary<string, string> { ["v"] = "ad" } };
        var v = DriftAnalyzer.Compare(constant, constant, options).Columns[0];
        Assert.Null(v.PValue);
        Assert.False(v.Drifted);
        Assert.Contains("needs two distinct values", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARegisteredTestIsSelectedByName()
    {
        var registry = ColumnTestRegistry.Default.With(new MedianGapTest());
        var options = new DriftOptions { TestRegistry = registry, Tests = new Dictionary<string, string> { ["x"] = "median-gap" } };
        var x = DriftAnalyzer.Compare(Reference, Current, options).Columns.Single(c => c.Name == "x");
        Assert.Equal("median-gap", x.Test);
        var reference = SortedFinite(Reference, "x");
        var current = SortedFinite(Current, "x");
        Assert.Equal(current[current.Length / 2] - reference[reference.Length / 2], x.Statistic);
        Assert.Equal(2.0, x.EffectSizes!["ties"]);
        Assert.Throws<ArgumentException>(() => new ColumnTestRegistry([new MedianGapTest(), new MedianGapTest()], new Dictionary<ColumnKind, string>()));
    }

    [Fact]
    public void AProfilesBooleanColumnStaysBooleanSoTheZTestAcceptsIt()
    {
        var profile = ReferenceProfile.Build(Reference);
        var sample = profile.ToReferenceSample(["flag", "color"]);
        Assert.Equal(ColumnKind.Boolean, sample.Columns[0].SourceKind);
        Assert.Equal(ColumnKind.Categorical, sample.Columns[1].SourceKind);
        var reportFromProfile = DriftAnalyzer.Compare(sample, Current, new DriftOptions { Tests = new Dictionary<string, string> { ["flag"] = "z" } });
        var direct = DriftAnalyzer.Compare(Reference, Current, new DriftOptions { Tests = new Dictionary<string, string> { ["flag"] = "z" } }, ["flag", "color"]);
        Assert.Equal(direct.Columns[0].Statistic, reportFromProfile.Columns[0].Statistic);
        Assert.Equal(direct.Columns[1].Chi2Statistic, reportFromProfile.Columns[1].Chi2Statistic); // counts unchanged
    }

    /// <summary>A minimal user test: the gap between the medians, p = 1 (it only shows the plumbing).</summary>
    private sealed class MedianGapTest : ColumnTest
    {
        public override string Name => "median-gap";

        public override string Title => "difference of medians";

        public override IReadOnlyList<ColumnKind> Kinds { get; } = [ColumnKind.Numeric];

        public override ColumnTestResult Compare(in ColumnSamples samples, DriftOptions options) =>
            ColumnTestResult.Of(samples.SortedCurrent[samples.SortedCurrent.Length / 2] - samples.SortedReference[samples.SortedReference.Length / 2], 1.0,
                new Dictionary<string, double> { ["ties"] = 2.0 });
    }
}
