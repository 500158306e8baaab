namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// The largest gap between two empirical CDFs: D = sup |F₁ − F₂|, the value where it is reached and its sign
/// (+1 when F₁ − F₂ reaches D), as SciPy's ks_2samp reports them.
/// </summary>
public readonly record struct EcdfGap(double Statistic, double Location, int Sign);
