using System.Globalization;
using System.Text.Json;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Reporting.Model;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Reporting;

/// <summary>
/// The report's events from History, the Registry and the online detectors, oldest first. Events at the same instant keep the causal order
/// check alarm → retrain decision → retrain → registry event (a stable sort over the lists appended in that order).
/// </summary>
internal static class TimelineEvents
{
    public static IReadOnlyList<TimelineEvent> Build(ReportInputs inputs)
    {
        var events = new List<TimelineEvent>();
        events.AddRange(inputs.Checks.Where(c => c.Result.Status == MonitoringStatus.Alarm || c.Record.Alarm).Select(Alarm));
        var checkVersions = inputs.Checks.ToDictionary(c => c.Record.Id, c => c.Record.ModelVersion);
        events.AddRange(inputs.Decisions.Where(d => d.Record.Retrain).Select(d => Decision(d, checkVersions)));
        events.AddRange(inputs.Retrains.Select(Retrain));
        events.AddRange(inputs.RegistryEvents.Select(Registry));
        events.AddRange(inputs.StreamChanges.Select(StreamChange));
        return events.OrderBy(e => e.At).ToArray();
    }

    private static TimelineEvent StreamChange(Streams.StreamDetection d) => new()
    {
        At = d.DetectedAt,
        Kind = "stream_change",
        Version = Label(d.ModelVersion),
        Title = string.Format(CultureInfo.InvariantCulture, "Change on the {0} stream ({1})", Store.MonitoringStore.StreamText(d.Stream), d.Detector),
        Detail = string.Format(CultureInfo.InvariantCulture, "{0}; at row '{1}' scored {2:yyyy-MM-dd HH:mm} UTC (observation {3})",
            d.Detail, d.PredictionId, d.RowTime.UtcDateTime, d.Observation),
    };

    private static TimelineEvent Alarm(ParsedCheck check) => new()
    {
        // When the alarm was raised, not the window end the charts use.
        At = check.Record.RanAt,
        Kind = "check_alarm",
        Version = Label(check.Record.ModelVersion),
        Title = string.Format(CultureInfo.InvariantCulture, "Alarm on window {0:yyyy-MM-dd HH:mm} – {1:yyyy-MM-dd HH:mm} UTC ({2} rows)",
            check.Result.Window.Start.UtcDateTime, check.Result.Window.End.UtcDateTime, check.Result.Window.Rows),
        Detail = string.Join("; ", check.Result.Reasons),
    };

    private static TimelineEvent Decision(DecisionEntry entry, Dictionary<long, int> checkVersions)
    {
        var decision = entry.Record;
        var detail = entry.Decision is { } parsed
            ? string.Join("; ", new[] { parsed.Summary }.Concat(parsed.Triggers.Where(t => t.Fired).Select(t => $"{t.Trigger}: {t.Detail}")))
            : "The decision's reasons could not be read: " + entry.Error;

        return new TimelineEvent
        {
            At = decision.DecidedAt,
            Kind = "retrain_decision",
            Version = decision.CheckId is { } id && checkVersions.TryGetValue(id, out var v) ? Label(v) : null,
            Title = decision.CheckId is { } c
                ? string.Format(CultureInfo.InvariantCulture, "Retrain decided after check {0}", c)
                : "Retrain decided",
            Detail = detail,
        };
    }

    private static TimelineEvent Retrain(RetrainRun run)
    {
        var outcome = new List<string> { "status " + run.Status.ToString().ToLowerInvariant() };
        if (run.ChallengerVersion is { } challenger)
        {
            outcome.Add("challenger " + Label(challenger));
        }

        if (run.Promoted is { } promoted)
        {
            outcome.Add(promoted ? "promoted" : "not promoted");
        }

        // Requested time, so the run sits before the registration and promotion it led to.
        return new TimelineEvent
        {
            At = run.RequestedAt,
            Kind = "retrain",
            Version = run.ChallengerVersion is { } v ? Label(v) : null,
            Title = "Retrain: " + run.Reason,
            Detail = string.Join(", ", outcome),
        };
    }

    private static TimelineEvent Registry(RegistryEvent e) => e.Kind switch
    {
        // "registered" is its own kind: a registration that also promotes has its own Promoted event.
        RegistryEventKind.Registered => Make(e, "registered", $"{Label(e.ToVersion)} registered"),
        RegistryEventKind.Promoted => Make(e, "promotion", e.FromVersion is { } from
            ? $"{Label(e.ToVersion)} promoted, replacing {Label(from)}"
            : $"{Label(e.ToVersion)} promoted"),
        RegistryEventKind.Kept => Make(e, "kept_champion", $"{Label(e.FromVersion)} kept over challenger {Label(e.ToVersion)}",
            e.FromVersion ?? e.ToVersion),
        RegistryEventKind.RolledBack => Make(e, "rollback", $"Rolled back from {Label(e.FromVersion)} to {Label(e.ToVersion)}"),
        _ => Make(e, e.Kind.ToString().ToLowerInvariant(), e.Kind.ToString()),
    };

    private static TimelineEvent Make(RegistryEvent e, string kind, string title, int? version = null) => new()
    {
        At = e.Time,
        Kind = kind,
        Version = (version ?? e.ToVersion) is { } v ? Label(v) : null,
        Title = title,
        Detail = string.IsNullOrEmpty(e.Actor) ? e.Reason : $"{e.Reason} (by {e.Actor})",
    };

    /// <summary>The registry's version number as reports label it, e.g. <c>v3</c>.</summary>
    public static string Label(int? version) =>
        version is { } v ? "v" + v.ToString(CultureInfo.InvariantCulture) : "(none)";
}
