namespace Vigil.Server;

/// <summary>
/// Watched metrics from configuration (section <c>Vigil:Watch</c>), as <c>metric[:drop]</c> lists such as
/// <c>accuracy:0.05,recall:0.10</c>. A model's own setting (CLI, <c>PUT /api/v1/models/{name}/watched</c>) wins over
/// both; see docs/performance.md.
/// </summary>
public sealed class WatchOptions
{
    /// <summary>The list for every model without its own; each model keeps the metrics its task tracks (none left: the task's default).</summary>
    public string? Default { get; set; }

    /// <summary>Per model name, the list for that model (every metric must be one its task tracks).</summary>
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.Ordinal);
}
