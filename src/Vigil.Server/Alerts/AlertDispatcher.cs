using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Telemetry;
using Vigil.Server.Api;
using Vigil.Server.Scheduling;

namespace Vigil.Server.Alerts;

/// <summary>
/// Delivers the outbox. Every <see cref="AlertSettings.Poll"/>: writes reminders of states still firing, routes new
/// alerts to the channels that want them (one delivery row each), and sends every due delivery — channels in
/// parallel, one channel's alerts in order. A failed attempt is retried after an exponential backoff
/// (<see cref="AlertSettings.Backoff"/>) and marked failed after <see cref="AlertSettings.MaxAttempts"/>. Progress is
/// stored after each attempt, so a restart (or a SIGKILL) resumes with what was not delivered: at-least-once, and
/// the <c>Idempotency-Key</c> lets a receiver drop the rare repeat (a crash after the receiver answered but before
/// the answer was stored). Alerts written by other processes (the CLI) are delivered too.
/// </summary>
public sealed class AlertDispatcher(
    WorkspaceHost host, AlertSettings settings, WebhookSender sender, TimeProvider time, ILogger<AlertDispatcher> logger) : BackgroundService
{
    // A pass takes at most this many deliveries, so a backlog does not hold one pass for long.
    private const int BatchSize = 200;

    private long _passes;
    private readonly PassGuard _guard = new(logger, "Alert dispatch");
    private TaskCompletionSource<long> _passed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the pass number when the pass running now (or the next one) is over (tests wait on it).</summary>
    internal Task<long> NextPass => Volatile.Read(ref _passed).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        if (settings.Webhooks.Count == 0)
        {
            logger.LogInformation("No alert channels configured (Vigil:Alerts:Webhooks): alerts are recorded and shown, not sent.");
        }

        using var timer = new PeriodicTimer(settings.Poll, time);
        do
        {
            // A locked, damaged or unreachable database must not stop delivery for good: the next pass tries again.
            await _guard.RunAsync(() => RunPassAsync(stoppingToken), stoppingToken);

            PassCompleted();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: reminders, routing, and every delivery due now. Returns the number of attempts made.</summary>
    internal async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var store = host.Workspace.Store;
        var now = time.GetUtcNow();
        if (settings.RepeatInterval is { } repeat)
        {
            store.RaiseRepeats(now, repeat);
        }

        while (store.RouteAlerts(Route, now) > 0)
        {
        }

        var due = store.ListDueDeliveries(now, BatchSize);
        var byChannel = due.GroupBy(d => d.Delivery.Channel, StringComparer.Ordinal)
            .Select(group => DeliverInOrderAsync(group.ToArray(), cancellationToken));
        await Task.WhenAll(byChannel);
        return due.Count;
    }

    private IEnumerable<string> Route(Alert alert) =>
        settings.Webhooks.Where(c => c.Accepts(alert)).Select(c => c.Name);

    private async Task DeliverInOrderAsync(IReadOnlyList<PendingDelivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var pending in deliveries)
        {
            await DeliverAsync(pending, cancellationToken);
        }
    }

    private async Task DeliverAsync(PendingDelivery pending, CancellationToken cancellationToken)
    {
        var (alert, delivery) = pending;
        var store = host.Workspace.Store;
        if (settings.Channel(delivery.Channel) is not { } channel)
        {
            store.RecordDeliveryFailure(alert.Id, delivery.Channel, time.GetUtcNow(),
                $"channel '{delivery.Channel}' is no longer configured", null, null);
            logger.LogWarning("Alert {Alert} was routed to channel {Channel}, which is no longer configured: marked failed.", alert.Id, delivery.Channel);
            return;
        }

        var attempts = delivery.Attempts + 1;
        using var span = AlertSpan.Start(alert.Model, channel.Name, alert.Kind.Name(), alert.Id, attempts);
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(channel, alert, cancellationToken);
        }
        catch (Exception e)
        {
            SpanFailure.Record(span, e);
            throw;
        }

        var at = time.GetUtcNow();
        if (result.Delivered)
        {
            store.RecordDelivered(alert.Id, channel.Name, at, result.Status ?? 200);
            AlertSpan.Delivered(span, result.Status ?? 200);
            logger.LogInformation("Alert {Alert} ({Event} of {Model}) delivered to {Channel}.", alert.Id, alert.Kind.Name(), alert.Model, channel.Name);
            return;
        }

        var error = result.Error ?? "failed";
        if (attempts >= settings.MaxAttempts)
        {
            store.RecordDeliveryFailure(alert.Id, channel.Name, at, error, result.Status, null);
            AlertSpan.GaveUp(span, result.Status, error);
            logger.LogError("Alert {Alert} ({Event} of {Model}) could not be delivered to {Channel} ({Url}) after {Attempts} attempts: {Error}. Marked failed.",
                alert.Id, alert.Kind.Name(), alert.Model, channel.Name, channel.SafeUrl, attempts, error);
            return;
        }

        var next = at + settings.BackoffAfter(attempts);
        store.RecordDeliveryFailure(alert.Id, channel.Name, at, error, result.Status, next);
        AlertSpan.WillRetry(span, result.Status, error);
        logger.LogWarning("Alert {Alert} to {Channel} ({Url}) failed (attempt {Attempts} of {Max}): {Error}; next attempt at {Next:o}.",
            alert.Id, channel.Name, channel.SafeUrl, attempts, settings.MaxAttempts, error, next);
    }

    private void PassCompleted()
    {
        var pass = Interlocked.Increment(ref _passes);
        var done = Interlocked.Exchange(ref _passed, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        done.SetResult(pass);
    }
}
