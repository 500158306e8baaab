namespace Vigil.Monitoring.Streams;

/// <summary>A stream's stored progress: the champion it follows, its cursor, and its detectors' saved state (JSON).</summary>
/// <param name="Position">The last position read: a <c>label_joins</c> id (error stream) or a prediction's <c>seq</c> (score stream).</param>
public sealed record StoredStream(
    int ChampionVersion, long Position, long Observations, string SettingsJson, string DetectorsJson, DateTimeOffset UpdatedAt);
