using Vigil.Data.Tables;
using Vigil.Monitoring.Drift.ColumnTests;
using Vigil.Statistics.Distances;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Drift;

/// <summary>A numeric reference column: sorted non-missing values, population std and fixed PSI bins.</summary>
public sealed class NumericReference : ReferenceColumn
{
    private readonly double[] _sorted;

    private NumericReference(string name, double[] sorted, int missing, PsiBinning? binning, ColumnKind sourceKind)
        : base(name, missing, sourceKind)
    {
        _sorted = sorted;
        Binning = binning;
        // An all-missing reference column has no spread to measure; comparisons report it as skipped instead.
        StandardDeviation = sorted.Length == 0 ? 0 : Wasserstein.PopulationStd(sorted);
    }

    public override ColumnKind Kind => ColumnKind.Numeric;

    public override int Count => _sorted.Length;

    /// <summary>The non-missing reference values in ascending order.</summary>
    public ReadOnlySpan<double> Sorted => _sorted;

    /// <summary>Population standard deviation (divisor n) of the non-missing values; 0 when fewer than 2 (or none).</summary>
    public double StandardDeviation { get; }

    /// <summary>PSI bins from the reference quantiles; null when the reference has no non-missing value.</summary>
    public PsiBinning? Binning { get; }

    /// <summary>Prepares a numeric (or, with <paramref name="sourceKind"/> DateTime, a date-time) column's values.</summary>
    public static NumericReference Prepare(string name, ReadOnlySpan<double> values, int psiBins, ColumnKind sourceKind = ColumnKind.Numeric)
    {
        var (sorted, missing) = DriftValues.SortedFinite(values);
        var binning = sorted.Length == 0 ? null : PsiBinning.FromSortedReference(sorted, psiBins);
        return new NumericReference(name, sorted, missing, binning, sourceKind);
    }

    public override bool Accepts(ColumnKind kind) => kind is ColumnKind.Numeric or ColumnKind.DateTime;

    internal override ColumnComparison CompareWith(Column current, DriftOptions options)
    {
        var (sorted, missing) = DriftValues.SortedFinite(DriftValues.Numbers(current));
        var drift = new ColumnDrift
        {
            Name = Name,
            Type = "numeric",
            NReference = Count,
            NCurrent = sorted.Length,
            MissingReference = Missing,
            MissingCurrent = missing,
        };
        if (sorted.Length == 0 || Binning is null)
        {
            return new ColumnComparison(drift, null, 0, "a sample is empty after dropping missing values");
        }

        // The ECDF gap (KS) and W1 in one merge pass; the column's test then reads the sorted samples.
        var test = TestFor(options, sorted.Length);
        var (d, location, sign, w1) = SortedSampleComparison.Compare(_sorted, sorted);
        var currentShares = Binning.SharesOfSorted(sorted);
        var referenceShares = Binning.ReferenceShares;
        var normed = Wasserstein.Normalized(w1, StandardDeviation);
        var psi = PopulationStability.FromShares(referenceShares, currentShares);
        var js = Divergences.JensenShannonDistance(referenceShares, currentShares, 2.0);
        drift = drift with
        {
            Wasserstein = w1,
            WassersteinNormed = normed,
            Psi = psi,
            JensenShannon = js,
            Histogram = new DriftHistogram
            {
                Edges = Binning.Edges.ToArray(),
                ReferenceShares = referenceShares.ToArray(),
                CurrentShares = currentShares,
            },
        };
        var samples = new ColumnSamples
        {
            Kind = SourceKind,
            ReferenceCount = _sorted.Length,
            CurrentCount = sorted.Length,
            SortedReference = _sorted,
            SortedCurrent = sorted,
            Ecdf = new EcdfGap(d, location, sign),
        };
        var measures = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["wasserstein_normed"] = normed,
            ["jensen_shannon"] = js,
            ["psi"] = psi,
        };
        return Run(test, samples, options, drift, measures, 0);
    }
}
