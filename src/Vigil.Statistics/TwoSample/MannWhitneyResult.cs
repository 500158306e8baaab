namespace Vigil.Statistics.TwoSample;

/// <summary>
/// A Mann–Whitney U test: <see cref="U"/> is the statistic of the first sample (SciPy's <c>statistic</c>),
/// <see cref="Auc"/> = U / (n₁·n₂) = P(X &gt; Y) + ½·P(X = Y), the ROC AUC of scores X (positives) against Y,
/// <see cref="Z"/> the normal deviate of the side tested, and <see cref="PValue"/> from the normal approximation.
/// </summary>
public readonly record struct MannWhitneyResult(double U, double Auc, double Z, double PValue);
