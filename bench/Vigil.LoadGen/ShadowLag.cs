using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Vigil.LoadGen;

/// <summary>
/// How far a model's shadow falls behind the log while the server ingests: polls <c>GET …/shadow</c> every
/// <c>--every</c> seconds (default 2) for <c>--seconds</c> (the ingestion's length), then keeps polling until nothing is
/// waiting or <c>--max-wait</c> seconds more have passed. Each line gives the rows logged since the shadow was set
/// (scored + waiting), the rows waiting, and how many seconds behind the shadow is: the time since the log held as
/// many rows as the shadow has scored now (interpolated between polls). Ends with when it caught up, or how much was
/// still waiting.
/// </summary>
public static class ShadowLag
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Text("url", "http://127.0.0.1:5080");
        var model = options.Text("model", "load");
        var seconds = options.Int("seconds", 40);
        var every = options.Number("every", 2);
        var maxWait = options.Int("max-wait", 120);
        using var client = IngestLoad.Client(url, options.Text("key", ""), 1);
        var samples = new List<(double At, long Logged, long Scored)>();
        var watch = Stopwatch.StartNew();
        var maxWaiting = 0L;
        double? caughtUp = null;
        while (true)
        {
            var (scored, waiting) = await Status(client, model);
            var at = watch.Elapsed.TotalSeconds;
            samples.Add((at, scored + waiting, scored));
            maxWaiting = Math.Max(maxWaiting, waiting);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"shadow t={at,5:F1} s: {scored + waiting,10:N0} logged, {waiting,10:N0} waiting, {Behind(samples)}"));
            if (at >= seconds && waiting == 0)
            {
                caughtUp = at - seconds;
                break;
            }

            if (at >= seconds + maxWait)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(every));
        }

        Console.WriteLine(caughtUp is { } after
            ? string.Create(CultureInfo.InvariantCulture,
                $"shadow lag: at most {maxWaiting:N0} rows waiting; caught up {Math.Max(0, after):F0} s after the {seconds} s of ingestion")
            : string.Create(CultureInfo.InvariantCulture,
                $"shadow lag: at most {maxWaiting:N0} rows waiting; NOT caught up {maxWait} s after the {seconds} s of ingestion ({samples[^1].Logged - samples[^1].Scored:N0} still waiting)"));
        return 0;
    }

    private static async Task<(long Scored, long Waiting)> Status(HttpClient client, string model)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/models/{model}/shadow"));
        var status = document.RootElement.GetProperty("status");
        return (status.GetProperty("scored_rows").GetInt64(), status.GetProperty("backlog_rows").GetInt64());
    }

    // Seconds since the log held as many rows as the shadow has scored now, interpolated between the samples.
    private static string Behind(List<(double At, long Logged, long Scored)> samples)
    {
        var now = samples[^1];
        if (now.Scored >= now.Logged)
        {
            return "0 s behind";
        }

        for (var i = samples.Count - 1; i > 0; i--)
        {
            var (a, b) = (samples[i - 1], samples[i]);
            if (a.Logged <= now.Scored && now.Scored <= b.Logged)
            {
                var t = b.Logged == a.Logged ? b.At : a.At + ((b.At - a.At) * (now.Scored - a.Logged) / (b.Logged - a.Logged));
                return string.Create(CultureInfo.InvariantCulture, $"{now.At - t:F1} s behind");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"more than {now.At - samples[0].At:F1} s behind");
    }
}
