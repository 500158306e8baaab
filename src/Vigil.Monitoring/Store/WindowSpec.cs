namespace Vigil.Monitoring.Store;

/// <summary>
/// Which stored rows of a model to read. Rows are selected by prediction timestamp in [<see cref="From"/>,
/// <see cref="To"/>) (either bound may be open), then, when <see cref="Last"/> is set, only the latest
/// <see cref="Last"/> of them are kept. Rows come back oldest first (by timestamp, then arrival order).
/// </summary>
public sealed record WindowSpec
{
    /// <summary>Inclusive lower bound on the prediction timestamp, or null for no bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on the prediction timestamp, or null for no bound.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Keep only the latest N matching rows (N ≥ 1), or null for all.</summary>
    public int? Last { get; init; }

    /// <summary>True: only rows with a joined label.</summary>
    public bool LabelledOnly { get; init; }

    /// <summary>Rows with timestamp in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static WindowSpec Between(DateTimeOffset from, DateTimeOffset to) => new() { From = from, To = to };

    /// <summary>The latest <paramref name="count"/> rows.</summary>
    public static WindowSpec LastRows(int count) => new() { Last = count };

    /// <summary>Every row of the model.</summary>
    public static WindowSpec All { get; } = new();
}
