namespace Vigil.Monitoring.Reporting.Model;

/// <summary>One registered model version.</summary>
public sealed record VersionSummary
{
    /// <summary>Version label as the registry names it, e.g. <c>v3</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The learner AutoML chose, e.g. <c>LightGbm</c>.</summary>
    public required string Learner { get; init; }

    /// <summary>When the version was registered, in UTC.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Holdout metrics at registration, by metric name (e.g. <c>accuracy</c> → 0.91).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Why the version exists or was promoted, in words; null when unknown.</summary>
    public string? Reason { get; init; }

    /// <summary>True for the version serving now.</summary>
    public bool IsChampion { get; init; }

    /// <summary>What the version is: <c>vigil</c> (a bundle Vigil trained), <c>onnx</c>, <c>mlnet</c> or <c>external</c>.</summary>
    public string Kind { get; init; } = "vigil";

    /// <summary>What a reader must know about this kind, e.g. for <c>external</c>: no feature importance, so dataset drift is unweighted; null when nothing.</summary>
    public string? Note { get; init; }
}
