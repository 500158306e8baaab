namespace Vigil.Monitoring.Streams;

/// <summary>One logged row as a stream reads it: its position in the stream's order and the fields the value comes from.</summary>
public readonly record struct StreamRow(
    long Position, string Id, DateTimeOffset Time, string Prediction, double? Score, string? Label, int? ModelVersion);
