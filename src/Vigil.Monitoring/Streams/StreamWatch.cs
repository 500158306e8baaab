using System.Globalization;
using System.Text.Json;
using Vigil.AutoML;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Store;
using Vigil.Statistics.ChangeDetection;

namespace Vigil.Monitoring.Streams;

/// <summary>
/// Feeds a model's streams to their detectors. Each stream keeps a cursor and its detectors' state in the store; a pass
/// reads the rows after the cursor in batches and commits, per batch, the detectors' new state, the cursor and the
/// detections in one transaction (optimistically: a process that lost the race reads again). A restart therefore
/// continues exactly where the last commit left off. The detectors follow the champion: rows scored by another version
/// are passed over, and a new champion (or new detector settings) starts the detectors afresh.
/// </summary>
internal static class StreamWatch
{
    private static readonly JsonSerializerOptions Compact = new(MonitoringJson.Options) { WriteIndented = false };

    // Batches per stream in one pass: a stream catching up on a long log (the first pass after an upgrade) yields to
    // the scheduler's other work between passes instead of holding it for minutes.
    private const int MaxBatchesPerPass = 20;

    public static StreamUpdate Update(
        IMonitoringStore store, string model, int champion, AutoMLTask task, StreamOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = new Dictionary<StreamKind, long>();
        var skipped = 0L;
        var detections = new List<StreamDetection>();
        foreach (var stream in new[] { StreamKind.Error, StreamKind.Score })
        {
            var names = options.Enabled ? Runnable(options.DetectorsOf(stream), stream, task) : [];
            if (names.Length == 0)
            {
                if (stream == StreamKind.Error)
                {
                    store.ForgetLabelJoins(model);
                }

                continue;
            }

            var settings = JsonSerializer.Serialize(new { detectors = names, options.Settings }, Compact);
            read[stream] = 0;
            for (var batch = 0; batch < MaxBatchesPerPass; batch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var stored = store.ReadStreamState(model, stream);
                var rows = store.ReadStreamRows(model, stream, stored?.Position ?? 0, options.BatchRows);
                var fresh = stored is null || stored.ChampionVersion != champion || stored.SettingsJson != settings;
                if (rows.Count == 0 && !fresh)
                {
                    break;
                }

                var detectors = (fresh ? null : Restore(stored!.DetectorsJson)) ?? names.Select(options.Settings.Create).ToArray();
                var observations = fresh ? 0 : stored!.Observations;
                var position = stored?.Position ?? 0;
                var found = new List<StreamDetection>();
                var counted = 0L;
                var passed = 0L;
                var now = time.GetUtcNow();
                foreach (var row in rows)
                {
                    position = row.Position;
                    var value = row.ModelVersion is { } version && version != champion ? null
                        : stream == StreamKind.Error ? (row.Label is null ? null : StreamValues.Error(task, row.Prediction, row.Label))
                        : StreamValues.Score(task, row.Score, row.Prediction);
                    if (value is not { } x)
                    {
                        passed++;
                        continue;
                    }

                    observations++;
                    counted++;
                    foreach (var detector in detectors)
                    {
                        var warned = detector is BinaryChangeDetector { WarningDetected: true };
                        detector.Update(x);
                        var kind = detector.DriftDetected ? StreamDetection.Change
                            : detector is BinaryChangeDetector { WarningDetected: true } && !warned ? StreamDetection.Warning
                            : null;
                        if (kind is not null)
                        {
                            found.Add(new StreamDetection(0, model, stream, detector.Name, kind, now, champion, observations, row.Id, row.Time,
                                Describe(stream, detector, kind)));
                        }
                    }
                }

                var next = new StoredStream(champion, position, observations, settings, Save(detectors), now);
                if (!store.SaveStreamProgress(model, stream, stored?.Position, next, found, out var saved))
                {
                    continue; // another process advanced the stream meanwhile: read its state again (counts as a batch)
                }

                read[stream] += counted;
                skipped += passed;
                detections.AddRange(saved);
                if (rows.Count < options.BatchRows)
                {
                    break;
                }
            }
        }

        return new StreamUpdate(read, skipped, detections);
    }

    /// <summary>The stored state of each stream of <paramref name="model"/>, for the API.</summary>
    public static IReadOnlyList<StreamStatus> Status(IMonitoringStore store, string model)
    {
        var result = new List<StreamStatus>();
        foreach (var stream in new[] { StreamKind.Error, StreamKind.Score })
        {
            if (store.ReadStreamState(model, stream) is not { } stored || Restore(stored.DetectorsJson) is not { } detectors)
            {
                continue;
            }

            result.Add(new StreamStatus(stream, stored.ChampionVersion, stored.Observations, stored.UpdatedAt,
                detectors.Select(d => new DetectorStatus(d.Name, d.Observations, Estimate(d), d is BinaryChangeDetector { WarningDetected: true })).ToArray()));
        }

        return result;
    }

    // DDM and EDDM read bits: they run on a classifier's error stream only.
    private static string[] Runnable(IReadOnlyList<string>? names, StreamKind stream, AutoMLTask task) =>
        (names ?? []).Where(n => !DetectorSettings.IsBinary(n) || (stream == StreamKind.Error && task != AutoMLTask.Regression)).ToArray();

    private static string Save(IEnumerable<ChangeDetector> detectors) =>
        JsonSerializer.Serialize(detectors.Select(d => d.Save()).ToArray(), Compact);

    // Null when the stored state cannot be read back (it is then started afresh rather than blocking the stream).
    private static ChangeDetector[]? Restore(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ChangeDetectorState[]>(json, Compact)?.Select(s => s.Restore()).ToArray();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static double Estimate(ChangeDetector detector) => detector switch
    {
        Adwin a => a.Estimation,
        Ddm d => d.ErrorRate,
        Eddm e => e.MeanDistance,
        PageHinkley p => p.Mean,
        Kswin k => k.PValue,
        _ => double.NaN,
    };

    private static string Describe(StreamKind stream, ChangeDetector detector, string kind)
    {
        var what = detector switch
        {
            Adwin a => F("window mean now {0:G4} over the last {1} values", a.Estimation, a.Width),
            Ddm d => F("error rate {0:P1} over {1} labels", d.ErrorRate, d.Observations),
            Eddm e => F("mean distance between errors {0:G4} over {1} labels", e.MeanDistance, e.Observations),
            PageHinkley p => F("cumulative rise {0:G4} ≥ {1:G4} (running mean {2:G4})", p.Statistic, p.Threshold, p.Mean),
            Kswin k => F("KS D = {0:F3}, p = {1:G3} ≤ {2:G3}", k.Statistic, k.PValue, k.Alpha),
            _ => "",
        };
        return F("{0} on the {1} stream ({2}): {3}", kind == StreamDetection.Change ? "change" : "warning",
            MonitoringStore.StreamText(stream), detector.Name, what);
    }

    private static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
