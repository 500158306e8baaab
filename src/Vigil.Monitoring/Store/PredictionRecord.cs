namespace Vigil.Monitoring.Store;

/// <summary>One row a model scored in production.</summary>
/// <param name="Id">Caller's row id, unique per model; labels are joined by it.</param>
/// <param name="Timestamp">When the row was scored; stored as UTC (the offset is not kept).</param>
/// <param name="Features">
/// Feature values by name: numbers (any numeric type; NaN = missing), strings, booleans, or null (missing).
/// DateTime/DateTimeOffset values are stored as ISO 8601 text. Stored as one JSON object per row.
/// </param>
/// <param name="Prediction">The predicted label or value, as text (invariant culture for numbers).</param>
/// <param name="Score">The score or probability behind the prediction, if any.</param>
/// <param name="ModelVersion">The model version that scored the row, if known.</param>
public sealed record PredictionRecord(
    string Id,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, object?> Features,
    string Prediction,
    double? Score,
    int? ModelVersion);
