namespace Vigil.Statistics.TwoSample;

/// <summary>
/// Result of a two-sided two-sample Kolmogorov–Smirnov test, with SciPy 1.10 ks_2samp conventions.
/// </summary>
/// <param name="Statistic">D = sup |F_x − F_y|; on the exact path it is rounded to h / lcm(n, m) as SciPy does.</param>
/// <param name="PValue">Two-sided p-value in [0, 1]; NaN when the asymptotic path has effective n = 0 (n = m = 1).</param>
/// <param name="Location">Sample value at which the maximal ECDF difference is attained (first occurrence in x then y).</param>
/// <param name="Sign">+1 when F_x − F_y attains D at <paramref name="Location"/>, −1 when F_y − F_x does.</param>
/// <param name="EffectiveMethod">The method actually used: <see cref="KsMethod.Exact"/> or <see cref="KsMethod.Asymptotic"/>.</param>
/// <param name="FellBackToAsymptotic">True when exact was requested or chosen by Auto but SciPy's fallback to asymptotic applied.</param>
public sealed record KsResult(
    double Statistic,
    double PValue,
    double Location,
    int Sign,
    KsMethod EffectiveMethod,
    bool FellBackToAsymptotic = false);
