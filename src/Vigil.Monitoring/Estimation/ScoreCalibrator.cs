using Vigil.Statistics.Calibration;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// The calibration of one probability (a binary model's, or one class of a multiclass model's), fitted once on the
/// version's holdout and stored with it, with the cross-validated calibration error of every method it was chosen
/// from.
/// </summary>
public sealed record ScoreCalibrator
{
    /// <summary>The method chosen.</summary>
    public CalibrationMethod Method { get; init; }

    /// <summary>The isotonic function of the probability, when <see cref="Method"/> is isotonic.</summary>
    /// <remarks>An isotonic calibrator also keeps the sigmoid fitted on the same rows, for its tails.</remarks>
    public IsotonicFit? Isotonic { get; init; }

    /// <summary>The sigmoid of the log-odds, when <see cref="Method"/> is sigmoid.</summary>
    public PlattFit? Sigmoid { get; init; }

    /// <summary>Cross-validated expected calibration error per method (none, isotonic, sigmoid) on the holdout.</summary>
    public IReadOnlyDictionary<string, double> CrossValidatedError { get; init; } = new Dictionary<string, double>();

    /// <summary>The identity (probabilities used as they are).</summary>
    public static ScoreCalibrator Identity { get; } = new();

    /// <summary>The calibrated probability; a NaN score stays NaN.</summary>
    public double Apply(double probability) => Method switch
    {
        CalibrationMethod.Isotonic when Isotonic is not null => WithTails(Isotonic.Predict(probability), probability),
        CalibrationMethod.Sigmoid when Sigmoid is not null => Sigmoid.Predict(LogOdds(probability)),
        _ => probability,
    };

    // Isotonic regression sets a block with no positive (or no negative) holdout row to exactly 0 (or 1), and CBPE
    // would then count every such row as certainly right — on bank a third of the rows, whose few positives pull the
    // realised ROC AUC down where the estimate cannot see them. Below the first non-zero level (above the last level
    // under 1) the sigmoid fitted on the same rows gives the tail instead, capped by that level so the calibration
    // stays non-decreasing; between the extremes the isotonic value stands.
    private double WithTails(double isotonic, double probability)
    {
        if (Sigmoid is null || Isotonic is null || double.IsNaN(isotonic))
        {
            return isotonic;
        }

        var lowest = Isotonic.LowestPositive;
        var highest = Isotonic.HighestBelowOne;
        if (Isotonic.Y[0] <= 0 && isotonic < lowest)
        {
            return Math.Max(isotonic, Math.Min(Sigmoid.Predict(LogOdds(probability)), lowest));
        }

        if (Isotonic.Y[^1] >= 1 && isotonic > highest)
        {
            return Math.Min(isotonic, Math.Max(Sigmoid.Predict(LogOdds(probability)), highest));
        }

        return isotonic;
    }

    /// <summary>Log-odds with the probability clipped to [1e-12, 1 − 1e-12] (scikit-learn's oracle does the same).</summary>
    internal static double LogOdds(double p)
    {
        if (double.IsNaN(p))
        {
            return double.NaN;
        }

        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        return Math.Log(p / (1 - p));
    }
}
