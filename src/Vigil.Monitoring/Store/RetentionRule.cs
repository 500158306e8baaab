namespace Vigil.Monitoring.Store;

/// <summary>
/// The retention rule both stores apply: a prediction row may go once it is older than the cutoff and at or before the
/// window end of the model's newest stored check; the rows go in batches, each its own short transaction.
/// </summary>
public static class RetentionRule
{
    /// <summary>Rows deleted per transaction: a short write lock, so ingestion beside a large purge barely waits.</summary>
    public const int BatchRows = 5_000;

    /// <summary>
    /// The newest time (ticks) whose rows may go: the newest check's window end (<paramref name="newestWindowEnd"/>,
    /// as the store read it: null or DBNull when the model has no check), kept strictly before the cutoff.
    /// Null when no row may go.
    /// </summary>
    public static long? CoveredThrough(object? newestWindowEnd, long cutoffTicks) =>
        newestWindowEnd is long end ? Math.Min(end, cutoffTicks - 1) : null;

    /// <summary>Runs <paramref name="deleteBatch"/> (which deletes at most <see cref="BatchRows"/> rows and says how many) until a batch comes up short or the token is cancelled; the rows deleted.</summary>
    public static long DeleteInBatches(Func<int> deleteBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deleteBatch);
        long deleted = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = deleteBatch();
            deleted += batch;
            if (batch < BatchRows)
            {
                break;
            }
        }

        return deleted;
    }
}
