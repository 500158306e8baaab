using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;
using Vigil.Stores;
using Vigil.TestSupport;
using Vigil.TestSupport.Servers;

namespace Vigil.Cluster.Tests;

/// <summary>
/// Three `vigil serve --cluster` processes over one store and one Redis: ingestion through all three at once, one
/// node SIGKILLed mid-stream. Every acknowledged row is stored exactly once, the dead node's models go on being
/// checked on the others, no model ever has two retrains at once nor two for one decision, and the killed node
/// restarts and rejoins.
/// </summary>
public sealed partial class ThreeNodeClusterTests
{
    private const string Key = "cluster-test-key-0123456789";
    private const int Models = 6;
    private const int BatchRows = 100;
    private const int CheckEveryRows = 300;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    // Models c0 and c1 get drifted rows with labels, so their checks decide to retrain; the others stay calm.
    private static bool Drifted(int model) => model < 2;

    /// <summary>The nodes' shared store: one SQLite folder (nodes on one machine) or a PostgreSQL database.</summary>
    public static TheoryData<string> Stores => new() { "sqlite", "postgres" };

    [SkippableTheory]
    [MemberData(nameof(Stores))]
    public async Task Three_nodes_ingest_schedule_and_survive_a_sigkill(string backend)
    {
        var redis = RedisServer.Require(); // shared by the test run; this cluster's own ClusterId keeps its keys apart
        // With PostgreSQL the folder is the nodes' local folder (imports, the bundle cache); with SQLite it is the store.
        var store = backend == "postgres" ? PostgresServer.Require().CreateDatabase("vigil_cluster") : null;
        var workspace = Directory.CreateTempSubdirectory("vigil-cluster-").FullName;
        var clusterId = $"test-{Guid.NewGuid():N}";
        var nodes = Enumerable.Range(0, 3).Select(i => new Node(i, workspace, store, redis.Endpoint, clusterId)).ToArray();
        try
        {
            var bundle = ClusterModel.CopyInto(workspace);
            // The first node creates the schema; the other two join it.
            await nodes[0].StartAsync();
            await Task.WhenAll(nodes[1].StartAsync(), nodes[2].StartAsync());
            await WaitForMembers(nodes, 3);

            for (var m = 0; m < Models; m++)
            {
                await Expect(await nodes[m % 3].Client.PostAsJsonAsync($"/api/v1/models/c{m}/versions", new { path = bundle }), 201);
                if (Drifted(m))
                {
                    // Labels first (they wait for their rows), so each scheduled check of a drifted model sees labels.
                    await Expect(await nodes[(m + 1) % 3].Client.PostAsync($"/api/v1/models/c{m}/labels", Json(ClusterModel.Labels(0, 2000, $"c{m}-"))), 200);
                }
            }

            // Wave 1: every model through all three nodes at once; node 1 is killed after a third of the batches.
            var acknowledged = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            var batches = 0;
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            const int wave1 = 12;
            await Task.WhenAll(Enumerable.Range(0, Models).Select(m => Ingest(nodes, m, 0, wave1, acknowledged, () =>
            {
                if (Interlocked.Increment(ref batches) == Models * wave1 / 3)
                {
                    nodes[1].Kill();
                    killed.SetResult();
                }
            })));
            await killed.Task;
            await nodes[1].Process!.Process.WaitForExitAsync();

            // The survivors declare it dead; its models' grains come back on them and keep checking.
            await WaitForMembers([nodes[0], nodes[2]], 2);
            var declaredDead = DateTimeOffset.UtcNow;
            const int wave2 = 4;
            await Task.WhenAll(Enumerable.Range(0, Models).Select(m => Ingest(nodes, m, wave1, wave2, acknowledged, () => { })));
            // No row arrives while we wait: each model's grain (moved or not) must come due on the rows the store
            // holds since its last check (wave 2 alone is more than CheckEveryRows), whatever it was told before.
            for (var m = 0; m < Models; m++)
            {
                var model = $"c{m}";
                var node = nodes[m % 2 == 0 ? 0 : 2];
                await Eventually.Value(() => Checks(node, model), checks => checks.Any(c => c.RanAt >= declaredDead), Deadline,
                    checks => $"a scheduled check of {model} after the node died (latest: {(checks.Count == 0 ? "none" : checks[0].RanAt.ToString("o"))}, death declared {declaredDead:o})");
            }

            // The killed node restarts on its ports and rejoins: three active silos again, seen from every node.
            await nodes[1].StartAsync();
            await WaitForMembers(nodes, 3);

            // A node that joins takes work: the grains deal the six models over the three silos (ModelDeal), so the
            // two dealt to the rejoined node's new silo move there (a grain waits while a retrain of its model runs).
            await Eventually.Value(() => nodes[1].ModelGrains(), n => n >= 2, TimeSpan.FromSeconds(90),
                n => $"the rejoined node to host the two models dealt to it (hosts {n})");

            // Retrains asked through the API of any node go through the model's grain: of three asked at once, at
            // most one starts (none while a scheduled one runs), the others are refused with 409; a refusal on the
            // grain's silo (422: the calm model has no labels) reaches the caller as it is.
            var asked = await Task.WhenAll(nodes.Select(n => n.Client.PostAsJsonAsync("/api/v1/models/c0/retrains", new { max_trials = 1, rows = 300 })));
            var codes = asked.Select(a => (int)a.StatusCode).ToArray();
            Assert.True(codes.All(c => c is 202 or 409) && codes.Count(c => c == 202) <= 1, $"three retrains of c0 asked at once: {string.Join(", ", codes)}");
            await Expect(await nodes[1].Client.PostAsJsonAsync("/api/v1/models/c2/retrains", new { max_trials = 1 }), 422);

            // Every acknowledged row once: writers resend a batch that got no answer to another node, so every row was
            // acknowledged in the end and the count is exact; the store's own ids are distinct.
            for (var m = 0; m < Models; m++)
            {
                var view = await Expect(await nodes[m % 3].Client.GetAsync($"/api/v1/models/c{m}"), 200);
                Assert.Equal((wave1 + wave2) * BatchRows, (long)view["rows"]!);
            }

            Assert.Equal(Models * (wave1 + wave2) * BatchRows, acknowledged.Count);
            using (var opened = WorkspaceOpener.Open(store is null ? WorkspaceLocation.Sqlite(workspace) : WorkspaceLocation.Parse(store),
                       new WorkspaceOpenOptions { LocalFolder = workspace }))
            {
                for (var m = 0; m < Models; m++)
                {
                    var ids = opened.Store.ReadWindow($"c{m}", WindowSpec.All).Select(r => r.Id).ToList();
                    Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
                    Assert.All(acknowledged.Keys.Where(id => id.StartsWith($"c{m}-", StringComparison.Ordinal)), id => Assert.Contains(id, ids));
                }
            }

            // Retrains: each starts from its own retrain decision, and runs of one model never overlap.
            var retrains = 0;
            for (var m = 0; m < Models; m++)
            {
                retrains += await AssertOneRetrainPerDecision(nodes[0].Client, $"c{m}");
            }

            Assert.True(retrains > 0, "the drifted models' checks should have started retrains; none ran, so nothing was tested");
        }
        catch (Exception e) when (e is not SkipException)
        {
            // What the nodes logged is the only trace of what happened inside them (whole logs beside the temp folder).
            foreach (var node in nodes)
            {
                File.WriteAllText(Path.Combine(Path.GetTempPath(), $"vigil-cluster-test-node{node.Index}.log"), node.Process?.Log ?? "");
            }

            throw new Xunit.Sdk.XunitException(e.Message + string.Concat(nodes.Select(n => $"\n--- node {n.Index} (tail of its log):\n{n.LogTail()}")), e);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }

            TryDelete(workspace);
        }
    }

    private static async Task<int> AssertOneRetrainPerDecision(HttpClient client, string model)
    {
        var runs = (await Expect(await client.GetAsync($"/api/v1/models/{model}/retrains?limit=1000"), 200)).AsArray();
        var decisions = (await Expect(await client.GetAsync($"/api/v1/models/{model}/decisions?limit=1000"), 200)).AsArray();
        var retrainChecks = decisions.Where(d => (bool)d!["retrain"]!).Select(d => (long?)d!["check_id"]).ToHashSet();
        var decided = new HashSet<long>();
        var spans = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var run in runs)
        {
            var reason = (string)run!["reason"]!;
            if (reason.StartsWith("scheduled:", StringComparison.Ordinal))
            {
                var check = long.Parse(CheckInReason().Match(reason).Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.True(retrainChecks.Contains(check), $"{model}: run {run["id"]} names check {check}, whose decision was not to retrain");
                Assert.True(decided.Add(check), $"{model}: two retrains for the decision of check {check}");
            }

            var from = (DateTimeOffset)run["requested_at"]!;
            var to = run["finished_at"] is { } finished ? (DateTimeOffset)finished : DateTimeOffset.MaxValue;
            Assert.DoesNotContain(spans, s => s.From < to && from < s.To);
            spans.Add((from, to));
        }

        return runs.Count;
    }

    private static async Task Ingest(Node[] nodes, int model, int firstBatch, int count, ConcurrentDictionary<string, byte> acknowledged, Action afterEach)
    {
        for (var b = firstBatch; b < firstBatch + count; b++)
        {
            var rows = ClusterModel.Rows(b * BatchRows, BatchRows, $"c{model}-", Drifted(model));
            // A node that does not answer gets the batch again through the next one (ids make the resend idempotent).
            for (var attempt = 0; ; attempt++)
            {
                var node = nodes[(b + model + attempt) % nodes.Length];
                Assert.True(attempt < 12, $"batch {b} of c{model} was refused by every node");
                if (node.IsDown)
                {
                    continue;
                }

                try
                {
                    using var response = await node.Client.PostAsync($"/api/v1/models/c{model}/predictions", Json(rows));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
            }

            foreach (var row in rows)
            {
                acknowledged.TryAdd((string)row!["id"]!, 0);
            }

            afterEach();
        }
    }

    private static async Task<IReadOnlyList<(long Id, DateTimeOffset RanAt)>> Checks(Node node, string model)
    {
        var checks = await Expect(await node.Client.GetAsync($"/api/v1/models/{model}/checks?limit=100"), 200);
        return checks.AsArray().Select(c => ((long)c!["id"]!, (DateTimeOffset)c["ran_at"]!)).ToList();
    }

    private static async Task WaitForMembers(IEnumerable<Node> nodes, int active)
    {
        foreach (var node in nodes)
        {
            await Eventually.Value(() => node.ActiveSilos(), n => n == active, Deadline, n => $"node {node.Index} to see {active} active silos (sees {n})");
        }
    }

    internal static async Task<JsonNode> Expect(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "null" : body)!;
    }

    internal static StringContent Json(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"\(check (\d+)\)$")]
    private static partial Regex CheckInReason();

    /// <summary>One `vigil serve --cluster` process on its own HTTP and silo ports (kept across a restart).</summary>
    internal sealed class Node(int index, string workspace, string? store, string redis, string clusterId) : IDisposable
    {
        private readonly int _httpPort = FreePort();
        private readonly int _siloPort = FreePort();

        public int Index { get; } = index;

        public HttpClient Client { get; } = Authorised(new HttpClient { Timeout = TimeSpan.FromSeconds(20) });

        public ServeProcess? Process { get; private set; }

        public bool IsDown { get; private set; }

        /// <summary>Settings added to (or replacing) the node's defaults at its next start.</summary>
        public Dictionary<string, string?> Extra { get; } = new(StringComparer.Ordinal);

        public async Task StartAsync()
        {
            Client.BaseAddress ??= new Uri($"http://127.0.0.1:{_httpPort}");
            var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Vigil:ApiKeys:0:Key"] = Key,
                ["Vigil:ApiKeys:0:Scope"] = "write",
                ["Vigil:Cluster:Redis"] = redis,
                ["Vigil:Cluster:ClusterId"] = clusterId,
                ["Vigil:Cluster:ServiceId"] = clusterId,
                ["Vigil:Cluster:SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture),
                ["Vigil:Scheduler:CheckEveryRows"] = CheckEveryRows.ToString(CultureInfo.InvariantCulture),
                // 600 labelled rows in a window: one check of a drifted model passes the policy's 500-new-labels gate.
                ["Vigil:Scheduler:WindowRows"] = "600",
                ["Vigil:Scheduler:Poll"] = "00:00:00.200",
                ["Vigil:Scheduler:RetrainMaxTrials"] = "1",
                ["Vigil:Scheduler:RetrainRows"] = "300",
                ["Vigil:Durability"] = "Normal",
            };
            foreach (var (name, value) in Extra)
            {
                settings[name] = value;
            }

            string[] location = store is null ? ["--workspace", workspace] : ["--store", store];
            if (store is not null)
            {
                settings["Vigil:Workspace"] = workspace; // the node's local folder beside a PostgreSQL store
            }

            Process = await ServeProcess.StartAsync(
                ["--cluster", .. location, "--urls", $"http://127.0.0.1:{_httpPort}"], settings, Client, TimeSpan.FromSeconds(60));
            IsDown = false;
        }

        public string LogTail() => Process?.Log is { } log ? (log.Length <= 4000 ? log : log[^4000..]) : "(not started)";

        public void Kill()
        {
            IsDown = true;
            Process?.Kill();
        }

        public async Task<int> ActiveSilos()
        {
            try
            {
                using var response = await Client.GetAsync("/ready");
                var ready = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                return (int?)ready?["cluster"]?["active_silos"] ?? -1;
            }
            catch (HttpRequestException)
            {
                return -1;
            }
        }

        /// <summary>Model grains on this node's silo, from its <c>/metrics</c>.</summary>
        public async Task<int> ModelGrains()
        {
            var text = await Client.GetStringAsync("/metrics");
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("vigil_cluster_model_grains{", StringComparison.Ordinal));
            return line is null ? 0 : (int)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            Process?.Dispose();
            Client.Dispose();
        }

        private static HttpClient Authorised(HttpClient client)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);
            return client;
        }
    }
}
