using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using Vigil.Cluster.Hosting;
using Vigil.Cluster.Models;

namespace Vigil.Cluster.Tests;

/// <summary>
/// The model grain in Orleans' test cluster, with the node's work scripted: one check per N rows whichever way the
/// rows were reported, no retry during a backoff, one retrain at a time, and a run whose silo is gone abandoned.
/// </summary>
public sealed class ModelGrainTests(GrainCluster fixture) : IClassFixture<GrainCluster>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private IModelGrain Grain(string model) => fixture.Cluster.Client.GetGrain<IModelGrain>(model);

    [Fact]
    public async Task Rows_reported_in_pieces_make_one_check_per_n_rows()
    {
        const string model = "rows";
        var work = GrainCluster.Work(model);
        work.Stored = 40; // counted from the store at activation
        var grain = Grain(model);
        await Commit(work, grain, 30);
        await Commit(work, grain, 29); // 99: one short
        await PollsPass(work, 3);
        Assert.Equal(0, work.Checks);

        await Commit(work, grain, 1);
        await Eventually.True(() => work.Checks == 1, Wait, () => $"one check at 100 rows (checks: {work.Checks})");
        await PollsPass(work, 3);
        var status = await grain.Status();
        Assert.Equal((1, 100L, 0L), (work.Checks, status.CoveredThrough, status.RowsPending));

        await Commit(work, grain, 250); // 2.5 intervals at once: one check, since the rule counts rows since the last one
        await Eventually.True(() => work.Checks == 2, Wait, () => $"a second check (checks: {work.Checks})");
        await PollsPass(work, 3);
        Assert.Equal(2, work.Checks);
    }

    [Fact]
    public async Task Rows_the_activation_counted_and_a_node_reports_later_make_no_early_check()
    {
        const string model = "counted-twice";
        var work = GrainCluster.Work(model);
        var grain = Grain(model);
        work.Stored = 60; // committed by a node that has not reported them yet
        await grain.Status(); // activates: counts the 60 in the store
        await grain.RowsCommitted(60); // the node's report of the same 60 rows
        await PollsPass(work, 5);
        Assert.Equal(0, work.Checks); // 60 rows stored, the check is due at 100

        await Commit(work, grain, 40);
        await Eventually.True(() => work.Checks == 1, Wait, () => $"one check at 100 stored rows (checks: {work.Checks})");
    }

    [Fact]
    public async Task A_new_activation_comes_due_on_the_rows_stored_since_the_last_check()
    {
        const string model = "moved";
        var work = GrainCluster.Work(model);
        var grain = Grain(model);
        work.Stored = 50; // committed by another node, reported after the grain counted them
        await grain.Status();
        await grain.RowsCommitted(50);
        await Commit(work, grain, 100);
        await Eventually.True(() => work.Checks == 1, Wait, () => $"the first check (checks: {work.Checks})");

        // 100 more rows stored, but their node dies before reporting them, and the grain moves (a new activation).
        Interlocked.Add(ref work.Stored, 100);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        // Woken as the nodes do; ChecksRun counts this activation's checks, so 1 with 2 in all is the new activation.
        var status = await Eventually.Value(grain.Status, s => work.Checks == 2 && s.ChecksRun == 1, Wait,
            s => $"a check of the 100 rows stored since the last one by a new activation, with no new row (checks: {work.Checks}, this activation's: {s.ChecksRun})");
        Assert.Equal((250L, 0L), (status.CoveredThrough, status.RowsPending));
    }

    [Fact]
    public async Task A_failing_check_waits_for_its_backoff()
    {
        const string model = "failing";
        var work = GrainCluster.Work(model);
        work.FailChecks = true;
        var grain = Grain(model);
        await Commit(work, grain, 500);
        await Eventually.True(() => work.FailedChecks == 1, Wait, () => "the first failing attempt");
        await PollsPass(work, 5);
        var status = await grain.Status();
        Assert.Equal(1, work.FailedChecks); // the backoff is an hour: no second attempt
        Assert.Equal(1, status.Failure!.Attempts);
        Assert.Contains("the store is away", status.Failure.Error, StringComparison.Ordinal);
        Assert.Equal(500, status.RowsPending);
    }

    [Fact]
    public async Task A_retrain_decision_starts_one_retrain_and_the_next_waits_for_it_to_end()
    {
        const string model = "retrain";
        var work = GrainCluster.Work(model);
        work.DecideRetrain = true;
        var grain = Grain(model);
        await Commit(work, grain, 100);
        await Eventually.True(() => work.RetrainsStarted.Count == 1, Wait, () => "the first retrain");
        var (_, reason, first) = work.RetrainsStarted.Single();
        Assert.Equal("scheduled: retrain: drift (check 1)", reason);
        Assert.Equal(first, (await grain.Status()).RetrainRun);

        // Another decision to retrain while the run is running: no second run.
        await Commit(work, grain, 100);
        await Eventually.True(() => work.Checks == 2, Wait, () => "the second check");
        await PollsPass(work, 3);
        Assert.Single(work.RetrainsStarted);

        // The run ends; the next decision starts the next one.
        work.Runs[first] = RetrainState.Finished;
        await Eventually.Value(grain.Status, s => s.RetrainRun is null, Wait, s => $"the grain to see run {first} end (watching {s.RetrainRun})");
        await Commit(work, grain, 100);
        await Eventually.True(() => work.RetrainsStarted.Count == 2, Wait, () => "the second retrain");
        Assert.Equal(3, work.Checks);
    }

    [Fact]
    public async Task A_retrain_asked_through_the_api_goes_through_the_grain_one_at_a_time()
    {
        const string model = "asked";
        var work = GrainCluster.Work(model);
        var grain = Grain(model);
        var ask = new RetrainAsk(TimeSpan.FromSeconds(5), null, 500, "weekly", "ops");
        var first = await grain.RequestRetrain(ask);
        Assert.Equal(202, first.Status);
        Assert.Equal(first.Run, (await grain.Status()).RetrainRun);

        // A second one (from any node) while the first runs: 409 naming the running run, nothing started.
        var second = await grain.RequestRetrain(ask);
        Assert.Equal((null, 409), (second.Run, second.Status));
        Assert.Contains($"run {first.Run}", second.Detail, StringComparison.Ordinal);
        Assert.Single(work.RetrainsStarted);

        // Cancelled through the grain (its silo runs it); then the next one starts.
        Assert.True(await grain.CancelRetrain(first.Run!.Value));
        var third = await grain.RequestRetrain(ask);
        Assert.Equal(202, third.Status);
        Assert.Equal(2, work.RetrainsStarted.Count);
    }

    [Fact]
    public async Task A_retrain_whose_silo_left_the_cluster_is_abandoned_when_the_grain_comes_back()
    {
        const string model = "orphan";
        var work = GrainCluster.Work(model);
        work.Runs[4242] = RetrainState.Running;
        // The cursor a grain on a silo that has since died left behind (a silo address the membership never had).
        var dead = SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1), 12345).ToParsableString();
        var storage = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services.GetRequiredKeyedService<IGrainStorage>(VigilSilo.StorageName);
        var grain = Grain(model);
        await storage.WriteStateAsync("cursor", grain.GetGrainId(),
            new GrainState<ModelCursor>(new ModelCursor { CoveredThrough = 7, RetrainRun = 4242, RetrainSilo = dead }));

        var status = await grain.Status(); // activates it
        Assert.Equal([4242L], work.Abandoned);
        Assert.Null(status.RetrainRun);
        Assert.Equal(RetrainState.Finished, work.Runs[4242]);
    }

    [Fact]
    public async Task A_retrain_being_started_when_its_silo_died_is_found_in_the_store_and_abandoned()
    {
        const string model = "half-started";
        var work = GrainCluster.Work(model);
        work.Runs[4343] = RetrainState.Running; // recorded by the store; the dead grain never saved its id
        var dead = SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 2), 12345).ToParsableString();
        var storage = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services.GetRequiredKeyedService<IGrainStorage>(VigilSilo.StorageName);
        var grain = Grain(model);
        await storage.WriteStateAsync("cursor", grain.GetGrainId(), new GrainState<ModelCursor>(
            new ModelCursor { RetrainSilo = dead, RetrainStartingAt = DateTimeOffset.UtcNow.AddSeconds(-3) }));

        var status = await grain.Status();
        Assert.Equal([4343L], work.Abandoned);
        Assert.Null(status.RetrainRun);

        // Nothing left over blocks the next retrain.
        Assert.Equal(202, (await grain.RequestRetrain(new RetrainAsk(null, 1, 100, "again", "ops"))).Status);
    }

    // A node commits rows to the store, then reports them to the grain.
    private static async Task Commit(ScriptedWork work, IModelGrain grain, long rows)
    {
        Interlocked.Add(ref work.Stored, rows);
        await grain.RowsCommitted(rows);
    }

    private static async Task PollsPass(ScriptedWork work, int polls)
    {
        var target = Volatile.Read(ref work.Polls) + polls;
        await Eventually.True(() => Volatile.Read(ref work.Polls) >= target, Wait, () => $"{polls} more polls of the grain");
    }
}
