using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Monitoring.Reporting;

/// <summary>The latest check's per-column drift and the drift heatmap over the loaded checks, copied from stored results.</summary>
internal static class DriftViews
{
    /// <summary>
    /// Feature columns of the latest check (the label's drift is a separate test and not listed), each with the
    /// reference histogram of the profile that check ran against.
    /// </summary>
    public static IReadOnlyList<DriftColumnView> Latest(ParsedCheck? latest, ReferenceProfile? profile)
    {
        if (latest is null)
        {
            return [];
        }

        return latest.Result.Drift.Features.Columns.Where(c => !c.IsLabel).Select(c => new DriftColumnView
        {
            Name = c.Name,
            Type = c.Type,
            Test = c.Test,
            Statistic = c.Statistic,
            PValue = c.PValue,
            PValueAdjusted = c.AdjustedPValue,
            EffectSizes = c.EffectSizes ?? new Dictionary<string, double>(),
            Psi = c.Psi,
            JensenShannon = c.JensenShannon,
            WassersteinNormed = c.WassersteinNormed,
            Drifted = c.Drifted,
            Reason = c.Reason,
            // The bins the test compared, with both samples; older results without them fall back to the profile's side.
            Histogram = ComparedHistogram.Of(c.Histogram) ?? (profile?.Find(c.Name) is { } column ? ReferenceHistogram.Of(column) : null),
        }).ToArray();
    }

    /// <summary>Columns × checks (oldest first); a column a check did not compare gets an untested cell.</summary>
    public static DriftHeatmapView? Heatmap(IReadOnlyList<ParsedCheck> checks)
    {
        if (checks.Count == 0)
        {
            return null;
        }

        // Latest check's column order first, then columns only older checks compared.
        var columns = new List<string>();
        for (var i = checks.Count - 1; i >= 0; i--)
        {
            foreach (var c in Features(checks[i]))
            {
                if (!columns.Contains(c.Name, StringComparer.Ordinal))
                {
                    columns.Add(c.Name);
                }
            }
        }

        var byCheck = checks.Select(k => Features(k).GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).ToArray();
        var cells = columns.Select(name => (IReadOnlyList<HeatmapCell>)byCheck.Select(found => found.TryGetValue(name, out var c)
            ? new HeatmapCell { AdjustedP = c.AdjustedPValue, Psi = c.Psi, Drifted = c.Drifted }
            : new HeatmapCell()).ToArray()).ToArray();
        return new DriftHeatmapView
        {
            Columns = columns,
            Checks = checks.Select(k => new HeatmapCheck { CheckId = k.Id, At = k.At }).ToArray(),
            Cells = cells,
        };
    }

    private static IEnumerable<ColumnDrift> Features(ParsedCheck check) =>
        check.Result.Drift.Features.Columns.Where(c => !c.IsLabel);
}
