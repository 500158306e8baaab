using Vigil.Data.Tables;
using Vigil.Monitoring.Drift.ColumnTests;
using Vigil.Statistics.Distances;

namespace Vigil.Monitoring.Drift;

/// <summary>A categorical reference column: the count of each category over non-missing cells.</summary>
public sealed class CategoricalReference : ReferenceColumn
{
    private readonly Dictionary<string, long> _counts;

    private CategoricalReference(string name, Dictionary<string, long> counts, int missing, ColumnKind sourceKind)
        : base(name, missing, sourceKind)
    {
        _counts = counts;
        Count = (int)counts.Values.Sum();
    }

    public override ColumnKind Kind => ColumnKind.Categorical;

    public override int Count { get; }

    /// <summary>Count of each category seen in the reference.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    public static CategoricalReference Prepare(Column column)
    {
        var (counts, missing) = DriftValues.CategoryCounts(column);
        // A boolean column keeps its kind (its categories are "true"/"false"), so boolean-only tests can run on it.
        return new CategoricalReference(column.Name, counts, missing, column.Kind == ColumnKind.Boolean ? ColumnKind.Boolean : ColumnKind.Categorical);
    }

    public override bool Accepts(ColumnKind kind) => kind is ColumnKind.Categorical or ColumnKind.Boolean or ColumnKind.Numeric;

    internal override ColumnComparison CompareWith(Column current, DriftOptions options)
    {
        var (counts, missing) = DriftValues.CategoryCounts(current);
        var currentTotal = counts.Values.Sum();

        // Both samples over the union of categories, in ordinal order (the order does not change any statistic).
        var union = _counts.Keys.Union(counts.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var referenceCounts = new double[union.Length];
        var currentCounts = new double[union.Length];
        var newCategories = new List<string>();
        long inNew = 0;
        for (var k = 0; k < union.Length; k++)
        {
            referenceCounts[k] = _counts.GetValueOrDefault(union[k]);
            currentCounts[k] = counts.GetValueOrDefault(union[k]);
            if (referenceCounts[k] == 0)
            {
                newCategories.Add(union[k]);
                inNew += counts[union[k]];
            }
        }

        var drift = new ColumnDrift
        {
            Name = Name,
            Type = "categorical",
            NReference = Count,
            NCurrent = (int)currentTotal,
            MissingReference = Missing,
            MissingCurrent = missing,
            NewCategories = newCategories,
        };
        if (currentTotal == 0 || Count == 0)
        {
            return new ColumnComparison(drift, null, 0, "a sample is empty after dropping missing values");
        }

        var test = TestFor(options, (int)currentTotal);
        var referenceShares = Shares(referenceCounts, Count);
        var currentShares = Shares(currentCounts, currentTotal);
        var psi = PopulationStability.FromShares(referenceShares, currentShares);
        var js = Divergences.JensenShannonDistance(referenceShares, currentShares, 2.0);
        drift = drift with
        {
            Psi = psi,
            JensenShannon = js,
            Histogram = new DriftHistogram { Categories = union, ReferenceShares = referenceShares, CurrentShares = currentShares },
        };
        var samples = new ColumnSamples
        {
            Kind = SourceKind,
            ReferenceCount = Count,
            CurrentCount = (int)currentTotal,
            Categories = union,
            ReferenceCounts = referenceCounts,
            CurrentCounts = currentCounts,
        };
        var measures = new Dictionary<string, double>(StringComparer.Ordinal) { ["jensen_shannon"] = js, ["psi"] = psi };
        return Run(test, samples, options, drift, measures, (double)inNew / currentTotal);
    }

    private static double[] Shares(double[] counts, long total)
    {
        var shares = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            shares[i] = counts[i] / total;
        }

        return shares;
    }
}
