using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Monitoring.Reporting;

/// <summary>
/// Series of estimated metrics from the checks' stored <see cref="EstimatedPerformance"/>, each point paired with the
/// realised value of the same window once known: the check's own realised value (all labels were there), or the
/// measured value of a later check of the same window (same start and end) whose labels had arrived. Nothing is
/// re-measured.
/// </summary>
internal static class EstimatedTimeline
{
    public static IReadOnlyList<EstimatedSeries> Build(IReadOnlyList<ParsedCheck> checks)
    {
        var names = new List<string>();
        foreach (var metric in checks.SelectMany(c => c.Result.EstimatedPerformance?.Metrics ?? []))
        {
            if (!names.Contains(metric.Name, StringComparer.Ordinal))
            {
                names.Add(metric.Name);
            }
        }

        return names.Select(n => Series(checks, n)).OfType<EstimatedSeries>().ToArray();
    }

    private static EstimatedSeries? Series(IReadOnlyList<ParsedCheck> checks, string name)
    {
        var points = new List<EstimatedPoint>();
        EstimatedMetric? latest = null;
        string? method = null;
        for (var i = 0; i < checks.Count; i++)
        {
            var estimated = checks[i].Result.EstimatedPerformance;
            var metric = estimated?.Metrics.FirstOrDefault(m => m.Name == name);
            if (metric?.Value is not { } value || !double.IsFinite(value))
            {
                continue;
            }

            latest = metric;
            method = estimated!.Method;
            var (realised, realisedId) = metric.Realised is { } own ? (own, checks[i].Id) : LaterMeasurement(checks, i, name);
            points.Add(new EstimatedPoint
            {
                At = checks[i].At,
                Value = value,
                Lower = metric.Lower,
                Upper = metric.Upper,
                Rows = estimated.Rows,
                Degraded = metric.Degraded,
                CheckId = checks[i].Id,
                Realised = realised,
                RealisedCheckId = realisedId,
            });
        }

        if (latest is null)
        {
            return null;
        }

        return new EstimatedSeries
        {
            Metric = name,
            Method = method!,
            HigherIsBetter = latest.HigherIsBetter,
            Watched = latest.Watched,
            Baseline = latest.Baseline,
            Threshold = latest is { Baseline: { } b, AllowedDrop: { } drop } ? (latest.HigherIsBetter ? b - drop : b + drop) : null,
            Points = points,
        };
    }

    // The newest later check of the same window with a measured value of the metric.
    private static (double? Value, string? CheckId) LaterMeasurement(IReadOnlyList<ParsedCheck> checks, int index, string name)
    {
        var window = checks[index].Result.Window;
        for (var j = checks.Count - 1; j > index; j--)
        {
            var other = checks[j].Result;
            if (other.Window.Start == window.Start && other.Window.End == window.End
                && other.Performance?.Metrics.FirstOrDefault(m => m.Name == name)?.Value is { } value && double.IsFinite(value))
            {
                return (value, checks[j].Id);
            }
        }

        return (null, null);
    }
}
