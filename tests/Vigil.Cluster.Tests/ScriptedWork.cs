using System.Collections.Concurrent;
using Vigil.Cluster.Models;

namespace Vigil.Cluster.Tests;

/// <summary>
/// The node's work as a script for the grain tests: counts what the grain asks for, fails or decides to retrain on
/// demand, and keeps retrain runs in a dictionary as the store would. The real work (checks over the store) is
/// exercised by the three-process test.
/// </summary>
internal sealed class ScriptedWork : IModelWork
{
    private static long _nextRun = 100;

    /// <summary>Rows of the model in the "store" (their log positions are 1..Stored).</summary>
    public long Stored;

    public int Polls;

    public int Checks;

    public int FailedChecks;

    public volatile bool FailChecks;

    public volatile bool DecideRetrain;

    public ConcurrentQueue<(string Model, string Reason, long Run)> RetrainsStarted { get; } = new();

    public ConcurrentDictionary<long, RetrainState> Runs { get; } = new();

    public ConcurrentBag<long> Abandoned { get; } = [];

    public IReadOnlyList<string> ListModels() => throw new NotSupportedException("dispatched by GrainCluster");

    public bool HasChampion(string model) => true;

    public (long Rows, long Through) CountRowsAfter(string model, long position)
    {
        var stored = Interlocked.Read(ref Stored);
        return (Math.Max(0, stored - position), Math.Max(position, stored));
    }

    public bool WatchStreams(string model, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Polls);
        return false;
    }

    public ScheduledCheck RunCheck(string model, CancellationToken cancellationToken)
    {
        if (FailChecks)
        {
            Interlocked.Increment(ref FailedChecks);
            throw new IOException("the store is away");
        }

        var id = Interlocked.Increment(ref Checks);
        return new ScheduledCheck(id, "alarm", DecideRetrain, DecideRetrain ? "retrain: drift" : "keep");
    }

    public void CheckFailed(string model, CheckFailure failure, Exception error)
    {
    }

    public void CheckSucceeded(string model, ScheduledCheck check, CheckFailure? previous)
    {
    }

    public Task<long?> StartRetrain(string model, string reason, CancellationToken cancellationToken)
    {
        var run = Interlocked.Increment(ref _nextRun);
        Runs[run] = Models.RetrainState.Running;
        RetrainsStarted.Enqueue((model, reason, run));
        return Task.FromResult<long?>(run);
    }

    public Task<RetrainStart> StartRequestedRetrain(string model, RetrainAsk ask, CancellationToken cancellationToken)
    {
        var run = Interlocked.Increment(ref _nextRun);
        Runs[run] = Models.RetrainState.Running;
        RetrainsStarted.Enqueue((model, ask.Reason, run));
        return Task.FromResult(new RetrainStart(run, 202, null, null));
    }

    public bool CancelRetrain(string model, long runId) => Runs.TryUpdate(runId, Models.RetrainState.Finished, Models.RetrainState.Running);

    public RetrainState RetrainState(long runId) => Runs.TryGetValue(runId, out var state) ? state : Models.RetrainState.Missing;

    public IReadOnlyList<long> RunningRetrains(string model, DateTimeOffset since) =>
        Runs.Where(r => r.Value == Models.RetrainState.Running).Select(r => r.Key).ToArray();

    public bool AbandonRetrain(long runId)
    {
        Abandoned.Add(runId);
        Runs[runId] = Models.RetrainState.Finished;
        return true;
    }
}
