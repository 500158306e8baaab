namespace Vigil.Monitoring.Store;

/// <summary>A model's shadow: the version that also scores every logged row, and how far through the log it has come.</summary>
/// <param name="Position">The last logged row (predictions.seq) the shadow has scored; rows after it wait.</param>
public sealed record StoredShadow(string Model, int Version, long Position, DateTimeOffset SetAt, string SetBy, string Reason);
