using System.Globalization;

namespace Vigil.Rendering.Dashboard;

/// <summary>The dashboard's URLs; every path segment URL-encoded.</summary>
internal static class DashboardLinks
{
    public static string ModelUrl(string model) => "/models/" + Uri.EscapeDataString(model);

    public static string ColumnUrl(string model, string column, long? checkId = null) =>
        ModelUrl(model) + "/columns/" + Uri.EscapeDataString(column)
        + (checkId is { } id ? "?check=" + id.ToString(CultureInfo.InvariantCulture) : "");
}
