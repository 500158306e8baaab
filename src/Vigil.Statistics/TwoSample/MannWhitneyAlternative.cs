namespace Vigil.Statistics.TwoSample;

/// <summary>Which side of the Mann–Whitney U test counts as evidence (SciPy's <c>alternative</c>).</summary>
public enum MannWhitneyAlternative
{
    /// <summary>The first sample tends to be larger or smaller than the second.</summary>
    TwoSided,

    /// <summary>The first sample tends to be larger (e.g. a classifier scores it higher).</summary>
    Greater,

    /// <summary>The first sample tends to be smaller.</summary>
    Less,
}
