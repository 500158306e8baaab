using System.Text;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Reports.Svg;
using Vigil.Monitoring.Store;
using static Vigil.Server.Dashboard.DashboardHtml;

namespace Vigil.Server.Dashboard;

/// <summary>Versions, promotions and rollbacks, and retrain runs: the model's lifecycle, newest first.</summary>
internal static class VersionsSection
{
    public static void Write(StringBuilder sb, ModelPageData data)
    {
        var r = data.Report;
        sb.Section("versions", "Versions and promotions",
            "Alarms, retrains, promotions and rollbacks on one time axis (hover a marker for details), then every version and registry event.");
        if (r.Events.Count > 0)
        {
            var items = r.Events.Select(e => new TimelineItem(e.At, EventLanes.Of(e.Kind).Key,
                Time(e.At) + " · " + e.Title + (e.Detail.Length > 0 ? "\n" + e.Detail : ""),
                e.Kind is "promotion" or "rollback" ? e.Version : null)).ToList();
            sb.Append(EventTimelineChart.Render(EventLanes.All, items, 1100));
        }

        Versions(sb, data);
        Events(sb, data.RegistryEvents);
        Retrains(sb, data.Retrains);
        sb.Append("</section>\n");
    }

    private static void Versions(StringBuilder sb, ModelPageData data)
    {
        var r = data.Report;
        sb.Append("<h3>Versions</h3>");
        if (r.Versions.Count == 0)
        {
            sb.Append(NoData("No versions registered yet."));
            return;
        }

        sb.Append("<div class=\"tablewrap\"><table><thead><tr><th>Version</th><th>Learner</th><th>Registered</th><th class=\"n\">")
            .Append(E(r.PrimaryMetric)).Append(" (holdout)</th><th>Why it exists</th></tr></thead><tbody>");
        foreach (var v in r.Versions.Reverse())
        {
            sb.Append("<tr><td><b>").Append(E(v.Version)).Append("</b> ").Append(v.IsChampion ? Badge("champion", "good") : "")
                .Append("</td><td>").Append(E(v.Learner)).Append("</td><td class=\"t\">").Append(E(Time(v.CreatedAt)))
                .Append("</td><td class=\"n\">").Append(E(Metric(v.Metrics.TryGetValue(r.PrimaryMetric, out var m) ? m : null)))
                .Append("</td><td class=\"reason\">").Append(E(v.Reason ?? Missing)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div>");
    }

    private static void Events(StringBuilder sb, IReadOnlyList<RegistryEvent> events)
    {
        var changes = events.Where(e => e.Kind != RegistryEventKind.Registered).OrderByDescending(e => e.Id).ToList();
        sb.Append("<h3>Promotions and rollbacks</h3>");
        if (changes.Count == 0)
        {
            sb.Append(NoData("No promotions, rollbacks or champion/challenger comparisons yet."));
            return;
        }

        sb.Append("<div class=\"tablewrap\"><table><thead><tr><th>Time</th><th>Event</th><th>Champion</th><th>Reason</th><th>By</th></tr></thead><tbody>");
        foreach (var e in changes)
        {
            var (label, tone) = e.Kind switch
            {
                RegistryEventKind.Promoted => ("promoted", "good"),
                RegistryEventKind.RolledBack => ("rolled back", "warn"),
                _ => ("kept champion", "neutral"),
            };
            var change = e.Kind == RegistryEventKind.Kept
                ? "v" + V(e.FromVersion) + " kept over challenger v" + V(e.ToVersion)
                : (e.FromVersion is null ? "" : "v" + V(e.FromVersion) + " → ") + "v" + V(e.ToVersion);
            sb.Append("<tr><td class=\"t\">").Append(E(Time(e.Time))).Append("</td><td>").Append(Badge(label, tone)).Append("</td><td class=\"t\"><b>")
                .Append(E(change)).Append("</b></td><td class=\"reason\">").Append(E(e.Reason)).Append("</td><td>").Append(E(e.Actor)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div>");
    }

    private static void Retrains(StringBuilder sb, IReadOnlyList<RetrainRun> runs)
    {
        sb.Append("<h3>Retrain runs</h3>");
        if (runs.Count == 0)
        {
            sb.Append(NoData("No retrains yet."));
            return;
        }

        sb.Append("<div class=\"tablewrap\"><table><thead><tr><th>Requested</th><th>Status</th><th class=\"n\">Duration</th>")
            .Append("<th>Challenger</th><th>Outcome</th><th>Reason</th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            var tone = run.Status switch
            {
                RetrainStatus.Succeeded => "good",
                RetrainStatus.Running => "info",
                RetrainStatus.Failed or RetrainStatus.Abandoned => "bad",
                _ => "neutral",
            };
            var duration = run.FinishedAt is { } f ? Fixed((f - run.RequestedAt).TotalSeconds, 1) + " s" : Missing;
            var outcome = run.Promoted switch { true => Badge("promoted", "good"), false => Badge("champion kept", "neutral"), null => Missing };
            sb.Append("<tr><td class=\"t\">").Append(E(Time(run.RequestedAt))).Append("</td><td>")
                .Append(Badge(run.Status.ToString().ToLowerInvariant(), tone)).Append("</td><td class=\"n\">").Append(E(duration))
                .Append("</td><td>").Append(run.ChallengerVersion is { } c ? "<b>v" + E(V(c)) + "</b>" : Missing).Append("</td><td>")
                .Append(outcome).Append("</td><td class=\"reason\">").Append(E(run.Reason)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div>");
    }

    private static string V(int? version) => version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
