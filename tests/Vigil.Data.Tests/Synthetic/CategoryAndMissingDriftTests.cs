using Vigil.Data.Synthetic;
using Vigil.Data.Tables;

namespace Vigil.Data.Tests.Synthetic;

public class CategoryAndMissingDriftTests
{
    private static Table Base(int n = 10000) => new(
    [
        CategoricalColumn.FromValues("c", Enumerable.Range(0, n).Select(i => (i % 10) switch { < 7 => "a", < 9 => "b", _ => "c" }).ToArray()),
        new NumericColumn("x", Enumerable.Range(0, n).Select(i => (double)i).ToArray()),
        new BooleanColumn("b", Enumerable.Range(0, n).Select(i => (bool?)(i % 2 == 0)).ToArray()),
        new DateTimeColumn("d", Enumerable.Range(0, n).Select(i => (DateTime?)new DateTime(2024, 1, 1).AddHours(i)).ToArray()),
    ]);

    private static double Share(Table t, string category)
    {
        var c = (CategoricalColumn)t["c"];
        return Enumerable.Range(0, c.Length).Count(i => c[i] == category) / (double)c.Length;
    }

    [Fact]
    public void FrequencyChangeRedrawsFromTheNewDistribution()
    {
        var t = Base();
        var changed = CategoryDrift.FrequencyChange(t, "c", new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 2 }, fraction: 1.0, seed: 1);
        Assert.InRange(Share(changed, "c"), 0.47, 0.53);
        Assert.InRange(Share(changed, "a"), 0.22, 0.28);

        var partly = CategoryDrift.FrequencyChange(t, "c", new Dictionary<string, double> { ["c"] = 1 }, fraction: 0.3, seed: 1);
        Assert.InRange(Share(partly, "c"), 0.1 + (0.3 * 0.9) - 0.01, 0.1 + (0.3 * 0.9) + 0.01);
    }

    [Fact]
    public void FrequencyChangeDefaultReversesTheFrequencies()
    {
        var changed = CategoryDrift.FrequencyChange(Base(), "c", seed: 2);
        Assert.InRange(Share(changed, "c"), 0.67, 0.73);
        Assert.InRange(Share(changed, "a"), 0.07, 0.13);
    }

    [Fact]
    public void FrequencyChangeMayIntroduceACategory()
    {
        var changed = CategoryDrift.FrequencyChange(Base(), "c", new Dictionary<string, double> { ["a"] = 1, ["z"] = 1 }, seed: 2);
        Assert.Contains("z", ((CategoricalColumn)changed["c"]).Categories);
        Assert.InRange(Share(changed, "z"), 0.45, 0.55);
    }

    [Fact]
    public void NewCategoryAppearsInTheRequestedShare()
    {
        var t = Base();
        var changed = CategoryDrift.NewCategory(t, "c", "brand-new", fraction: 0.2, seed: 3);
        Assert.DoesNotContain("brand-new", ((CategoricalColumn)t["c"]).Categories);
        Assert.Equal(["a", "b", "c", "brand-new"], ((CategoricalColumn)changed["c"]).Categories);
        Assert.Equal(0.2, Share(changed, "brand-new"), 1e-12);
        Assert.Equal("unseen", ((CategoricalColumn)CategoryDrift.NewCategory(t, "c")["c"]).Categories[^1]);
        Assert.Throws<ArgumentException>(() => CategoryDrift.NewCategory(t, "c", "a"));
        Assert.Throws<ArgumentException>(() => CategoryDrift.NewCategory(t, "x", "q"));
    }

    [Theory]
    [InlineData("c")]
    [InlineData("x")]
    [InlineData("b")]
    [InlineData("d")]
    public void MissingShareIsAsRequestedForEveryKind(string column)
    {
        var changed = MissingDrift.Inject(Base(), column, 0.15, seed: 4);
        Assert.Equal(1500, changed[column].MissingCount);
        Assert.Equal(changed[column].Kind, Base()[column].Kind);
        Assert.Equal(0, changed[column == "x" ? "c" : "x"].MissingCount);
    }

    [Fact]
    public void InjectorsAreDeterministicForASeed()
    {
        var t = Base(500);
        TableAssert.Identical(MissingDrift.Inject(t, "x", 0.3, 5), MissingDrift.Inject(t, "x", 0.3, 5));
        TableAssert.Identical(CategoryDrift.FrequencyChange(t, "c", seed: 5), CategoryDrift.FrequencyChange(t, "c", seed: 5));
        TableAssert.Identical(CategoryDrift.NewCategory(t, "c", "n", 0.3, 5), CategoryDrift.NewCategory(t, "c", "n", 0.3, 5));
        Assert.NotEqual(
            Enumerable.Range(0, 500).Select(i => MissingDrift.Inject(t, "x", 0.3, 5)["x"].IsMissing(i)),
            Enumerable.Range(0, 500).Select(i => MissingDrift.Inject(t, "x", 0.3, 6)["x"].IsMissing(i)));
    }
}
