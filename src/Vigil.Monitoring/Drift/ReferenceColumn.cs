using Vigil.Data.Tables;

namespace Vigil.Monitoring.Drift;

/// <summary>One reference column prepared for repeated comparisons (sorted values or category counts).</summary>
public abstract class ReferenceColumn
{
    protected ReferenceColumn(string name, int missing)
    {
        Name = name;
        Missing = missing;
    }

    /// <summary>Column name.</summary>
    public string Name { get; }

    /// <summary>Missing cells in the reference (dropped).</summary>
    public int Missing { get; }

    /// <summary>The reference's column kind as Vigil compares it: numeric or categorical.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>Non-missing reference values.</summary>
    public abstract int Count { get; }

    /// <summary>True when a current column of <paramref name="kind"/> can be compared with this one.</summary>
    public abstract bool Accepts(ColumnKind kind);

    /// <summary>Builds the prepared form of <paramref name="column"/>; booleans compare as categories, date-times as numbers.</summary>
    public static ReferenceColumn Prepare(Column column, int psiBins) => column switch
    {
        NumericColumn n => NumericReference.Prepare(n.Name, n.Values, psiBins),
        DateTimeColumn d => NumericReference.Prepare(d.Name, DriftValues.Numbers(d), psiBins),
        _ => CategoricalReference.Prepare(column),
    };

    internal abstract ColumnComparison CompareWith(Column current, DriftOptions options);
}
