using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Vigil.Bench.Server;

/// <summary>
/// Where allocated bytes go by type, from the runtime's allocation ticks (GCAllocationTick: about every 100 KB a thread
/// allocates, the type of the object that crossed the mark and the bytes since the last tick). A sample, so types
/// under a few hundred bytes a request are noise; the total is close to the exact count.
/// </summary>
internal sealed class AllocationTypes : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName");
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (type < 0 || amount < 0)
        {
            return;
        }

        var name = eventData.Payload![type] as string ?? "?";
        var bytes = Convert.ToInt64(eventData.Payload[amount], CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(name, bytes, (_, b) => b + bytes);
    }

    /// <summary>Prints the <paramref name="top"/> types by sampled bytes, per request.</summary>
    public void Print(int requests, int top)
    {
        var total = _bytes.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    by type (sampled, {total / (double)requests:F0} bytes per request in all):"));
        foreach (var (name, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {bytes / (double)requests,8:F0}  {name}"));
        }
    }
}
