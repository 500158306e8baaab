using System.Threading.Channels;
using Vigil.AutoML.Bundles;
using Vigil.Data.Tables;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Store;

namespace Vigil.Server.Api;

/// <summary>
/// Scores /predict requests in micro-batches on one thread: a bundle scores one call at a time, so requests that
/// arrive while one call runs are scored together in the next (small calls use the bundle's cached prediction
/// engine, large ones a data view). No timer: a lone request is scored at once.
/// </summary>
public sealed class ScoringQueue : IDisposable
{
    private const int MaxRows = 4096;

    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public ScoringQueue() =>
        _loop = Task.Factory.StartNew(Loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>Predicted label and score per row, in order.</summary>
    public Task<(string[] Labels, double[] Scores)> ScoreAsync(ModelBundle bundle, IReadOnlyDictionary<string, ColumnKind> schema, LoggedRow[] rows)
    {
        var job = new Job(bundle, schema, rows);
        if (!_queue.Writer.TryWrite(job))
        {
            throw new ApiProblemException(503, "Shutting down", "The server is stopping.");
        }

        return job.Done.Task;
    }

    private async Task Loop()
    {
        var pending = new List<Job>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var rows = 0;
            while (rows < MaxRows && _queue.Reader.TryRead(out var job))
            {
                pending.Add(job);
                rows += job.Rows.Length;
            }

            foreach (var group in pending.GroupBy(j => j.Bundle))
            {
                Score(group.ToList());
            }

            pending.Clear();
        }
    }

    private static void Score(List<Job> jobs)
    {
        if (jobs.Count > 1)
        {
            try
            {
                var (labels, scores) = Predict(jobs[0].Bundle, jobs[0].Schema, jobs.SelectMany(j => j.Rows).ToList());
                var offset = 0;
                foreach (var job in jobs)
                {
                    job.Done.TrySetResult((labels[offset..(offset + job.Rows.Length)], scores[offset..(offset + job.Rows.Length)]));
                    offset += job.Rows.Length;
                }

                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Score each alone so a bad request fails only itself.
            }
        }

        foreach (var job in jobs)
        {
            try
            {
                job.Done.TrySetResult(Predict(job.Bundle, job.Schema, job.Rows));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                job.Done.TrySetException(e);
            }
        }
    }

    private static (string[] Labels, double[] Scores) Predict(ModelBundle bundle, IReadOnlyDictionary<string, ColumnKind> schema, IReadOnlyList<LoggedRow> rows)
    {
        var predictions = bundle.Predict(LoggedRowTable.ToTable(rows, schema));
        return (bundle.PredictedLabels(predictions), ModelScoring.Scores(predictions));
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(10));
    }

    private sealed record Job(ModelBundle Bundle, IReadOnlyDictionary<string, ColumnKind> Schema, LoggedRow[] Rows)
    {
        public TaskCompletionSource<(string[] Labels, double[] Scores)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
