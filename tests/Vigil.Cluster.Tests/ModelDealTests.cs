using Vigil.Cluster.Models;

namespace Vigil.Cluster.Tests;

/// <summary>The deal of the models over the silos: the same from any order of the inputs, balanced to one model.</summary>
public sealed class ModelDealTests
{
    [Fact]
    public void Every_silo_gets_its_share_whatever_order_the_lists_come_in()
    {
        var models = Enumerable.Range(0, 10).Select(i => $"m{i:00}").ToArray();
        string[] silos = ["s1", "s2", "s3"];
        var deal = models.ToDictionary(m => m, m => ModelDeal.SiloFor(m, models, silos));
        Assert.Equal([4, 3, 3], silos.Select(s => deal.Values.Count(d => d == s)));
        Assert.All(models, m => Assert.Equal(deal[m], ModelDeal.SiloFor(m, models.Reverse(), silos.Reverse())));
        Assert.Equal("s1", deal["m00"]);
        Assert.Equal("s2", deal["m01"]);
    }

    [Fact]
    public void A_model_the_list_does_not_have_or_no_silo_gives_no_silo()
    {
        Assert.Null(ModelDeal.SiloFor("x", ["a", "b"], ["s1"]));
        Assert.Null(ModelDeal.SiloFor("a", ["a", "b"], Array.Empty<string>()));
    }
}
