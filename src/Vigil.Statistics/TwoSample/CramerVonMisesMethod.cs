namespace Vigil.Statistics.TwoSample;

/// <summary>How the two-sample Cramér–von Mises p-value is computed (SciPy 1.10 cramervonmises_2samp "method").</summary>
public enum CramerVonMisesMethod
{
    /// <summary>Exact when both samples have at most 20 values, otherwise asymptotic (SciPy's rule).</summary>
    Auto,

    /// <summary>Exact null distribution of U over all C(n + m, n) splits of the pooled ranks (Xiao, Gordon and Yakovlev 2006).</summary>
    Exact,

    /// <summary>The normalised statistic against the limiting distribution of the one-sample statistic (Anderson 1962).</summary>
    Asymptotic,
}
