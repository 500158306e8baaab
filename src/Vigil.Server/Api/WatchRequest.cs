using System.Text.Json.Serialization;

namespace Vigil.Server.Api;

/// <summary>
/// New watched metrics for a model: either <paramref name="Metrics"/> (<c>[{name, max_relative_drop?}]</c>) or
/// <paramref name="Watch"/>, the CLI's list (<c>"accuracy:0.05,recall:0.10"</c>), not both.
/// </summary>
public sealed record WatchRequest(IReadOnlyList<WatchedMetricBody>? Metrics, string? Watch);

/// <summary>One watched metric; a missing drop means the default (5 %). Numbers must be JSON numbers (no "NaN" string).</summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record WatchedMetricBody(string? Name, double? MaxRelativeDrop);
