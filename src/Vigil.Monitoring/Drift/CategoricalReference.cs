using Vigil.Data.Tables;
using Vigil.Statistics.Distances;
using Vigil.Statistics.Drift;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Drift;

/// <summary>A categorical reference column: the count of each category over non-missing cells.</summary>
public sealed class CategoricalReference : ReferenceColumn
{
    private readonly Dictionary<string, long> _counts;

    private CategoricalReference(string name, Dictionary<string, long> counts, int missing)
        : base(name, missing)
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
        return new CategoricalReference(column.Name, counts, missing);
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

        var table = new double[2, union.Length];
        for (var k = 0; k < union.Length; k++)
        {
            table[0, k] = referenceCounts[k];
            table[1, k] = currentCounts[k];
        }

        var chi = ChiSquare.Contingency(table);
        var referenceShares = Shares(referenceCounts, Count);
        var currentShares = Shares(currentCounts, currentTotal);
        drift = drift with
        {
            Chi2Statistic = chi.Statistic,
            Chi2PValue = chi.PValue,
            Psi = PopulationStability.FromShares(referenceShares, currentShares),
            JensenShannon = Divergences.JensenShannonDistance(referenceShares, currentShares, 2.0),
            Test = "chi2",
            Histogram = new DriftHistogram { Categories = union, ReferenceShares = referenceShares, CurrentShares = currentShares },
        };
        return new ColumnComparison(drift, chi.PValue, (double)inNew / currentTotal, null);
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
