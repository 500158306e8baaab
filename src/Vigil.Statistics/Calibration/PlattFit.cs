namespace Vigil.Statistics.Calibration;

/// <summary>A fitted sigmoid P(y = 1 | f) = 1 / (1 + exp(<see cref="A"/>·f + <see cref="B"/>)).</summary>
/// <param name="A">Slope (negative when larger f means more likely positive).</param>
/// <param name="B">Intercept.</param>
public sealed record PlattFit(double A, double B)
{
    /// <summary>The calibrated probability of a decision value; NaN stays NaN.</summary>
    public double Predict(double f) => double.IsNaN(f) ? double.NaN : PlattScaling.Probability(f, A, B);
}
