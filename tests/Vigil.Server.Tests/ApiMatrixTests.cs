using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Tests;

/// <summary>
/// Every endpoint of the service, from the app's own <see cref="EndpointDataSource"/>, against the documented answer
/// for no key, a read key and a write key, and (for every endpoint that takes a body) for a malformed, non-UTF-8,
/// oversize, wrong-typed and empty body. A new endpoint without an entry in <see cref="Matrix"/> fails
/// <see cref="Every_endpoint_has_a_matrix_entry"/>. One server for the whole class.
/// </summary>
public sealed class ApiMatrixTests(ApiMatrixTests.Server fixture) : IClassFixture<ApiMatrixTests.Server>
{
    private const int MaxRequestBytes = 300_000; // above the upload's zip

    public enum Access
    {
        /// <summary>No key needed.</summary>
        Open,

        /// <summary>A read (or write) key.</summary>
        Read,

        /// <summary>A write key.</summary>
        Write,
    }

    /// <summary>The documented answers to each kind of bad body, sent with a write key.</summary>
    /// <param name="WrongTyped">A well-formed JSON body whose values have the wrong types for this endpoint.</param>
    public sealed record Bodies(int Malformed, int InvalidUtf8, int Oversize, int WrongTypedStatus, int Empty, string WrongTyped);

    /// <param name="Url">A concrete URL ({check} is the fixture's check id).</param>
    /// <param name="Status">The answer to an allowed key (the read key for Read endpoints, the write key for Write ones).</param>
    /// <param name="Valid">The body sent with the keys, for endpoints that take one (null: none).</param>
    public sealed record Entry(string Url, Access Access, int Status, Func<HttpContent>? Valid = null, Bodies? Bad = null);

    private static readonly Bodies JsonBodyBound = new(400, 400, 413, 400, 400, "{}");

