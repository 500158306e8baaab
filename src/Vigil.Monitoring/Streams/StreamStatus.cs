namespace Vigil.Monitoring.Streams;

/// <summary>Where a model's stream stands: the champion it follows, the values read, and each detector's state.</summary>
/// <param name="ChampionVersion">The champion version whose values the detectors hold.</param>
/// <param name="Observations">Values read for that champion.</param>
/// <param name="UpdatedAt">When the stream last read values (workspace clock).</param>
/// <param name="Detectors">Each detector's current state.</param>
public sealed record StreamStatus(
    StreamKind Stream, int ChampionVersion, long Observations, DateTimeOffset UpdatedAt, IReadOnlyList<DetectorStatus> Detectors);
