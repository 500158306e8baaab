using System.Text.Json.Serialization;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>What a retrain did: both models' scores on the same fresh holdout, the paired interval and the verdict.</summary>
public sealed record RetrainOutcome
{
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("champion_version")]
    public int ChampionVersion { get; init; }

    [JsonPropertyName("challenger_version")]
    public int ChallengerVersion { get; init; }

    /// <summary>Metric that decided (e.g. roc_auc).</summary>
    [JsonPropertyName("metric")]
    public required string Metric { get; init; }

    [JsonPropertyName("higher_is_better")]
    public bool HigherIsBetter { get; init; }

    [JsonPropertyName("champion_score")]
    public double ChampionScore { get; init; }

    [JsonPropertyName("challenger_score")]
    public double ChallengerScore { get; init; }

    /// <summary>Challenger minus champion, sign-adjusted so positive means the challenger is better.</summary>
    [JsonPropertyName("improvement")]
    public double Improvement { get; init; }

    [JsonPropertyName("improvement_lower")]
    public double ImprovementLower { get; init; }

    [JsonPropertyName("improvement_upper")]
    public double ImprovementUpper { get; init; }

    [JsonPropertyName("confidence")]
    public double Confidence { get; init; }

    [JsonPropertyName("margin")]
    public double Margin { get; init; }

    [JsonPropertyName("holdout_rows")]
    public int HoldoutRows { get; init; }

    [JsonPropertyName("training_rows")]
    public int TrainingRows { get; init; }

    [JsonPropertyName("promoted")]
    public bool Promoted { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    [JsonPropertyName("champion_metrics")]
    public IReadOnlyDictionary<string, double> ChampionMetrics { get; init; } = new Dictionary<string, double>();

    [JsonPropertyName("challenger_metrics")]
    public IReadOnlyDictionary<string, double> ChallengerMetrics { get; init; } = new Dictionary<string, double>();

    [JsonPropertyName("learner")]
    public string Learner { get; init; } = "";

    [JsonPropertyName("training_seconds")]
    public double TrainingSeconds { get; init; }

    /// <summary>The champion's kind (vigil, onnx, mlnet, external).</summary>
    [JsonPropertyName("champion_kind")]
    public string ChampionKind { get; init; } = "vigil";

    /// <summary>True when the search started from the champion's configurations (only a champion Vigil trained has them).</summary>
    [JsonPropertyName("warm_started")]
    public bool WarmStarted { get; init; }

    /// <summary><c>scored</c>: the champion scored the comparison rows itself; <c>logged</c>: its logged predictions and scores on them were used.</summary>
    [JsonPropertyName("champion_outputs")]
    public string ChampionOutputs { get; init; } = "scored";

    /// <summary>What the reader should know about how this comparison was made (cold start, logged outputs, promotion held back); null when nothing.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
