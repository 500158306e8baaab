using System.Collections;
using System.Diagnostics;

namespace Vigil.Server.Tests.Telemetry;

/// <summary>
/// What the in-memory exporter hands over, safe to read while the server exports from other threads. Listeners are
/// process-wide, so it also receives other tests' spans: tests pick theirs by model name.
/// </summary>
internal sealed class SpanRecorder : ICollection<Activity>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly List<Activity> _spans = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_lock)
        {
            _spans.Add(item);
        }
    }

    public Activity[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _spans];
        }
    }

    /// <summary>
    /// The first exported span that matches. A server span ends after its response is sent, so it can arrive a moment
    /// after the client has the answer; a span that never comes fails the test, naming what was seen.
    /// </summary>
    public async Task<Activity> WaitFor(Func<Activity, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            if (Snapshot().FirstOrDefault(match) is { } span)
            {
                return span;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join(", ", Snapshot().Select(s => s.DisplayName).Distinct());
                throw new Xunit.Sdk.XunitException($"no span {what} within {Timeout.TotalSeconds} s; seen: {seen}");
            }

            await Task.Delay(20);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item) => Snapshot().Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

    public bool Remove(Activity item)
    {
        lock (_lock)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => ((IEnumerable<Activity>)Snapshot()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
