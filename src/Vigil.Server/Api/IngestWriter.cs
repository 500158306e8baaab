using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Store;
using Vigil.Server.Metrics;

namespace Vigil.Server.Api;

/// <summary>
/// The one writer of the service: every store write goes through this queue and one loop applies them. Batches of
/// predictions that wait together are written in one transaction (group commit): with synchronous=FULL every commit
/// costs an fsync (about 3.5 ms on the benchmark disk), so committing each small /predict request alone would cap the
/// service near 300 requests/s, while a group shares one. A request is answered only after its group committed
/// (acknowledged = committed). One writer also keeps SQLite's busy handler, which sleeps in millisecond steps, out
/// of the way. Reads never wait (WAL). On a store that takes concurrent ingestion (PostgreSQL,
/// <see cref="IMonitoringStore.IngestConcurrency"/>), up to that many groups are in flight: the next one inserts while
/// the last one's commit is flushed.
/// </summary>
public sealed class IngestWriter : IDisposable
{
    // A group stops growing here so one commit stays short.
    private const int MaxGroupRows = 20_000;

    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WorkspaceHost _host;
    private readonly ILogger<IngestWriter> _logger;
    private readonly Task _loop;
    private readonly int? _groupsInFlight;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _inserted = new(StringComparer.Ordinal);

    public IngestWriter(WorkspaceHost host, ILogger<IngestWriter> logger, IOptions<ServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _groupsInFlight = options.Value.IngestGroupsInFlight;
        _host = host;
        _logger = logger;
        _loop = Task.Factory.StartNew(Loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Stores a parsed batch (possibly in one transaction with others) and returns its own counts.</summary>
    public async Task<IngestResult> LogAsync(string model, IReadOnlyList<PredictionRecord> rows, IReadOnlyList<string> featuresJson)
    {
        return (IngestResult)(await Enqueue(new Work(model, rows, featuresJson, null)))!;
    }

    /// <summary>
    /// Prediction rows of <paramref name="model"/> this process has stored since it started (cheaper than counting the table).
    /// Updated on the writer loop right after each commit, so a read made through <see cref="WriteAsync"/> is consistent
    /// with the table.
    /// </summary>
    public long InsertedSinceStart(string model) => _inserted.TryGetValue(model, out var n) ? n : 0;

    /// <summary>Models this process has stored rows of since it started.</summary>
    public IEnumerable<string> InsertedModels => _inserted.Keys;

    /// <summary>Runs any other write (labels) on the writer loop.</summary>
    public async Task<T> WriteAsync<T>(Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return (T)(await Enqueue(new Work(null, null, null, () => write())))!;
    }

    private Task<object?> Enqueue(Work work)
    {
        if (!_queue.Writer.TryWrite(work))
        {
            throw new ApiProblemException(503, "Shutting down", "The server is stopping and takes no more writes.");
        }

        return work.Done.Task;
    }

    private async Task Loop()
    {
        var pending = new List<Work>();
        var models = new List<string>();
        var group = new List<Work>(); // reused when groups are written on this loop (no LINQ: this runs per commit)
        // A store whose IngestConcurrency is above 1 (PostgreSQL) takes the next group while the last one's commit is
        // flushed: the groups go to that many writer threads of their own (a write blocks its thread for a whole
        // transaction; on the thread pool, two of them starved the request threads of a 2-core machine for up to half
        // a second at a time). Each request is still answered only after its own group committed.
        var concurrency = _groupsInFlight ?? Math.Max(1, _host.Workspace.Store.IngestConcurrency);
        using var writers = concurrency > 1 ? new GroupWriters(concurrency) : null;
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var rows = 0;
            var otherWrites = false;
            while (rows < MaxGroupRows && _queue.Reader.TryRead(out var work))
            {
                pending.Add(work);
                rows += work.Rows?.Count ?? 0;
                otherWrites |= work.Write is not null;
                if (work.Write is null && !models.Contains(work.Model!))
                {
                    models.Add(work.Model!);
                }
            }

            if (writers is not null && otherWrites)
            {
                // Other writes (labels) and the row counts read through them see every group committed before.
                await writers.DrainAsync().ConfigureAwait(false);
            }

            foreach (var work in pending)
            {
                if (work.Write is not null)
                {
                    var started = Stopwatch.GetTimestamp();
                    Complete(work, work.Write);
                    VigilMetrics.StoreWriteCompleted(Stopwatch.GetElapsedTime(started));
                }
            }

            // One group per model, in the order the models first came.
            foreach (var model in models)
            {
                var works = writers is null ? group : [];
                works.Clear();
                foreach (var work in pending)
                {
                    if (work.Write is null && work.Model == model)
                    {
                        works.Add(work);
                    }
                }

                if (writers is null)
                {
                    TimedWriteGroup(model, works);
                }
                else
                {
                    await StartGroup(writers, model, works).ConfigureAwait(false);
                }
            }

            pending.Clear();
            models.Clear();
            group.Clear();
        }

        if (writers is not null)
        {
            await writers.DrainAsync().ConfigureAwait(false);
        }
    }

    // Its own method, so the closure is made only for a store that writes groups on writer threads.
    private Task StartGroup(GroupWriters writers, string model, List<Work> works) => writers.StartAsync(() => TimedWriteGroup(model, works));

    private void TimedWriteGroup(string model, List<Work> group)
    {
        var started = Stopwatch.GetTimestamp();
        WriteGroup(model, group);
        VigilMetrics.StoreWriteCompleted(Stopwatch.GetElapsedTime(started));
    }

    private void WriteGroup(string model, List<Work> group)
    {
        if (group.Count > 1)
        {
            try
            {
                var results = _host.Workspace.Store.LogEncodedPredictionBatches(model, group.ConvertAll(w => (w.Rows!, w.Features!)));
                for (var i = 0; i < group.Count; i++)
                {
                    Count(model, results[i]);
                    group[i].Done.TrySetResult(results[i]);
                }

                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Nothing of the group was stored; write each alone so each request gets its own answer.
                _logger.LogDebug(e, "Group write of {Count} batches failed; writing them one by one.", group.Count);
            }
        }

        foreach (var work in group)
        {
            try
            {
                work.Done.TrySetResult(Count(model, _host.Workspace.Store.LogEncodedPredictions(model, work.Rows!, work.Features!)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                work.Done.TrySetException(e);
            }
        }
    }

    private IngestResult Count(string model, IngestResult result)
    {
        _inserted.AddOrUpdate(model, static (_, added) => added, static (_, n, added) => n + added, result.Inserted);
        return result;
    }

    private static void Complete(Work work, Func<object?> write)
    {
        try
        {
            work.Done.TrySetResult(write());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            work.Done.TrySetException(e);
        }
    }

    /// <summary>Stops taking writes and waits for the queued ones to commit.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(30));
    }

    private sealed record Work(string? Model, IReadOnlyList<PredictionRecord>? Rows, IReadOnlyList<string>? Features, Func<object?>? Write)
    {
        // Continuations run off the writer loop, so a slow caller never stalls the next commit.
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
