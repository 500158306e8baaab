using Vigil.Data.Tables;
using Vigil.Monitoring.Drift.ColumnTests;

namespace Vigil.Monitoring.Drift;

/// <summary>One reference column prepared for repeated comparisons (sorted values or category counts).</summary>
public abstract class ReferenceColumn
{
    protected ReferenceColumn(string name, int missing, ColumnKind sourceKind)
    {
        Name = name;
        Missing = missing;
        SourceKind = sourceKind;
    }

    /// <summary>Column name.</summary>
    public string Name { get; }

    /// <summary>Missing cells in the reference (dropped).</summary>
    public int Missing { get; }

    /// <summary>The reference's column kind as Vigil compares it: numeric or categorical.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>The kind of the column it was prepared from (numeric, date-time, categorical or boolean): what column tests accept.</summary>
    public ColumnKind SourceKind { get; }

    /// <summary>Non-missing reference values.</summary>
    public abstract int Count { get; }

    /// <summary>True when a current column of <paramref name="kind"/> can be compared with this one.</summary>
    public abstract bool Accepts(ColumnKind kind);

    /// <summary>Builds the prepared form of <paramref name="column"/>; booleans compare as categories, date-times as numbers.</summary>
    public static ReferenceColumn Prepare(Column column, int psiBins) => column switch
    {
        NumericColumn n => NumericReference.Prepare(n.Name, n.Values, psiBins),
        DateTimeColumn d => NumericReference.Prepare(d.Name, DriftValues.Numbers(d), psiBins, ColumnKind.DateTime),
        _ => CategoricalReference.Prepare(column),
    };

    internal abstract ColumnComparison CompareWith(Column current, DriftOptions options);

    /// <summary>The test for this column under <paramref name="options"/>: the one named for it, else the registry's default.</summary>
    internal ColumnTest TestFor(DriftOptions options, int currentCount) =>
        options.TestRegistry.Resolve(Name, SourceKind, options.Tests.GetValueOrDefault(Name), Count, currentCount);

    /// <summary>
    /// Runs <paramref name="test"/> when both samples reach its minimum sizes and folds its result into
    /// <paramref name="drift"/>: the generic fields, the per-test fields of earlier releases, and the effect sizes
    /// (the column's <paramref name="shiftMeasures"/> first, then the test's own).
    /// </summary>
    internal static ColumnComparison Run(ColumnTest test, in ColumnSamples samples, DriftOptions options, ColumnDrift drift,
        Dictionary<string, double> shiftMeasures, double newCategoryShare)
    {
        var result = samples.ReferenceCount < test.MinReference || samples.CurrentCount < test.MinCurrent
            ? ColumnTestResult.NotRun($"{test.Name} needs at least {test.MinReference} reference and {test.MinCurrent} current values")
            : test.Compare(samples, options);
        foreach (var (name, value) in result.EffectSizes)
        {
            shiftMeasures[name] = value;
        }

        drift = drift with
        {
            Test = test.Name,
            Statistic = result.Statistic,
            PValue = result.PValue,
            EffectSizes = shiftMeasures,
            KsStatistic = test.Name == "ks" ? result.Statistic : null,
            KsPValue = test.Name == "ks" ? result.PValue : null,
            Chi2Statistic = test.Name == "chi2" ? result.Statistic : null,
            Chi2PValue = test.Name == "chi2" ? result.PValue : null,
        };
        return new ColumnComparison(drift, result.PValue, newCategoryShare, result.Note);
    }
}