    /// <summary>Every endpoint: "METHOD pattern" as routing reports it → what it must answer.</summary>
    public static readonly Dictionary<string, Entry> Matrix = new(StringComparer.Ordinal)
    {
        ["GET /health"] = new("/health", Access.Open, 200),
        ["GET /ready"] = new("/ready", Access.Open, 200),
        ["HEAD /health"] = new("/health", Access.Open, 200),
        ["HEAD /ready"] = new("/ready", Access.Open, 200),
        ["GET /openapi/{documentName}.json"] = new("/openapi/v1.json", Access.Open, 200),
        ["GET /metrics"] = new("/metrics", Access.Read, 200),
        ["GET /"] = new("/", Access.Read, 200),
        ["GET /alerts"] = new("/alerts", Access.Read, 200),
        ["GET /models/{name}"] = new("/models/churn", Access.Read, 200),
        ["GET /models/{name}/columns/{column}"] = new("/models/churn/columns/f0", Access.Read, 200),
        ["GET /api/v1/models"] = new("/api/v1/models", Access.Read, 200),
        ["GET /api/v1/models/{name}"] = new("/api/v1/models/churn", Access.Read, 200),
        ["GET /api/v1/models/{name}/events"] = new("/api/v1/models/churn/events", Access.Read, 200),
        ["POST /api/v1/models/{name}/versions"] = new("/api/v1/models/other/versions", Access.Write, 201,
            () => Json("{\"path\":\"imports/other\",\"reason\":\"matrix\"}"),
            JsonBodyBound with { WrongTyped = "{\"path\":5}" }),
        ["POST /api/v1/models/{name}/versions/upload"] = new("/api/v1/models/uploaded/versions/upload", Access.Write, 201,
            () => Zip(Server.UploadZip),
            new Bodies(415, 415, 413, 415, 415, "{\"path\":5}")),
        ["POST /api/v1/models/{name}/versions/register"] = new("/api/v1/models/logged/versions/register", Access.Write, 201,
            ExternalRegistration, new Bodies(415, 415, 413, 415, 415, "{\"kind\":5}")),
        ["POST /api/v1/models/{name}/promote"] = new("/api/v1/models/churn/promote", Access.Write, 409,
            () => Json("{\"version\":1}"), JsonBodyBound with { WrongTyped = "{\"version\":\"one\"}" }),
        ["POST /api/v1/models/{name}/rollback"] = new("/api/v1/models/churn/rollback", Access.Write, 409,
            () => Json("{\"reason\":\"matrix\"}"), JsonBodyBound with { WrongTyped = "{\"reason\":5}", Empty = 409 }),
        ["POST /api/v1/models/{name}/predictions"] = new("/api/v1/models/churn/predictions", Access.Write, 200,
            () => Json(TrainedModel.Rows(0, 3, "valid-" + Guid.NewGuid().ToString("N")).ToJsonString()),
            JsonBodyBound with { WrongTypedStatus = 422, WrongTyped = "[{\"id\":\"w\",\"features\":{\"f0\":\"forty\"},\"prediction\":[]}]" }),
        ["POST /api/v1/models/{name}/labels"] = new("/api/v1/models/churn/labels", Access.Write, 200,
            () => Json("[{\"id\":\"pending-" + Guid.NewGuid().ToString("N") + "\",\"label\":\"1\"}]"),
            JsonBodyBound with { WrongTypedStatus = 422, WrongTyped = "[{\"id\":{},\"label\":[1]}]" }),
        ["POST /api/v1/models/{name}/predict"] = new("/api/v1/models/churn/predict", Access.Write, 200,
            () => Json("[{\"features\":" + TrainedModel.Rows(0, 1)[0]!["features"]!.ToJsonString() + "}]"),
            JsonBodyBound with { WrongTypedStatus = 422, WrongTyped = "[{\"features\":{\"f0\":true}}]" }),
        ["POST /api/v1/models/{name}/checks"] = new("/api/v1/models/churn/checks", Access.Write, 201,
            () => Json("{\"last\":50}"), JsonBodyBound with { WrongTyped = "{\"last\":\"ten\"}", Empty = 201 }),
        ["GET /api/v1/models/{name}/checks"] = new("/api/v1/models/churn/checks", Access.Read, 200),
        ["GET /api/v1/models/{name}/checks/{id:long}"] = new("/api/v1/models/churn/checks/{check}", Access.Read, 200),
        ["GET /api/v1/models/{name}/decisions"] = new("/api/v1/models/churn/decisions", Access.Read, 200),
        // No labelled rows: the documented 422 (a retrain would need them).
        ["POST /api/v1/models/{name}/retrains"] = new("/api/v1/models/churn/retrains", Access.Write, 422,
            () => Json("{\"max_trials\":1}"), JsonBodyBound with { WrongTyped = "{\"max_trials\":\"one\"}", Empty = 422 }),
        ["GET /api/v1/models/{name}/retrains"] = new("/api/v1/models/churn/retrains", Access.Read, 200),
        ["GET /api/v1/models/{name}/retrains/{id:long}"] = new("/api/v1/models/churn/retrains/999", Access.Read, 404),
        // Cancel reads no body: only the size limit looks at one.
        ["POST /api/v1/models/{name}/retrains/{id:long}/cancel"] = new("/api/v1/models/churn/retrains/999/cancel", Access.Write, 404,
            () => Json("{}"), new Bodies(404, 404, 413, 404, 404, "{\"x\":[]}")),
        ["GET /api/v1/models/{name}/report"] = new("/api/v1/models/churn/report", Access.Read, 200),
        ["GET /api/v1/alerts"] = new("/api/v1/alerts", Access.Read, 200),
        ["GET /api/v1/models/{name}/alerts"] = new("/api/v1/models/churn/alerts", Access.Read, 200),
        ["GET /api/v1/models/{name}/report.html"] = new("/api/v1/models/churn/report.html", Access.Read, 200),
        ["GET /api/v1/models/{name}/watched"] = new("/api/v1/models/churn/watched", Access.Read, 200),
        ["PUT /api/v1/models/{name}/watched"] = new("/api/v1/models/churn/watched", Access.Write, 200,
            () => Json("{\"metrics\":[{\"name\":\"recall\",\"max_relative_drop\":0.1},{\"name\":\"accuracy\"}]}"),
            JsonBodyBound with { WrongTyped = "{\"metrics\":\"recall\"}" }),
        ["DELETE /api/v1/models/{name}/watched"] = new("/api/v1/models/churn/watched", Access.Write, 200),
        ["GET /api/v1/models/{name}/versions/{version:int}/estimator"] = new("/api/v1/models/churn/versions/1/estimator", Access.Read, 200),
        // No labelled rows in the log: the documented 422 (a refit needs at least 50).
        ["POST /api/v1/models/{name}/versions/{version:int}/estimator"] = new("/api/v1/models/churn/versions/1/estimator", Access.Write, 422,
            () => Json("{\"from_log\":true,\"rows\":100}"), JsonBodyBound with { WrongTyped = "{\"from_log\":\"yes\"}" }),
        ["DELETE /api/v1/models/{name}/versions/{version:int}/estimator"] = new("/api/v1/models/churn/versions/1/estimator", Access.Write, 200),
        ["GET /api/v1/models/{name}/shadow"] = new("/api/v1/models/churn/shadow", Access.Read, 200),
        // Version 1 is the champion: a shadow must be another version.
        ["PUT /api/v1/models/{name}/shadow"] = new("/api/v1/models/churn/shadow", Access.Write, 409,
            () => Json("{\"version\":1}"), JsonBodyBound with { WrongTyped = "{\"version\":\"one\"}" }),
        ["DELETE /api/v1/models/{name}/shadow"] = new("/api/v1/models/churn/shadow", Access.Write, 200),
        // No shadow to promote; the endpoint reads no body.
        ["POST /api/v1/models/{name}/shadow/promote"] = new("/api/v1/models/churn/shadow/promote", Access.Write, 409,
            () => Json("{}"), new Bodies(409, 409, 413, 409, 409, "{\"x\":[]}")),
    };

    public static TheoryData<string> Endpoints() => new(Matrix.Keys);

