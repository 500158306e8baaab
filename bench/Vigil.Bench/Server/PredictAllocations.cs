using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
using Vigil.Server;
using Vigil.TestSupport.Http;

namespace Vigil.Bench.Server;

/// <summary>
/// Managed bytes the service allocates per <c>POST /predict</c> of one row (scored, logged through the group-commit
/// writer, answered after the commit), for a trained bundle (20 numeric features, as <c>Vigil.LoadGen setup</c> trains
/// it) and the ONNX model <c>bench/onnx/wide-logreg.onnx</c>. The real server runs in this process on Kestrel
/// (loopback), and a client that allocates nothing per request sends one request at a time, so
/// <see cref="GC.GetTotalAllocatedBytes(bool)"/> around the measured requests counts the server's bytes: Kestrel, the
/// handler, scoring, the SQLite commit (one per request here, the worst case of group commit) and the answer.
/// Counts, not timings: they do not depend on the machine's load. <c>--types</c> adds where the bytes go by type
/// (the runtime's allocation ticks, one about every 100 KB).
/// Usage: predict-alloc [vigil|onnx|both] [--requests N] [--warmup N] [--types] [--onnx FILE].
/// </summary>
internal static class PredictAllocations
{
    private const string Key = "bench-write-key-0123456789";
    private const string Model = "load";
    private const int IdDigits = 9;
    private const int Features = 20;

    public static int Run(string[] args)
    {
        var kind = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "both";
        var requests = Option(args, "--requests", 5000);
        var warmup = Option(args, "--warmup", 3000);
        var types = args.Contains("--types");
        var onnx = Text(args, "--onnx", Path.Combine("bench", "onnx", "wide-logreg.onnx"));
        Console.WriteLine($"predict-alloc: {requests} sequential one-row /predict requests after {warmup} warm-up, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        foreach (var k in kind == "both" ? ["vigil", "onnx"] : new[] { kind })
        {
            if (k is not ("vigil" or "onnx"))
            {
                Console.Error.WriteLine($"unknown model kind '{k}' (vigil, onnx or both)");
                return 2;
            }

            Measure(k, requests, warmup, types, onnx);
        }

        return 0;
    }

    private static void Measure(string kind, int requests, int warmup, bool types, string onnxFile)
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-predict-alloc-").FullName;
        try
        {
            var data = ClassificationGenerator.Generate(new ClassificationOptions
            {
                Samples = 3100, Features = Features, Informative = 5, Redundant = 3, ClassSeparation = 1.2, Seed = 5,
            });
            Prepare(workspace, kind, data, onnxFile);
            var app = VigilServer.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Vigil:Workspace"] = workspace,
                    ["Vigil:ApiKeys:0:Name"] = "bench",
                    ["Vigil:ApiKeys:0:Key"] = Key,
                    ["Vigil:ApiKeys:0:Scope"] = "write",
                    ["Vigil:Scheduler:Enabled"] = "false",
                    ["Logging:LogLevel:Default"] = "Warning",
                });
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            });
            app.StartAsync().GetAwaiter().GetResult();
            try
            {
                var address = new Uri(app.Urls.First());
                var bodies = Requests(address, data);
                using var client = new KeepAliveHttpClient(address);
                var next = 0L;
                Send(client, bodies, ref next, warmup);
                Console.WriteLine($"  {kind}: first answer after warm-up: {Encoding.UTF8.GetString(client.Body)}");

                GC.Collect();
                GC.WaitForPendingFinalizers();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var gen0 = GC.CollectionCount(0);
                var before = GC.GetTotalAllocatedBytes(precise: true);
                Send(client, bodies, ref next, requests);
                var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
                var collections = GC.CollectionCount(0) - gen0;
                var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / requests;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {kind}: {bytes / (double)requests:F0} bytes allocated per request, {collections * 1000.0 / requests:F2} gen-0 collections per 1,000 requests, {cpuPerRequest:F0} µs processor time per request (server and client)"));

                if (types)
                {
                    using var listener = new AllocationTypes();
                    Send(client, bodies, ref next, requests);
                    listener.Print(requests, 30);
                }
            }
            finally
            {
                app.StopAsync().GetAwaiter().GetResult();
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(workspace, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    // Trains (or registers) the champion the way Vigil.LoadGen's setup does.
    private static void Prepare(string workspace, string kind, Table data, string onnxFile)
    {
        using var monitor = VigilMonitor.Open(workspace);
        var names = data.ColumnNames.Where(n => n != "target").ToArray();
        if (kind == "onnx")
        {
            ModelRegistration.Register(monitor.Workspace, Model, new RegistrationRequest
            {
                Kind = ModelKind.Onnx, ModelFile = onnxFile, Reference = data.Slice(0, 3000), Label = "target",
                Features = names, CreatedBy = "bench", Reason = "allocation benchmark",
            });
        }
        else
        {
            monitor.Train(Model, data.Slice(0, 3000), new TrainRequest
            {
                Label = "target", TimeBudget = null, MaxTrials = 4, Learners = ["lgbm"], CreatedBy = "bench", Reason = "allocation benchmark",
            });
        }
    }

    // One request per row of the last 100 rows, each with a fixed-width id the sender stamps (ids must be new: a
    // duplicate takes another path through the store).
    private static List<(byte[] Request, int IdAt)> Requests(Uri address, Table data)
    {
        var timestamp = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var list = new List<(byte[], int)>();
        for (var row = 3000; row < data.RowCount; row++)
        {
            var features = new StringBuilder();
            for (var f = 0; f < Features; f++)
            {
                var name = "f" + f.ToString(CultureInfo.InvariantCulture);
                features.Append(f == 0 ? "" : ",").Append('"').Append(name).Append("\":")
                    .Append(((NumericColumn)data[name])[row].ToString("R", CultureInfo.InvariantCulture));
            }

            var body = $"[{{\"id\":\"p{new string('0', IdDigits)}\",\"timestamp\":\"{timestamp}\",\"features\":{{{features}}}}}]";
            var request = KeepAliveHttpClient.JsonPost(address, $"/api/v1/models/{Model}/predict", Key, body);
            var idAt = request.AsSpan().IndexOf("\"id\":\"p"u8) + 7;
            list.Add((request, idAt));
        }

        return list;
    }

    private static void Send(KeepAliveHttpClient client, List<(byte[] Request, int IdAt)> bodies, ref long next, int count)
    {
        for (var i = 0; i < count; i++, next++)
        {
            var (request, idAt) = bodies[(int)(next % bodies.Count)];
            KeepAliveHttpClient.Stamp(request, idAt, next, IdDigits);
            var status = client.Send(request);
            if (status != 200)
            {
                throw new InvalidOperationException($"/predict answered {status}: {Encoding.UTF8.GetString(client.Body)}");
            }
        }
    }

    private static int Option(string[] args, string name, int fallback) =>
        int.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string Text(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
