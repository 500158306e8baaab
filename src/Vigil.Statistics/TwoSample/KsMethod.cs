namespace Vigil.Statistics.TwoSample;

/// <summary>How the two-sample Kolmogorov–Smirnov p-value is computed (SciPy 1.10 ks_2samp "method").</summary>
public enum KsMethod
{
    /// <summary>Exact when max(n, m) ≤ 10000, otherwise asymptotic.</summary>
    Auto,

    /// <summary>Exact lattice-path count; falls back to asymptotic when lcm(n, m) is too large or the count fails.</summary>
    Exact,

    /// <summary>Finite-n Kolmogorov distribution: kstwo.sf(D, round(n·m/(n + m))).</summary>
    Asymptotic,
}