    public static TheoryData<string, string> BodyCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (key, entry) in Matrix.Where(e => e.Value.Bad is not null))
        {
            foreach (var kind in new[] { "malformed", "invalid-utf8", "oversize", "wrong-typed", "empty" })
            {
                data.Add(key, kind);
            }
        }

        return data;
    }

    [Fact]
    public void Every_endpoint_has_a_matrix_entry()
    {
        var routed = fixture.Running.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => m + " " + Normalise(e.RoutePattern.RawText ?? "")))
            .ToHashSet(StringComparer.Ordinal);
        var missing = routed.Except(Matrix.Keys).Order().ToArray();
        var stale = Matrix.Keys.Except(routed).Order().ToArray();
        Assert.True(missing.Length == 0 && stale.Length == 0,
            $"Endpoints without a matrix entry: [{string.Join(", ", missing)}]; entries without an endpoint: [{string.Join(", ", stale)}].");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_key_gets_the_documented_status(string endpoint)
    {
        var entry = Matrix[endpoint];
        var method = endpoint.Split(' ')[0];
        var allowed = entry.Access == Access.Open ? entry.Status : 401;
        await Expect(endpoint, "no key", await Send(fixture.Running.Anonymous, method, entry), allowed);
        await Expect(endpoint, "read key", await Send(fixture.Running.Reader, method, entry), entry.Access == Access.Write ? 403 : entry.Status);
        await Expect(endpoint, "write key", await Send(fixture.Running.Writer, method, entry), entry.Status);
    }

    [Theory]
    [MemberData(nameof(BodyCases))]
    public async Task Each_bad_body_gets_the_documented_4xx(string endpoint, string kind)
    {
        var entry = Matrix[endpoint];
        var bad = entry.Bad!;
        var (content, status) = kind switch
        {
            "malformed" => (Json("{\"a\": [1, "), bad.Malformed),
            "invalid-utf8" => (Bytes([.. "[{\"id\":\"caf"u8, 0xE9, .. "\",\"reason\":\"x\"}]"u8]), bad.InvalidUtf8),
            "oversize" => (Json("[" + new string(' ', MaxRequestBytes) + "]"), bad.Oversize),
            "wrong-typed" => (Json(bad.WrongTyped), bad.WrongTypedStatus),
            _ => (Bytes([]), bad.Empty),
        };
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Split(' ')[0]), Url(entry)) { Content = content };
        // A refused body may be left unread, and the server then closes the connection: a connection of its own keeps
        // that from cutting off the next case's answer, and "Expect: 100-continue" lets the server refuse an oversize
        // body before it is sent (as HTTP clients that upload large bodies do).
        request.Headers.ConnectionClose = true;
        request.Headers.ExpectContinue = kind == "oversize";
        await Expect(endpoint, kind, await fixture.Running.Writer.SendAsync(request), status);
    }

    private static async Task Expect(string endpoint, string what, HttpResponseMessage response, int status)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == status,
                $"{endpoint} with {what}: expected {status}, got {(int)response.StatusCode}: {body[..Math.Min(400, body.Length)]}");
            if (status >= 400)
            {
                Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
            }
        }
    }

    private async Task<HttpResponseMessage> Send(HttpClient client, string method, Entry entry)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Url(entry)) { Content = entry.Valid?.Invoke() };
        return await client.SendAsync(request);
    }

    private string Url(Entry entry) => entry.Url.Replace("{check}", fixture.CheckId, StringComparison.Ordinal);

    private static string Normalise(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    // An external model with its reference: the smallest registration that succeeds.
    private static MultipartFormDataContent ExternalRegistration()
    {
        var csv = "f0,y,pred\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i => $"{i % 5},{i % 2},{(i % 3 == 0 ? 1 : 0)}"));
        return new MultipartFormDataContent
        {
            { new StringContent("external"), "kind" },
            { new StringContent("y"), "label" },
            { new StringContent("pred"), "prediction" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "reference", "reference.csv" },
        };
    }

    private static ByteArrayContent Zip(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    /// <summary>The server: model "churn" with 100 logged rows and one check; a bundle ready to register and one zipped.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public static byte[] UploadZip { get; private set; } = [];

        internal RunningServer Running { get; private set; } = null!;

        public string CheckId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Running = await RunningServer.StartAsync(new() { ["Vigil:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await Running.RegisterAsync("churn");
            TrainedModel.CopyInto(Running.Workspace, "imports/other");
            var zipped = Path.Combine(Path.GetTempPath(), "vigil-matrix-" + Guid.NewGuid().ToString("N") + ".zip");
            ZipFile.CreateFromDirectory(Path.Combine(Running.Workspace, "imports", "other"), zipped);
            UploadZip = await File.ReadAllBytesAsync(zipped);
            File.Delete(zipped);
            await RunningServer.Expect(await Running.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 100, "m"))), 200);
            var check = await RunningServer.Expect(await Running.Writer.PostAsync("/api/v1/models/churn/checks", Json("{\"last\":100}")), 201);
            CheckId = ((long)check["check"]!["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public async Task DisposeAsync() => await Running.DisposeAsync();
    }
}
