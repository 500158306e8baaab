using System.Diagnostics.Metrics;
using Vigil.Monitoring.Telemetry;

namespace Vigil.Server.Tests.Telemetry;

/// <summary>
/// Listens to the <c>Vigil</c> meter and keeps the measurements about one model (the listener is process-wide, and
/// other tests record for their own models meanwhile).
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly string _model;
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];
    private readonly Lock _lock = new();

    public MeasurementRecorder(string model)
    {
        _model = model;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == VigilTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Reads every observable gauge now.</summary>
    public void ObserveGauges() => _listener.RecordObservableInstruments();

    public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Sum(m => m.Value);

    public int Count(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Count();

    /// <summary>The latest value (a gauge's current reading).</summary>
    public double Last(string instrument, params (string Key, string Value)[] tags)
    {
        var found = Matching(instrument, tags).ToArray();
        Assert.True(found.Length > 0, $"no measurement of {instrument} for {_model}");
        return found[^1].Value;
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == TelemetryTags.Model && Equals(tag.Value, _model))
            {
                lock (_lock)
                {
                    _measurements.Add((instrument.Name, value, tags.ToArray()));
                }

                return;
            }
        }
    }

    private IEnumerable<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string instrument, (string Key, string Value)[] tags)
    {
        lock (_lock)
        {
            return _measurements
                .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(x => x.Key == t.Key && Equals(x.Value, t.Value))))
                .ToArray();
        }
    }
}
