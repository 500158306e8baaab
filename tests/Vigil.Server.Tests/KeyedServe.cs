using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Vigil.TestSupport;
using Vigil.TestSupport.Servers;

namespace Vigil.Server.Tests;

/// <summary>
/// <c>vigil serve</c> as a child process on a free loopback port with one write key, and a client that sends the key:
/// for tests that take the store away under a whole process (an outage, a full disk) rather than an in-process host.
/// </summary>
internal sealed class KeyedServe : IAsyncDisposable
{
    private const string Key = "child-serve-key-0123456789";

    private KeyedServe(HttpClient client, ServeProcess process)
    {
        Client = client;
        Process = process;
    }

    public HttpClient Client { get; }

    public ServeProcess Process { get; }

    /// <summary>Starts <c>vigil serve</c> with <paramref name="arguments"/> (the store or workspace, maybe <c>--cluster</c>) and the settings given.</summary>
    public static async Task<KeyedServe> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> settings)
    {
        var port = LoopbackPort.Next();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var environment = new Dictionary<string, string?>(settings, StringComparer.Ordinal)
        {
            ["Vigil:ApiKeys:0:Key"] = Key,
            ["Vigil:ApiKeys:0:Scope"] = "write",
        };
        try
        {
            var process = await ServeProcess.StartAsync([.. arguments, "--urls", $"http://127.0.0.1:{port}"], environment, client, TimeSpan.FromSeconds(60));
            return new KeyedServe(client, process);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Registers the test run's trained model as <paramref name="model"/>, its bundle copied into <paramref name="workspace"/>.</summary>
    public async Task RegisterTrainedModelAsync(string model, string workspace)
    {
        using var registered = await Client.PostAsJsonAsync($"/api/v1/models/{model}/versions", new { path = TrainedModel.CopyInto(workspace) });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
    }

    /// <summary>Posts production rows [0, <paramref name="rows"/>) under ids prefixed <paramref name="prefix"/>.</summary>
    public Task<HttpResponseMessage> PostRowsAsync(string model, string prefix, int rows) =>
        Client.PostAsJsonAsync($"/api/v1/models/{model}/predictions", TrainedModel.Rows(0, rows, prefix + "-"));

    /// <summary>The rows an ingestion answer says were inserted; fails the test on any other answer.</summary>
    public static async Task<int> InsertedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
            return (int)JsonNode.Parse(text)!["inserted"]!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.KillAndWaitAsync();
        Process.Dispose();
        Client.Dispose();
    }
}
