using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Vigil.Monitoring.Telemetry;

/// <summary>
/// Vigil's one <see cref="ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>, both named
/// <c>Vigil</c> with the assembly version. The library starts its spans here (checks, retrains) and the service adds
/// its own (alert delivery) and its instruments. Nothing is recorded until something listens: with no listener
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and instruments drop measurements,
/// so the cost without telemetry is a null check. Listen with an OpenTelemetry SDK (<c>AddSource("Vigil")</c>,
/// <c>AddMeter("Vigil")</c>), an <see cref="ActivityListener"/> or a <see cref="MeterListener"/>.
/// </summary>
public static class VigilTelemetry
{
    /// <summary>The name of the source and of the meter.</summary>
    public const string Name = "Vigil";

    /// <summary>The assembly version (major.minor.patch), reported with every span and measurement.</summary>
    public static string Version { get; } = typeof(VigilTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static ActivitySource Source { get; } = new(Name, Version);

    public static Meter Meter { get; } = new(Name, Version);
}
