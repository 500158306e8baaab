namespace Vigil.Rendering.Svg;

/// <summary>
/// Events on a shared time axis, one lane per kind (swimlanes), so markers of different kinds never overlap and
/// each kind reads by shape as well as colour.
/// </summary>
internal static class EventTimelineChart
{
    private const double LaneHeight = 30, Top = 8, Bottom = 30, Right = 24;

    public static string Render(IReadOnlyList<TimelineLane> lanes, IReadOnlyList<TimelineItem> items,
        double width = 880, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        ArgumentNullException.ThrowIfNull(items);
        var used = lanes.Where(l => items.Any(i => i.LaneKey == l.Key)).ToList();
        var labelWidth = Math.Clamp((used.Count == 0 ? 8 : used.Max(l => l.Label.Length)) * 6.6 + 34, 90, 200);
        var height = Top + (Math.Max(1, used.Count) * LaneHeight) + Bottom;
        var w = new SvgWriter(width, height, "event timeline", "chart event-timeline");
        var plotRight = width - Right;
        var plotBottom = height - Bottom;

        var start = from ?? (items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Min(i => i.At));
        var end = to ?? (items.Count == 0 ? start.AddDays(1) : items.Max(i => i.At));
        (start, end) = TimeRange.Padded(start, end);
        var x = new LinearScale(Axis.ToSeconds(start), Axis.ToSeconds(end), labelWidth, plotRight);

        Axis.TimeX(w, x, TimeTicks.For(start, end, 7), plotBottom, labelWidth, plotRight, Top);
        for (var l = 0; l < used.Count; l++)
        {
            var lane = used[l];
            var cy = Top + ((l + 0.5) * LaneHeight);
            w.Line(labelWidth, cy, plotRight, cy, ChartColors.Grid);
            Markers.Draw(w, lane.Shape, 12, cy, 5.5, lane.Color);
            w.Text(24, cy + 4, lane.Label, "start", 11, ChartColors.Ink);
            var lastLabelEnd = double.NegativeInfinity;
            foreach (var item in items.Where(i => i.LaneKey == lane.Key).OrderBy(i => i.At))
            {
                var px = x.Map(Axis.ToSeconds(item.At));
                Markers.Draw(w, lane.Shape, px, cy, 6.5, lane.Color, "#ffffff", item.Tooltip);
                // Labels only where they do not run into the previous one.
                if (item.Label is { Length: > 0 } label && px + 10 > lastLabelEnd)
                {
                    w.Text(px + 10, cy + 4, label, "start", 10.5, ChartColors.Muted, "600");
                    lastLabelEnd = px + 10 + (label.Length * 6.2) + 6;
                }
            }
        }

        return w.ToString();
    }
}
