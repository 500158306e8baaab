using System.Text.Json.Serialization;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Monitoring.Shadows;

/// <summary>
/// Where a model's shadow stands: which version shadows which champion, how many logged rows it has scored, and the
/// champion and the shadow compared on the same newest labelled rows with the paired bootstrap every promotion uses.
/// </summary>
public sealed record ShadowStatus
{
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("champion_version")]
    public int ChampionVersion { get; init; }

    [JsonPropertyName("champion_kind")]
    public required string ChampionKind { get; init; }

    [JsonPropertyName("shadow_version")]
    public int ShadowVersion { get; init; }

    [JsonPropertyName("shadow_kind")]
    public required string ShadowKind { get; init; }

    [JsonPropertyName("set_at")]
    public DateTimeOffset SetAt { get; init; }

    [JsonPropertyName("set_by")]
    public string SetBy { get; init; } = "";

    /// <summary>Logged rows the shadow has scored since it was set.</summary>
    [JsonPropertyName("scored_rows")]
    public long ScoredRows { get; init; }

    /// <summary>Of those, rows it could not score (a value it cannot take); they take no part in the comparison.</summary>
    [JsonPropertyName("unscored_rows")]
    public long UnscoredRows { get; init; }

    /// <summary>Logged rows waiting to be scored by the shadow.</summary>
    [JsonPropertyName("backlog_rows")]
    public long BacklogRows { get; init; }

    /// <summary><c>scored</c>: the champion scored the compared rows itself; <c>logged</c>: its logged predictions and scores were used (an external champion).</summary>
    [JsonPropertyName("champion_outputs")]
    public string ChampionOutputs { get; init; } = "scored";

    /// <summary>Labelled rows both sides could be judged on (the champion and the shadow on the same rows).</summary>
    [JsonPropertyName("labelled_rows")]
    public int LabelledRows { get; init; }

    /// <summary>Labelled rows the promotion policy asks for before the comparison may decide.</summary>
    [JsonPropertyName("min_labelled_rows")]
    public int MinLabelledRows { get; init; }

    /// <summary>The paired comparison (the shadow as challenger); null with fewer than two labelled rows compared.</summary>
    [JsonPropertyName("comparison")]
    public PairedComparison? Comparison { get; init; }

    /// <summary>True when enough labelled rows exist and the paired interval clears the margin: the shadow may be promoted.</summary>
    [JsonPropertyName("promotable")]
    public bool Promotable => LabelledRows >= MinLabelledRows && Comparison is { Clears: true };

    /// <summary>One line: the figures and what they mean.</summary>
    [JsonPropertyName("verdict")]
    public required string Verdict { get; init; }
}
