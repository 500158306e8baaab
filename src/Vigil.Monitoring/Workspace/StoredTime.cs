namespace Vigil.Monitoring.Workspace;

/// <summary>
/// How instants are stored in <c>vigil.db</c>: INTEGER UTC ticks (100 ns units since 0001-01-01T00:00:00Z).
/// Integers sort and compare exactly and round-trip a <see cref="DateTimeOffset"/> without loss; the offset is not
/// kept, so every instant read back is in UTC.
/// </summary>
internal static class StoredTime
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static object ToDb(DateTimeOffset? value) => value.HasValue ? value.Value.UtcTicks : DBNull.Value;
}
