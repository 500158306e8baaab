namespace Vigil.Statistics.TwoSample;

/// <summary>
/// Result of the k-sample Anderson–Darling test, with SciPy 1.10 <c>anderson_ksamp</c> conventions.
/// </summary>
/// <param name="Statistic">The normalised statistic (A²akN − (k − 1)) / σ; may be negative.</param>
/// <param name="PValue">Interpolated p-value, capped at 0.25 and floored at 0.001 (SciPy's table ends there).</param>
/// <param name="CriticalValues">Critical values at the levels 25 %, 10 %, 5 %, 2.5 %, 1 %, 0.5 % and 0.1 %.</param>
/// <param name="Bound">Whether <paramref name="PValue"/> is the table's cap or floor rather than an interpolation.</param>
public sealed record AndersonDarlingResult(double Statistic, double PValue, IReadOnlyList<double> CriticalValues, PValueBound Bound);

/// <summary>Whether a tabulated p-value lies inside its table or at one of its ends.</summary>
public enum PValueBound
{
    /// <summary>Interpolated inside the table.</summary>
    None,

    /// <summary>The true p-value is larger than the reported one (the table's largest level).</summary>
    Capped,

    /// <summary>The true p-value is smaller than the reported one (the table's smallest level).</summary>
    Floored,
}
