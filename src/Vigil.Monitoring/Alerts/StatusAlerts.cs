using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Alerts;

/// <summary>The alert for a change of a model's status (healthy, warning, alarm) found by a check.</summary>
public static class StatusAlerts
{
    /// <summary>The subject of status alerts (see <see cref="AlertDraft.Subject"/>).</summary>
    public const string Subject = "status";

    /// <summary>The state a model starts in: its first healthy check sends nothing.</summary>
    public const string Initial = "healthy";

    /// <summary>The stored name of <paramref name="status"/> (as in the checks table).</summary>
    public static string State(MonitoringStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The alert for check <paramref name="checkId"/> of <paramref name="version"/>, whose status differs from <paramref name="previous"/>.</summary>
    public static AlertDraft Change(MonitoringResult result, int version, int rows, string previous, long checkId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var details = new JsonObject
        {
            ["drifted_columns"] = new JsonArray([.. result.Drift.DriftedColumns.Select(c => (JsonNode)c)]),
            ["drifted_share"] = result.Drift.DriftedShare,
            ["dataset_drift"] = result.Drift.DatasetDrift,
        };
        if (result.Performance is { } performance)
        {
            details["performance_degraded"] = performance.Degraded;
            details["primary_metric"] = performance.PrimaryMetric;
        }

        return Change(result.Model, version, rows, State(result.Status), previous, checkId, result.Reasons, details);
    }

    /// <summary>
    /// The alert for a status change from <paramref name="previous"/> to <paramref name="state"/>. Its severity is the
    /// higher of the two states', so a change that lowers or ends an alarm reaches the channels that heard the alarm.
    /// </summary>
    public static AlertDraft Change(
        string model, int version, int rows, string state, string previous, long checkId, IReadOnlyList<string> reasons, JsonObject? details = null)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var kind = state switch
        {
            "alarm" => AlertKind.Alarm,
            "warning" => AlertKind.Warning,
            _ => AlertKind.Resolved,
        };
        var where = string.Format(CultureInfo.InvariantCulture, "Check {0} of {1} version {2} on {3} rows", checkId, model, version, rows);
        var all = new JsonObject
        {
            ["status"] = state,
            ["previous_status"] = previous,
            ["check_id"] = checkId,
            ["rows"] = rows,
            ["reasons"] = new JsonArray([.. reasons.Select(r => (JsonNode)r)]),
        };
        foreach (var (key, value) in details ?? [])
        {
            all[key] = value?.DeepClone();
        }

        return new AlertDraft
        {
            Model = model,
            ModelVersion = version,
            Kind = kind,
            Severity = Max(SeverityOf(previous), SeverityOf(state)),
            Subject = Subject,
            State = state,
            PreviousState = previous,
            Title = kind == AlertKind.Resolved ? $"{model}: resolved (was {previous})"
                : previous == Initial ? $"{model}: {state}" : $"{model}: {state} (was {previous})",
            Text = kind == AlertKind.Resolved || reasons.Count == 0
                ? $"{where} is {state} (was {previous})."
                : $"{where}: {string.Join("; ", reasons)}.",
            Details = all,
            CheckId = checkId,
        };
    }

    private static AlertSeverity SeverityOf(string state) => state switch
    {
        "alarm" => AlertSeverity.Alarm,
        "warning" => AlertSeverity.Warning,
        _ => AlertSeverity.Info,
    };

    private static AlertSeverity Max(AlertSeverity a, AlertSeverity b) => a >= b ? a : b;
}
