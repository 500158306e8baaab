using System.Text;
using Vigil.Monitoring.Reports.Model;
using Vigil.Monitoring.Reports.Svg;
using static Vigil.Monitoring.Reports.Html.HtmlFormat;

namespace Vigil.Monitoring.Reports.Html;

/// <summary>Alarms, retrains and promotions: swimlanes on a time axis, then the same events as a table.</summary>
internal static class EventsSection
{
    public static void Write(StringBuilder sb, ModelReport r)
    {
        sb.Append("<section id=\"events\"><h2>Retraining and promotions</h2>");
        if (r.Events.Count == 0)
        {
            sb.Append(NoData("No events yet: no alarms, retrains or promotions have been recorded.")).Append("</section>\n");
            return;
        }

        sb.Append("<p class=\"lead\">One lane per kind of event; hover a marker for details. The same events are listed below.</p>");
        var events = r.Events.OrderBy(e => e.At).ToList();
        var items = events.Select(e => new TimelineItem(e.At, EventLanes.Of(e.Kind).Key,
            Time(e.At) + " · " + e.Title + (e.Detail.Length > 0 ? "\n" + e.Detail : ""),
            e.Kind is "promotion" or "rollback" or "retrain" ? e.Version : null)).ToList();

        // Share the performance chart's time span when there is one, so the two read against each other.
        var times = events.Select(e => e.At)
            .Concat(r.MetricTimeline.SelectMany(m => m.Points).Where(p => double.IsFinite(p.Value)).Select(p => p.At)).ToList();
        sb.Append(EventTimelineChart.Render(EventLanes.All, items, 880, times.Min(), times.Max()));

        sb.Append("<div class=\"tablewrap\" style=\"margin-top:12px\"><table><thead><tr><th>Time</th><th>Event</th>")
            .Append("<th>Version</th><th>What happened</th></tr></thead><tbody>");
        foreach (var e in events)
        {
            var lane = EventLanes.Of(e.Kind);
            sb.Append("<tr><td class=\"t\">").Append(E(Time(e.At))).Append("</td><td><span class=\"ev\">")
                .Append(Icon(lane)).Append(E(lane.Key == "other" ? e.Kind : lane.Label)).Append("</span></td><td>")
                .Append(e.Version is null ? Missing : "<b>" + E(e.Version) + "</b>").Append("</td><td><b>")
                .Append(E(e.Title)).Append("</b>");
            if (e.Detail.Length > 0)
            {
                sb.Append("<div class=\"sub\">").Append(E(e.Detail)).Append("</div>");
            }

            sb.Append("</td></tr>");
        }

        sb.Append("</tbody></table></div></section>\n");
    }

    private static string Icon(TimelineLane lane)
    {
        var w = new SvgWriter(16, 16, lane.Label);
        Markers.Draw(w, lane.Shape, 8, 8, 5, lane.Color);
        return w.ToString();
    }
}
