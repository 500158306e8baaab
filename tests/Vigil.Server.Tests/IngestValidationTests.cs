using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests;

/// <summary>
/// Ingestion against the champion's schema (issue #20, items 4 and 8): wrong types, unknown and missing features,
/// numbers beyond double, trailing bytes and invalid UTF-8 are refused with the row, field, expected and found value
/// and nothing stored; a lenient request stores them and reports them.
/// </summary>
public sealed class IngestValidationTests(IngestValidationTests.Server fixture) : IClassFixture<IngestValidationTests.Server>
{
    private readonly RunningServer _server = fixture.Running;

    /// <summary>One server for the class: "churn" only ever receives refused batches; "loose" takes the lenient ones.</summary>
    public sealed class Server : IAsyncLifetime
    {
        internal RunningServer Running { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Running = await RunningServer.StartAsync();
            await Running.RegisterAsync("churn");
            await Running.RegisterAsync("loose", "imports/loose");
        }

        public async Task DisposeAsync() => await Running.DisposeAsync();
    }

    // Row 0 is fine; 1 has "forty" in a numeric feature, 2 a boolean, 3 a number beyond double, 4 two thousand
    // unknown keys, 5 lacks a feature.
    private static string BadBatch(string prefix)
    {
        var rows = TrainedModel.Rows(0, 6, prefix);
        rows[1]!["features"]!["f0"] = "forty";
        rows[2]!["features"]!["f1"] = true;
        rows[3]!["features"]!["f2"] = "__HUGE__";
        for (var i = 0; i < 2000; i++)
        {
            rows[4]!["features"]![string.Create(CultureInfo.InvariantCulture, $"junk{i}")] = i;
        }

        rows[5]!["features"]!.AsObject().Remove("f3");
        return rows.ToJsonString().Replace("\"__HUGE__\"", "1e999", StringComparison.Ordinal);
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Rows_that_do_not_match_the_champions_schema_are_422_with_row_field_expected_and_found()
    {
        var problem = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predictions", Body(BadBatch("s"))), 422);
        Assert.Contains("5 of 6 rows are invalid; nothing was stored", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Contains("lenient=true", (string)problem["detail"]!, StringComparison.Ordinal);
        var rows = problem["rows"]!.AsArray();
        AssertProblem(rows, 1, "features.f0", "a number", "the string \"forty\"");
        AssertProblem(rows, 2, "features.f1", "a number", "true");
        AssertProblem(rows, 3, "features.f2", "a number within", "the number 1e999");
        AssertProblem(rows, 4, "features", "only the champion's 6 features", "2000 unknown: 'junk0', 'junk1', 'junk2', …");
        AssertProblem(rows, 5, "features", "every feature", "1 missing: 'f3'");
        Assert.Equal(rows.Count, problem["errors"]!.AsArray().Count);
        Assert.Contains("row 1: feature 'f0': expected a number", (string)problem["errors"]![0]!, StringComparison.Ordinal);
        await AssertStoredRows(0);

        // /predict validates the same way before scoring.
        var predict = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predict", Body(BadBatch("p"))), 422);
        AssertProblem(predict["rows"]!.AsArray(), 1, "features.f0", "a number", "the string \"forty\"");
        await AssertStoredRows(0);
    }

    [Fact]
    public async Task A_lenient_request_stores_them_counts_them_and_checks_still_run()
    {
        var before = await InvalidCounter();
        var result = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/loose/predictions?lenient=true", Body(BadBatch("l"))), 200);
        Assert.Equal(6, (int)result["inserted"]!);
        Assert.Equal(5, (int)result["invalid_rows"]!);
        AssertProblem(result["findings"]!.AsArray(), 3, "features.f2", "a number within", "the number 1e999");
        Assert.Equal(before + 5, await InvalidCounter());

        // Scoring leniently reads a value its column cannot hold as missing.
        var scored = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/loose/predict?lenient=true", Body(BadBatch("lp"))), 200);
        Assert.Equal(6, scored["results"]!.AsArray().Count);
        Assert.Equal(5, (int)scored["invalid_rows"]!);

        // The stored rows (1e999 kept as "Infinity") do not break a check over them.
        await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/loose/checks", Body("{\"last\": 12}")), 201);
        await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predictions?lenient=maybe", Body(BadBatch("x"))), 400);
    }

    [Theory]
    [InlineData("/api/v1/models/churn/predictions", "[{\"id\":\"t1\",\"features\":{\"f0\":1,\"f1\":1,\"f2\":1,\"f3\":1,\"f4\":1,\"f5\":1},\"prediction\":\"1\"}] x")]
    [InlineData("/api/v1/models/churn/predictions", "[{\"id\":\"t2\",\"features\":{\"f0\":1,\"f1\":1,\"f2\":1,\"f3\":1,\"f4\":1,\"f5\":1},\"prediction\":\"1\"}][]")]
    [InlineData("/api/v1/models/churn/predictions", "{\"rows\":[{\"id\":\"t3\",\"features\":{\"f0\":1,\"f1\":1,\"f2\":1,\"f3\":1,\"f4\":1,\"f5\":1},\"prediction\":\"1\"}]},")]
    [InlineData("/api/v1/models/churn/predict", "[{\"features\":{\"f0\":1,\"f1\":1,\"f2\":1,\"f3\":1,\"f4\":1,\"f5\":1}}]]")]
    [InlineData("/api/v1/models/churn/labels", "[{\"id\":\"t1\",\"label\":\"1\"}] {}")]
    public async Task Bytes_after_the_json_value_are_400_and_nothing_is_stored(string path, string json)
    {
        var problem = await RunningServer.Expect(await _server.Writer.PostAsync(path, Body(json)), 400);
        Assert.Equal("Invalid JSON", (string)problem["title"]!);
        await AssertStoredRows(0);
    }

