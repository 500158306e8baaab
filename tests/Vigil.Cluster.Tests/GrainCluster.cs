using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;
using Vigil.Cluster.Hosting;
using Vigil.Cluster.Models;
using Vigil.Cluster.Nodes;

namespace Vigil.Cluster.Tests;

/// <summary>
/// One in-process Orleans test cluster (one silo) for the grain tests. Each test uses its own model names, and each
/// model its own <see cref="ScriptedWork"/> (<see cref="Work"/>).
/// </summary>
public class GrainCluster : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<string, ScriptedWork> Scripts = new(StringComparer.Ordinal);

    public TestCluster Cluster { get; private set; } = null!;

    public static ScheduleSettings Settings { get; } = new()
    {
        CheckEveryRows = 100, Poll = TimeSpan.FromMilliseconds(50), AutoRetrain = true, Backoff = _ => TimeSpan.FromHours(1),
        RebalanceAfter = TimeSpan.FromHours(1),
    };

    internal static ScriptedWork Work(string model) => Scripts.GetOrAdd(model, _ => new ScriptedWork());

    /// <summary>The models the silos deal among themselves (<see cref="IModelWork.ListModels"/>): those of <see cref="JoiningSiloTests"/>.</summary>
    internal static ConcurrentDictionary<string, byte> Registered { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<Configurator>();
        Configure(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Lets a derived cluster change the silos' configuration.</summary>
    private protected virtual void Configure(TestClusterBuilder builder)
    {
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(VigilSilo.StorageName);
            siloBuilder.Services.AddSingleton<IModelWork, ByModel>();
            siloBuilder.Services.TryAddSingleton(Settings);
            siloBuilder.Services.AddSingleton<GrainGauges>();
            siloBuilder.Services.AddSingleton<ClusterView>();
            siloBuilder.Services.AddSingleton(TimeProvider.System);
        }
    }

    // Dispatches each call to the model's own script.
    private sealed class ByModel : IModelWork
    {
        public IReadOnlyList<string> ListModels() => Registered.Keys.ToArray();

        public bool HasChampion(string model) => Work(model).HasChampion(model);

        public (long Rows, long Through) CountRowsAfter(string model, long position) => Work(model).CountRowsAfter(model, position);

        public bool WatchStreams(string model, CancellationToken cancellationToken) => Work(model).WatchStreams(model, cancellationToken);

        public ScheduledCheck RunCheck(string model, CancellationToken cancellationToken) => Work(model).RunCheck(model, cancellationToken);

        public void CheckFailed(string model, CheckFailure failure, Exception error) => Work(model).CheckFailed(model, failure, error);

        public void CheckSucceeded(string model, ScheduledCheck check, CheckFailure? previous) => Work(model).CheckSucceeded(model, check, previous);

        public Task<long?> StartRetrain(string model, string reason, CancellationToken cancellationToken) => Work(model).StartRetrain(model, reason, cancellationToken);

        public Task<RetrainStart> StartRequestedRetrain(string model, RetrainAsk ask, CancellationToken cancellationToken) =>
            Work(model).StartRequestedRetrain(model, ask, cancellationToken);

        public bool CancelRetrain(string model, long runId) => Work(model).CancelRetrain(model, runId);

        public RetrainState RetrainState(long runId) =>
            Scripts.Values.FirstOrDefault(s => s.Runs.ContainsKey(runId))?.RetrainState(runId) ?? Models.RetrainState.Missing;

        public IReadOnlyList<long> RunningRetrains(string model, DateTimeOffset since) => Work(model).RunningRetrains(model, since);

        public bool AbandonRetrain(long runId) => Scripts.Values.First(s => s.Runs.ContainsKey(runId)).AbandonRetrain(runId);
    }
}
