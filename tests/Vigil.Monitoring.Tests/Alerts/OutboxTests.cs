using System.Text.Json.Nodes;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Tests.Store;

namespace Vigil.Monitoring.Tests.Alerts;

/// <summary>
/// The alert outbox in the store: an alert commits with the check (or run) that caused it or not at all, one alert per
/// change of state however many checks confirm it, reminders while a state keeps firing, and each delivery's progress
/// kept across a reopen.
/// </summary>
public sealed class OutboxTests
{
    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void An_alert_commits_with_its_check_and_decision_or_nothing_does(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var broken = new CheckAlerts((_, _) => throw new InvalidOperationException("the alert could not be built"), null);
        Assert.Throws<InvalidOperationException>(() => store.SaveCheckAndDecision(Check("alarm"), Decision(retrain: false), broken));
        Assert.Empty(store.ListChecks("m"));
        Assert.Empty(store.ListDecisions("m"));
        Assert.Empty(store.ListAlerts("m"));

        var (checkId, decisionId) = store.SaveCheckAndDecision(Check("alarm"), Decision(retrain: true), Alerts("alarm"));
        Assert.Equal(checkId, store.GetDecisionForCheck(checkId)!.CheckId);
        Assert.Equal(decisionId, store.GetDecisionForCheck(checkId)!.Id);
        var alerts = store.ListAlerts("m");
        Assert.Equal([AlertKind.RetrainDecided, AlertKind.Alarm], alerts.Select(a => a.Kind));
        Assert.Equal(checkId, alerts[1].CheckId);
        Assert.Equal((checkId, decisionId), (alerts[0].CheckId!.Value, alerts[0].DecisionId!.Value));
        Assert.All(alerts, a => Assert.False(a.Routed));
        Assert.Equal(2, alerts.Select(a => a.Key).Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void A_status_sends_one_alert_per_change_not_one_per_check(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        string[] statuses = ["healthy", "healthy", .. Enumerable.Repeat("alarm", 50), "warning", "warning", "healthy", "healthy"];
        foreach (var status in statuses)
        {
            store.SaveCheckAndDecision(Check(status), Decision(retrain: false), Alerts(status));
            temp.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var alerts = store.ListAlerts("m").Reverse().ToArray();
        Assert.Equal(
            [(AlertKind.Alarm, "healthy", "alarm", AlertSeverity.Alarm), (AlertKind.Warning, "alarm", "warning", AlertSeverity.Alarm),
             (AlertKind.Resolved, "warning", "healthy", AlertSeverity.Warning)],
            alerts.Select(a => (a.Kind, a.PreviousState!, a.State!, a.Severity)));
        Assert.Equal("healthy", store.AlertState("m", StatusAlerts.Subject));
        Assert.Equal(statuses.Length, store.ListChecks("m").Count);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void A_state_that_keeps_firing_is_repeated_after_the_interval_and_stops_when_it_ends(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var interval = TimeSpan.FromHours(4);
        var t0 = temp.Clock.GetUtcNow();
        store.SaveCheckAndDecision(Check("alarm"), Decision(retrain: false), Alerts("alarm"));

        Assert.Equal(0, store.RaiseRepeats(t0 + TimeSpan.FromHours(3.9), interval));
        Assert.Equal(1, store.RaiseRepeats(t0 + interval, interval));
        Assert.Equal(0, store.RaiseRepeats(t0 + interval + TimeSpan.FromHours(1), interval));
        Assert.Equal(1, store.RaiseRepeats(t0 + (2 * interval), interval));
        var reminders = store.ListAlerts("m").Take(2).ToArray();
        Assert.Equal([2, 1], reminders.Select(a => a.Repeat));
        Assert.All(reminders, r => Assert.Equal(AlertKind.Alarm, r.Kind));
        Assert.Contains("still firing", reminders[0].Title, StringComparison.Ordinal);

        temp.Clock.Advance(2 * interval);
        store.SaveCheckAndDecision(Check("healthy"), Decision(retrain: false), Alerts("healthy"));
        Assert.Equal(AlertKind.Resolved, store.ListAlerts("m")[0].Kind);
        Assert.Equal(0, store.RaiseRepeats(t0 + (10 * interval), interval));
        Assert.Equal(4, store.ListAlerts("m").Count);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void Retrain_runs_write_started_and_finished_alerts_in_their_transactions(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var run = store.StartRetrain("m", temp.Clock.GetUtcNow(), "dataset drift");
        store.FinishRetrain(run, RetrainStatus.Failed, null, null, null, RetrainAlerts.Ended("m", run, RetrainStatus.Failed, "out of memory"));
        Assert.Throws<Vigil.Monitoring.Workspace.WorkspaceInputException>(() => store.FinishRetrain(run, RetrainStatus.Cancelled, null, null, null));
        var crashed = store.StartRetrain("m", temp.Clock.GetUtcNow(), "scheduled");
        RetrainOwnershipTests.SetOwner(temp, crashed, Environment.ProcessId, "start:1");
        var alerts = temp.Reopen().ListAlerts("m").Reverse().ToArray();

        Assert.Equal(
            [(AlertKind.RetrainStarted, run), (AlertKind.RetrainFinished, run), (AlertKind.RetrainStarted, crashed), (AlertKind.RetrainFinished, crashed)],
            alerts.Select(a => (a.Kind, a.RetrainRunId!.Value)));
        Assert.Equal("failed", (string?)alerts[1].Details["status"]);
        Assert.Contains("out of memory", alerts[1].Text, StringComparison.Ordinal);
        Assert.Equal(AlertSeverity.Warning, alerts[1].Severity);
        Assert.Equal("abandoned", (string?)alerts[3].Details["status"]);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void Deliveries_are_routed_retried_and_finished_and_survive_a_reopen(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var now = temp.Clock.GetUtcNow();
        var alarm = store.RaiseAlert(Draft(AlertKind.Alarm, AlertSeverity.Alarm));
        var info = store.RaiseAlert(Draft(AlertKind.RetrainStarted, AlertSeverity.Info));
        Assert.Equal("not_routed", AlertDeliveryState.Of(store.GetAlert(alarm)!));

        // "ops" wants everything, "pager" only alarms.
        Assert.Equal(2, store.RouteAlerts(a => a.Severity == AlertSeverity.Alarm ? ["ops", "pager"] : ["ops"], now));
        Assert.Equal(0, store.RouteAlerts(_ => ["ops"], now));
        Assert.Equal(3, store.ListDueDeliveries(now).Count);

        Assert.True(store.RecordDeliveryFailure(alarm, "pager", now, "HTTP 503 Service Unavailable", 503, now.AddSeconds(30)));
        Assert.True(store.RecordDelivered(alarm, "ops", now, 200));
        Assert.False(store.RecordDelivered(alarm, "ops", now, 200)); // once delivered, never again
        Assert.Equal([(info, "ops")], store.ListDueDeliveries(now.AddSeconds(29)).Select(d => (d.Alert.Id, d.Delivery.Channel)));
        Assert.Equal(now, store.NextDeliveryDue());
        Assert.Equal("pending", AlertDeliveryState.Of(store.GetAlert(alarm)!));

        store = temp.Reopen();
        var due = store.ListDueDeliveries(now.AddSeconds(30));
        Assert.Equal([(alarm, "pager"), (info, "ops")], due.Select(d => (d.Alert.Id, d.Delivery.Channel)));
        Assert.Equal((1, "HTTP 503 Service Unavailable", 503), (due[0].Delivery.Attempts, due[0].Delivery.LastError!, due[0].Delivery.ResponseStatus!.Value));
        Assert.True(store.RecordDeliveryFailure(alarm, "pager", now.AddSeconds(30), "connection refused", null, null));
        Assert.Equal("failed", AlertDeliveryState.Of(store.GetAlert(alarm)!));
        Assert.Equal(AlertDeliveryStatus.Failed, store.GetAlert(alarm)!.Deliveries.Single(d => d.Channel == "pager").Status);
        Assert.Equal(2, store.GetAlert(alarm)!.Deliveries.Single(d => d.Channel == "pager").Attempts);

        var quiet = store.RaiseAlert(Draft(AlertKind.Resolved, AlertSeverity.Info));
        store.RouteAlerts(_ => [], now);
        Assert.Equal("no_channel", AlertDeliveryState.Of(store.GetAlert(quiet)!));
        Assert.Equal([quiet, info, alarm], store.ListAlerts().Select(a => a.Id));
        Assert.Equal([info, alarm], store.ListAlerts(null, 10, beforeId: quiet).Select(a => a.Id));
        Assert.Equal([quiet], store.ListAlerts("m", 1).Select(a => a.Id));
    }

    private static CheckRecord Check(string status) =>
        new("m", 1, DateTimeOffset.UnixEpoch, null, null, 100, status == "alarm", status, "{}");

    private static DecisionRecord Decision(bool retrain) => new("m", null, DateTimeOffset.UnixEpoch, retrain, "{}");

    // The alerts VigilMonitor passes, for a check whose status is the stored one.
    private static CheckAlerts Alerts(string status) => new(
        (previous, checkId) => StatusAlerts.Change("m", 1, 100, status, previous, checkId, status == "healthy" ? [] : ["dataset drift"]),
        (checkId, decisionId) => Draft(AlertKind.RetrainDecided, AlertSeverity.Info) with { CheckId = checkId, DecisionId = decisionId });

    private static AlertDraft Draft(AlertKind kind, AlertSeverity severity) => new()
    {
        Model = "m",
        Kind = kind,
        Severity = severity,
        Title = kind.Name(),
        Text = "text",
        Details = new JsonObject { ["n"] = 1 },
    };
}
