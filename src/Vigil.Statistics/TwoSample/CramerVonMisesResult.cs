namespace Vigil.Statistics.TwoSample;

/// <summary>Result of the two-sample Cramér–von Mises test (SciPy 1.10 <c>cramervonmises_2samp</c> conventions).</summary>
/// <param name="Statistic">T = U / (n·m·N) − (4·n·m − 1) / (6·N) with U from the midranks of the pooled sample.</param>
/// <param name="PValue">p-value in [0, 1].</param>
/// <param name="EffectiveMethod">The method used: <see cref="CramerVonMisesMethod.Exact"/> or <see cref="CramerVonMisesMethod.Asymptotic"/>.</param>
public sealed record CramerVonMisesResult(double Statistic, double PValue, CramerVonMisesMethod EffectiveMethod);
