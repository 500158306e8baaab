namespace Vigil.Monitoring.Checks;

/// <summary>
/// The window's model scores against the baseline's holdout scores (see <see cref="Profiles.Baseline.ScoreSample"/>):
/// a two-sample KS test, drifted when its p-value is below the drift options' alpha and Wasserstein-1 / baseline std
/// reaches their <c>MinWassersteinNormed</c> (one test, so no correction).
/// </summary>
public sealed record PredictionDrift
{
    /// <summary>Baseline scores compared (the stored sample).</summary>
    public int NReference { get; init; }

    /// <summary>Finite window scores compared.</summary>
    public int NCurrent { get; init; }

    /// <summary>KS statistic D, or null when a sample is empty.</summary>
    public double? KsStatistic { get; init; }

    /// <summary>KS p-value (two-sided, SciPy method auto), or null when a sample is empty.</summary>
    public double? KsPValue { get; init; }

    /// <summary>Wasserstein-1 distance / population std of the baseline scores (0.001 when that std is 0).</summary>
    public double? WassersteinNormed { get; init; }

    /// <summary>The decision described on the type.</summary>
    public bool Drifted { get; init; }

    /// <summary>Why, in words.</summary>
    public string Reason { get; init; } = "";
}
