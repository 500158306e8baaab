using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Vigil.LoadGen;

/// <summary>
/// Open-loop single-row /predict at a fixed rate (<c>--rps</c>) for <c>--seconds</c>: requests are sent on schedule
/// whether or not earlier ones have answered, and latency is measured from the scheduled send time, so a slow
/// server cannot hide its queueing (no coordinated omission). Prints p50/p90/p99/p99.9/max.
/// </summary>
public static class PredictLoad
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Text("url", "http://127.0.0.1:5080");
        var model = options.Text("model", "load");
        var rps = options.Int("rps", 500);
        var seconds = options.Int("seconds", 20);
        var warmup = options.Int("warmup", 2);
        // --endpoint health: GET /health at the same rate instead of /predict — the floor of the request path on this
        // machine (sockets, Kestrel, both processes' scheduling), with no JSON, model or store behind it.
        var floor = options.Text("endpoint", "predict") switch
        {
            "predict" => false,
            "health" => true,
            var other => throw new ArgumentException($"--endpoint {other}: expected predict or health"),
        };
        using var client = IngestLoad.Client(url, options.Text("key", ""), 256);
        var factory = new BodyFactory(2000);
        var total = rps * (seconds + warmup);
        var bodies = Enumerable.Range(0, total).Select(_ => factory.Batch(1, scoring: true)).ToArray();
        var latencies = new double[total];
        var failures = 0;
        var tasks = new Task[total];
        var watch = Stopwatch.StartNew();
        var interval = 1.0 / rps;
        Task<IReadOnlyList<ServerLatency>>? serverBefore = null;
        for (var i = 0; i < total; i++)
        {
            if (i == rps * warmup && !floor)
            {
                serverBefore = ServerLatency.ScrapeAsync(client, model);
            }

            var due = i * interval;
            SendClock.WaitUntil(watch, due);

            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                using var content = new ByteArrayContent(bodies[index]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = floor
                    ? await client.GetAsync("/health")
                    : await client.PostAsync($"/api/v1/models/{model}/predict", content);
                await response.Content.ReadAsByteArrayAsync();
                latencies[index] = (watch.Elapsed.TotalSeconds - due) * 1000;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            });
        }

        await Task.WhenAll(tasks);
        var serverAfter = floor ? null : await ServerLatency.ScrapeAsync(client, model);
        var measured = latencies.Skip(rps * warmup).OrderBy(v => v).ToArray();
        double P(double q) => measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(q * measured.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(floor ? "health" : "predict")}: {measured.Length:N0} requests at {rps}/s over {seconds} s (after {warmup} s warm-up): p50 {P(0.5):F2} ms, p90 {P(0.9):F2} ms, p99 {P(0.99):F2} ms, p99.9 {P(0.999):F2} ms, max {measured[^1]:F2} ms, failures {failures}"));
        if (serverBefore is not null && serverAfter is not null)
        {
            var before = await serverBefore;
            foreach (var after in serverAfter)
            {
                Console.WriteLine(ServerLatency.Describe(before, after));
            }
        }

        // --slow-ms N: how many measured requests per second took longer than N ms (shows whether the tail is spread out
        // or comes in bursts, e.g. a checkpoint or a GC).
        if (options.Int("slow-ms", 0) is var slowMs and > 0)
        {
            var perSecond = new int[seconds];
            for (var i = rps * warmup; i < total; i++)
            {
                if (latencies[i] > slowMs)
                {
                    perSecond[Math.Min(seconds - 1, (i / rps) - warmup)]++;
                }
            }

            Console.WriteLine($"slower than {slowMs} ms, per second: {string.Join(' ', perSecond)}");
        }

        return failures == 0 ? 0 : 1;
    }
}
