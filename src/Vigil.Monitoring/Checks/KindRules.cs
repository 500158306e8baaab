using Vigil.Data.Tables;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Checks;

/// <summary>Which window column kinds count as the same type as a profiled column.</summary>
internal static class KindRules
{
    /// <summary>
    /// Same kind; categorical and boolean interchangeably; and a classification label stored as numbers or text.
    /// Anything else is a type mismatch (e.g. a numeric feature arriving as text).
    /// </summary>
    public static bool Compatible(ColumnProfile profile, ColumnKind kind) =>
        profile.Kind == kind
        || (profile.Kind is ColumnKind.Categorical or ColumnKind.Boolean && kind is ColumnKind.Categorical or ColumnKind.Boolean)
        || (profile.IsLabel && profile.ComparedAsCategorical && kind is ColumnKind.Numeric or ColumnKind.Categorical);

    /// <summary>The window with ±Infinity in numeric columns replaced by missing (quality reports them as non_finite).</summary>
    public static Table WithoutInfinities(Table window)
    {
        var changed = false;
        var columns = new List<Column>(window.Columns.Count);
        foreach (var column in window.Columns)
        {
            if (column is NumericColumn n && HasInfinity(n.Values))
            {
                var copy = n.Values.ToArray();
                for (var i = 0; i < copy.Length; i++)
                {
                    if (double.IsInfinity(copy[i]))
                    {
                        copy[i] = double.NaN;
                    }
                }

                columns.Add(new NumericColumn(n.Name, copy));
                changed = true;
            }
            else
            {
                columns.Add(column);
            }
        }

        return changed ? new Table(columns) : window;
    }

    private static bool HasInfinity(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsInfinity(v))
            {
                return true;
            }
        }

        return false;
    }
}
