using System.Text;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

/// <summary>
/// The conditions a window or count adds to <c>WHERE model = …</c> on <c>predictions</c>, for every backend: a
/// half-open time range and labelled rows only. Parameters are named <c>@from</c> and <c>@to</c> (both SQLite and
/// PostgreSQL take that form).
/// </summary>
internal static class WindowFilters
{
    public static void Append(StringBuilder sql, List<(string, object)> parameters, DateTimeOffset? from, DateTimeOffset? to, bool labelledOnly)
    {
        if (from.HasValue)
        {
            sql.Append(" AND ts >= @from");
            parameters.Add(("@from", StoredTime.ToTicks(from.Value)));
        }

        if (to.HasValue)
        {
            sql.Append(" AND ts < @to");
            parameters.Add(("@to", StoredTime.ToTicks(to.Value)));
        }

        if (labelledOnly)
        {
            sql.Append(" AND label IS NOT NULL");
        }
    }
}
