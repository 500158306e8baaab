namespace Vigil.Monitoring.Checks;

/// <summary>The window a result describes: [Start, End) and its row count.</summary>
public sealed record WindowInfo(DateTimeOffset Start, DateTimeOffset End, int Rows);
