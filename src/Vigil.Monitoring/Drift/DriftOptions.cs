using Vigil.Monitoring.Drift.ColumnTests;
using Vigil.Statistics.MultipleTesting;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Drift;

/// <summary>
/// How drift is decided. The rule, per column:
/// <list type="number">
/// <item>The deciding test is the one named for the column in <see cref="Tests"/>, else the registry's default: KS
/// (numeric, date-time) or chi-square (categorical, boolean). Its p-values are corrected across all
/// compared columns with <see cref="Correction"/> (Benjamini–Hochberg by default, which controls the expected share
/// of false alarms among flagged columns).</item>
/// <item>A column is drifted when its adjusted p-value is below <see cref="Alpha"/> <b>and</b> the shift is large
/// enough to matter: Wasserstein-1 / reference std ≥ <see cref="MinWassersteinNormed"/> (numeric) or Jensen–Shannon
/// distance ≥ <see cref="MinJensenShannon"/> (categorical). The effect-size floor keeps very large samples from
/// flagging differences too small to matter; the significance test keeps small samples from flagging noise.</item>
/// <item>A column with new categories whose current share reaches <see cref="NewCategoryShare"/> is drifted
/// regardless of the test.</item>
/// <item>The dataset is drifted when the share of drifted columns reaches <see cref="DatasetDriftShare"/>.</item>
/// </list>
/// PSI is always computed and reported; a PSI at or above <see cref="PsiWarning"/> is named in the reason.
/// </summary>
public sealed record DriftOptions
{
    /// <summary>How the KS p-value is computed (SciPy's <c>method</c>): Auto (exact when max(n, m) ≤ 10,000) by default.</summary>
    public KsMethod KsMethod { get; init; } = KsMethod.Auto;

    /// <summary>
    /// The test per column, by column name → test name in <see cref="TestRegistry"/> (e.g. <c>["income"] = "ad"</c>).
    /// Columns not named get the registry's default for their kind; names of columns that are not compared are
    /// ignored. An unknown test, or one that does not accept the column's kind, makes the comparison throw
    /// <see cref="ColumnTestInputException"/> naming the column and the tests it accepts. Default: none (all defaults).
    /// </summary>
    public IReadOnlyDictionary<string, string> Tests { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The tests known by name and the default per kind. Default <see cref="ColumnTestRegistry.Default"/>.</summary>
    public ColumnTestRegistry TestRegistry { get; init; } = ColumnTestRegistry.Default;

    /// <summary>Significance level for the adjusted p-values. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Correction across columns; null means none. Default Benjamini–Hochberg.</summary>
    public CorrectionMethod? Correction { get; init; } = CorrectionMethod.BenjaminiHochberg;

    /// <summary>Minimum Wasserstein-1 / reference std for a numeric column to count as drifted. Default 0.1.</summary>
    public double MinWassersteinNormed { get; init; } = 0.1;

    /// <summary>Minimum Jensen–Shannon distance (base 2) for a categorical column to count as drifted. Default 0.05.</summary>
    public double MinJensenShannon { get; init; } = 0.05;

    /// <summary>Share of current cells in unseen categories that alone makes a column drifted. Default 0.05.</summary>
    public double NewCategoryShare { get; init; } = 0.05;

    /// <summary>PSI level named in the reason as a major shift. Default 0.25.</summary>
    public double PsiWarning { get; init; } = 0.25;

    /// <summary>Number of PSI bins for numeric columns (reference quantile bins). Default 10.</summary>
    public int PsiBins { get; init; } = 10;

    /// <summary>Share of drifted columns at which the dataset counts as drifted. Default 0.5.</summary>
    public double DatasetDriftShare { get; init; } = 0.5;

    /// <summary>Columns compared in parallel (default: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!(Alpha > 0 && Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be in (0, 1).");
        }

        if (!(DatasetDriftShare > 0 && DatasetDriftShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DatasetDriftShare), DatasetDriftShare, "The dataset drift share must be in (0, 1].");
        }

        if (PsiBins < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(PsiBins), PsiBins, "PSI needs at least 2 bins.");
        }

        ArgumentNullException.ThrowIfNull(Tests);
        ArgumentNullException.ThrowIfNull(TestRegistry);
        if (MinWassersteinNormed < 0 || MinJensenShannon < 0 || NewCategoryShare < 0 || double.IsNaN(MinWassersteinNormed + MinJensenShannon + NewCategoryShare))
        {
            throw new ArgumentOutOfRangeException(nameof(MinWassersteinNormed), "Effect-size thresholds must be non-negative numbers.");
        }
    }
}