    [Theory]
    [InlineData("/api/v1/models/churn/predictions")]
    [InlineData("/api/v1/models/churn/predict")]
    [InlineData("/api/v1/models/churn/labels")]
    [InlineData("/api/v1/models/churn/versions")]
    [InlineData("/api/v1/models/churn/promote")]
    [InlineData("/api/v1/models/churn/rollback")]
    [InlineData("/api/v1/models/churn/checks")]
    [InlineData("/api/v1/models/churn/retrains")]
    public async Task Invalid_utf8_is_400_naming_the_byte_offset(string path)
    {
        var text = Encoding.UTF8.GetBytes("[{\"id\":\"u1\",\"label\":\"caf_\",\"reason\":\"x\"}]");
        var at = Array.IndexOf(text, (byte)'_');
        text[at] = 0xE9; // Latin-1 é: not UTF-8
        using var content = new ByteArrayContent(text);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var problem = await RunningServer.Expect(await _server.Writer.PostAsync(path, content), 400);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"byte 0xE9 at byte offset {at}"), (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/models/churn/predictions", "[{\"id\":\"\\ud800\",\"features\":{},\"prediction\":\"1\"}]")]
    [InlineData("/api/v1/models/churn/predictions", "[{\"id\":\"s1\",\"features\":{\"f0\":\"\\udc00\"},\"prediction\":\"1\"}]")]
    [InlineData("/api/v1/models/churn/labels", "[{\"id\":\"\\ud800x\",\"label\":\"1\"}]")]
    public async Task An_escaped_lone_surrogate_is_400_not_500(string path, string json)
    {
        var problem = await RunningServer.Expect(await _server.Writer.PostAsync(path, Body(json)), 400);
        Assert.Equal("Invalid JSON", (string)problem["title"]!);
    }

    [Fact]
    public async Task Wrong_typed_labels_and_bound_bodies_name_the_field()
    {
        var labels = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/labels", Body("[{\"id\":{},\"label\":[1]}]")), 422);
        AssertProblem(labels["rows"]!.AsArray(), 0, "id", "a non-empty string or a number", "an object");
        var promote = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/promote", Body("{\"version\":\"two\"}")), 400);
        Assert.Contains("$.version", (string)promote["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_over_MaxBatchRows_is_422_and_nothing_is_stored()
    {
        await using var small = await RunningServer.StartAsync(new() { ["Vigil:MaxBatchRows"] = "3" });
        await small.RegisterAsync("churn");
        var rows = await RunningServer.Expect(await small.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 4))), 422);
        Assert.Contains("more than 3 rows (Vigil:MaxBatchRows)", (string)rows["detail"]!, StringComparison.Ordinal);
        var labels = await RunningServer.Expect(await small.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(TrainedModel.Labels(0, 4))), 422);
        Assert.Contains("more than 3 labels", (string)labels["detail"]!, StringComparison.Ordinal);
        await RunningServer.Expect(await small.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 3))), 200);
        var model = await RunningServer.Expect(await small.Reader.GetAsync("/api/v1/models/churn"), 200);
        Assert.Equal(3, (long)model["rows"]!);
    }

    [Fact]
    public async Task Each_problem_of_a_row_is_listed_once_and_a_predict_row_needs_no_id()
    {
        // /predict makes ids itself: a row refused for its features must not also be blamed for having none, and a
        // logged row whose id is null is told so once (it was told twice: "found null" and "found nothing").
        var rows = TrainedModel.Rows(0, 1);
        var features = rows[0]!["features"]!.DeepClone();
        features["f0"] = "forty";
        var predict = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predict",
            Body(new JsonArray(new JsonObject { ["features"] = features }).ToJsonString())), 422);
        var problem = Assert.Single(predict["rows"]!.AsArray())!;
        Assert.Equal("features.f0", (string)problem["field"]!);

        rows[0]!["id"] = null;
        var logged = await RunningServer.Expect(await _server.Writer.PostAsync("/api/v1/models/churn/predictions", Body(rows.ToJsonString())), 422);
        problem = Assert.Single(logged["rows"]!.AsArray())!;
        Assert.Equal("id", (string)problem["field"]!);
        Assert.Equal("null", (string)problem["found"]!);
    }

    private static void AssertProblem(JsonArray rows, int row, string field, string expected, string found)
    {
        var match = rows.FirstOrDefault(r => (int)r!["row"]! == row && (string)r["field"]! == field);
        Assert.True(match is not null, $"no problem for row {row}, field {field} in {rows.ToJsonString()}");
        Assert.Contains(expected, (string)match!["expected"]!, StringComparison.Ordinal);
        Assert.Equal(found, (string)match["found"]!);
    }

    private async Task AssertStoredRows(long expected)
    {
        var model = await RunningServer.Expect(await _server.Reader.GetAsync("/api/v1/models/churn"), 200);
        Assert.Equal(expected, (long)model["rows"]!);
    }

    private async Task<double> InvalidCounter()
    {
        var text = await _server.Reader.GetStringAsync("/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("vigil_rows_invalid_total{model=\"loose\",input=\"predictions\"}", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
