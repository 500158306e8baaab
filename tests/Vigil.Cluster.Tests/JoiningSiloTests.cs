using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using Vigil.Cluster.Models;

namespace Vigil.Cluster.Tests;

/// <summary>
/// A node that joins takes work: grains placed on the only silo move to a second silo that joins, exactly those the
/// deal gives it, and the others stay.
/// </summary>
public sealed class JoiningSiloTests(JoiningSiloTests.Joinable fixture) : IClassFixture<JoiningSiloTests.Joinable>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Grains_placed_before_a_silo_joined_move_to_it_when_the_deal_gives_it_them()
    {
        string[] models = ["join-a", "join-b", "join-c", "join-d", "join-e"];
        foreach (var model in models)
        {
            GrainCluster.Registered[model] = 0;
        }

        var grains = models.ToDictionary(m => m, m => fixture.Cluster.Client.GetGrain<IModelGrain>(m));
        var first = fixture.Cluster.Primary!.SiloAddress;
        foreach (var grain in grains.Values)
        {
            Assert.Equal(first.ToParsableString(), (await grain.Status()).Silo); // one silo: all of them here
        }

        var joined = (await fixture.Cluster.StartAdditionalSiloAsync()).SiloAddress;
        SiloAddress[] silos = [first, joined];
        var dealtToJoined = models.Where(m => ModelDeal.SiloFor(m, models, silos) == joined).ToArray();
        Assert.InRange(dealtToJoined.Length, 2, 3); // five models over two silos

        foreach (var (model, grain) in grains)
        {
            var expected = ModelDeal.SiloFor(model, models, silos)!.ToParsableString();
            await Eventually.Value(grain.Status, s => s.Silo == expected, Wait, s => $"{model} on silo {expected} (it is on {s.Silo})");
        }

        // Once dealt, nothing moves again: five more polls of every grain later, each is still where the deal put it.
        var polls = models.ToDictionary(m => m, m => Volatile.Read(ref GrainCluster.Work(m).Polls));
        foreach (var model in models)
        {
            await Eventually.True(() => Volatile.Read(ref GrainCluster.Work(model).Polls) >= polls[model] + 5, Wait, () => $"five more polls of {model}");
        }

        foreach (var (model, grain) in grains)
        {
            Assert.Equal(ModelDeal.SiloFor(model, models, silos)!.ToParsableString(), (await grain.Status()).Silo);
        }
    }

    /// <summary>A one-silo test cluster whose grains may move at once (no minimum age).</summary>
    public sealed class Joinable : GrainCluster
    {
        private protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<MoveAtOnce>();

        private sealed class MoveAtOnce : ISiloConfigurator
        {
            public void Configure(ISiloBuilder siloBuilder) =>
                siloBuilder.Services.AddSingleton(Settings with { RebalanceAfter = TimeSpan.Zero });
        }
    }
}
