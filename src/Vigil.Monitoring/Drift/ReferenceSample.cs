using Vigil.Data.Tables;

namespace Vigil.Monitoring.Drift;

/// <summary>
/// A reference table prepared once for drift comparisons: each column sorted (numeric) or counted (categorical),
/// with its PSI bins fixed. Immutable and safe to share between threads.
/// </summary>
public sealed class ReferenceSample
{
    private ReferenceSample(IReadOnlyList<ReferenceColumn> columns, int rowCount)
    {
        Columns = columns;
        RowCount = rowCount;
    }

    /// <summary>Prepared columns, in the reference's order.</summary>
    public IReadOnlyList<ReferenceColumn> Columns { get; }

    /// <summary>Rows in the reference table.</summary>
    public int RowCount { get; }

    /// <summary>
    /// A sample from columns prepared elsewhere (e.g. from a saved <c>ReferenceProfile</c>, whose columns may hold
    /// samples of different sizes). <paramref name="rowCount"/> is the reference's row count as reported.
    /// </summary>
    public static ReferenceSample FromColumns(IReadOnlyList<ReferenceColumn> columns, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            if (!names.Add(c.Name))
            {
                throw new ArgumentException($"Duplicate reference column '{c.Name}'.", nameof(columns));
            }
        }

        return new ReferenceSample(columns.ToArray(), rowCount);
    }

    /// <summary>Prepares every column of <paramref name="reference"/>, in parallel.</summary>
    public static ReferenceSample Prepare(Table reference, int psiBins = 10, int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var prepared = new ReferenceColumn[reference.Columns.Count];
        Parallel.For(0, prepared.Length, new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        }, i => prepared[i] = ReferenceColumn.Prepare(reference.Columns[i], psiBins));
        return new ReferenceSample(prepared, reference.RowCount);
    }
}
