namespace Vigil.Monitoring.Checks;

/// <summary>A profiled feature the drift check could not compare, and why (absent from the window, or another type).</summary>
public sealed record SkippedColumn(string Name, string Reason);
