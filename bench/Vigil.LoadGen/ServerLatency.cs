using System.Globalization;

namespace Vigil.LoadGen;

/// <summary>
/// The server's own view of its latency: the cumulative buckets of a histogram scraped from <c>/metrics</c> —
/// <c>vigil_predict_duration_seconds</c> (request start to answer, logged rows committed) and
/// <c>vigil_store_write_seconds</c> (one group commit, fsync included). Two scrapes around the measured seconds give
/// how many answers (commits) fell within each bound, so a client-side tail can be split into the server's part, the
/// disk's part, and the transport's and machine's (the load generator shares the server's cores).
/// </summary>
public sealed class ServerLatency
{
    public const string Predict = "vigil_predict_duration_seconds";
    public const string StoreWrite = "vigil_store_write_seconds";

    private ServerLatency(string series, IReadOnlyDictionary<double, double> buckets) => (Series, Buckets) = (series, buckets);

    public string Series { get; }

    /// <summary>Cumulative count per upper bound in seconds (+Inf as <see cref="double.PositiveInfinity"/>).</summary>
    public IReadOnlyDictionary<double, double> Buckets { get; }

    /// <summary>The histograms of one scrape: /predict's of <paramref name="model"/>, and the store's writes.</summary>
    public static async Task<IReadOnlyList<ServerLatency>> ScrapeAsync(HttpClient client, string model)
    {
        try
        {
            var text = await client.GetStringAsync("/metrics");
            return new[] { Parse(text, Predict, $"model=\"{model}\""), Parse(text, StoreWrite, "") }.OfType<ServerLatency>().ToArray();
        }
        catch (HttpRequestException)
        {
            return []; // /metrics closed to this key: the client-side figures stand alone
        }
    }

    private static ServerLatency? Parse(string text, string series, string labels)
    {
        var buckets = new Dictionary<double, double>();
        var prefix = series + "_bucket{";
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal) || !line.Contains(labels, StringComparison.Ordinal))
            {
                continue;
            }

            var le = line.IndexOf("le=\"", StringComparison.Ordinal) + 4;
            var bound = line[le..line.IndexOf('"', le)];
            var value = line[(line.LastIndexOf(' ') + 1)..];
            buckets[bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture)] =
                double.Parse(value, CultureInfo.InvariantCulture);
        }

        return buckets.Count == 0 ? null : new ServerLatency(series, buckets);
    }

    /// <summary>"≤ 1 ms 97.10 %, ≤ 2 ms 99.60 %, …" for what the series counted between two scrapes.</summary>
    public static string Describe(IReadOnlyList<ServerLatency> before, ServerLatency after)
    {
        var earlier = before.FirstOrDefault(b => b.Series == after.Series)?.Buckets ?? new Dictionary<double, double>();
        var total = after.Buckets[double.PositiveInfinity] - earlier.GetValueOrDefault(double.PositiveInfinity);
        if (total <= 0)
        {
            return $"server side ({after.Series}): nothing counted in the measured seconds";
        }

        var parts = after.Buckets.Keys.Where(b => !double.IsInfinity(b) && b <= 0.01).Order().Select(bound =>
        {
            var within = after.Buckets[bound] - earlier.GetValueOrDefault(bound);
            return string.Create(CultureInfo.InvariantCulture, $"≤ {bound * 1000:0.##} ms {100 * within / total:F2} %");
        });
        return $"server side ({after.Series}, {total:N0} counted): {string.Join(", ", parts)}";
    }
}
