namespace Vigil.Monitoring.Policy;

/// <summary>What the policy needs to know beyond the latest monitoring result.</summary>
/// <param name="LabelledRowsSinceLastRetrain">Rows with a joined label that arrived after the last retrain (or ever, if none).</param>
/// <param name="LastRetrainAt">When the model was last retrained; null if never.</param>
/// <param name="RecentRetrains">Times of past retrains; those in (Now − period, Now] count towards the limit.</param>
/// <param name="Now">The decision time (take it from a <see cref="TimeProvider"/>).</param>
/// <param name="UnpromotedRetrains">Retrains in a row, newest first, whose challenger was not promoted (0 after a promotion).</param>
/// <param name="StreamChanges">Changes the online detectors found on the streams that count as a reason, for the current
/// champion and since the last retrain, newest first (null or empty: none).</param>
public sealed record RetrainContext(int LabelledRowsSinceLastRetrain, DateTimeOffset? LastRetrainAt, IReadOnlyList<DateTimeOffset> RecentRetrains, DateTimeOffset Now,
    int UnpromotedRetrains = 0, IReadOnlyList<Streams.StreamDetection>? StreamChanges = null);
