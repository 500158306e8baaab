using System.Text.Json.Nodes;
using Vigil.AutoML;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Streams;
using Vigil.Monitoring.Tests.Store;
using Vigil.Monitoring.Tests.Streams;

namespace Vigil.Monitoring.Tests.Alerts;

/// <summary>A change found by the online detectors is one detector_fired alert, stored in the pass that stores the detections.</summary>
public sealed class DetectorAlertTests
{
    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void A_change_on_a_stream_is_one_alert_written_with_its_detections(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var bits = DetectorStreams.Bits(3, 1200, 0.1, 600, 0.6);
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        store.LogPredictions("m", bits.Select((_, i) => new PredictionRecord(
            "r" + i, start.AddMinutes(i), new Dictionary<string, object?> { ["x"] = i }, "yes", 0.5, 1)).ToArray());
        store.LogLabels("m", bits.Select((b, i) => new LabelRecord("r" + i, b == 1 ? "no" : "yes", null)).ToArray());
        var options = new StreamOptions { ErrorDetectors = ["ddm", "adwin"], ScoreDetectors = [] };

        var update = StreamWatch.Update(store, "m", 1, AutoMLTask.Binary, options, temp.Clock, CancellationToken.None);
        var changes = update.Detections.Where(d => d.Kind == StreamDetection.Change).ToArray();
        Assert.NotEmpty(changes);
        var alert = Assert.Single(store.ListAlerts("m"));
        Assert.Equal((AlertKind.DetectorFired, AlertSeverity.Warning, "detector:error"), (alert.Kind, alert.Severity, alert.Subject!));
        Assert.Equal(changes.Select(c => c.Id), alert.Details["detections"]!.AsArray().Select(d => (long)d!["detection_id"]!));
        Assert.Contains(changes[0].PredictionId, alert.Text, StringComparison.Ordinal);

        // Nothing new to read: no detection, no alert.
        Assert.Empty(StreamWatch.Update(store, "m", 1, AutoMLTask.Binary, options, temp.Clock, CancellationToken.None).Detections);
        Assert.Single(store.ListAlerts("m"));
    }
}
