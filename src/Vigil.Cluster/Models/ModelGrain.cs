using Microsoft.Extensions.Logging;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Vigil.Cluster.Hosting;
using Vigil.Cluster.Nodes;

namespace Vigil.Cluster.Models;

/// <summary>
/// One model's scheduling in the cluster. Every <see cref="ScheduleSettings.Poll"/> (a grain timer that keeps the
/// grain active) it feeds the change detectors and, when a check is due (<see cref="ScheduleRule"/>), starts it as a
/// task on the thread pool: the grain's turn ends at once, so row reports keep arriving while the check runs, and
/// the task's end is recorded back in the grain's context. A retrain the policy decides is started on this silo and
/// watched in the store until it ends. One grain per model in the whole cluster, one check at a time, one retrain
/// at a time. After its silo dies the grain is activated again elsewhere (the next node's wake-up): it counts the
/// rows stored since the last check, and a retrain still recorded as running on the dead silo is marked abandoned.
/// <para>
/// Row accounting: the store's count decides, the nodes' reports say when to count again. The rows since the last
/// check are the model's rows after <see cref="ModelCursor.CoveredThrough"/> (a log position; positions follow commit
/// order per model). The grain counts them in the store at activation, whenever the membership changed since its last
/// count, and before every check; in between it adds what the nodes report. A report may carry rows the last count
/// already saw (committed before the count, reported after it), so the sum can run ahead of the store, never behind
/// it but for reports still on their way or lost with a dead node (the next count finds those rows). The sum only
/// makes the grain count again: a check starts on a fresh count's figure, and on success the cursor moves to the
/// position that count reached. Reports that arrive while a count runs are kept (a few rows counted twice in the
/// sum, never a row missed). So a model whose grain moves comes due on the same stored rows as if it had not.
/// </para>
/// </summary>
[ActivationCountBasedPlacement]
internal sealed class ModelGrain(
    [PersistentState("cursor", VigilSilo.StorageName)] IPersistentState<ModelCursor> cursor,
    IModelWork work,
    ScheduleSettings settings,
    ClusterView cluster,
    GrainGauges gauges,
    TimeProvider time,
    ILogger<ModelGrain> logger) : Grain, IModelGrain
{
    private readonly CancellationTokenSource _stopping = new();
    private long _counted; // rows after State.CoveredThrough at the last count, through _countedThrough
    private long _countedThrough;
    private long _reported; // rows the nodes reported since the last count
    private MembershipVersion _countedAtMembership;
    private MembershipVersion _dealtAt; // the membership for which the deal asked for no move
    private Task? _check;
    private int _checksRun;
    private DateTimeOffset _activatedAt;

    private string Model => this.GetPrimaryKeyString();

    private ModelCursor State => cursor.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activatedAt = time.GetUtcNow();
        var model = Model;
        await Count(cancellationToken);
        await ReconcileRetrain(activating: true);
        Publish();
        if (settings.Checks)
        {
            this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(settings.Poll, settings.Poll) { KeepAlive = true, Interleave = false });
        }

        logger.LogInformation("Model {Model} is scheduled on silo {Silo} ({Pending} rows stored since the last scheduled check).",
            model, cluster.Silo, Pending);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_check is { } check)
        {
            try
            {
                await check.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // the check was cut off with the silo's shutdown; the next activation runs it again
            }
        }

        gauges.Forget(Model);
    }

    public Task RowsCommitted(long rows)
    {
        _reported += rows;
        Publish();
        return Task.CompletedTask;
    }

    public Task Wake() => Task.CompletedTask;

    public async Task<RetrainStart> RequestRetrain(RetrainAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        await ReconcileRetrain(activating: false);
        if (State.RetrainRun is not null || State.RetrainStartingAt is not null)
        {
            var running = State.RetrainRun is { } run ? $"run {run}" : "starting";
            return new RetrainStart(null, 409, "Conflict", $"A retrain of model '{Model}' is already running ({running}); cancel it or wait.");
        }

        var model = Model;
        await Starting();
        var start = await work.StartRequestedRetrain(model, ask, _stopping.Token);
        await Started(start.Run);
        return start;
    }

    public Task<bool> CancelRetrain(long run)
    {
        var model = Model;
        return Task.Run(() => work.CancelRetrain(model, run));
    }

    public Task<ModelGrainStatus> Status() => Task.FromResult(new ModelGrainStatus(
        Model, cluster.Silo.ToParsableString(), State.CoveredThrough, Pending, State.LastCheckAt, _check is { IsCompleted: false }, State.RetrainRun,
        State.Failure, _checksRun));

    private long Pending => _counted + _reported;

    private async Task Tick(CancellationToken cancellationToken)
    {
        if (_check is { IsCompleted: false })
        {
            return;
        }

        await ReconcileRetrain(activating: false);
        var model = Model;
        var token = _stopping.Token;
        if (!await Task.Run(() => work.HasChampion(model), token))
        {
            return;
        }

        var streamChange = await Task.Run(() => work.WatchStreams(model, token), token);
        if (cluster.Version != _countedAtMembership)
        {
            await Count(token); // a node may have died with rows it never reported
        }

        var now = time.GetUtcNow();
        if (!ScheduleRule.IsDue(settings, Pending, State, streamChange, now))
        {
            await MaybeMove(now, token);
            return;
        }

        await Count(token); // the sum says due: the store decides
        now = time.GetUtcNow();
        if (ScheduleRule.IsDue(settings, _counted, State, streamChange, now))
        {
            _check = RunCheck(_countedThrough, now, token);
        }
    }

    // Counts the rows stored after the last check's position. Reports that arrived before the count began are in it;
    // those that arrive while it runs stay in the sum (they may be counted twice there, never missed).
    private async Task Count(CancellationToken cancellationToken)
    {
        var model = Model;
        var after = State.CoveredThrough;
        var reportedBefore = _reported;
        _countedAtMembership = cluster.Version;
        var (rows, through) = await Task.Run(() => work.CountRowsAfter(model, after), cancellationToken);
        _counted = rows;
        _countedThrough = through;
        _reported -= reportedBefore;
        Publish();
    }

    // Started from a timer turn and not awaited by it: the awaits below resume in the grain's context, one at a time.
    private async Task RunCheck(long through, DateTimeOffset startedAt, CancellationToken token)
    {
        var model = Model;
        ScheduledCheck check;
        try
        {
            check = await Task.Run(() => work.RunCheck(model, token), token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var failure = ScheduleRule.Failed(settings, State.Failure, startedAt, OneLine(e));
            State.Failure = failure;
            await Save();
            await Task.Run(() => work.CheckFailed(model, failure, e), CancellationToken.None);
            return;
        }

        _checksRun++;
        var previous = State.Failure;
        State.CoveredThrough = through;
        _counted = 0; // the rows the count found are covered; those reported since stay pending
        State.LastCheckAt = startedAt;
        State.Failure = null;
        Publish();
        await Task.Run(() => work.CheckSucceeded(model, check, previous), CancellationToken.None);
        await Save();
        if (check.Retrain && settings.AutoRetrain && State.RetrainRun is null && State.RetrainStartingAt is null && !token.IsCancellationRequested)
        {
            var reason = $"scheduled: {check.Summary} (check {check.CheckId})";
            await Starting();
            long? run = null;
            try
            {
                run = await work.StartRetrain(model, reason, token);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                logger.LogWarning(e, "Retrain of {Model} not started.", model);
            }

            await Started(run);
        }
    }

    // Saved before the start, so that a silo dying between the store's record of the run and the grain's finds it.
    private async Task Starting()
    {
        State.RetrainSilo = cluster.Silo.ToParsableString();
        State.RetrainStartingAt = time.GetUtcNow();
        await Save();
    }

    private async Task Started(long? run)
    {
        State.RetrainRun = run;
        State.RetrainSilo = run is null ? null : State.RetrainSilo;
        State.RetrainStartingAt = null;
        await Save();
    }

    // The retrain this grain started: forgotten once the store has it finished; abandoned when its silo died.
    private async Task ReconcileRetrain(bool activating)
    {
        if (activating && State.RetrainStartingAt is { } since)
        {
            await ReconcileStart(since);
        }

        if (State.RetrainRun is not { } run)
        {
            return;
        }

        var state = await Task.Run(() => work.RetrainState(run));
        if (state == RetrainState.Running && State.RetrainSilo is { } silo && silo != cluster.Silo.ToParsableString() && !cluster.IsAlive(silo))
        {
            var abandoned = await Task.Run(() => work.AbandonRetrain(run));
            logger.LogWarning("Retrain run {Run} of {Model} was running on silo {Silo}, which left the cluster: {What}.",
                run, Model, silo, abandoned ? "marked abandoned; the next check decides again" : "it had already ended");
            state = RetrainState.Finished;
        }

        if (state != RetrainState.Running)
        {
            State.RetrainRun = null;
            State.RetrainSilo = null;
            await Save();
        }
        else if (activating)
        {
            logger.LogInformation("Retrain run {Run} of {Model} still runs on silo {Silo}; this grain waits for it.", run, Model, State.RetrainSilo);
        }
    }

    // The previous activation was starting a retrain when it went away: if its silo died, any run it recorded since
    // then is abandoned (runs on a live silo finish there; the store's guard keeps a second one from starting).
    private async Task ReconcileStart(DateTimeOffset since)
    {
        var model = Model;
        if (State.RetrainSilo is { } silo && silo != cluster.Silo.ToParsableString() && !cluster.IsAlive(silo))
        {
            // A little earlier than the mark: the run's time comes from another node's clock.
            foreach (var run in await Task.Run(() => work.RunningRetrains(model, since - TimeSpan.FromSeconds(5))))
            {
                var abandoned = await Task.Run(() => work.AbandonRetrain(run));
                logger.LogWarning("Retrain run {Run} of {Model} was starting on silo {Silo}, which left the cluster: {What}.",
                    run, model, silo, abandoned ? "marked abandoned; the next check decides again" : "it had already ended");
            }
        }

        State.RetrainSilo = null;
        State.RetrainStartingAt = null;
        await Save();
    }

    // A node that joined takes work: when the membership changed, the grain looks at the deal (ModelDeal: every grain
    // computes the same one) and migrates to the silo it is dealt if that silo started after its own (a higher
    // generation). Moves only ever go to newer silos, so nothing moves back and forth; the rule needs no memory, so a
    // migration that did not happen (the new silo not yet known to placement) is tried again by the next activation.
    private async Task MaybeMove(DateTimeOffset now, CancellationToken token)
    {
        var version = cluster.Version;
        if (version == _dealtAt || State.RetrainRun is not null || State.RetrainStartingAt is not null || now - _activatedAt < settings.RebalanceAfter)
        {
            return;
        }

        var active = cluster.ActiveSiloAddresses();
        var here = cluster.Silo;
        var model = Model;
        var target = active.Any(silo => silo.Generation > here.Generation)
            ? ModelDeal.SiloFor(model, await Task.Run(work.ListModels, token), active)
            : null;
        if (target is null || target.Generation <= here.Generation)
        {
            _dealtAt = version; // nothing to do until the membership changes again
            return;
        }

        logger.LogInformation("Model {Model} moves from silo {Silo} to silo {Target}, which started after it (the models are dealt over the {Silos} active silos).",
            model, cluster.Silo, target, active.Count);
        RequestContext.Set(IPlacementDirector.PlacementHintKey, target); // the placement director honours the hint
        try
        {
            this.MigrateOnIdle();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private async Task Save()
    {
        try
        {
            await cursor.WriteStateAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The cursor only saves work after a reactivation (recounted, re-decided); the store holds the results.
            logger.LogWarning(e, "Could not save the scheduling cursor of {Model}.", Model);
        }
    }

    private void Publish() => gauges.Set(Model, Pending);

    private static string OneLine(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }

        var text = $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" ");
        return text.Length <= 500 ? text : text[..500] + "…";
    }
}
