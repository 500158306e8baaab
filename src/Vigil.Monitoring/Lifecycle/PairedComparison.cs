using System.Text.Json.Serialization;
using Vigil.Monitoring.Checks;
using Vigil.Statistics.Resampling;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>
/// Two models' outcomes on the same rows, compared the one way every promotion in Vigil is decided (a retrain's
/// challenger, a shadow): the metric of each on all rows, and the seeded paired bootstrap interval of the improvement
/// (challenger minus champion, sign-adjusted so positive is better). Promotion needs that interval's lower bound
/// above the margin.
/// </summary>
public sealed record PairedComparison
{
    [JsonPropertyName("metric")]
    public required string Metric { get; init; }

    [JsonPropertyName("higher_is_better")]
    public bool HigherIsBetter { get; init; }

    /// <summary>Rows both models were scored on (the same rows, in the same order).</summary>
    [JsonPropertyName("rows")]
    public int Rows { get; init; }

    [JsonPropertyName("champion_score")]
    public double ChampionScore { get; init; }

    [JsonPropertyName("challenger_score")]
    public double ChallengerScore { get; init; }

    /// <summary>Challenger minus champion on all rows, sign-adjusted so positive means the challenger is better.</summary>
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

    /// <summary>Bootstrap resamples in which the metric was defined for both (0: the interval is undefined).</summary>
    [JsonPropertyName("resamples")]
    public int Resamples { get; init; }

    /// <summary>True when the interval's lower bound lies above the margin: the challenger is measurably better.</summary>
    [JsonPropertyName("clears")]
    public bool Clears => Resamples > 0 && ImprovementLower > Margin;

    /// <summary>
    /// Compares <paramref name="challenger"/> with <paramref name="champion"/>, which must hold the outcomes of the same
    /// rows in the same order.
    /// </summary>
    public static PairedComparison Compute(PredictionSet champion, PredictionSet challenger, string metric,
        int resamples, double confidence, int seed, double margin)
    {
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(challenger);
        if (champion.Rows != challenger.Rows)
        {
            throw new ArgumentException($"The champion has outcomes for {champion.Rows} rows and the challenger for {challenger.Rows}; a paired comparison needs the same rows.", nameof(challenger));
        }

        var higherIsBetter = TaskMetrics.HigherIsBetter(metric);
        var sign = higherIsBetter ? 1.0 : -1.0;
        var interval = Bootstrap.PairedDifference(champion.Rows,
            rows => sign * TaskMetrics.Compute(challenger, metric, rows),
            rows => sign * TaskMetrics.Compute(champion, metric, rows),
            resamples, confidence, seed);
        var all = Enumerable.Range(0, champion.Rows).ToArray();
        var championScore = TaskMetrics.Compute(champion, metric, all);
        var challengerScore = TaskMetrics.Compute(challenger, metric, all);
        return new PairedComparison
        {
            Metric = metric,
            HigherIsBetter = higherIsBetter,
            Rows = champion.Rows,
            ChampionScore = championScore,
            ChallengerScore = challengerScore,
            Improvement = sign * (challengerScore - championScore),
            ImprovementLower = interval.Lower,
            ImprovementUpper = interval.Upper,
            Confidence = confidence,
            Margin = margin,
            Resamples = interval.Resamples,
        };
    }
}
