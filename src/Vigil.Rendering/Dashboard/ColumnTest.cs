using Vigil.Monitoring.Drift;

namespace Vigil.Rendering.Dashboard;

/// <summary>The statistic and raw p-value of the test a column's drift decision used.</summary>
internal static class ColumnTest
{
    public static double? Statistic(ColumnDrift d) => d.Test switch { "ks" => d.KsStatistic, "chi2" => d.Chi2Statistic, _ => null };

    public static double? PValue(ColumnDrift d) => d.Test switch { "ks" => d.KsPValue, "chi2" => d.Chi2PValue, _ => null };
}
