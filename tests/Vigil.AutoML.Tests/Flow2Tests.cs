using Vigil.AutoML.Search;
using Vigil.AutoML.SearchSpaces;

namespace Vigil.AutoML.Tests;

public class Flow2Tests
{
    private static readonly SearchSpace Space = new([
        new Hyperparameter("a", 1, 1024, 1, LogScale: true, IsInteger: false),
        new Hyperparameter("b", 0, 1, 0.9, LogScale: false, IsInteger: false),
    ]);

    [Fact]
    public void StartsAtTheLowCostPointAndDescends()
    {
        var search = new Flow2(Space, [], new Random(3));
        var first = search.Suggest();
        Assert.Equal(1, first["a"], 9);
        Assert.Equal(0.9, first["b"], 9);
        search.Report(first, Loss(first));
        var start = Loss(first);
        for (var i = 0; i < 150; i++)
        {
            var c = search.Suggest();
            search.Report(c, Loss(c));
        }

        Assert.True(search.IncumbentLoss < start / 10, $"{search.IncumbentLoss} vs {start}");
    }

    [Fact]
    public void UnitMappingRoundTripsOnLogScale()
    {
        var p = new Hyperparameter("n", 4, 32768, 4, LogScale: true, IsInteger: true);
        Assert.Equal(4, p.FromUnit(0));
        Assert.Equal(32768, p.FromUnit(1));
        Assert.Equal(128, p.FromUnit(p.ToUnit(128)));
    }

    private static double Loss(IReadOnlyDictionary<string, double> c) =>
        Math.Pow(Math.Log(c["a"]) - Math.Log(64), 2) + Math.Pow(c["b"] - 0.3, 2);
}
