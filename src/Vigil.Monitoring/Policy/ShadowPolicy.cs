namespace Vigil.Monitoring.Policy;

/// <summary>
/// When a shadow is compared with the champion and when it is promoted. The comparison uses the newest
/// <see cref="MaxLabelledRows"/> labelled rows both have outputs for; the shadow is promotable when at least
/// <see cref="MinLabelledRows"/> of them exist (the gate) and the paired bootstrap interval of its improvement in the
/// metric lies above <see cref="Margin"/> (the reason) — the test a retrain's challenger passes. With
/// <see cref="AutoPromote"/> the service promotes a promotable shadow by itself; otherwise a person does.
/// </summary>
public sealed record ShadowPolicy
{
    /// <summary>Labelled rows needed before the comparison may promote. Default 200.</summary>
    public int MinLabelledRows { get; init; } = 200;

    /// <summary>Newest labelled rows compared. Default 5,000.</summary>
    public int MaxLabelledRows { get; init; } = 5000;

    /// <summary>Metric that decides; null: the task's primary (roc_auc, log_loss, rmse), or accuracy when a side has no probabilities.</summary>
    public string? Metric { get; init; }

    /// <summary>Improvement the shadow must show (metric units, sign-adjusted so larger is better). Default 0.</summary>
    public double Margin { get; init; }

    /// <summary>Two-sided level of the paired interval whose lower bound must clear the margin. Default 0.9 (one-sided 95 %).</summary>
    public double Confidence { get; init; } = 0.9;

    public int Resamples { get; init; } = 1000;

    public int Seed { get; init; } = 1;

    /// <summary>Promote a promotable shadow without a person (the service's policy pass). Default false.</summary>
    public bool AutoPromote { get; init; }

    /// <summary>Refuses settings the comparison cannot run with, naming the setting.</summary>
    public void Validate()
    {
        if (MinLabelledRows < 2 || MaxLabelledRows < MinLabelledRows)
        {
            throw new ArgumentOutOfRangeException(nameof(MinLabelledRows), $"Need 2 <= MinLabelledRows ({MinLabelledRows}) <= MaxLabelledRows ({MaxLabelledRows}).");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "The confidence level must be in (0, 1).");
        }

        if (Resamples < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "Use at least 100 bootstrap resamples.");
        }
    }

    /// <summary>The policy's verdict on <paramref name="status"/>: its gate (enough labelled rows) and its reason (the interval clears the margin).</summary>
    public ShadowDecision Evaluate(Shadows.ShadowStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var enough = status.LabelledRows >= MinLabelledRows;
        var gate = new ShadowCriterion("enough_labelled_rows", "gate", enough,
            string.Format(inv, "{0} labelled rows compared, {1} needed", status.LabelledRows, MinLabelledRows));
        var c = status.Comparison;
        var better = c is { Clears: true };
        var reason = new ShadowCriterion("shadow_better", "reason", better, c is null
            ? "no comparison yet"
            : string.Format(inv, "{0}: shadow {1:F4} vs champion {2:F4}, improvement {3:+0.0000;-0.0000} ({4:P0} CI [{5:+0.0000;-0.0000}, {6:+0.0000;-0.0000}]) {7} margin {8}",
                c.Metric, c.ChallengerScore, c.ChampionScore, c.Improvement, c.Confidence, c.ImprovementLower, c.ImprovementUpper,
                better ? "clears" : "does not clear", c.Margin));
        var promote = enough && better;
        var summary = promote
            ? $"promote shadow v{status.ShadowVersion}: {reason.Detail} on {status.LabelledRows} labelled rows"
            : !enough ? $"keep champion v{status.ChampionVersion}: {gate.Detail}" : $"keep champion v{status.ChampionVersion}: {reason.Detail}";
        return new ShadowDecision(promote, summary, [gate, reason]);
    }
}
