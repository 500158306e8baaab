using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Monitoring.Streams;

namespace Vigil.Monitoring.Alerts;

/// <summary>
/// The alert for online change detectors firing on a model's stream: one alert for the changes stored by one pass
/// (written in the pass's transaction), not one per detector, so a catch-up over many rows does not flood a channel.
/// Warning zones (DDM, EDDM) are shown in the API and report, not alerted.
/// </summary>
public static class DetectorAlerts
{
    /// <summary>The alert for <paramref name="changes"/> (at least one, all of one model and stream, oldest first).</summary>
    public static AlertDraft Fired(IReadOnlyList<StreamDetection> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentOutOfRangeException.ThrowIfZero(changes.Count, nameof(changes));
        var first = changes[0];
        var stream = first.Stream.ToString().ToLowerInvariant();
        var detectors = changes.Select(c => c.Detector).Distinct(StringComparer.Ordinal).ToArray();
        var inv = CultureInfo.InvariantCulture;
        return new AlertDraft
        {
            Model = first.Model,
            ModelVersion = changes[^1].ModelVersion,
            Kind = AlertKind.DetectorFired,
            Severity = AlertSeverity.Warning,
            Subject = "detector:" + stream,
            Title = $"{first.Model}: change detected on the {stream} stream",
            Text = string.Join("; ", changes.Select(c => string.Format(inv, "{0} at observation {1} (row '{2}', scored {3:u}): {4}",
                c.Detector, c.Observation, c.PredictionId, c.RowTime, c.Detail))) + ".",
            Details = new JsonObject
            {
                ["stream"] = stream,
                ["detectors"] = new JsonArray([.. detectors.Select(d => (JsonNode)d)]),
                ["detections"] = new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject
                {
                    ["detection_id"] = c.Id,
                    ["detector"] = c.Detector,
                    ["observation"] = c.Observation,
                    ["prediction_id"] = c.PredictionId,
                    ["row_time"] = c.RowTime,
                    ["model_version"] = c.ModelVersion,
                    ["detail"] = c.Detail,
                })]),
            },
        };
    }
}
