namespace Vigil.Statistics.TwoSample;

/// <summary>Chi-square test of homogeneity/independence on an r × c table (scipy chi2_contingency conventions).</summary>
/// <param name="Statistic">Pearson χ² (Yates-corrected when dof = 1 and correction requested).</param>
/// <param name="PValue">chi2.sf(Statistic, Dof); 1 when Dof = 0.</param>
/// <param name="DegreesOfFreedom">(r − 1)(c − 1) counting all rows and columns given.</param>
/// <param name="Expected">Expected counts row_total·col_total/grand_total, row-major [r, c].</param>
public sealed record ChiSquareResult(double Statistic, double PValue, int DegreesOfFreedom, double[,] Expected);
