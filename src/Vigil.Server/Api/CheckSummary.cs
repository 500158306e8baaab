using Vigil.Monitoring.Store;

namespace Vigil.Server.Api;

/// <summary>One check in a list: when, against which version, how many rows, and the verdict.</summary>
public sealed record CheckSummary(long Id, int ModelVersion, DateTimeOffset RanAt, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, int Rows, bool Alarm, string Status)
{
    public static CheckSummary From(CheckRecord c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.ModelVersion, c.RanAt, c.WindowStart, c.WindowEnd, c.Rows, c.Alarm, c.Status);
    }
}
