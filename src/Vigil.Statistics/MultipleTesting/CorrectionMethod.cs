namespace Vigil.Statistics.MultipleTesting;

/// <summary>Multiple-testing corrections (statsmodels multipletests names in brackets).</summary>
public enum CorrectionMethod
{
    /// <summary>Family-wise: p·m (bonferroni).</summary>
    Bonferroni,

    /// <summary>Family-wise step-down (holm).</summary>
    Holm,

    /// <summary>False discovery rate, independent or positively dependent tests (fdr_bh).</summary>
    BenjaminiHochberg,

    /// <summary>False discovery rate under arbitrary dependence (fdr_by).</summary>
    BenjaminiYekutieli,
}
