using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Vigil.Server.Security;

namespace Vigil.Server.Tests;

/// <summary>Keys and scopes, size limits, names, paths and the ProblemDetails for each kind of mistake.</summary>
public sealed class SecurityAndErrorTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Vigil:MaxRequestBytes"] = "200000" });
        await _server.RegisterAsync("churn");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Missing_or_wrong_key_is_401_and_read_key_cannot_write()
    {
        var missing = await RunningServer.Expect(await _server.Anonymous.GetAsync("/api/v1/models"), 401);
        Assert.Equal(401, (int)missing["status"]!);
        Assert.Contains("X-Api-Key", (string)missing["detail"]!, StringComparison.Ordinal);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/v1/models");
        wrong.Headers.Add("X-Api-Key", "not-a-key");
        await RunningServer.Expect(await _server.Anonymous.SendAsync(wrong), 401);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/v1/models");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RunningServer.ReadKey);
        await RunningServer.Expect(await _server.Anonymous.SendAsync(bearer), 200);

        await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models/churn"), 200);
        var forbidden = await RunningServer.Expect(
            await _server.Reader.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 1))), 403);
        Assert.Contains("write scope", (string)forbidden["detail"]!, StringComparison.Ordinal);
        await RunningServer.Expect(await _server.Reader.PostAsJsonAsync("/api/v1/models/churn/checks", new { last = 10 }), 403);
        await RunningServer.Expect(await _server.Reader.PostAsJsonAsync("/api/v1/models/churn/promote", new { version = 1 }), 403);
        await RunningServer.Expect(await _server.Reader.PostAsJsonAsync("/api/v1/models/churn/retrains", new { max_trials = 1 }), 403);
    }

    [Fact]
    public void Key_ring_matches_only_exact_keys_and_parses_scopes()
    {
        var ring = new ApiKeyRing(Options.Create(new ServerOptions
        {
            ApiKeys = [new ApiKeyOptions { Name = "a", Key = "secret-a", Scope = "write" }, new ApiKeyOptions { Name = "b", Key = "secret-b", Scope = "READ" }],
        }));
        Assert.Equal((ApiScope.Write, "a"), ring.Authenticate("secret-a"));
        Assert.Equal((ApiScope.Read, "b"), ring.Authenticate("secret-b"));
        Assert.Equal(ApiScope.None, ring.Authenticate("secret-").Scope);
        Assert.Equal(ApiScope.None, ring.Authenticate("secret-a ").Scope);
        Assert.Throws<InvalidOperationException>(() => new ApiKeyRing(Options.Create(new ServerOptions
        {
            ApiKeys = [new ApiKeyOptions { Name = "x", Key = "k", Scope = "admin" }],
        })));
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var problem = await RunningServer.Expect(
            await _server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 2000))), 413);
        Assert.Equal(413, (int)problem["status"]!);

        // Chunked (no Content-Length): refused while reading.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/models/churn/predictions")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(TrainedModel.Rows(0, 2000).ToJsonString()))),
        };
        chunked.Headers.TransferEncodingChunked = true;
        await RunningServer.Expect(await _server.Writer.SendAsync(chunked), 413);
    }

    [Fact]
    public async Task Bad_names_unknown_models_and_unknown_ids_are_400_and_404()
    {
        var bad = await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models/..bad"), 400);
        Assert.Contains("Invalid model name", (string)bad["detail"]!, StringComparison.Ordinal);
        var unknown = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/nope/predictions", RunningServer.Json(TrainedModel.Rows(0, 1))), 404);
        Assert.Contains("churn", (string)unknown["detail"]!, StringComparison.Ordinal);
        await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models/churn/checks/999999"), 404);
        await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models/churn/retrains/999999"), 404);
        await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/churn/promote", new { version = 9 }), 404);
    }

    [Fact]
    public async Task Invalid_rows_are_422_with_every_row_named_and_nothing_stored()
    {
        var rows = TrainedModel.Rows(0, 3, "bad");
        rows[1]!.AsObject().Remove("prediction");
        rows[2]!["features"]!["f0"] = new JsonArray(1, 2);
        var problem = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(rows)), 422);
        var errors = problem["errors"]!.AsArray().Select(e => (string)e!).ToArray();
        Assert.Contains(errors, e => e.StartsWith("row 1:", StringComparison.Ordinal) && e.Contains("prediction", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("row 2:", StringComparison.Ordinal) && e.Contains("f0", StringComparison.Ordinal));
        var model = await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models/churn"), 200);
        Assert.Equal(0, (long)model["rows"]!);

        var labels = await RunningServer.Expect(
            await _server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(new JsonArray(new JsonObject { ["id"] = "x" }))), 422);
        Assert.Contains("label 0", (string)labels["errors"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        using var content = new StringContent("[{\"id\": \"a\", ", Encoding.UTF8, "application/json");
        var problem = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predictions", content), 400);
        Assert.Equal("Invalid JSON", (string)problem["title"]!);
        using var labels = new StringContent("{", Encoding.UTF8, "application/json");
        await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/labels", labels), 400);
        using var promote = new StringContent("{\"version\": \"x\"}", Encoding.UTF8, "application/json");
        await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/promote", promote), 400);
    }

    [Fact]
    public async Task Bundle_paths_outside_the_workspace_are_refused()
    {
        await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/other/versions", new { path = "../../etc" }), 400);
        await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/other/versions", new { path = "/etc" }), 400);
        await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/other/versions", new { path = "imports/../../x" }), 400);
        var outside = Directory.CreateTempSubdirectory("vigil-outside-").FullName;
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(_server.Workspace, "link"), outside);
            await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/other/versions", new { path = "link" }), 400);
        }
        finally
        {
            RunningServer.TryDelete(outside);
        }

        Directory.CreateDirectory(Path.Combine(_server.Workspace, "imports", "empty"));
        var notBundle = await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/other/versions", new { path = "imports/empty" }), 422);
        Assert.Contains("manifest.json", (string)notBundle["detail"]!, StringComparison.Ordinal);
        await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models/other"), 404);
    }

    [Fact]
    public async Task Conflicts_and_unprocessable_state_are_409_and_422()
    {
        var rollback = await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/churn/rollback", new { reason = "x" }), 409);
        Assert.Contains("no earlier champion", (string)rollback["detail"]!, StringComparison.Ordinal);
        var noRows = await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/churn/checks", new { last = 10 }), 422);
        Assert.Contains("no logged rows", (string)noRows["detail"]!, StringComparison.Ordinal);
        var noLabels = await RunningServer.Expect(await _server.Writer.PostAsJsonAsync("/api/v1/models/churn/retrains", new { max_trials = 1 }), 422);
        Assert.Contains("labelled", (string)noLabels["detail"]!, StringComparison.Ordinal);
    }
}
