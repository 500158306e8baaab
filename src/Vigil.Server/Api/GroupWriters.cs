using System.Collections.Concurrent;

namespace Vigil.Server.Api;

/// <summary>
/// A fixed number of writer threads of their own for <see cref="IngestWriter"/>'s group commits when the store takes
/// several at once: each write blocks its thread for a whole transaction, which on the thread pool would hold back
/// request threads. <see cref="StartAsync"/> waits (without blocking a thread) until a writer is free.
/// </summary>
internal sealed class GroupWriters : IDisposable
{
    private readonly int _count;
    private readonly SemaphoreSlim _free;
    private readonly BlockingCollection<Action> _writes = new();
    private readonly Thread[] _threads;

    public GroupWriters(int count)
    {
        _count = count;
        _free = new SemaphoreSlim(count, count);
        _threads = Enumerable.Range(0, count).Select(i => new Thread(Run) { IsBackground = true, Name = $"vigil-ingest-writer-{i}" }).ToArray();
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Hands <paramref name="write"/> (which must not throw) to a free writer once there is one.</summary>
    public async Task StartAsync(Action write)
    {
        await _free.WaitAsync().ConfigureAwait(false);
        _writes.Add(write);
    }

    /// <summary>Waits until every write handed over has finished.</summary>
    public async Task DrainAsync()
    {
        for (var i = 0; i < _count; i++)
        {
            await _free.WaitAsync().ConfigureAwait(false);
        }

        _free.Release(_count);
    }

    public void Dispose()
    {
        _writes.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(30));
        }

        _writes.Dispose();
        _free.Dispose();
    }

    private void Run()
    {
        foreach (var write in _writes.GetConsumingEnumerable())
        {
            try
            {
                write();
            }
            finally
            {
                _free.Release();
            }
        }
    }
}
