using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Vigil.LoadGen;

/// <summary>
/// Closed-loop ingestion: <c>--concurrency</c> connections each post a batch and send the next as soon as it is
/// acknowledged, for <c>--seconds</c>. Prints rows/s per second and overall. With <c>--retrain-after S</c> it asks
/// for a retrain (budget <c>--retrain-budget</c> s) S seconds in and reports the rate while it ran separately.
/// With <c>--models N</c> the connections take turns over N models (<c>load</c>, <c>load-2</c> … <c>load-N</c>, each
/// registered by <c>setup</c>): connection i posts to model i mod N, as a deployment with several models would.
/// </summary>
public static class IngestLoad
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Text("url", "http://127.0.0.1:5080");
        var model = options.Text("model", "load");
        var batch = options.Int("batch", 1000);
        var seconds = options.Int("seconds", 20);
        var concurrency = options.Int("concurrency", 4);
        var retrainAfter = options.Int("retrain-after", -1);
        var models = Enumerable.Range(1, Math.Max(1, options.Int("models", 1)))
            .Select(m => m == 1 ? model : model + "-" + m.ToString(CultureInfo.InvariantCulture)).ToArray();
        using var client = Client(url, options.Text("key", ""), concurrency);

        // Bodies are prepared ahead (unique ids per batch) so the send loop only sends.
        var factory = new BodyFactory(2000);
        var bodies = new System.Collections.Concurrent.BlockingCollection<byte[]>(boundedCapacity: 64);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                bodies.Add(factory.Batch(batch));
            }
        });

        var perSecond = new long[seconds + 5];
        var watch = Stopwatch.StartNew();
        var failures = 0L;
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var path = $"/api/v1/models/{models[w % models.Length]}/predictions";
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                var body = bodies.Take();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(path, content);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    Console.Error.WriteLine($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                var second = (int)watch.Elapsed.TotalSeconds;
                Interlocked.Add(ref perSecond[Math.Min(second, perSecond.Length - 1)], batch);
            }
        })).ToArray();

        (double Start, double End)? retrain = null;
        if (retrainAfter >= 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(retrainAfter));
            // Its own connection: the load's connections are all busy, and the poll must not queue behind them.
            using var control = Client(url, options.Text("key", ""), 1);
            retrain = await Retrain(control, model, options.Number("retrain-budget", 20), watch);
        }

        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        while (bodies.TryTake(out _))
        {
        }

        await producer.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var total = perSecond.Sum();
        var steady = perSecond.Skip(2).Take(Math.Max(1, seconds - 2)).ToArray(); // drop warm-up seconds
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {total:N0} rows in {elapsed:F1} s = {total / elapsed:N0} rows/s overall; steady (s 2..{seconds}) mean {steady.Average():N0} rows/s, min {steady.Min():N0}; batch {batch}, concurrency {concurrency}{(models.Length > 1 ? $" over {models.Length} models" : "")}, failures {failures}"));
        Console.WriteLine("per second: " + string.Join(" ", perSecond.Take(seconds).Select(v => v.ToString(CultureInfo.InvariantCulture))));
        if (retrain is { } r)
        {
            var during = Rate(perSecond, (int)Math.Ceiling(r.Start), (int)Math.Floor(Math.Min(r.End, seconds)));
            var idle = Rate(perSecond, 2, (int)Math.Floor(r.Start));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"retrain ran {r.Start:F1}..{r.End:F1} s: {during:N0} rows/s during vs {idle:N0} rows/s before ({(during / idle) - 1:+0%;-0%})"));
        }

        return failures == 0 ? 0 : 1;
    }

    private static double Rate(long[] perSecond, int from, int to) =>
        to > from ? perSecond.Skip(from).Take(to - from).Average() : double.NaN;

    // Requests a retrain, then polls until it finishes; returns when it ran (seconds since the load started).
    private static async Task<(double Start, double End)> Retrain(HttpClient client, string model, double budget, Stopwatch watch)
    {
        var start = watch.Elapsed.TotalSeconds;
        using var content = new StringContent(string.Create(CultureInfo.InvariantCulture, $"{{\"budget_seconds\":{budget},\"reason\":\"load test\"}}"), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/api/v1/models/{model}/retrains", content);
        var location = response.Headers.Location?.ToString();
        Console.WriteLine($"retrain requested: {(int)response.StatusCode} {location}");
        while (location is not null)
        {
            await Task.Delay(200);
            var run = await client.GetStringAsync(location);
            if (!run.Contains("\"status\":\"running\"", StringComparison.Ordinal))
            {
                Console.WriteLine("retrain finished: " + run[..Math.Min(run.Length, 300)]);
                break;
            }
        }

        return (start, watch.Elapsed.TotalSeconds);
    }

    internal static HttpClient Client(string url, string key, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (key.Length > 0)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }
}
