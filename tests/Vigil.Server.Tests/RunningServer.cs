using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Tests;

/// <summary>
/// The real server (Kestrel on 127.0.0.1, a free port) over a fresh temporary workspace, with a write key, a read key
/// and clients for each. No test double anywhere: requests go through HTTP into the SQLite workspace.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    public const string WriteKey = "write-key-0123456789";
    public const string ReadKey = "read-key-0123456789";

    private readonly WebApplication _app;

    private RunningServer(WebApplication app, string workspace, Uri address)
    {
        _app = app;
        Workspace = workspace;
        Address = address;
        Writer = Client(WriteKey);
        Reader = Client(ReadKey);
        Anonymous = Client(null);
    }

    public string Workspace { get; }

    public Uri Address { get; }

    public HttpClient Writer { get; }

    public HttpClient Reader { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="time">The server's clock (the scheduler's timer and timestamps); the system clock when null.</param>
    /// <param name="configure">Further changes to the builder after the test settings (e.g. an in-memory telemetry exporter).</param>
    public static async Task<RunningServer> StartAsync(Dictionary<string, string?>? settings = null, string? workspace = null, TimeProvider? time = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        workspace ??= Directory.CreateTempSubdirectory("vigil-server-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Vigil:Workspace"] = workspace,
            ["Vigil:ApiKeys:0:Name"] = "tester",
            ["Vigil:ApiKeys:0:Key"] = WriteKey,
            ["Vigil:ApiKeys:0:Scope"] = "write",
            ["Vigil:ApiKeys:1:Name"] = "viewer",
            ["Vigil:ApiKeys:1:Key"] = ReadKey,
            ["Vigil:ApiKeys:1:Scope"] = "read",
            ["Vigil:Scheduler:Enabled"] = "false",
            // Test rows carry fixed past timestamps: a retention pass fired by a test's clock would delete them.
            ["Vigil:Retention:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        var app = VigilServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            if (time is not null)
            {
                builder.Services.AddSingleton(time); // registered after the server's TimeProvider.System, so it wins
            }

            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new RunningServer(app, workspace, new Uri(app.Urls.First()));
    }

    /// <summary>Copies the trained bundle into the workspace and registers it as <paramref name="model"/> (v1, champion).</summary>
    public async Task RegisterAsync(string model = "churn", string relative = "imports/base")
    {
        TrainedModel.CopyInto(Workspace, relative);
        var response = await Writer.PostAsJsonAsync($"/api/v1/models/{model}/versions", new { path = relative, reason = "test" });
        await Expect(response, 201);
    }

    public static async Task<JsonNode> Expect(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    public static StringContent Json(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        Reader.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        TryDelete(Workspace);
    }

    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public static JsonSerializerOptions SnakeCase { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
